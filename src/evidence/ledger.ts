import { LedgerIntegrityError } from '../errors.js'
import { ChainVerifier, type ChainLink } from './chain.js'
import type { EvidenceRecord, UnchainedRecord } from './record.js'

/** What the gate needs to know about one environment's chain, after it was verified end to end. */
export interface LedgerView {
  /** Number of records (allow and block) in the environment's chain. */
  records: number
  /** The last record's id and seq: what the next record chains to. */
  tip: ChainLink | null
  /** The last `allow` record (emergencies included): its `sha` is what the environment runs. */
  lastAllow: EvidenceRecord | null
  /** Every sha that an `allow` record names: the commits a rollback may return to. */
  allowedShas: ReadonlySet<string>
}

export interface AppendResult {
  record: EvidenceRecord
  /** 1 when the first try went through; more after rejected pushes or a busy lock. */
  attempts: number
  /** The ledger commit (git store) or null (file store). */
  commit: string | null
}

export interface LedgerStore {
  /** Human-readable place of the environment's chain, for messages and the evidence file (no secrets). */
  describe(environment: string): string
  /**
   * Reads and verifies the environment's chain. Broken → LedgerIntegrityError naming file, line, field,
   * expected and found. Unreachable → UpstreamError('ledger', …). No ledger yet → an empty view.
   */
  read(environment: string): Promise<LedgerView>
  /**
   * Appends one record. `build(view)` is called with the freshly verified view on every attempt, and the
   * record is chained (`prev`, `seq`) to that view's tip, so a record re-chained after a rejected push
   * never duplicates or skips a `seq`. A broken chain is never extended.
   */
  append(environment: string, build: (view: LedgerView) => UnchainedRecord): Promise<AppendResult>
}

export const EMPTY_VIEW: LedgerView = Object.freeze({
  records: 0,
  tip: null,
  lastAllow: null,
  allowedShas: new Set<string>()
})

/** `ledger/<encodeURIComponent(environment)>.jsonl` (SPEC §5), relative to the ledger root. */
export function ledgerFile(environment: string): string {
  return `ledger/${encodeURIComponent(environment)}.jsonl`
}

/**
 * Verifies a whole ledger file's text for one environment and returns its view. `where` names the file
 * for the error message (e.g. `ledger/prod.jsonl on branch deploy-evidence of …`).
 * Lines end with `\n`; a missing final newline is accepted (the next append adds it).
 */
export function verifyLedgerText(text: string, environment: string, where: string): LedgerView {
  if (text === '') return EMPTY_VIEW
  const verifier = new ChainVerifier(environment)
  let lastAllow: EvidenceRecord | null = null
  const allowedShas = new Set<string>()
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  for (const line of lines) {
    const record = verifier.push(line)
    if (record === null) break
    if (record.decision === 'allow') {
      if (typeof record.sha !== 'string') {
        throw integrityError(where, `line ${verifier.count}: an allow record has no sha string`)
      }
      lastAllow = record as unknown as EvidenceRecord
      allowedShas.add(record.sha.toLowerCase())
    }
  }
  const broken = verifier.firstBreak
  if (broken) throw integrityError(where, broken.message)
  return { records: verifier.count, tip: verifier.tip, lastAllow, allowedShas }
}

function integrityError(where: string, what: string): LedgerIntegrityError {
  return new LedgerIntegrityError(
    `The evidence ledger ${where} is broken and will not be extended: ${what}. ` +
      'Restore the file from the branch history (`deploy-gate verify` lists the break) before deploying again.'
  )
}

/** The line to append for `record`, after checking that it belongs to this environment's chain. */
export function serializeRecord(record: EvidenceRecord, environment: string): string {
  if (record.environment !== environment) {
    throw new Error(`a record of environment "${record.environment}" cannot be appended to "${environment}"`)
  }
  return JSON.stringify(record)
}
