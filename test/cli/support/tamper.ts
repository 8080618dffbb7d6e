/** Random chains and single tamperings of them, for the property tests of verification. */
import fc from 'fast-check'
import { chainRecord } from '../../../src/evidence/hash.js'
import type { EvidenceRecord, UnchainedRecord } from '../../../src/evidence/record.js'
import { aChange, aRecord, anEmergency, at, sha } from './ledger.js'

const title = fc.string({ unit: 'grapheme', maxLength: 30 })
const login = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/)
export const recordSpec = fc.record({
  decision: fc.constantFrom('allow', 'block'),
  emergency: fc.boolean(),
  hours: fc.integer({ min: 0, max: 24 * 60 }),
  changes: fc.array(
    fc.record({ number: fc.integer({ min: 1, max: 9999 }), title, author: login, approver: login }),
    {
      maxLength: 3
    }
  )
})

type RecordSpec = typeof recordSpec extends fc.Arbitrary<infer T> ? T : never

export function build(specs: RecordSpec[]): EvidenceRecord[] {
  const out: EvidenceRecord[] = []
  specs.forEach((spec, i) => {
    const decidedAt = at(spec.hours + i)
    const unchained: UnchainedRecord = aRecord({
      sha: sha(`deploy-${i}`),
      decision: spec.decision,
      reasons: spec.decision === 'block' ? ['ci-failed'] : [],
      decidedAt,
      emergency: spec.emergency && spec.decision === 'allow' ? anEmergency({}, decidedAt) : null,
      changes: spec.changes.map(c =>
        aChange({
          number: c.number,
          title: c.title,
          author: c.author,
          approvals: [{ login: c.approver, submittedAt: at(spec.hours - 1), commitSha: null }]
        })
      )
    })
    const last = out[out.length - 1]
    out.push(chainRecord(unchained, last ? { id: last.id, seq: last.seq } : null))
  })
  return out
}

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
    const inner = entries.flatMap(([k, v]) => leaves(v, [...path, k]))
    return inner.length ? inner : [path]
  }
  return [path]
}

function setAt(value: unknown, path: Array<string | number>, leaf: unknown): unknown {
  if (path.length === 0) return leaf
  const [head, ...rest] = path as [string | number, ...Array<string | number>]
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >
  copy[head] = setAt(copy[head], rest, leaf)
  return copy
}

function getAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value)
}

/** A different value of the same kind, so the line stays plausible. */
function changed(old: unknown, salt: number): unknown {
  if (typeof old === 'string')
    return old === '' ? `x${salt}` : old.slice(0, -1) + (old.endsWith('a') ? 'b' : 'a')
  if (typeof old === 'number') return old + 1 + salt
  if (typeof old === 'boolean') return !old
  if (old === null) return `x${salt}`
  return Array.isArray(old) ? [`x${salt}`] : { x: salt }
}

export type Tamper =
  | { kind: 'edit'; record: number; leaf: number; salt: number }
  | { kind: 'delete'; record: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert-copy'; at: number; from: number }
  | { kind: 'insert-forged'; at: number }

export const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), record: fc.nat(), leaf: fc.nat(), salt: fc.nat(9) }),
  fc.record({ kind: fc.constant('delete' as const), record: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert-copy' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ kind: fc.constant('insert-forged' as const), at: fc.nat() })
)

/** The tampered file as lines; null when the tampering is not one (e.g. a swap of a record with itself). */
export function apply(records: EvidenceRecord[], t: Tamper): unknown[] | null {
  const n = records.length
  const lines: unknown[] = [...records]
  switch (t.kind) {
    case 'edit': {
      const i = t.record % n
      const paths = leaves(records[i])
      const path = paths[t.leaf % paths.length] as Array<string | number>
      lines[i] = setAt(records[i], path, changed(getAt(records[i], path), t.salt))
      return lines
    }
    case 'delete': {
      // Removing the last record leaves a shorter, intact chain: only the git history shows it.
      if (n < 2) return null
      lines.splice(t.record % (n - 1), 1)
      return lines
    }
    case 'swap': {
      const a = t.a % n
      const b = t.b % n
      if (a === b) return null
      ;[lines[a], lines[b]] = [lines[b], lines[a]]
      return lines
    }
    case 'insert-copy': {
      // Anywhere but after the last record, where a correctly chained record is an append.
      lines.splice(t.at % n, 0, records[t.from % n])
      return lines
    }
    case 'insert-forged': {
      // A new record chained properly to its predecessor: the record after it no longer links.
      const i = t.at % n
      const before = i === 0 ? null : (records[i - 1] as EvidenceRecord)
      const forged = chainRecord(
        aRecord({ actor: 'mallory', sha: sha('forged') }),
        before ? { id: before.id, seq: before.seq } : null
      )
      lines.splice(i, 0, forged)
      return lines
    }
  }
}
