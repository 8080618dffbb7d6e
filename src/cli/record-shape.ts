import { RANGES } from '../gate/codes.js'
import type { EvidenceRecord } from '../evidence/record.js'

/** A field of a record that does not have the type SPEC §5 gives it. */
export interface ShapeProblem {
  /** Path of the field, e.g. `changes[0].approvals[1].submittedAt`. */
  field: string
  expected: string
  found: string
}

/** What a value must be; the schema below is built from these once. */
type Spec =
  | { kind: 'leaf'; test: (value: unknown) => boolean; expected: string }
  | { kind: 'object'; fields: ReadonlyArray<readonly [string, Spec]> }
  | { kind: 'list'; item: Spec }
  | { kind: 'nullable'; inner: Spec }

const leaf = (expected: string, test: (value: unknown) => boolean): Spec => ({ kind: 'leaf', test, expected })
const object = (fields: Record<string, Spec>): Spec => ({ kind: 'object', fields: Object.entries(fields) })
const list = (item: Spec): Spec => ({ kind: 'list', item })
const nullable = (inner: Spec): Spec => ({ kind: 'nullable', inner })
const oneOf = (values: readonly string[]): Spec =>
  leaf(values.map(x => JSON.stringify(x)).join(' or '), v => typeof v === 'string' && values.includes(v))

// With a zone: Jira's `+0000` form is accepted as well as `Z` and `+00:00`.
const ISO_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/

const string = leaf('a string', v => typeof v === 'string')
const time = leaf('an ISO 8601 time with a zone', v => typeof v === 'string' && ISO_TIME.test(v))
const stringOrNumber = leaf('a string or a number', v => typeof v === 'string' || typeof v === 'number')
const integer = leaf('an integer', v => Number.isInteger(v))

/** SPEC §5, field by field. Extra fields are allowed anywhere: the ledger may come from another writer. */
const RECORD: Spec = object({
  environment: string,
  repository: string,
  sha: string,
  previousSha: nullable(string),
  range: oneOf(RANGES),
  decision: oneOf(['allow', 'block']),
  actor: string,
  decidedAt: time,
  reasons: list(string),
  warnings: list(string),
  emergency: nullable(
    object({
      actor: string,
      justification: string,
      bypassed: list(string),
      followUp: object({ url: nullable(string), dueAt: time })
    })
  ),
  run: object({ id: stringOrNumber, attempt: stringOrNumber, url: string, workflow: string }),
  changes: list(
    object({
      number: integer,
      title: string,
      url: string,
      author: string,
      mergedAt: time,
      mergedBy: nullable(string),
      headSha: string,
      approvals: list(object({ login: string, submittedAt: time, commitSha: nullable(string) })),
      checks: list(object({ name: string, conclusion: string, completedAt: nullable(time) })),
      ticket: nullable(object({ key: string, url: string, status: string, approvedAt: nullable(time) }))
    })
  ),
  commits: list(string)
})

interface Mismatch {
  path: Array<string | number>
  expected: string
  value: unknown
}

/** Null when `value` fits; otherwise where it does not (the path is built only on the way out). */
function mismatch(value: unknown, spec: Spec): Mismatch | null {
  switch (spec.kind) {
    case 'leaf':
      return spec.test(value) ? null : { path: [], expected: spec.expected, value }
    case 'nullable':
      if (value === null) return null
      {
        const found = mismatch(value, spec.inner)
        if (found && found.path.length === 0) found.expected = `${found.expected} or null`
        return found
      }
    case 'list': {
      if (!Array.isArray(value)) return { path: [], expected: 'an array', value }
      for (let i = 0; i < value.length; i += 1) {
        const found = mismatch(value[i], spec.item)
        if (found) {
          found.path.unshift(i)
          return found
        }
      }
      return null
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { path: [], expected: 'an object', value }
      }
      const record = value as Record<string, unknown>
      for (const [name, inner] of spec.fields) {
        const found = mismatch(record[name], inner)
        if (found) {
          found.path.unshift(name)
          return found
        }
      }
      return null
    }
  }
}

/**
 * Checks that a record (whose chain is already verified) has the fields SPEC §5 describes, with their
 * types, so that export and findings can read it. Returns the first problem, or null.
 */
export function checkRecordShape(record: Record<string, unknown>): ShapeProblem | null {
  const found = mismatch(record, RECORD)
  if (!found) return null
  const field = found.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
  const text = found.value === undefined ? 'nothing' : JSON.stringify(found.value)
  return { field, expected: found.expected, found: text.length > 60 ? `${text.slice(0, 57)}...` : text }
}

/** Epoch milliseconds of an ISO 8601 time, also in Jira's `+0000` form; NaN when it is not one. */
export function parseTime(text: string): number {
  const direct = Date.parse(text)
  if (!Number.isNaN(direct)) return direct
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
}

/**
 * A record's time as the CLI shows it: UTC, `2024-06-03T08:05:00.000Z`. A ledger from another writer may
 * hold `+02:00` or Jira's `+0000`; shown as written, such times would read as UTC in a column headed UTC and
 * would not sort as text. Text that is not a time is returned as it is.
 */
export function utcTime(text: string): string {
  const ms = parseTime(text)
  return Number.isNaN(ms) ? text : new Date(ms).toISOString()
}

/** The record as the CLI reads it, once `checkRecordShape` found nothing wrong. */
export function asEvidenceRecord(record: Record<string, unknown>): EvidenceRecord {
  return record as unknown as EvidenceRecord
}
