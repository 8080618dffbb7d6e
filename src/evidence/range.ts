import type { Range, WarningCode } from '../gate/codes.js'
import type { LedgerView } from './ledger.js'

export interface RangePlan {
  range: Range
  /**
   * The commit the change set is counted from: every commit reachable from `sha` and not from `base`.
   * null for `initial`: the change set is the pull request that produced `sha`.
   */
  base: string | null
  /** The sha of the environment's last `allow` record (the record's `previousSha`); null before one. */
  previousSha: string | null
  warnings: WarningCode[]
}

export interface RangeInput {
  view: Pick<LedgerView, 'records' | 'lastAllow' | 'allowedShas'>
  sha: string
  sinceSha: string | null
  /** Whether `ancestor` is reachable from `descendant` (from the GitHub API). */
  isAncestor: (ancestor: string, descendant: string) => Promise<boolean>
}

/**
 * What this deploy is checked against (SPEC §2).
 *
 * - No record yet for the environment: `baseline` from `since-sha` when given, else `initial`.
 * - Any record: `since-sha` is ignored with `since-sha-ignored`, so nobody can narrow the check once the
 *   environment is gated. Without an `allow` record yet (only blocked attempts), the deploy is still the
 *   first one: `initial`.
 * - The last `allow` record's sha is the base: `incremental`. Re-deploying exactly that sha is
 *   `incremental` with an empty change set (nothing new goes out; the deployed commit's CI still counts).
 * - `sha` is an ancestor of the last deployed sha and has an `allow` record of its own: `rollback`.
 *   An ancestor that was never deployed is `incremental` (its commits were checked when they went out
 *   as part of later deploys; its change set is empty).
 */
export async function planRange(input: RangeInput): Promise<RangePlan> {
  const plan = planFromLedger(input)
  if (plan.range !== 'incremental' || plan.previousSha === null || sameSha(input.sha, plan.previousSha))
    return plan
  if (
    input.view.allowedShas.has(input.sha.toLowerCase()) &&
    (await input.isAncestor(input.sha, plan.previousSha))
  )
    return { ...plan, range: 'rollback' }
  return plan
}

/**
 * The plan as far as the ledger alone establishes it, before GitHub is asked whether `sha` is a rollback.
 * A run that cannot reach GitHub still records this: the environment's last deployed commit
 * (`previousSha`) and the `since-sha-ignored` warning are facts of the ledger, whatever GitHub answers.
 */
export function planFromLedger(input: Omit<RangeInput, 'isAncestor'>): RangePlan {
  const { view } = input
  const sinceSha = input.sinceSha === null || input.sinceSha.trim() === '' ? null : input.sinceSha
  if (view.records === 0) {
    return sinceSha === null
      ? { range: 'initial', base: null, previousSha: null, warnings: [] }
      : { range: 'baseline', base: sinceSha, previousSha: null, warnings: [] }
  }
  const warnings: WarningCode[] = sinceSha === null ? [] : ['since-sha-ignored']
  const last = view.lastAllow
  if (last === null) return { range: 'initial', base: null, previousSha: null, warnings }
  return { range: 'incremental', base: last.sha, previousSha: last.sha, warnings }
}

function sameSha(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
