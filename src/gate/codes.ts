/**
 * The reason and warning codes of SPEC §2. They are part of the contract: other tools match on them.
 */
export const REASON_CODES = [
  'no-pull-request',
  'insufficient-approvals',
  'self-approval',
  'stale-approval',
  'approval-after-merge',
  'changes-requested',
  'ci-failed',
  'ci-pending',
  'ci-missing',
  'ticket-missing',
  'ticket-not-found',
  'ticket-not-approved',
  'ticket-approved-after-merge',
  'emergency-not-allowed',
  'upstream-error'
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

export const WARNING_CODES = [
  'since-sha-ignored',
  'bot-approval-ignored',
  'rubber-stamp-suspected',
  'ledger-unprotected',
  'emergency-approvers-empty',
  'follow-up-not-opened',
  'webhook-failed'
] as const
export type WarningCode = (typeof WARNING_CODES)[number]

/**
 * The codes of `order` (a contract list: REASON_CODES, WARNING_CODES) that occur in `codes`, once each and in
 * the contract's order, whatever order and repetitions `codes` has. Anything not in `order` is dropped.
 */
export function inContractOrder<T extends string>(order: readonly T[], codes: Iterable<string | null>): T[] {
  const present = new Set(codes)
  return order.filter(code => present.has(code))
}

export const RANGES = ['incremental', 'initial', 'baseline', 'rollback'] as const
export type Range = (typeof RANGES)[number]

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
