import * as crypto from 'node:crypto'
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import type { EvidenceRecord, UnchainedRecord } from './record.js'

/**
 * The record id of SPEC §5: lowercase hex SHA-256 of the RFC 8785 (JCS) canonical JSON of the record
 * without its `id` field. Accepts any parsed JSON object so that records written by other
 * implementations (with extra fields) are hashed exactly as written.
 */
export function computeRecordId(record: Record<string, unknown>): string {
  const { id: _id, ...rest } = record
  const canonical = canonicalize(rest)
  if (canonical === undefined) throw new Error('record cannot be canonicalized')
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/** Places a record after `previous` (or first in its chain) and computes its id. */
export function chainRecord(
  record: UnchainedRecord,
  previous: { id: string; seq: number } | null
): EvidenceRecord {
  const prev = previous?.id ?? null
  const seq = (previous?.seq ?? 0) + 1
  const id = computeRecordId({ ...record, prev, seq })
  // Field order is for people reading the file; the id does not depend on it (JCS sorts keys).
  const { schema, ...fields } = record
  return { schema, id, prev, seq, ...fields }
}

/**
 * `computeRecordId` for a value straight from `JSON.parse` (plain objects, arrays, strings, finite
 * numbers, booleans, null): the same id, about twice as fast, because verifying a ledger hashes every
 * record of it. The keys are put in JCS order (UTF-16 code units) by copying each object with sorted keys,
 * and the native JSON.stringify writes the copy; strings and numbers serialize identically under JSON
 * and JCS. What the copy cannot reproduce falls back to `canonicalize`: array-index keys (which V8
 * enumerates first whatever the insertion order), a `__proto__` key, and lone surrogates (which JCS
 * rejects and JSON.stringify escapes as `\udXXX`).
 */
export function computeParsedRecordId(record: Record<string, unknown>): string {
  const sorted = sortedCopy(record, true)
  const canonical = sorted === UNSAFE ? undefined : JSON.stringify(sorted)
  if (canonical === undefined || canonical.includes('\\ud')) return computeRecordId(record)
  return sha256Hex(canonical)
}

// `crypto.hash` (Node 20.12+, 21.7+) is the one-shot form, measurably faster over 100k records; namespace
// access keeps older Node 20 releases, which lack it, working.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash

function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text, 'utf8').digest('hex')
}

const UNSAFE = Symbol('unsafe')

/** Sorted key lists by the unsorted list they came from, found by first key (records share shapes). */
const sortedKeysCache = new Map<string, { keys: string[]; sorted: string[] }>()

function sortedKeys(keys: string[]): string[] {
  const first = keys[0]
  if (first === undefined) return keys
  const hit = sortedKeysCache.get(first)
  if (hit !== undefined && hit.keys.length === keys.length && hit.keys.every((key, i) => key === keys[i])) {
    return hit.sorted
  }
  const sorted = [...keys].sort()
  if (sortedKeysCache.size > 1000) sortedKeysCache.clear()
  sortedKeysCache.set(first, { keys, sorted })
  return sorted
}

function sortedCopy(value: unknown, dropId = false): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length)
    for (let i = 0; i < value.length; i += 1) {
      const item = sortedCopy(value[i])
      if (item === UNSAFE) return UNSAFE
      copy[i] = item
    }
    return copy
  }
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
  // V8 lists array-index keys first, in numeric order: if there are any, the first key is one.
  if (keys.length > 0 && isArrayIndex(keys[0] as string)) return UNSAFE
  const copy: Record<string, unknown> = {}
  for (const key of sortedKeys(keys)) {
    if (key === '__proto__') return UNSAFE
    if (dropId && key === 'id') continue
    const item = sortedCopy(object[key])
    if (item === UNSAFE) return UNSAFE
    copy[key] = item
  }
  return copy
}

function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0)
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295
}
