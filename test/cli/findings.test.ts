import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { evaluateFollowUp, type EmergencyDeploy, type FollowUpStatus } from '../../src/cli/findings.js'
import type { UnchainedRecord } from '../../src/evidence/record.js'
import { startJiraStandIn, ticket, type JiraStandIn } from '../support/jira-stand-in.js'
import { anIssue, startIssueStandIn, type IssueStandIn } from './support/github-issues.js'
import {
  aChange,
  aRecord,
  anEmergency,
  at,
  chain,
  jsonl,
  removeDir,
  runCli,
  sha,
  tempDir,
  writeLedger
} from './support/ledger.js'

const FOREIGN = join(import.meta.dirname, 'fixtures', 'foreign-ledger')
const TOKEN = 'ghp_s3cr3tT0kenValue'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => removeDir(dir))

interface JsonFinding {
  code: string
  environment: string
  seq: number | null
  pullRequest: number | null
  detail: string
}

async function findings(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(['findings', '--dir', dir, '--format', 'json', ...args], env)
  const report = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[]; records: number }) : null
  return {
    ...run,
    report,
    codes: report?.findings.map(f => `${f.code}@${f.environment}:${f.seq ?? '-'}`) ?? []
  }
}

const clean = (): UnchainedRecord[] => [
  aRecord({ decidedAt: at(0), range: 'initial' }),
  aRecord({ decidedAt: at(5), sha: sha('two') })
]

