/**
 * Ledger records for tests: an unchained record builder, and an independent writer of SPEC §5 records
 * (its own canonical JSON, its own key order, extra fields) standing in for "another implementation".
 */
import { createHash } from 'node:crypto'
import { EVIDENCE_SCHEMA, type UnchainedRecord } from '../../../src/evidence/record.js'
import { sha } from '../../support/builders.js'

export function anUnchainedRecord(overrides: Partial<UnchainedRecord> = {}): UnchainedRecord {
  return {
    schema: EVIDENCE_SCHEMA,
    environment: 'production',
    repository: 'acme/shop',
    sha: sha('deployed'),
    previousSha: null,
    range: 'initial',
    decision: 'allow',
    reasons: [],
    warnings: [],
    emergency: null,
    actor: 'alice',
    decidedAt: '2024-06-03T10:00:00.000Z',
    run: {
      id: '100',
      attempt: '1',
      url: 'https://github.example.test/acme/shop/actions/runs/100',
      workflow: 'deploy'
    },
    changes: [],
    commits: [],
    ...overrides
  }
}

/**
 * RFC 8785 for the JSON these records hold (objects, arrays, strings, integers, booleans, null),
 * written here without the `canonicalize` package the product uses, so the test does not grade the
 * product's hashing with itself.
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`
}

export function independentId(record: Record<string, unknown>): string {
  const { id: _id, ...rest } = record
  return createHash('sha256').update(jcs(rest), 'utf8').digest('hex')
}

/**
 * A chain as another implementation might write it: keys in another order, spaces after separators,
 * non-ASCII text escaped, extra fields of its own at every level.
 */
export function foreignLedger(environment: string, count: number): { text: string; ids: string[] } {
  const lines: string[] = []
  const ids: string[] = []
  let prev: string | null = null
  for (let seq = 1; seq <= count; seq += 1) {
    const record: Record<string, unknown> = {
      vendor: { name: 'other-gate', version: '2.1.0' },
      commits: [sha(`foreign ${seq}`)],
      changes: [
        {
          ticket: {
            status: 'Approved',
            approvedAt: '2024-05-01T08:00:00Z',
            key: 'OPS-7',
            url: 'https://jira.test/OPS-7'
          },
          checks: [
            {
              completedAt: '2024-05-01T09:00:00Z',
              name: 'ci / test',
              conclusion: 'success',
              durationMs: 81234
            }
          ],
          approvals: [
            { commitSha: sha(`foreign head ${seq}`), submittedAt: '2024-05-01T08:30:00Z', login: 'rené' }
          ],
          headSha: sha(`foreign head ${seq}`),
          mergedBy: 'zoë',
          mergedAt: '2024-05-01T10:00:00Z',
          author: 'zoë',
          url: `https://github.test/acme/shop/pull/${seq}`,
          title: `Überarbeitung “Zahlungen” ✓ #${seq}`,
          number: seq,
          labels: ['payments']
        }
      ],
      run: { workflow: 'deploy', url: 'https://github.test/run', attempt: '1', id: String(900 + seq) },
      decidedAt: `2024-05-0${seq}T11:00:00Z`,
      actor: 'zoë',
      emergency: null,
      warnings: [],
      reasons: [],
      decision: 'allow',
      range: seq === 1 ? 'baseline' : 'incremental',
      previousSha: seq === 1 ? null : sha(`foreign deployed ${seq - 1}`),
      sha: sha(`foreign deployed ${seq}`),
      repository: 'acme/shop',
      environment,
      seq,
      prev,
      schema: EVIDENCE_SCHEMA
    }
    const id = independentId(record)
    ids.push(id)
    prev = id
    // id last, ASCII-only escapes, ", " and ": " separators: nothing like JSON.stringify's output.
    const body = JSON.stringify({ ...record, id }, null, 1)
      .replace(/\n\s*/g, ' ')
      .replace(/[\u0080-\uffff]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    lines.push(body)
  }
  return { text: lines.map(l => `${l}\n`).join(''), ids }
}
