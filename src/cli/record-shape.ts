import { RANGES } from '../gate/codes.js'
import type { EvidenceRecord } from '../evidence/record.js'

/** A field of a record that does not have the type SPEC §5 gives it. */
export interface ShapeProblem {
  /** Path of the field, e.g. `changes[0].approvals[1].submittedAt`. */
  field: string
  expected: string
  found: string
}

type Check = (value: unknown) => string | null

const string: Check = v => (typeof v === 'string' ? null : 'a string')
const nullableString: Check = v => (v === null || typeof v === 'string' ? null : 'a string or null')
// With a zone: Jira's `+0000` form is accepted as well as `Z` and `+00:00`.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/
const time: Check = v =>
  typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(parseTime(v))
    ? null
    : 'an ISO 8601 time with a zone'
const nullableTime: Check = v => (v === null ? null : time(v) && 'an ISO 8601 time or null')
const stringOrNumber: Check = v =>
  typeof v === 'string' || typeof v === 'number' ? null : 'a string or a number'
const oneOf =
  (values: readonly string[]): Check =>
  v =>
    typeof v === 'string' && values.includes(v) ? null : values.map(x => JSON.stringify(x)).join(' or ')

/**
 * Checks that a record (whose chain is already verified) has the fields SPEC §5 describes, with their
 * types, so that export and findings can read it. Extra fields are allowed anywhere: the ledger may be
 * written by another implementation. Returns the first problem, or null.
 */
export function checkRecordShape(record: Record<string, unknown>): ShapeProblem | null {
  return (
    fields(record, '', {
      environment: string,
      repository: string,
      sha: string,
      previousSha: nullableString,
      range: oneOf(RANGES),
      decision: oneOf(['allow', 'block']),
      actor: string,
      decidedAt: time
    }) ??
    list(record.reasons, 'reasons', (v, at) => leaf(v, at, string)) ??
    list(record.warnings, 'warnings', (v, at) => leaf(v, at, string)) ??
    emergency(record.emergency) ??
    object(record.run, 'run', run =>
      fields(run, 'run.', { id: stringOrNumber, attempt: stringOrNumber, url: string, workflow: string })
    ) ??
    list(record.changes, 'changes', change) ??
    list(record.commits, 'commits', (v, at) => leaf(v, at, string))
  )
}

/** Epoch milliseconds of an ISO 8601 time, also in Jira's `+0000` form; NaN when it is not one. */
export function parseTime(text: string): number {
  const direct = Date.parse(text)
  if (!Number.isNaN(direct)) return direct
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
}

/** The record as the CLI reads it, once `checkRecordShape` found nothing wrong. */
export function asEvidenceRecord(record: Record<string, unknown>): EvidenceRecord {
  return record as unknown as EvidenceRecord
}

function emergency(value: unknown): ShapeProblem | null {
  if (value === null) return null
  return object(
    value,
    'emergency',
    e =>
      fields(e, 'emergency.', { actor: string, justification: string }) ??
      list(e.bypassed, 'emergency.bypassed', (v, at) => leaf(v, at, string)) ??
      object(e.followUp, 'emergency.followUp', f =>
        fields(f, 'emergency.followUp.', { url: nullableString, dueAt: time })
      )
  )
}

function change(value: unknown, at: string): ShapeProblem | null {
  return object(value, at, c => {
    if (typeof c.number !== 'number' || !Number.isInteger(c.number))
      return problem(`${at}.number`, 'an integer', c.number)
    return (
      fields(c, `${at}.`, {
        title: string,
        url: string,
        author: string,
        mergedAt: time,
        mergedBy: nullableString,
        headSha: string
      }) ??
      list(c.approvals, `${at}.approvals`, (a, where) =>
        object(a, where, x =>
          fields(x, `${where}.`, { login: string, submittedAt: time, commitSha: nullableString })
        )
      ) ??
      list(c.checks, `${at}.checks`, (k, where) =>
        object(k, where, x =>
          fields(x, `${where}.`, { name: string, conclusion: string, completedAt: nullableTime })
        )
      ) ??
      (c.ticket === null
        ? null
        : object(c.ticket, `${at}.ticket`, t =>
            fields(t, `${at}.ticket.`, { key: string, url: string, status: string, approvedAt: nullableTime })
          ))
    )
  })
}

function fields(
  value: Record<string, unknown>,
  prefix: string,
  checks: Record<string, Check>
): ShapeProblem | null {
  for (const [name, check] of Object.entries(checks)) {
    const found = leaf(value[name], `${prefix}${name}`, check)
    if (found) return found
  }
  return null
}

function leaf(value: unknown, at: string, check: Check): ShapeProblem | null {
  const expected = check(value)
  return expected === null ? null : problem(at, expected, value)
}

function object(
  value: unknown,
  at: string,
  inner: (value: Record<string, unknown>) => ShapeProblem | null
): ShapeProblem | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return problem(at, 'an object', value)
  return inner(value as Record<string, unknown>)
}

function list(
  value: unknown,
  at: string,
  item: (value: unknown, at: string) => ShapeProblem | null
): ShapeProblem | null {
  if (!Array.isArray(value)) return problem(at, 'an array', value)
  for (let i = 0; i < value.length; i += 1) {
    const found = item(value[i], `${at}[${i}]`)
    if (found) return found
  }
  return null
}

function problem(field: string, expected: string, value: unknown): ShapeProblem {
  const text = value === undefined ? 'nothing' : JSON.stringify(value)
  return { field, expected, found: text.length > 60 ? `${text.slice(0, 57)}...` : text }
}
