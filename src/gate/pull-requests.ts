import type { RuleResult } from './decision.js'
import type { ChangeSetFacts, PullRequestFacts } from './facts.js'
import { shortSha } from './time.js'

/**
 * The pull requests whose rules decide this deploy: those merged into the deploy branch. A pull request
 * into another branch carries nothing into this one by itself (the merge of that branch does), so it is
 * neither evaluated nor accepted as the carrier of a commit.
 */
export function pullRequestsIntoDeployBranch(facts: ChangeSetFacts): PullRequestFacts[] {
  const seen = new Set<number>()
  return facts.pullRequests.filter(pr => {
    if (pr.baseRefName !== facts.deployBranch || seen.has(pr.number)) return false
    seen.add(pr.number)
    return true
  })
}

/**
 * `no-pull-request`, one result per commit of the change set. Prevents the finding "a change reached
 * production by a direct push, without review". A commit whose carrying pull request the adapter named
 * but did not describe cannot be established, so it fails closed as `upstream-error`.
 */
export function checkCommitsCarriedByPullRequests(facts: ChangeSetFacts): RuleResult[] {
  const known = new Map(facts.pullRequests.map(pr => [pr.number, pr]))
  return facts.commits.map((commit): RuleResult => {
    const base = { rule: 'pull-request', pullRequest: null, commit: commit.sha }
    const carriers = commit.pullRequests.filter(n => known.get(n)?.baseRefName === facts.deployBranch)
    if (carriers.length > 0) {
      return {
        ...base,
        status: 'pass',
        code: null,
        pullRequest: carriers[0] ?? null,
        detail: `Commit ${shortSha(commit.sha)} came through ${carriers.map(n => `#${n}`).join(', ')} into ${facts.deployBranch}.`
      }
    }
    const undescribed = commit.pullRequests.filter(n => !known.has(n))
    if (undescribed.length > 0) {
      return {
        ...base,
        status: 'fail',
        code: 'upstream-error',
        pullRequest: undescribed[0] ?? null,
        detail: `GitHub named ${undescribed.map(n => `#${n}`).join(', ')} as carrying commit ${shortSha(commit.sha)} but returned no details for it; re-run the gate.`
      }
    }
    return {
      ...base,
      status: 'fail',
      code: 'no-pull-request',
      detail: `Commit ${shortSha(commit.sha)} reached ${facts.deployBranch} without a merged pull request into it (direct push); revert it and land it through a reviewed pull request.`
    }
  })
}
