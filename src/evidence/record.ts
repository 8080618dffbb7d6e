import type { Range, ReasonCode, WarningCode } from '../gate/codes.js'

export const EVIDENCE_SCHEMA = 'deploy-gate/evidence/v1'

export interface EvidenceApproval {
  login: string
  submittedAt: string
  commitSha: string | null
}

export interface EvidenceCheck {
  name: string
  conclusion: string
  completedAt: string | null
}

export interface EvidenceTicket {
  key: string
  url: string
  status: string
  approvedAt: string | null
}

export interface EvidenceChange {
  number: number
  title: string
  url: string
  author: string
  mergedAt: string
  mergedBy: string | null
  headSha: string
  approvals: EvidenceApproval[]
  checks: EvidenceCheck[]
  ticket: EvidenceTicket | null
}

export interface EvidenceEmergency {
  actor: string
  justification: string
  bypassed: ReasonCode[]
  followUp: { url: string | null; dueAt: string }
}

/** One line of `ledger/<environment>.jsonl` (SPEC §5). */
export interface EvidenceRecord {
  schema: typeof EVIDENCE_SCHEMA
  id: string
  prev: string | null
  seq: number
  environment: string
  repository: string
  sha: string
  previousSha: string | null
  range: Range
  decision: 'allow' | 'block'
  reasons: ReasonCode[]
  warnings: WarningCode[]
  emergency: EvidenceEmergency | null
  actor: string
  decidedAt: string
  run: { id: string; attempt: string; url: string; workflow: string }
  changes: EvidenceChange[]
  commits: string[]
}

/** A record before it is placed in a chain: `id`, `prev` and `seq` are set by `chainRecord`. */
export type UnchainedRecord = Omit<EvidenceRecord, 'id' | 'prev' | 'seq'>
