import type { RuleResult } from './decision.js'
import type { CheckConclusion, CheckFacts, PullRequestFacts } from './facts.js'
import { isAtOrBefore, shortSha } from './time.js'

export type CiCode = 'ci-failed' | 'ci-pending' | 'ci-missing'

export interface CiVerdict {
  /** The most serious problem: failed before missing before pending; null when CI passed. */
  code: CiCode | null
  /** One short phrase per problem, e.g. `build: failure`. */
  problems: string[]
}

/** Conclusions that count as passing when every present check decides (SPEC §2). */
const PASSING: ReadonlySet<CheckConclusion> = new Set(['success', 'neutral', 'skipped'])

interface Problem {
  code: CiCode
  text: string
}

/**
 * One check against the rule. `succeededOnly`: a named required check must have run and succeeded, so
 * `neutral`/`skipped` do not satisfy it. `deadline`: a PR head's checks must have finished by the merge;
 * one that finished later (or whose finish time is unknown) was still pending when the PR was merged.
 */
function judge(check: CheckFacts, succeededOnly: boolean, deadline: string | null): Problem | null {
  if (check.conclusion === 'pending') return { code: 'ci-pending', text: `${check.name}: still pending` }
  const passing = succeededOnly ? check.conclusion === 'success' : PASSING.has(check.conclusion)
  if (!passing) return { code: 'ci-failed', text: `${check.name}: ${check.conclusion}` }
  if (deadline !== null && !isAtOrBefore(check.completedAt, deadline)) {
    const when = check.completedAt === null ? 'at an unknown time' : `at ${check.completedAt}`
    return { code: 'ci-pending', text: `${check.name}: finished ${when}, after the merge` }
  }
  return null
}

const SEVERITY: readonly CiCode[] = ['ci-failed', 'ci-missing', 'ci-pending']

/**
 * The CI rule of SPEC §2. With `requiredChecks` empty, every check run and commit status must pass and at
 * least one must exist; otherwise each named check must exist (matched by exact name, as GitHub's required
 * checks are) and have succeeded, and other checks are recorded but do not decide. When several checks
 * share a required name (a check run and a status, or two workflows), every one of them must succeed.
 */
export function evaluateCi(
  checks: readonly CheckFacts[],
  requiredChecks: readonly string[],
  deadline: string | null
): CiVerdict {
  const problems: Problem[] = []
  if (requiredChecks.length === 0) {
    if (checks.length === 0) problems.push({ code: 'ci-missing', text: 'no check runs or statuses' })
    for (const check of checks) {
      const problem = judge(check, false, deadline)
      if (problem !== null) problems.push(problem)
    }
  } else {
    for (const name of requiredChecks) {
      const named = checks.filter(c => c.name === name)
      if (named.length === 0) problems.push({ code: 'ci-missing', text: `${name}: missing` })
      for (const check of named) {
        const problem = judge(check, true, deadline)
        if (problem !== null) problems.push(problem)
      }
    }
  }
  const code = SEVERITY.find(s => problems.some(p => p.code === s)) ?? null
  return { code, problems: problems.map(p => p.text) }
}

function describe(checks: readonly CheckFacts[]): string {
  return checks.length === 0 ? 'no checks' : checks.map(c => `${c.name}: ${c.conclusion}`).join(', ')
}

const ADVICE: Record<CiCode, string> = {
  'ci-failed': 'fix or re-run the failing checks',
  'ci-missing': 'make sure CI reports its checks on this commit',
  'ci-pending': 'wait for the checks to finish'
}

/** `ci-*` for a PR head: CI must have finished successfully before the merge. */
export function checkPullRequestCi(pr: PullRequestFacts, requiredChecks: readonly string[]): RuleResult {
  const verdict = evaluateCi(pr.checks, requiredChecks, pr.mergedAt)
  const subject = `#${pr.number} (head ${shortSha(pr.headSha)})`
  const base = { rule: 'ci', pullRequest: pr.number, commit: pr.headSha }
  if (verdict.code === null) {
    return {
      ...base,
      status: 'pass',
      code: null,
      detail: `${subject} passed CI before the merge (${describe(pr.checks)}).`
    }
  }
  const advice =
    verdict.code === 'ci-failed'
      ? 'fix the failure in a new pull request'
      : 'land the change again through a pull request merged only after CI passed'
  return {
    ...base,
    status: 'fail',
    code: verdict.code,
    detail: `${subject} did not pass CI before it was merged (${verdict.problems.join('; ')}); ${advice}.`
  }
}

/** `ci-*` for the deployed commit itself, as the checks stand at gate time. */
export function checkDeployedCi(
  sha: string,
  checks: readonly CheckFacts[],
  requiredChecks: readonly string[]
): RuleResult {
  const verdict = evaluateCi(checks, requiredChecks, null)
  const base = { rule: 'deployed-ci', pullRequest: null, commit: sha }
  if (verdict.code === null) {
    return {
      ...base,
      status: 'pass',
      code: null,
      detail: `Deployed commit ${shortSha(sha)} passed CI (${describe(checks)}).`
    }
  }
  return {
    ...base,
    status: 'fail',
    code: verdict.code,
    detail: `Deployed commit ${shortSha(sha)} has not passed CI (${verdict.problems.join('; ')}); ${ADVICE[verdict.code]} before deploying.`
  }
}
