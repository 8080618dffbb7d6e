import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CSV_COLUMNS, neutralizeFormula } from '../../src/cli/export-csv.js'
import { escapeMarkdown } from '../../src/cli/text.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
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

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => removeDir(dir))

/** Production: two deploys (one with two PRs), a block, an emergency; staging: one deploy a week later. */
function population(): { production: EvidenceRecord[]; staging: EvidenceRecord[] } {
  const production = chain([
    aRecord({
      decidedAt: at(0),
      range: 'initial',
      changes: [
        aChange({ number: 1, title: '=HYPERLINK("http://evil.test","click")' }),
        aChange({
          number: 2,
          title: 'Quote " comma, and\nnewline',
          approvals: [
            { login: 'carol', submittedAt: at(-3), commitSha: null },
            { login: 'erin', submittedAt: at(-1), commitSha: null }
          ]
        })
      ]
    }),
    aRecord({
      decidedAt: at(24),
      sha: sha('blocked'),
      decision: 'block',
      reasons: ['ci-failed', 'ticket-missing'],
      changes: [aChange({ number: 3, title: '+cmd|calc', ticket: null })]
    }),
    aRecord({
      decidedAt: at(26),
      sha: sha('blocked'),
      emergency: anEmergency({}, at(26)),
      changes: [aChange({ number: 3, title: '-2+3', ticket: null })]
    }),
    aRecord({ decidedAt: at(48), sha: sha('rollback'), range: 'rollback', changes: [] })
  ])
  const staging = chain([
    aRecord({
      environment: 'staging',
      decidedAt: at(7 * 24),
      changes: [aChange({ number: 4, title: '@SUM(A1:A2)' })]
    })
  ])
  return { production, staging }
}

function csvRows(text: string): Array<Record<string, string>> {
  return parse<Record<string, string>>(text, { bom: true, columns: true, record_delimiter: '\r\n' })
}

