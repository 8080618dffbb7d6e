import { computeParsedRecordId } from './hash.js'
import { EVIDENCE_SCHEMA } from './record.js'

/** Where and how a chain is broken: enough for a person to open the file at the line and see it. */
export interface ChainBreak {
  line: number
  field: string
  expected: string
  found: string
  /** What is wrong, alone: `seq does not continue the chain`. */
  reason: string
  /** The reason with the line and what was expected and found: `line 3: … (expected 3, found 4)`. */
  message: string
}

/** A record's identity in its chain, kept after it is verified. */
export interface ChainLink {
  id: string
  seq: number
}

const REQUIRED_FIELDS = [
  'schema',
  'id',
  'prev',
  'seq',
  'environment',
  'repository',
  'sha',
  'previousSha',
  'range',
  'decision',
  'reasons',
  'warnings',
  'emergency',
  'actor',
  'decidedAt',
  'run',
  'changes',
  'commits'
] as const

/**
 * Verifies one environment's chain a line at a time, so that a ledger of any length is checked in
 * constant memory. Feed lines in file order with `push`; the first break is returned and kept.
 */
export class ChainVerifier {
  private last: ChainLink | null = null
  private lineNo = 0
  private broken: ChainBreak | null = null
  count = 0

  private readonly environment: string | undefined

  /**
   * With `environment`, a record of any other environment breaks the chain. With `after`, the lines fed
   * continue a chain whose record `after` comes just before them (a part of a file verified on its own,
   * e.g. by one of several workers; line numbers then count from the first line fed).
   */
  constructor(environment?: string, after: ChainLink | null = null) {
    this.environment = environment
    this.last = after
  }

  get tip(): ChainLink | null {
    return this.last
  }

  get firstBreak(): ChainBreak | null {
    return this.broken
  }

  /** Verifies the next line; returns the parsed record, or null once the chain is broken. */
  push(line: string): Record<string, unknown> | null {
    this.lineNo += 1
    if (this.broken) return null
    const result = this.check(line)
    if ('break' in result) {
      this.broken = result.break
      return null
    }
    return result.record
  }

  private check(line: string): { record: Record<string, unknown> } | { break: ChainBreak } {
    const at = this.lineNo
    const fail = (field: string, expected: string, found: string, reason: string) => ({
      break: {
        line: at,
        field,
        expected,
        found,
        reason,
        message: `line ${at}: ${reason} (expected ${expected}, found ${found})`
      }
    })
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch (error) {
      return fail('(line)', 'one JSON object', truncate(line), `not valid JSON: ${(error as Error).message}`)
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return fail('(line)', 'one JSON object', truncate(line), 'not a JSON object')
    }
    const record = parsed as Record<string, unknown>
    for (const field of REQUIRED_FIELDS) {
      if (!(field in record))
        return fail(field, 'the field to be present', 'nothing', `required field "${field}" is missing`)
    }
    if (record.schema !== EVIDENCE_SCHEMA) {
      return fail('schema', JSON.stringify(EVIDENCE_SCHEMA), JSON.stringify(record.schema), 'unknown schema')
    }
    if (this.environment !== undefined && record.environment !== this.environment) {
      return fail(
        'environment',
        JSON.stringify(this.environment),
        JSON.stringify(record.environment),
        'record of another environment'
      )
    }
    const expectedSeq = (this.last?.seq ?? 0) + 1
    if (record.seq !== expectedSeq) {
      return fail('seq', String(expectedSeq), JSON.stringify(record.seq), 'seq does not continue the chain')
    }
    const expectedPrev = this.last?.id ?? null
    if (record.prev !== expectedPrev) {
      return fail(
        'prev',
        JSON.stringify(expectedPrev),
        JSON.stringify(record.prev),
        'prev does not link to the previous record'
      )
    }
    let id: string
    try {
      id = computeParsedRecordId(record)
    } catch (error) {
      // JCS refuses some JSON (a lone surrogate in a string): such a record has no id at all.
      return fail(
        'id',
        'a record that has a canonical form',
        truncate(line),
        `cannot be hashed: ${(error as Error).message}`
      )
    }
    if (record.id !== id) {
      return fail(
        'id',
        id,
        JSON.stringify(record.id),
        'id is not the hash of the record (the record was changed)'
      )
    }
    this.last = { id, seq: expectedSeq }
    this.count += 1
    return { record }
  }
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
