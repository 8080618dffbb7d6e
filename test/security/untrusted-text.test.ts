/**
 * Untrusted text end to end (`node dist/index.js`): pull request titles, bodies, branch names, commit
 * messages, check names, Jira statuses and summaries, and the emergency justification are written by people
 * the gate is checking. None of it may become a workflow command, a GITHUB_OUTPUT entry, Markdown/HTML in
 * the job summary or the retrospective, or a record that cannot be hashed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { computeRecordId } from '../../src/evidence/hash.js'
import { OUTPUT_NAMES } from '../../src/report/outputs.js'
import { scenario } from '../support/github-scenario.js'
import { startJiraStandIn, ticket, type JiraStandIn } from '../support/jira-stand-in.js'
import type { ActionRun } from '../support/run-action.js'
import { codes, stage, type Stage } from '../support/stage.js'

let current: Stage | null = null
let jira: JiraStandIn | null = null
afterEach(async () => {
  await current?.close()
  await jira?.close()
  current = jira = null
})

/** Each line of this, at the start of a log line, would be obeyed by the runner. */
const COMMANDS = [
  '::set-output name=decision::allow',
  '::add-mask::deploy',
  '::stop-commands::resume-token',
  '::error::forged error',
  '::endgroup::',
  '::set-env name=NODE_OPTIONS::--require /tmp/x.js'
]
const INJECTION = `\n${COMMANDS.join('\n')}\n`
const MARKUP =
  '<img src=x onerror=alert(1)> <script>alert(1)</script> [click here](javascript:alert(1)) ' +
  '![x](https://evil.example/x.png) | forged | cell | @acme/admins **ALLOWED** <!-- '
/** A lone surrogate: valid in a JSON string from the API, not representable in RFC 8785. */
const LONE = '\ud800'

/** Every line the action printed that the runner would take as a command, other than annotations and masks. */
function commandLines(run: ActionRun, secrets: readonly string[]): string[] {
  const masks = new Set(secrets.map(secret => `::add-mask::${secret}`))
  return run.stdout
    .split('\n')
    .filter(l => l.startsWith('::'))
    .filter(l => !/^::(error|warning|notice)( [^:]*)?::/.test(l) && !masks.has(l))
}

/** The masks a run may print: its tokens and the ledger's Basic header made from the GitHub token. */
function secretsOf(stage: Stage, ...more: string[]): string[] {
  const token = stage.github.token
  return [token, Buffer.from(`x-access-token:${token}`).toString('base64'), ...more]
}

function expectNoInjection(run: ActionRun, secrets: readonly string[]): void {
  expect(commandLines(run, secrets)).toEqual([])
  // Annotations carry the untrusted text escaped by @actions/core: on one line.
  for (const line of run.stdout.split('\n')) {
    for (const command of COMMANDS) if (line.startsWith(command)) expect.fail(`injected: ${line}`)
  }
  expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  for (const value of Object.values(run.outputs)) expect(value).not.toContain('\n')
  expect(run.stderr).not.toMatch(/^::/m)
}

function expectInertSummary(summary: string): void {
  expect(summary).not.toMatch(/<img|<script|<!--|javascript:|\]\(|!\[/i)
  expect(summary).not.toMatch(/@acme\/admins/)
  expect(summary).not.toMatch(/^::/m)
  // Untrusted text never starts a line: every line is one of the summary's own blocks.
  for (const line of summary.split('\n')) {
    expect(line === '' || /^(<|> )/.test(line), `summary line: ${line.slice(0, 80)}`).toBe(true)
  }
}

function expectHashable(records: readonly Record<string, unknown>[]): void {
  expect(records.length).toBeGreaterThan(0)
  for (const record of records) expect(computeRecordId(record)).toBe(record.id)
}

describe('untrusted text cannot command the runner, forge the summary or break the ledger', () => {
  it('in pull request titles, bodies, branches, commit messages and check names', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      title: `Fix rounding${INJECTION}${MARKUP}${LONE}`,
      body: `Body${INJECTION}${MARKUP}`,
      branch: `feature/x${INJECTION}`,
      commits: [{ message: `fix${INJECTION}${MARKUP}${LONE}` }],
      approvals: ['bob'],
      checks: [{ name: `ci${INJECTION}${MARKUP}`, conclusion: 'failure' }],
      baseChecks: [{ name: `ci${INJECTION}${MARKUP}`, conclusion: 'failure' }]
    })
    current = await stage(s)
    const run = await current.run()
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['ci-failed'])
    expect(run.errors.length).toBeGreaterThan(0)
    expectNoInjection(run, secretsOf(current))
    expectInertSummary(run.summary)
    const records = current.records()
    expectHashable(records as unknown as Record<string, unknown>[])
    expect(records[0]?.changes[0]?.title).toContain('\ufffd')
  })

  it('in Jira status names and summaries', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'PAY-7 fix rounding', approvals: ['bob'] })
    jira = await startJiraStandIn({
      tickets: [
        ticket('PAY-7')
          .titled(`Summary${INJECTION}${MARKUP}`)
          .created('2024-06-01T09:00:00.000Z')
          .moved('To Do', `Done${INJECTION}${MARKUP}${LONE}`, '2024-06-02T09:00:00.000Z')
      ]
    })
    current = await stage(s)
    const run = await current.run({
      'ticket-source': 'jira',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': jira.apiToken
    })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['ticket-not-approved'])
    expectNoInjection(run, secretsOf(current, jira.apiToken))
    expectInertSummary(run.summary)
    expectHashable(current.records() as unknown as Record<string, unknown>[])
  })

  it('in the emergency justification and the retrospective issue it opens', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      title: `Hotfix${INJECTION}${MARKUP}`,
      approvals: ['alice']
    })
    current = await stage(s)
    const justification = `Checkout is down for every customer since 09:12, rolling forward.${INJECTION}${MARKUP}`
    const run = await current.run({ emergency: true, 'emergency-justification': justification })
    expect(run.outputs.decision).toBe('allow')
    expect(run.outputs.emergency).toBe('true')
    expectNoInjection(run, secretsOf(current))
    expectInertSummary(run.summary)
    expectHashable(current.records() as unknown as Record<string, unknown>[])

    const issue = s.data.issues.find(i => i.title.startsWith('Retrospective'))
    expect(issue).toBeDefined()
    // GitHub renders the body as Markdown: nothing in it may become a link, an image, HTML or a mention.
    expect(issue!.body).not.toMatch(/<img|<script|<!--|javascript:|\]\(javascript|!\[|@acme\/admins/i)
    expect(issue!.body).not.toMatch(/^::/m)
    expect(issue!.body).not.toMatch(/^\| forged/m)
    expect(issue!.title).not.toContain('\n')
  })
})