describe('deploy-gate export --format csv', () => {
  it('writes one row per deployed pull request that round-trips through a CSV parser', async () => {
    writeLedger(dir, population())
    const run = await runCli(['export', '--dir', dir, '--format', 'csv'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout.startsWith('\ufeffdeployed_at,environment,')).toBe(true)
    expect(run.stdout).toContain('\r\n')
    const rows = csvRows(run.stdout)
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS])
    // 2 PRs + emergency PR + rollback without PR + staging; the blocked attempt is left out.
    expect(rows.map(r => [r.environment, r.pull_request, r.decision, r.emergency])).toEqual([
      ['production', '1', 'allow', 'no'],
      ['production', '2', 'allow', 'no'],
      ['production', '3', 'allow', 'yes'],
      ['production', '', 'allow', 'no'],
      ['staging', '4', 'allow', 'no']
    ])
    const second = rows[1] as Record<string, string>
    expect(second.title).toBe('Quote " comma, and\nnewline')
    expect(second.approvers).toBe(`carol (${at(-3)}); erin (${at(-1)})`)
    expect(second.checks).toBe(`build: success (${at(-3)}); test: success (${at(-3)})`)
    expect(second.ticket).toBe('OPS-1')
    expect(second.ticket_status).toBe('Approved')
    expect(second.ticket_approved_at).toBe(at(-4))
    expect(second.deployed_at).toBe(at(0))
    expect(second.sha).toBe(sha('deployed'))
    expect(second.record_id).toBe(population().production[0]?.id)
    expect(second.seq).toBe('1')
    const emergency = rows[2] as Record<string, string>
    expect(emergency.emergency_actor).toBe('dave')
    expect(emergency.follow_up_url).toBe('https://github.com/acme/shop/issues/77')
    expect((rows[3] as Record<string, string>).title).toBe('')
  })

  it('makes no cell a formula: titles starting with = + - @ are prefixed with a quote', async () => {
    writeLedger(dir, population())
    const rows = csvRows((await runCli(['export', '--dir', dir, '--format', 'csv'])).stdout)
    expect(rows.map(r => r.title)).toEqual([
      `'=HYPERLINK("http://evil.test","click")`,
      'Quote " comma, and\nnewline',
      `'-2+3`,
      '',
      `'@SUM(A1:A2)`
    ])
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['＝1', "'＝1"],
    ['a=1', 'a=1'],
    ['', '']
  ])('neutralizeFormula(%j) is %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected)
  })

  it('lists blocked attempts with --include-blocked, with their reasons', async () => {
    writeLedger(dir, population())
    const rows = csvRows(
      (await runCli(['export', '--dir', dir, '--format', 'csv', '--include-blocked'])).stdout
    )
    expect(rows.map(r => `${r.pull_request}:${r.decision}`)).toEqual([
      '1:allow',
      '2:allow',
      '3:block',
      '3:allow',
      ':allow',
      '4:allow'
    ])
    expect(rows[2]?.reasons).toBe('ci-failed; ticket-missing')
    expect(rows[2]?.title).toBe("'+cmd|calc")
  })

  it.each([
    [['--environment', 'staging'], ['4']],
    [
      ['--since', '2024-06-04'],
      ['3', '', '4']
    ],
    [
      ['--until', '2024-06-03'],
      ['1', '2']
    ],
    [
      ['--since', '2024-06-04T12:00:00Z', '--until', '2024-06-05T10:00:00+00:00'],
      ['3', '']
    ],
    [['--since', '2024-06-04T13:00:00+01:00', '--until', '2024-06-05T09:59:59Z'], ['3']],
    [['--environment', 'production', '--since', '2024-06-10'], []]
  ])('filters by environment and period: %j', async (args, prs) => {
    writeLedger(dir, population())
    const run = await runCli(['export', '--dir', dir, '--format', 'csv', ...args])
    expect(run.code).toBe(0)
    expect(csvRows(run.stdout).map(r => r.pull_request)).toEqual(prs)
  })

  it('exports a ledger written by another implementation', async () => {
    const run = await runCli(['export', '--dir', FOREIGN, '--format', 'csv', '--include-blocked'])
    expect(run.code).toBe(0)
    const rows = csvRows(run.stdout)
    expect(rows.map(r => `${r.environment}:${r.pull_request}:${r.decision}`)).toEqual([
      'staging eu:101:allow',
      'production:101:allow',
      'production:102:block',
      'production:102:allow',
      'staging eu::allow'
    ])
    expect(rows[1]?.title).toBe('Café menu: prices in € \u{1F600}')
    expect(rows[1]?.author).toBe('zoë')
    // Written as Jira's `+0000` and as `Z` without milliseconds; exported in one UTC form.
    expect(rows[1]?.ticket_approved_at).toBe('2024-05-05T12:00:00.000Z')
    expect(rows[1]?.deployed_at).toBe('2024-05-06T09:00:00.000Z')
  })

  it('shows every time in UTC, whatever offset the record was written with', async () => {
    writeLedger(dir, {
      production: chain([
        aRecord({
          decidedAt: '2024-06-03T12:00:00+02:00',
          changes: [
            aChange({
              mergedAt: '2024-06-03T11:00:00.000+0200',
              approvals: [{ login: 'carol', submittedAt: '2024-06-03T05:30:00-04:00', commitSha: null }],
              checks: [{ name: 'build', conclusion: 'success', completedAt: '2024-06-03T10:45:00+01:00' }],
              ticket: {
                key: 'OPS-1',
                url: 'https://j/OPS-1',
                status: 'Approved',
                approvedAt: '2024-06-02T23:00:00-01:00'
              }
            })
          ]
        }),
        // Written in UTC, two hours after the first: it must sort after it.
        aRecord({ decidedAt: '2024-06-03T11:00:00Z', sha: sha('two') })
      ])
    })
    const csv = csvRows((await runCli(['export', '--dir', dir, '--format', 'csv'])).stdout)
    expect(csv.map(r => r.deployed_at)).toEqual(['2024-06-03T10:00:00.000Z', '2024-06-03T11:00:00.000Z'])
    expect(csv[0]).toMatchObject({
      merged_at: '2024-06-03T09:00:00.000Z',
      approvers: 'carol (2024-06-03T09:30:00.000Z)',
      checks: 'build: success (2024-06-03T09:45:00.000Z)',
      ticket_approved_at: '2024-06-03T00:00:00.000Z'
    })
    const jsonRows = (await runCli(['export', '--dir', dir, '--format', 'jsonl'])).stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as Record<string, unknown>)
    expect(jsonRows[0]).toMatchObject({
      deployedAt: '2024-06-03T10:00:00.000Z',
      mergedAt: '2024-06-03T09:00:00.000Z',
      approvals: [{ login: 'carol', submittedAt: '2024-06-03T09:30:00.000Z' }]
    })
    const md = (await runCli(['export', '--dir', dir, '--format', 'md'])).stdout
    expect(md).toContain('| 2024-06-03T10:00:00.000Z | production | allow |')
    expect(md).toContain('carol (2024-06-03T09:30:00.000Z)')
    expect(md).toContain('(approved 2024-06-03T00:00:00.000Z)')
  })

  it('writes to a file with -o', async () => {
    writeLedger(dir, population())
    const out = join(dir, 'population.csv')
    const run = await runCli(['export', '--dir', dir, '--format', 'csv', '-o', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`wrote 5 rows to ${out}`)
    expect(csvRows(readFileSync(out, 'utf8'))).toHaveLength(5)
  })
})

describe('deploy-gate export --format jsonl', () => {
  it('writes one JSON object per row with approvals and checks as arrays', async () => {
    writeLedger(dir, population())
    const run = await runCli(['export', '--dir', dir, '--format', 'jsonl', '--environment', 'production'])
    expect(run.code).toBe(0)
    const rows = run.stdout
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line))
    expect(rows).toHaveLength(4)
    expect(rows[1]).toMatchObject({
      deployedAt: at(0),
      environment: 'production',
      pullRequest: 2,
      title: 'Quote " comma, and\nnewline',
      approvals: [
        { login: 'carol', submittedAt: at(-3) },
        { login: 'erin', submittedAt: at(-1) }
      ],
      ticket: { key: 'OPS-1', status: 'Approved', approvedAt: at(-4) },
      emergency: false,
      seq: 1
    })
    expect(rows[2]).toMatchObject({ pullRequest: 3, emergency: true, emergencyActor: 'dave' })
  })
})

