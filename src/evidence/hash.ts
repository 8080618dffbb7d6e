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
export function chainRecord(record: UnchainedRecord, previous: { id: string; seq: number } | null): EvidenceRecord {
  const prev = previous?.id ?? null
  const seq = (previous?.seq ?? 0) + 1
  const id = computeRecordId({ ...record, prev, seq })
  // Field order is for people reading the file; the id does not depend on it (JCS sorts keys).
  const { schema, ...fields } = record
  return { schema, id, prev, seq, ...fields }
}
