/** Break-glass end to end (issue 4): `node dist/index.js` with `emergency: true` against the stand-ins. */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scenario } from '../support/github-scenario.js'
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in.js'
import { NODE24, ROOT } from '../support/run-action.js'
import { codes, stage, type Stage } from '../support/stage.js'

let current: Stage | null = null
let jira: JiraStandIn | null = null
afterEach(async () => {
  await current?.close()
  await jira?.close()
  current = null
  jira = null
})

const JUSTIFICATION =
  'Payments are failing for EU customers since 14:02; rolling forward the fix from INC-4411.'

function failingChange() {
  const s = scenario()
  // Self-approved and CI still running: two rules fail.
  s.pullRequest({
    author: 'alice',
    title: 'Fix EU payments',
    approvals: ['alice'],
    checks: [{ name: 'ci', status: 'in_progress' }],
    baseChecks: ['ci']
  })
  return s
}

describe('emergency override end to end', () => {
  it('lets an allowed actor through, records what was bypassed and opens a retrospective issue due in 24 hours', async () => {
    const s = failingChange()
    current = await stage(s)
    const run = await current.run(
      {
        emergency: true,
        'emergency-justification': JUSTIFICATION,
        'emergency-approvers': 'oncall-lead, deployer'
      },
      { GITHUB_ACTOR: 'deployer' }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('allow')
    expect(run.outputs.emergency).toBe('true')
    expect(codes(run, 'reasons')).toEqual(['self-approval', 'ci-pending'])

    const record = current.records()[0]!
    expect(record.decision).toBe('allow')
    expect(record.emergency).toMatchObject({
      actor: 'deployer',
      justification: JUSTIFICATION,
      bypassed: ['self-approval', 'ci-pending']
    })
    const due = Date.parse(record.emergency!.followUp.dueAt) - Date.parse(record.decidedAt)
    expect(due).toBe(24 * 3600 * 1000)

    const issue = s.data.issues.find(i => i.title.startsWith('Retrospective'))!
    expect(record.emergency!.followUp.url).toContain(`/issues/${issue.number}`)
    expect(issue.labels).toContain('deploy-gate-retrospective')
    for (const text of [
      'production',
      s.head(),
      'deployer',
      'self-approval',
      'ci-pending',
      '#1',
      '/actions/runs/1001'
    ]) {
      expect(issue.body).toContain(text)
    }
    expect(issue.body).toContain('Payments are failing for EU customers')
    // The summary makes it unmissable: who, why, what, the follow-up.
    expect(run.summary).toMatch(/emergency/i)
    expect(run.summary).toContain('deployer')
    expect(run.summary).toContain(record.emergency!.followUp.url!)
  })

  it.each([
    ['missing', ''],
    ['too short', 'db is down'],
    ['a placeholder', 'n/a n/a n/a n/a n/a n/a n/a'],
    ['repeated characters', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa']
  ])('refuses a %s justification before any request, recording nothing', async (_what, justification) => {
    const s = failingChange()
    current = await stage(s)
    const run = await current.run({ emergency: true, 'emergency-justification': justification })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("'emergency-justification'")
    expect(current.github.count()).toBe(0)
    expect(current.records()).toEqual([])
  })

  it('blocks an actor who is not in emergency-approvers, and records the attempt', async () => {
    const s = failingChange()
    current = await stage(s)
    const run = await current.run(
      { emergency: true, 'emergency-justification': JUSTIFICATION, 'emergency-approvers': 'oncall-lead' },
      { GITHUB_ACTOR: 'mallory' }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('block')
    expect(run.outputs.emergency).toBe('false')
    expect(codes(run, 'reasons')).toContain('emergency-not-allowed')
    expect(current.records()[0]).toMatchObject({ decision: 'block' })
    expect(s.data.issues).toHaveLength(0)
  })

  it('still deploys when the follow-up cannot be opened, and says so', async () => {
    const s = failingChange()
    s.permissions({ issues: 'read' })
    current = await stage(s)
    const run = await current.run({ emergency: true, 'emergency-justification': JUSTIFICATION })
    expect(run.outputs.decision).toBe('allow')
    expect(codes(run, 'warnings')).toEqual(
      expect.arrayContaining(['emergency-approvers-empty', 'follow-up-not-opened'])
    )
    const record = current.records()[0]!
    expect(record.warnings).toContain('follow-up-not-opened')
    expect(record.emergency?.followUp.url).toBeNull()
  })

  it('opens the follow-up in Jira with retrospective: jira', async () => {
    const s = failingChange()
    jira = await startJiraStandIn({ projects: ['OPS'] })
    current = await stage(s)
    const run = await current.run({
      emergency: true,
      'emergency-justification': JUSTIFICATION,
      retrospective: 'jira',
      'retrospective-jira-project': 'OPS',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': jira.apiToken
    })
    expect(run.outputs.decision).toBe('allow')
    expect(jira.created).toHaveLength(1)
    const created = jira.created[0]!
    expect(created.key).toMatch(/^OPS-\d+$/)
    expect(JSON.stringify(created.fields)).toContain('self-approval')
    expect(current.records()[0]?.emergency?.followUp.url).toBe(`${jira.url}/browse/${created.key}`)

    // The auditor's CLI (the bundle) asks the same Jira whether that follow-up was done within 24 hours.
    const dueAt = Date.parse(current.records()[0]!.emergency!.followUp.dueAt)
    // Asynchronously: the Jira stand-in answers from this process.
    const findings = async (now: number) => {
      const child = spawn(
        NODE24,
        [
          join(ROOT, 'dist', 'cli', 'index.js'),
          'findings',
          '--dir',
          current!.ledgerPath,
          '--now',
          new Date(now).toISOString(),
          '--jira-url',
          jira!.url
        ],
        {
          env: {
            PATH: process.env.PATH,
            DEPLOY_GATE_JIRA_EMAIL: jira!.email,
            DEPLOY_GATE_JIRA_API_TOKEN: jira!.apiToken
          }
        }
      )
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
      await new Promise(done => child.on('close', done))
      return out
    }
    expect(await findings(dueAt + 3_600_000)).toContain(`[follow-up-overdue]`)
    jira.resolve(created.key, new Date(dueAt - 3_600_000).toISOString())
    const resolved = await findings(dueAt + 3_600_000)
    expect(resolved).toContain('No findings.')
    expect(resolved).not.toContain(jira.apiToken)
  })

  it('records an emergency on a clean change set with nothing bypassed', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    const run = await current.run({
      emergency: true,
      'emergency-justification': JUSTIFICATION,
      retrospective: 'none'
    })
    expect(run.outputs.decision).toBe('allow')
    expect(run.outputs.emergency).toBe('true')
    expect(codes(run, 'reasons')).toEqual([])
    expect(current.records()[0]?.emergency).toMatchObject({ bypassed: [], followUp: { url: null } })
  })
})