describe('deploy-gate export --format md', () => {
  it('renders the summary and a table whose rows cannot be broken by titles', async () => {
    const records = chain([
      aRecord({
        decidedAt: at(0),
        changes: [
          aChange({
            number: 9,
            title: 'a | b <script>alert(1)</script> [x](javascript:alert(1)) `code` *em*'
          })
        ]
      }),
      aRecord({ decidedAt: at(1), changes: [aChange({ number: 10, title: 'plain' })] })
    ])
    writeLedger(dir, { production: records })
    const run = await runCli(['export', '--dir', dir, '--format', 'md'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('- Deploys: 2 (0 emergency), 2 pull requests')
    expect(run.stdout).toContain('- Median time from last approval to deploy: 2 h 30 min')
    const table = run.stdout.split('\n').filter(l => l.startsWith('|'))
    // Header, separator and two rows, each with the same number of unescaped cell separators.
    expect(table).toHaveLength(4)
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length
    for (const line of table) expect(cells(line)).toBe(cells(table[0] as string))
    expect(run.stdout).not.toContain('<script>')
    expect(run.stdout).toContain('&lt;script&gt;')
    expect(run.stdout).toContain('\\[x\\]\\(javascript:alert\\(1\\)\\)')
    expect(run.stdout).toContain('[\\#9](<https://github.com/acme/shop/pull/9>)')
  })

  it('names an open-ended period by the ledger', async () => {
    writeLedger(dir, population())
    const run = await runCli(['export', '--dir', dir, '--format', 'md', '--since', '2024-06-01'])
    expect(run.stdout).toContain('- Period: 2024-06-01T00:00:00.000Z to the end of the ledger\n')
  })

  it('makes blocked attempts and emergencies stand out, with the reasons and the bypassed rules', async () => {
    writeLedger(dir, population())
    const run = await runCli(['export', '--dir', dir, '--format', 'md', '--include-blocked'])
    const row = (seq: number) =>
      run.stdout.split('\n').find(l => l.startsWith('|') && l.includes(`| ${seq}: \``)) ?? ''
    expect(row(2)).toContain('| **block**: ci-failed, ticket-missing |')
    expect(row(2)).toContain('| no |')
    expect(row(3)).toContain('| allow |')
    expect(row(3)).toContain('| **yes**, by dave, bypassed insufficient-approvals |')
    // A blocked attempt was not deployed: the time column says so once blocked rows are listed.
    expect(run.stdout).toContain('\n| Deployed or blocked (UTC) | Environment | Decision |')
    const deploysOnly = await runCli(['export', '--dir', dir, '--format', 'md'])
    expect(deploysOnly.stdout).toContain('\n| Deployed (UTC) | Environment | Decision |')
  })

  it.each([
    ['a|b', 'a\\|b'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['line\nbreak', 'line break'],
    ['\u202eevil\u200b', 'evil'],
    ['$x$ ~y~ _z_', '\\$x\\$ \\~y\\~ \\_z\\_']
  ])('escapeMarkdown(%j) is %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected)
  })
})

describe('deploy-gate export: what is not exported', () => {
  it('refuses a broken ledger (exit 1) and prints nothing on standard output', async () => {
    const { production } = population()
    writeLedger(dir, {
      production: jsonl([production[0], { ...production[1], actor: 'mallory' }, production[2]])
    })
    const run = await runCli(['export', '--dir', dir, '--format', 'csv'])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      'the ledger is broken, nothing was exported: ledger/production.jsonl line 2: id is not the hash of the record'
    )
  })

  it.each([
    [
      ['--format', 'xlsx'],
      /option '--format <format>' argument 'xlsx' is invalid\. Allowed choices are csv, jsonl, md, html/
    ],
    [[], /required option '--format <format>' not specified/],
    [
      ['--format', 'csv', '--since', '2024-02-30'],
      /option '--since <date>' argument '2024-02-30' is invalid\. There is no day 2024-02-30/
    ],
    [
      ['--format', 'csv', '--until', 'last tuesday'],
      /option '--until <date>' argument 'last tuesday' is invalid/
    ],
    [
      ['--format', 'csv', '--since', '2024-06-01T10:00'],
      /option '--since <date>' argument '2024-06-01T10:00' is invalid/
    ],
    [
      ['--format', 'csv', '--since', '2024-06-05', '--until', '2024-06-04'],
      /--until: 2024-06-04 is before --since 2024-06-05/
    ],
    [
      ['--format', 'csv', '--environment', 'prod'],
      /--environment: the ledger has no environment "prod" \(it has: "production", "staging"\)/
    ]
  ])('is a usage error (exit 2) naming the argument: %j', async (args, message) => {
    writeLedger(dir, population())
    const run = await runCli(['export', '--dir', dir, ...args])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })
})
