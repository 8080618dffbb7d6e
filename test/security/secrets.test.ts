/**
 * Secrets end to end (`node dist/index.js`, as the runner starts it): every secret input is masked before
 * anything else is printed, and never written anywhere else — log, GITHUB_OUTPUT, job summary, evidence
 * file, ledger, ledger commits — even when the services it is sent to fail and quote it back.
 *
 * The runner's masking is not modelled here: a secret must not reach these places at all, because the
 * evidence file and the ledger are not masked by anyone, and a log line may hold the secret in a form
 * (a normalised URL, base64) that the mask does not match.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { scenario } from '../support/github-scenario.js'
import { startJiraStandIn, ticket, type JiraStandIn } from '../support/jira-stand-in.js'
import { stage, type Stage } from '../support/stage.js'
import { masks, startEchoingWebhook, whereFound, written, type EchoingWebhook } from './support.js'

let current: Stage | null = null
let jira: JiraStandIn | null = null
let webhook: EchoingWebhook | null = null
afterEach(async () => {
  await current?.close()
  await jira?.close()
  await webhook?.close()
  current = jira = webhook = null
})

const GITHUB_TOKEN = 'ghs_SecretGitHubToken1111111111111111111'
const EVIDENCE_TOKEN = 'ghs_SecretEvidenceToken22222222222222222'
const WEBHOOK_TOKEN = 'whk_SecretWebhookToken333333333333'
/** A SIEM collector whose credential is a path segment of the URL. */
const WEBHOOK_PATH_SECRET = 'hec-SecretPathToken44444444444'
const JIRA_TOKEN = 'ATATT3xSecretJiraApiToken5555555555'
const JIRA_PAT = 'NjE2SecretJiraDataCenterPat66666666'

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

function expectNowhere(w: ReturnType<typeof written>, secrets: Record<string, string>): void {
  const leaks = Object.entries(secrets)
    .map(([name, value]) => ({ name, where: whereFound(w, value) }))
    .filter(l => l.where.length > 0)
  expect(leaks).toEqual([])
}

function expectMaskedFirst(stdout: string, secrets: readonly string[]): void {
  const masked = masks(stdout)
  for (const secret of secrets) {
    expect(
      masked.find(m => m.value === secret),
      `::add-mask:: for ${secret.slice(0, 8)}…`
    ).toMatchObject({
      first: true
    })
  }
}

