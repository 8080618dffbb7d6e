import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileStore } from '../../src/evidence/file-store.js'
import { computeRecordId } from '../../src/evidence/hash.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import {
  aChange,
  aRecord,
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

function threeRecords(environment = 'production'): EvidenceRecord[] {
  return chain([
    aRecord({ environment, decidedAt: at(0), range: 'initial' }),
    aRecord({ environment, decidedAt: at(1), sha: sha('two'), changes: [aChange({ number: 13 })] }),
    aRecord({ environment, decidedAt: at(2), sha: sha('three'), decision: 'block', reasons: ['ci-failed'] })
  ])
}

/** Re-hashes a record after a change, as a careless forger would, so only the link to it breaks. */
function rehash(record: Record<string, unknown>): Record<string, unknown> {
  return { ...record, id: computeRecordId(record) }
}

describe('deploy-gate verify --dir', () => {
  it('accepts a ledger written by the project’s file store, and prints the count per environment', async () => {
    const store = createFileStore({ dir })
    for (const [environment, hours] of [
      ['production', 0],
      ['staging eu', 1],
      ['production', 2],
      ['production', 3]
    ] as const) {
      await store.append(environment, () => aRecord({ environment, decidedAt: at(hours) }))
    }
    const run = await runCli(['verify', '--dir', dir])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /ok {6}"production": 3 records \(ledger\/production\.jsonl, tip seq 3 id [0-9a-f]{64}\)/
    )
    expect(run.stdout).toContain('"staging eu": 1 record (ledger/staging%20eu.jsonl')
    expect(run.stdout).toContain('INTACT: 2 environments, 4 records.')
  })

  it('accepts a ledger written by another implementation (Python: other key order, escapes, extra fields)', async () => {
    const run = await runCli(['verify', '--dir', FOREIGN])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('"production": 3 records')
    expect(run.stdout).toContain('"staging eu": 2 records')
  })

  it('accepts CRLF line ends, a missing final newline and an empty chain file', async () => {
    const [a, b] = threeRecords()
    writeLedger(dir, {
      production: `${JSON.stringify(a)}\r\n${JSON.stringify(b)}`,
      staging: ''
    })
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('"production": 2 records')
    expect(run.stdout).toContain('"staging": 0 records')
  })

  it('prints a JSON report with --format json', async () => {
    writeLedger(dir, { production: threeRecords() })
    const run = await runCli(['verify', '--dir', dir, '--format', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.intact).toBe(true)
    expect(report.history).toBeNull()
    expect(report.environments).toEqual([
      expect.objectContaining({
        environment: 'production',
        records: 3,
        problem: null,
        tip: expect.objectContaining({ seq: 3 })
      })
    ])
  })

  type Tamper = {
    name: string
    file: (records: Array<Record<string, unknown>>) => string
    line: number
    field: string
    message: RegExp
  }
  const tampers: Tamper[] = [
    {
      name: 'a changed field (approver) in the middle',
      file: r => jsonl([r[0], { ...r[1], actor: 'mallory' }, r[2]]),
      line: 2,
      field: 'id',
      message: /id is not the hash of the record/
    },
    {
      name: 'a changed record re-hashed (its successor no longer links to it)',
      file: r => jsonl([r[0], rehash({ ...r[1], decision: 'block' }), r[2]]),
      line: 3,
      field: 'prev',
      message: /prev does not link to the previous record/
    },
    {
      name: 'a deleted record',
      file: r => jsonl([r[0], r[2]]),
      line: 2,
      field: 'seq',
      message: /seq does not continue the chain \(field seq: expected 2, found 3\)/
    },
    {
      name: 'two records swapped',
      file: r => jsonl([r[1], r[0], r[2]]),
      line: 1,
      field: 'seq',
      message: /expected 1, found 2/
    },
    {
      name: 'a duplicated record',
      file: r => jsonl([r[0], r[1], r[1], r[2]]),
      line: 3,
      field: 'seq',
      message: /expected 3, found 2/
    },
    {
      name: 'a truncated line',
      file: r => `${JSON.stringify(r[0])}\n${JSON.stringify(r[1]).slice(0, 50)}\n`,
      line: 2,
      field: '(line)',
      message: /not valid JSON/
    },
    {
      name: 'an unknown schema',
      file: r => jsonl([rehash({ ...r[0], schema: 'deploy-gate/evidence/v0' })]),
      line: 1,
      field: 'schema',
      message: /unknown schema/
    },
    {
      name: 'a record of another environment',
      file: r => jsonl([rehash({ ...r[0], environment: 'staging' })]),
      line: 1,
      field: 'environment',
      message: /record of another environment/
    },
    {
      name: 'a record without a required field',
      file: r => {
        const { commits: _commits, ...rest } = r[0] as Record<string, unknown>
        return jsonl([rehash(rest)])
      },
      line: 1,
      field: 'commits',
      message: /required field "commits" is missing/
    },
    {
      name: 'a well-hashed record whose decision is not allow or block',
      file: r => jsonl([rehash({ ...r[0], decision: 'maybe' })]),
      line: 1,
      field: 'decision',
      message:
        /field "decision" does not have the type SPEC §5 gives it \(field decision: expected "allow" or "block", found "maybe"\)/
    },
    {
      name: 'a well-hashed record with an approval time that is not a time',
      file: r =>
        jsonl([
          rehash({
            ...r[0],
            changes: [aChange({ approvals: [{ login: 'carol', submittedAt: 'yesterday', commitSha: null }] })]
          })
        ]),
      line: 1,
      field: 'changes[0].approvals[0].submittedAt',
      message: /expected an ISO 8601 time with a zone, found "yesterday"/
    },
    {
      name: 'a string with a lone surrogate (no canonical form)',
      file: r => `${JSON.stringify(r[0]).replace('"alice"', '"\\ud800"')}\n`,
      line: 1,
      field: 'id',
      message: /cannot be hashed/
    },
    {
      name: 'a blank line between records',
      file: r => `${JSON.stringify(r[0])}\n\n${JSON.stringify(r[1])}\n`,
      line: 2,
      field: '(line)',
      message: /line 2: not valid JSON: .* \(field \(line\): expected one JSON object, found an empty line\)/
    }
  ]

  it.each(tampers)('reports $name: file, line, field, expected and found; exit 1', async t => {
    writeLedger(dir, {
      production: t.file(threeRecords() as unknown as Array<Record<string, unknown>>),
      staging: threeRecords('staging')
    })
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`BROKEN  "production": ledger/production.jsonl line ${t.line}: `)
    expect(run.stdout).toMatch(t.message)
    // The other environment is still verified and reported.
    expect(run.stdout).toContain('ok      "staging": 3 records')
    expect(run.stdout).toContain('BROKEN: the ledger has been changed')
    const json = JSON.parse((await runCli(['verify', '--dir', dir, '--format', 'json'])).stdout)
    expect(json.environments[0].problem).toMatchObject({
      file: 'ledger/production.jsonl',
      line: t.line,
      field: t.field
    })
  })

  it('gives the problem in JSON as exactly file, line, field, expected, found and the bare message', async () => {
    const r = threeRecords()
    writeLedger(dir, { production: jsonl([r[0], r[2]]) })
    const json = JSON.parse((await runCli(['verify', '--dir', dir, '--format', 'json'])).stdout)
    expect(JSON.stringify(json.environments[0].problem)).toBe(
      JSON.stringify({
        file: 'ledger/production.jsonl',
        line: 2,
        field: 'seq',
        expected: '2',
        found: '3',
        message: 'seq does not continue the chain'
      })
    )
  })

  it('reports bytes that are not UTF-8', async () => {
    const [a] = threeRecords()
    mkdirSync(join(dir, 'ledger'))
    writeFileSync(
      join(dir, 'ledger', 'production.jsonl'),
      Buffer.concat([Buffer.from(`${JSON.stringify(a)}\n`), Buffer.from([0xff, 0xfe, 0x7b, 0x0a])])
    )
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('ledger/production.jsonl line 2: the file is not valid UTF-8')
  })

  it('treats a chain file whose name is not encodeURIComponent of an environment as broken, other files as notes', async () => {
    writeLedger(dir, { production: threeRecords() })
    writeFileSync(join(dir, 'ledger', 'staging eu.jsonl'), jsonl(threeRecords('staging eu')))
    writeFileSync(join(dir, 'ledger', 'README.md'), 'the ledger\n')
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'BROKEN  ledger/staging eu.jsonl: the name is not encodeURIComponent of an environment name'
    )
    expect(run.stdout).toContain('note    ledger/README.md: not a .jsonl file (ignored)')
  })

  it('does not let ledger text write control characters to the terminal', async () => {
    const [a] = threeRecords()
    writeLedger(dir, { production: `${JSON.stringify(a)}\n\u001b[2J\u001b[32mINTACT\n` })
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(1)
    expect(run.stdout).not.toContain('\u001b')
    expect(run.stdout).toContain('?[2J?[32mINTACT')
  })

  it('needs a ledger/ folder: a usage error naming the folder', async () => {
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`no ledger/ folder in ${dir}`)
  })

  it('does not call an empty ledger intact: nothing was verified (exit 1)', async () => {
    mkdirSync(join(dir, 'ledger'))
    const run = await runCli(['verify', '--dir', dir])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('No environment chains (ledger/*.jsonl) found: nothing was verified.')
    expect(run.stdout).toContain('NOT VERIFIED: the source holds no ledger records.')
    expect(run.stdout).not.toContain('INTACT')
  })
})