describe('deploy-gate findings', () => {
  it('finds nothing in a clean ledger: exit 0', async () => {
    writeLedger(dir, { production: chain(clean()) })
    const run = await runCli(['findings', '--dir', dir, '--now', '2024-07-01'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'Period: the whole ledger; clock: 2024-07-01T00:00:00.000Z; 2 records in 1 environment'
    )
    expect(run.stdout).toContain('No findings.')
  })

  const cases: Array<{
    name: string
    records: () => UnchainedRecord[]
    expected: string[]
    detail?: RegExp
  }> = [
    {
      name: 'an approval dated after the deploy',
      records: () => [
        aRecord({
          decidedAt: at(0),
          changes: [
            aChange({ number: 5, approvals: [{ login: 'carol', submittedAt: at(3), commitSha: null }] })
          ]
        })
      ],
      expected: ['approval-after-deploy@production:1'],
      detail:
        /Pull request #5: the approval by carol is dated 2024-06-03T13:00:00.000Z, 3 h 00 min after the deploy/
    },
    {
      name: 'a ticket approved after the deploy',
      records: () => [
        aRecord({
          decidedAt: at(0),
          changes: [
            aChange({
              number: 6,
              ticket: { key: 'OPS-9', url: 'https://j/OPS-9', status: 'Approved', approvedAt: at(49) }
            })
          ]
        })
      ],
      expected: ['ticket-approved-after-deploy@production:1'],
      detail: /ticket OPS-9 was approved 2024-06-05T11:00:00.000Z, 2 d 1 h after the deploy/
    },
    {
      name: 'a rubber-stamp warning on a deploy',
      records: () => [
        aRecord({ decidedAt: at(0), warnings: ['rubber-stamp-suspected'], changes: [aChange({ number: 4 })] })
      ],
      expected: ['rubber-stamp-suspected@production:1'],
      // Not "within seconds": the threshold is the rubber-stamp-seconds input, up to a day.
      detail:
        /^The gate recorded the rubber-stamp-suspected warning: pull request #4 was approved less than rubber-stamp-seconds \(default 60 s\) after the last push\. Check that the review was real; the evidence file of run https:\/\/github\.com\/acme\/shop\/actions\/runs\/100 names the approval and its delay\.$/
    },
    {
      name: 'a rubber-stamp warning on a deploy of several pull requests (the record does not say which)',
      records: () => [
        aRecord({
          decidedAt: at(0),
          warnings: ['rubber-stamp-suspected'],
          changes: [aChange({ number: 4 }), aChange({ number: 5 })]
        })
      ],
      expected: ['rubber-stamp-suspected@production:1'],
      detail: /: an approval of one of pull requests #4, #5 was submitted less than rubber-stamp-seconds/
    },
    {
      name: 'times written with an offset, shown in UTC',
      records: () => [
        aRecord({
          decidedAt: '2024-06-03T12:00:00+02:00',
          changes: [
            aChange({
              number: 5,
              approvals: [{ login: 'carol', submittedAt: '2024-06-03T13:30:00.000+0200', commitSha: null }]
            })
          ]
        })
      ],
      expected: ['approval-after-deploy@production:1'],
      detail:
        /^Pull request #5: the approval by carol is dated 2024-06-03T11:30:00.000Z, 1 h 30 min after the deploy\.$/
    },
    {
      name: 'a blocked deploy followed by an emergency for the same sha (with its follow-up closed in time)',
      records: () => [
        aRecord({ decidedAt: at(0), sha: sha('x'), decision: 'block', reasons: ['ci-failed'] }),
        aRecord({
          decidedAt: at(1),
          sha: sha('x'),
          emergency: anEmergency({ followUp: { url: null, dueAt: at(25) } }, at(1))
        })
      ],
      expected: ['follow-up-missing@production:2', 'blocked-then-emergency@production:2'],
      detail:
        /blocked \(seq 1, 2024-06-03T10:00:00.000Z: ci-failed\) and then deployed with the emergency override by dave/
    },
    {
      name: 'a blocked deploy without an emergency after it',
      records: () => [
        aRecord({ decidedAt: at(0), sha: sha('x'), decision: 'block', reasons: ['ci-failed'] }),
        aRecord({ decidedAt: at(1), sha: sha('y') })
      ],
      expected: []
    },
    {
      name: 'an emergency whose follow-up state no one asked GitHub about',
      records: () => [aRecord({ decidedAt: at(0), emergency: anEmergency() })],
      expected: ['follow-up-unknown@production:1'],
      detail: /no --github-token was given/
    }
  ]
  it.each(cases)('reports $name', async c => {
    writeLedger(dir, { production: chain(c.records()) })
    const run = await findings(['--now', '2024-07-01'])
    expect(run.codes).toEqual(c.expected)
    expect(run.code).toBe(c.expected.length ? 1 : 0)
    if (c.detail) expect(run.report?.findings.map(f => f.detail).join('\n')).toMatch(c.detail)
  })

  it('names an open-ended period by the ledger, not "now" (which --now may set to another time)', async () => {
    writeLedger(dir, { production: chain(clean()) })
    const run = await runCli(['findings', '--dir', dir, '--since', '2024-06-01', '--now', '2024-07-01'])
    expect(run.stdout).toContain(
      'Period: 2024-06-01T00:00:00.000Z to the end of the ledger; clock: 2024-07-01T00:00:00.000Z;'
    )
    const until = await runCli(['findings', '--dir', dir, '--until', '2024-06-30', '--now', '2024-07-01'])
    expect(until.stdout).toContain('Period: the start of the ledger to 2024-06-30T23:59:59.999Z;')
  })

  it('dates each finding in UTC when the record was written with an offset', async () => {
    writeLedger(dir, {
      production: chain([
        aRecord({
          decidedAt: '2024-06-03T12:00:00+02:00',
          warnings: ['rubber-stamp-suspected'],
          changes: [aChange({ number: 4 })]
        })
      ])
    })
    const run = await runCli(['findings', '--dir', dir, '--now', '2024-07-01'])
    expect(run.stdout).toContain(
      `[rubber-stamp-suspected] "production" seq 1 2024-06-03T10:00:00.000Z sha ${sha('deployed').slice(0, 12)}\n`
    )
  })

  it('reports a gap in seq once, and still reads the records after it', async () => {
    const records = chain([
      ...clean(),
      aRecord({ decidedAt: at(6), sha: sha('three') }),
      aRecord({
        decidedAt: at(7),
        sha: sha('four'),
        changes: [
          aChange({ number: 9, approvals: [{ login: 'carol', submittedAt: at(8), commitSha: null }] })
        ]
      })
    ])
    writeLedger(dir, {
      production: jsonl([records[0], records[3]]),
      staging: chain(clean().map(r => ({ ...r, environment: 'staging' })))
    })
    const run = await findings(['--now', '2024-07-01'])
    expect(run.codes).toEqual(['seq-gap@production:4', 'approval-after-deploy@production:4'])
    expect(run.report?.findings[0]?.detail).toBe(
      'Records are missing from the chain: seq 2 to 3 are not in the file.'
    )
  })

  it('reports a broken chain (an edited record), with the line', async () => {
    const records = chain(clean())
    writeLedger(dir, { production: jsonl([records[0], { ...records[1], actor: 'mallory' }]) })
    const run = await findings(['--now', '2024-07-01'])
    expect(run.codes).toEqual(['chain-broken@production:-'])
    expect(run.report?.findings[0]?.detail).toMatch(
      /ledger\/production\.jsonl line 2: id is not the hash of the record/
    )
  })

  it('looks only at deploys in the period (--since), but always at the chain', async () => {
    const late = (h: number) => [{ login: 'carol', submittedAt: at(h + 1), commitSha: null }]
    const records = chain([
      aRecord({ decidedAt: at(0), changes: [aChange({ approvals: late(0) })] }),
      aRecord({ decidedAt: at(48), changes: [aChange({ approvals: late(48) })] }),
      aRecord({ decidedAt: at(49) }),
      aRecord({ decidedAt: at(50) })
    ])
    writeLedger(dir, { production: jsonl([records[0], records[1], records[3]]) })
    const run = await findings(['--since', '2024-06-05', '--now', '2024-07-01'])
    expect(run.codes).toEqual(['approval-after-deploy@production:2', 'seq-gap@production:4'])
  })

  it('reads a ledger written by another implementation', async () => {
    dir = FOREIGN
    const run = await findings(['--now', '2024-07-01'])
    // The emergency in production re-deployed a blocked sha and never opened a follow-up.
    expect(run.codes).toEqual(['follow-up-missing@production:3', 'blocked-then-emergency@production:3'])
    dir = tempDir()
  })

  it('prints findings as text for a person, without control characters from the ledger', async () => {
    writeLedger(dir, {
      production: chain([
        aRecord({ decidedAt: at(0), emergency: anEmergency({ actor: 'dave\u001b[2J' }) }),
        aRecord({ decidedAt: at(1), warnings: ['rubber-stamp-suspected'] })
      ])
    })
    const run = await runCli(['findings', '--dir', dir, '--now', '2024-06-05T12:00:00Z'])
    expect(run.code).toBe(1)
    expect(run.stdout).not.toContain('\u001b')
    expect(run.stdout).toContain(
      `[follow-up-unknown] "production" seq 1 ${at(0)} sha ${sha('deployed').slice(0, 12)}`
    )
    expect(run.stdout).toContain(`[rubber-stamp-suspected] "production" seq 2 ${at(1)}`)
    expect(run.stdout).toContain('2 findings: 1 follow-up-unknown, 1 rubber-stamp-suspected.')
  })

  it.each([
    [['--now', 'tomorrow'], /option '--now <date>' argument 'tomorrow' is invalid/],
    [['--since', '2024-13-01'], /option '--since <date>' argument '2024-13-01' is invalid/],
    [['--github-api-url', 'ftp://x'], /--github-api-url: "ftp:\/\/x" is not an http\(s\) URL/],
    [['--format', 'xml'], /option '--format <format>' argument 'xml' is invalid/]
  ])('is a usage error (exit 2) naming the argument: %j', async (args, message) => {
    writeLedger(dir, { production: chain(clean()) })
    const run = await runCli(['findings', '--dir', dir, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})

describe('deploy-gate findings: emergency follow-ups on GitHub', () => {
  let github: IssueStandIn | null = null
  afterEach(async () => {
    await github?.close()
    github = null
  })

  /** Four emergencies on 2024-06-03 10:00 + n hours, each with follow-up issue n. */
  function emergencies(issueUrl: (n: number) => string, count = 4): UnchainedRecord[] {
    return Array.from({ length: count }, (_, n) =>
      aRecord({
        decidedAt: at(n),
        sha: sha(`e${n}`),
        emergency: anEmergency({ followUp: { url: issueUrl(n + 1), dueAt: at(n + 24) } }, at(n))
      })
    )
  }

  it('asks GitHub when each follow-up was closed: in time, late, still open, or unknown', async () => {
    github = await startIssueStandIn({
      'acme/shop#1': anIssue('closed', at(20)),
      'acme/shop#2': anIssue('closed', at(1 + 30)),
      'acme/shop#3': anIssue('open')
      // #4 does not exist: 404
    })
    const stand = github
    writeLedger(dir, { production: chain(emergencies(n => stand.issueUrl('acme', 'shop', n))) })
    const run = await findings([
      '--now',
      '2024-06-10',
      '--github-token',
      TOKEN,
      '--github-api-url',
      stand.apiUrl
    ])
    expect(run.code).toBe(1)
    expect(run.codes).toEqual([
      'follow-up-late@production:2',
      'follow-up-overdue@production:3',
      'follow-up-unknown@production:4'
    ])
    const details = run.report?.findings.map(f => f.detail) ?? []
    expect(details[0]).toMatch(
      /was closed 2024-06-04T17:00:00.000Z, 30 h 00 min after the deploy \(due within 24 h\)/
    )
    expect(details[1]).toMatch(/is still open, 6 d 12 h after the deploy/)
    expect(details[2]).toMatch(
      /GitHub answered 404: the issue does not exist, or the token cannot see acme\/shop/
    )
    expect(stand.requests.map(r => r.path)).toEqual([1, 2, 3, 4].map(n => `/repos/acme/shop/issues/${n}`))
    expect(stand.requests.every(r => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true)
    expect(run.stdout + run.stderr).not.toContain(TOKEN)
  })

  it('does not ask about follow-ups that are not due at --now', async () => {
    github = await startIssueStandIn({ 'acme/shop#1': anIssue('open') })
    const stand = github
    writeLedger(dir, { production: chain(emergencies(n => stand.issueUrl('acme', 'shop', n), 1)) })
    const run = await findings(['--now', at(23), '--github-token', TOKEN, '--github-api-url', stand.apiUrl])
    expect(run.codes).toEqual([])
    expect(run.code).toBe(0)
    expect(stand.requests).toEqual([])
  })

  it('retries once after a server error, and reads the token and API URL from the environment (GHES path)', async () => {
    github = await startIssueStandIn(
      { 'acme/shop#1': [{ status: 502 }, anIssue('closed', at(2))] },
      '/api/v3'
    )
    const stand = github
    writeLedger(dir, { production: chain(emergencies(n => stand.issueUrl('acme', 'shop', n), 1)) })
    const run = await findings(['--now', '2024-06-10'], {
      DEPLOY_GATE_GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: stand.apiUrl
    })
    expect(run.codes).toEqual([])
    expect(run.code).toBe(0)
    expect(stand.requests.map(r => r.path)).toEqual([
      '/api/v3/repos/acme/shop/issues/1',
      '/api/v3/repos/acme/shop/issues/1'
    ])
  })

  it('does not send the token elsewhere: issues on another server and Jira follow-ups are unknown', async () => {
    github = await startIssueStandIn({})
    const stand = github
    const urls = ['https://github.com/acme/shop/issues/1', 'https://acme.atlassian.net/browse/OPS-12']
    writeLedger(dir, { production: chain(emergencies(n => urls[n - 1] as string, 2)) })
    const run = await findings([
      '--now',
      '2024-06-10',
      '--github-token',
      TOKEN,
      '--github-api-url',
      stand.apiUrl
    ])
    expect(run.codes).toEqual(['follow-up-unknown@production:1', 'follow-up-unknown@production:2'])
    const details = run.report?.findings.map(f => f.detail) ?? []
    expect(details[0]).toContain(
      `the issue is on github.com, the GitHub API URL is for ${new URL(stand.apiUrl).host}`
    )
    expect(details[1]).toContain('not a GitHub issue URL')
    expect(stand.requests).toEqual([])
  })
})

describe('evaluateFollowUp', () => {
  const emergency: EmergencyDeploy = {
    environment: 'production',
    seq: 1,
    line: 1,
    recordId: 'r',
    decidedAt: at(0),
    at: Date.parse(at(0)),
    sha: sha('x'),
    actor: 'dave',
    followUpUrl: 'https://github.com/acme/shop/issues/1',
    followUpNotOpened: false
  }
  const now = (hours: number) => Date.parse(at(hours))
  it.each<[string, Partial<EmergencyDeploy>, FollowUpStatus | null, number, string | null]>([
    ['closed in time', {}, { state: 'closed', closedAt: at(24) }, now(100), null],
    [
      'closed one second late',
      {},
      { state: 'closed', closedAt: new Date(now(24) + 1000).toISOString() },
      now(100),
      'follow-up-late'
    ],
    [
      'closed late, before it was due by the clock',
      {},
      { state: 'closed', closedAt: at(30) },
      now(20),
      'follow-up-late'
    ],
    ['open, not yet due', {}, { state: 'open' }, now(24), null],
    ['open, due', {}, { state: 'open' }, now(24) + 1, 'follow-up-overdue'],
    ['unknown, not yet due', {}, null, now(10), null],
    ['unknown, due', {}, { state: 'unknown', reason: 'x' }, now(25), 'follow-up-unknown'],
    ['never opened', { followUpUrl: null }, null, now(1), 'follow-up-missing']
  ])('%s', (_name, overrides, status, clock, code) => {
    expect(evaluateFollowUp({ ...emergency, ...overrides }, status, clock)?.code ?? null).toBe(code)
  })

  it('says why there is no follow-up: the gate could not open one, or none was asked for', () => {
    const failed = evaluateFollowUp(
      { ...emergency, followUpUrl: null, followUpNotOpened: true },
      null,
      now(1)
    )
    expect(failed?.detail).toBe(
      'The emergency deploy by dave has no follow-up: the gate could not open it (the record has the ' +
        'follow-up-not-opened warning). Ask for the retrospective of this deploy and when it was held.'
    )
    const none = evaluateFollowUp({ ...emergency, followUpUrl: null }, null, now(1))
    expect(none?.detail).toContain('no follow-up is recorded (the gate opens none with retrospective: none)')
  })

  it('shows the time an issue was closed in UTC like every other time', () => {
    const finding = evaluateFollowUp(
      emergency,
      { state: 'closed', closedAt: '2024-06-05T01:00:00+02:00' },
      now(100)
    )
    expect(finding?.detail).toContain('was closed 2024-06-04T23:00:00.000Z, 37 h 00 min after the deploy')
  })

  it('judges by the deploy time, not by a dueAt the record may claim', () => {
    const finding = evaluateFollowUp(emergency, { state: 'closed', closedAt: at(48) }, now(100))
    expect(finding?.detail).toContain('2 d 0 h after the deploy')
  })
})

describe('deploy-gate findings: emergency follow-ups in Jira', () => {
  let jira: JiraStandIn | null = null
  afterEach(async () => {
    await jira?.close()
    jira = null
  })

  /** Emergencies at 2024-06-03 10:00 + n hours, follow-up n+1 at `urls[n]`, due 24 h later. */
  function emergencies(urls: string[]): UnchainedRecord[] {
    return urls.map((url, n) =>
      aRecord({
        decidedAt: at(n),
        sha: sha(`e${n}`),
        emergency: anEmergency({ followUp: { url, dueAt: at(n + 24) } }, at(n))
      })
    )
  }

  it.each([
    {
      flavour: 'cloud' as const,
      env: (s: JiraStandIn) => ({ DEPLOY_GATE_JIRA_EMAIL: s.email, DEPLOY_GATE_JIRA_API_TOKEN: s.apiToken })
    },
    { flavour: 'data-center' as const, env: (s: JiraStandIn) => ({ DEPLOY_GATE_JIRA_PAT: s.pat }) }
  ])(
    'asks Jira $flavour when each follow-up was resolved: in time, late, still open, undated, missing',
    async ({ flavour, env }) => {
      jira = await startJiraStandIn({
        flavour,
        utcOffset: '+0200',
        tickets: [
          ticket('OPS-1').moved('To Do', 'Done', at(20)).resolved(at(20)),
          ticket('OPS-2')
            .moved('To Do', 'Done', at(1 + 30))
            .resolved(at(1 + 30)),
          ticket('OPS-3').moved('To Do', 'In Progress', at(5)),
          ticket('OPS-4').moved('To Do', 'Done', at(6))
          // OPS-5 does not exist
        ]
      })
      const s = jira
      const urls = [1, 2, 3, 4, 5].map(n => `${s.url}/browse/OPS-${n}`)
      // A GitHub follow-up in the same ledger still goes to GitHub (here: no token, so unknown).
      urls.push('https://github.com/acme/shop/issues/9')
      writeLedger(dir, { production: chain(emergencies(urls)) })

      const run = await findings(['--now', '2024-06-10', '--jira-url', `${s.url}/`], env(s))

      expect(run.code).toBe(1)
      expect(run.codes).toEqual([
        'follow-up-late@production:2',
        'follow-up-overdue@production:3',
        'follow-up-unknown@production:4',
        'follow-up-unknown@production:5',
        'follow-up-unknown@production:6'
      ])
      const details = run.report?.findings.map(f => f.detail) ?? []
      expect(details[0]).toMatch(
        /was closed 2024-06-04T17:00:00.000Z, 30 h 00 min after the deploy \(due within 24 h\)/
      )
      expect(details[1]).toMatch(/is still open/)
      expect(details[2]).toContain('OPS-4 is done, but Jira gives it no resolution date')
      expect(details[3]).toContain('Jira has no issue OPS-5, or the credentials cannot see it')
      expect(details[4]).toContain('no --github-token was given to ask GitHub')
      expect(s.requests.map(r => r.path)).toEqual([1, 2, 3, 4, 5].map(n => `/rest/api/2/issue/OPS-${n}`))
      for (const secret of Object.values(env(s))) expect(run.stdout + run.stderr).not.toContain(secret)
    }
  )

  it('reads the Jira URL from the environment, and reports Jira not answering as unknown', async () => {
    jira = await startJiraStandIn({ flavour: 'data-center', tickets: [ticket('OPS-1')] })
    const s = jira
    s.inject({ status: 401, times: Infinity })
    writeLedger(dir, { production: chain(emergencies([`${s.url}/browse/OPS-1`])) })
    const run = await findings(['--now', '2024-06-10'], {
      DEPLOY_GATE_JIRA_URL: s.url,
      DEPLOY_GATE_JIRA_PAT: s.pat
    })
    expect(run.codes).toEqual(['follow-up-unknown@production:1'])
    expect(run.report?.findings[0]?.detail).toMatch(
      /Jira rejected the credentials while reading OPS-1 \(HTTP 401\): check DEPLOY_GATE_JIRA_PAT/
    )
    expect(run.stdout + run.stderr).not.toContain(s.pat)
  })

  it.each([
    [['--jira-url', 'ftp://jira.example'], {}, /--jira-url: "ftp:\/\/jira.example" is not an http\(s\) URL/],
    [['--jira-url', 'https://jira.example'], {}, /set DEPLOY_GATE_JIRA_EMAIL and DEPLOY_GATE_JIRA_API_TOKEN/],
    [
      ['--jira-url', 'https://jira.example'],
      { DEPLOY_GATE_JIRA_PAT: 'p', DEPLOY_GATE_JIRA_EMAIL: 'a@b.example', DEPLOY_GATE_JIRA_API_TOKEN: 't' },
      /not both/
    ]
  ])('is a usage error (exit 2) for a bad Jira URL or credentials: %j', async (args, env, message) => {
    writeLedger(dir, { production: chain(clean()) })
    const run = await runCli(['findings', '--dir', dir, ...args], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})