describe('secrets never leave the runner', () => {
  it('when Jira (Cloud) and the webhook reject the run and quote the credentials back', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    s.pullRequest({ author: 'alice', title: 'PAY-1 fix rounding', approvals: ['bob'] })
    jira = await startJiraStandIn({ apiToken: JIRA_TOKEN, tickets: [ticket('PAY-1')] })
    jira.inject({ status: 401, times: Infinity, echoAuthorization: true })
    webhook = await startEchoingWebhook(500)
    current = await stage(s, { store: 'git' })
    const run = await current.run({
      'evidence-token': EVIDENCE_TOKEN,
      'ticket-source': 'jira',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': JIRA_TOKEN,
      'evidence-webhook': `${webhook.url}/services/collector/${WEBHOOK_PATH_SECRET}`,
      'evidence-webhook-token': WEBHOOK_TOKEN
    })
    expect(run.outputs.decision).toBe('block')
    expect(webhook.received).toBeGreaterThan(0)
    expect(run.stdout).toMatch(/::warning[^\n]*webhook[^\n]*500/)
    expect(run.stdout).toMatch(/Jira[^\n]*401/)

    expectMaskedFirst(run.stdout, [
      GITHUB_TOKEN,
      EVIDENCE_TOKEN,
      JIRA_TOKEN,
      WEBHOOK_TOKEN,
      `${webhook.url}/services/collector/${WEBHOOK_PATH_SECRET}`
    ])
    expectNowhere(written(run, current), {
      GITHUB_TOKEN,
      EVIDENCE_TOKEN,
      WEBHOOK_TOKEN,
      WEBHOOK_PATH_SECRET,
      JIRA_TOKEN,
      'jira basic': base64(`${jira.email}:${JIRA_TOKEN}`),
      'ledger basic': base64(`x-access-token:${EVIDENCE_TOKEN}`)
    })
  })

  it('when the webhook URL is given in another letter case than it is sent in', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    webhook = await startEchoingWebhook(403)
    current = await stage(s)
    // The mask matches the text as given; the URL as sent is normalised (`HTTP://` → `http://`).
    const given = `${webhook.url.replace('http://', 'HTTP://')}/services/collector/${WEBHOOK_PATH_SECRET}`
    const run = await current.run({ 'evidence-webhook': given })
    expect(run.outputs.decision).toBe('allow')
    expect(webhook.received).toBe(1)
    expectMaskedFirst(run.stdout, [given])
    expectNowhere(written(run, current), { WEBHOOK_PATH_SECRET })
  })

  it('when GitHub fails with an answer that quotes the token', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s, { store: 'git' })
    current.github.failAll({
      status: 403,
      message: `Forbidden: Authorization: token ${GITHUB_TOKEN} lacks contents: read`
    })
    const run = await current.run({ 'evidence-token': EVIDENCE_TOKEN })
    expect(run.outputs.decision).toBe('block')
    expect(run.stdout).toMatch(/GitHub[^\n]*403/)
    expectMaskedFirst(run.stdout, [GITHUB_TOKEN, EVIDENCE_TOKEN])
    expectNowhere(written(run, current), { GITHUB_TOKEN, EVIDENCE_TOKEN })
  })

  it('when GitHub answers 500 with the token in its body, then the retries give up', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    current.github.failAll({ status: 500, body: { message: 'boom', echo: `token ${GITHUB_TOKEN}` } })
    const run = await current.run()
    expect(run.outputs.decision).toBe('block')
    expectNowhere(written(run, current), { GITHUB_TOKEN })
  })

  it('when Jira Data Center rejects the PAT and quotes it back', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    s.pullRequest({ author: 'alice', title: 'PAY-2 fix', approvals: ['bob'] })
    jira = await startJiraStandIn({ flavour: 'data-center', pat: JIRA_PAT, tickets: [ticket('PAY-2')] })
    jira.inject({ status: 403, times: Infinity, echoAuthorization: true })
    current = await stage(s)
    const run = await current.run({
      'ticket-source': 'jira',
      'jira-base-url': jira.url,
      'jira-pat': JIRA_PAT
    })
    expect(run.outputs.decision).toBe('block')
    expectMaskedFirst(run.stdout, [GITHUB_TOKEN, JIRA_PAT])
    expectNowhere(written(run, current), { GITHUB_TOKEN, JIRA_PAT, 'pat base64': base64(JIRA_PAT) })
  })

  it('when the emergency follow-up cannot be opened in Jira', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    s.pullRequest({ author: 'alice', approvals: ['alice'] })
    jira = await startJiraStandIn({ apiToken: JIRA_TOKEN, projects: ['OPS'] })
    jira.inject({ status: 401, times: Infinity, echoAuthorization: true })
    current = await stage(s)
    const run = await current.run({
      emergency: true,
      'emergency-justification': 'Checkout is down for every customer since 09:12, rolling forward INC-77.',
      retrospective: 'jira',
      'retrospective-jira-project': 'OPS',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': JIRA_TOKEN
    })
    expect(run.outputs.decision).toBe('allow')
    expect(JSON.parse(run.outputs.warnings ?? '[]')).toContain('follow-up-not-opened')
    expectNowhere(written(run, current), {
      GITHUB_TOKEN,
      JIRA_TOKEN,
      'jira basic': base64(`${jira.email}:${JIRA_TOKEN}`)
    })
  })

  it('when a credential is written into a URL input, the error does not repeat it', async () => {
    const s = scenario({ token: GITHUB_TOKEN })
    current = await stage(s)
    const secret = 'SecretInUrl7777777777'
    const runs = [
      await current.run({
        'evidence-store': 'git',
        'evidence-dir': '',
        'evidence-remote': `ssh://git:${secret}@example.com/acme/evidence.git`
      }),
      await current.run({
        'evidence-store': 'git',
        'evidence-dir': '',
        'evidence-remote': `https://example.com/acme/evidence.git?token=${secret}`
      }),
      await current.run({
        'ticket-source': 'jira',
        'jira-base-url': `ftp://me:${secret}@jira.example.com`,
        'jira-pat': JIRA_PAT
      }),
      await current.run({
        'ticket-source': 'jira',
        'jira-base-url': `https://jira.example.com/?token=${secret}`,
        'jira-pat': JIRA_PAT
      }),
      await current.run({
        'ticket-source': 'jira',
        'jira-base-url': `https://jira.example.com/#${secret}`,
        'jira-pat': JIRA_PAT
      })
    ]
    for (const run of runs) {
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/::error::Invalid input '(evidence-remote|jira-base-url)'/)
      expect(whereFound(written(run, current), secret)).toEqual([])
    }
  })
})
