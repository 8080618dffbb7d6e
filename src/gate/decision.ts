import type { Range, ReasonCode, WarningCode } from './codes.js'

export type RuleStatus = 'pass' | 'fail' | 'warn'

/** One rule's verdict on one subject (a pull request, a commit, or the deploy itself). */
export interface RuleResult {
  /** Short rule name, e.g. `independent-approvals`. */
  rule: string
  status: RuleStatus
  /** The reason code on `fail`, the warning code on `warn`, null on `pass`. */
  code: ReasonCode | WarningCode | null
  /** One sentence a person can act on. Built from facts; never contains secrets. */
  detail: string
  pullRequest: number | null
  commit: string | null
}

export interface ApprovalSummary {
  login: string
  submittedAt: string
  commitSha: string | null
}

export interface TicketSummary {
  key: string
  url: string
  status: string
  approvedAt: string | null
}

export interface PullRequestVerdict {
  number: number
  /** The approvals that counted toward `required-approvals`. */
  approvals: ApprovalSummary[]
  ticket: TicketSummary | null
}

export interface EmergencyVerdict {
  actor: string
  justification: string
  /** Failing reason codes that the override let through (empty when nothing failed). */
  bypassed: ReasonCode[]
}

export interface Decision {
  decision: 'allow' | 'block'
  range: Range
  /** Unique failing reason codes, in REASON_CODES order. */
  reasons: ReasonCode[]
  /** Unique warning codes, in WARNING_CODES order. */
  warnings: WarningCode[]
  results: RuleResult[]
  pullRequests: PullRequestVerdict[]
  /** Set when the deploy was allowed by the emergency override. */
  emergency: EmergencyVerdict | null
}
