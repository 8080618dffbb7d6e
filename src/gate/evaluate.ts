import type { Policy } from '../config.js'
import type { Service } from '../errors.js'
import { evaluateApprovals } from './approvals.js'
import { checkDeployedCi, checkPullRequestCi } from './checks.js'
import {
  REASON_CODES,
  WARNING_CODES,
  inContractOrder,
  type Range,
  type ReasonCode,
  type WarningCode
} from './codes.js'
import type { Decision, PullRequestVerdict, RuleResult } from './decision.js'
import { evaluateEmergency, type EmergencyRequest } from './emergency.js'
import type { ChangeSetFacts, TicketLookup } from './facts.js'
import { checkCommitsCarriedByPullRequests, pullRequestsIntoDeployBranch } from './pull-requests.js'
import { evaluateTicket, findTicketKey } from './tickets.js'

export interface GateInput {
  facts: ChangeSetFacts
  range: Range
  policy: Policy
  /** Ticket lookups by key (Jira), only for keys the gate asked for; ignored for github-issues/none. */
  tickets: ReadonlyMap<string, TicketLookup>
  emergency: EmergencyRequest | null
  /**
   * Services that could not answer while the GitHub facts were read (e.g. Jira down): each is an
   * `upstream-error`, and every rule that does not depend on it is still evaluated and recorded, so an
   * emergency's `bypassed` list and the developer's list of fixes are complete.
   */
  unavailable?: ReadonlyArray<{ service: Service; message: string }>
}

/**
 * The gate: every rule of SPEC §2 over the change set, then the emergency override. Pure: the same input
 * always gives the same decision, and a block is a value, not an exception.
 *
 * A rollback (`range: 'rollback'`) redeploys a commit the ledger already allowed, so no pull request or
 * ticket rule is applied again ("allowed without new approvals"); the deployed commit's own CI still is:
 * the commit that goes out must be one that passed its checks, which a previously allowed commit normally
 * still shows, and an auditor expects "tested" of every deploy.
 */
export function evaluate(input: GateInput): Decision {
  const { facts, policy } = input
  const results: RuleResult[] = []
  const pullRequests: PullRequestVerdict[] = []
  if (input.range !== 'rollback') {
    results.push(...checkCommitsCarriedByPullRequests(facts))
    for (const pr of pullRequestsIntoDeployBranch(facts)) {
      const approvals = evaluateApprovals(pr, policy)
      const ticket = evaluateTicket(pr, policy, input.tickets)
      results.push(...approvals.results, checkPullRequestCi(pr, policy.requiredChecks), ...ticket.results)
      pullRequests.push({ number: pr.number, approvals: approvals.counted, ticket: ticket.summary })
    }
  }
  results.push(checkDeployedCi(facts.sha, facts.deployedChecks, policy.requiredChecks))
  for (const { service, message } of input.unavailable ?? [])
    results.push(upstreamResult(service, message, facts.sha))
  return decide(input.range, facts.sha, results, pullRequests, input.emergency)
}

/** The Jira keys `main` must look up before calling `evaluate` (deduplicated, in PR order). Not for rollbacks. */
export function ticketKeysToFetch(facts: ChangeSetFacts, policy: Policy): string[] {
  if (policy.ticketSource !== 'jira') return []
  const keys = pullRequestsIntoDeployBranch(facts).map(pr => findTicketKey(pr, policy.jiraProjects))
  return [...new Set(keys.filter(k => k !== null))]
}

/**
 * The decision when a fact could not be established (an API error after retries, a timeout, a malformed
 * answer): the gate fails closed with `upstream-error`, naming the service. An emergency override can let
 * even this through: break-glass exists for when the normal path is unavailable, and the record still
 * shows `upstream-error` among the bypassed reasons for the retrospective.
 */
export function blockedByUpstream(
  range: Range,
  service: Service,
  message: string,
  emergency: EmergencyRequest | null = null,
  sha: string | null = null
): Decision {
  return decide(range, sha ?? '', [upstreamResult(service, message, sha)], [], emergency)
}

function upstreamResult(service: Service, message: string, sha: string | null): RuleResult {
  const safe = redactCredentials(message)
  const detail = safe.startsWith(service) ? safe : `${service}: ${safe}`
  return {
    rule: 'upstream',
    status: 'fail',
    code: 'upstream-error',
    detail: /[.!?]$/.test(detail) ? detail : `${detail}.`,
    pullRequest: null,
    commit: sha
  }
}

/**
 * Defence in depth for messages that echo a request: adapters keep tokens out of their errors, and this
 * hides the common shapes (GitHub tokens, Authorization values, credentials in URLs) should one slip in.
 */
function redactCredentials(text: string): string {
  return text
    .replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, '***')
    .replace(/\b(Bearer|Basic)\s+(?=[\w.~+/=-]*\d)[\w.~+/=-]{8,}/g, '$1 ***')
    .replace(/(\w+:\/\/)[^/\s:@]*:[^/\s@]*@/g, '$1***@')
}

function decide(
  range: Range,
  sha: string,
  ruleResults: readonly RuleResult[],
  pullRequests: PullRequestVerdict[],
  emergency: EmergencyRequest | null
): Decision {
  const results = [...ruleResults]
  let verdict = null
  if (emergency !== null) {
    const outcome = evaluateEmergency(emergency, reasonsOf(results), sha)
    results.push(...outcome.results)
    verdict = outcome.verdict
  }
  const reasons = reasonsOf(results)
  return {
    decision: verdict !== null || reasons.length === 0 ? 'allow' : 'block',
    range,
    reasons,
    warnings: warningsOf(results),
    results,
    pullRequests,
    emergency: verdict
  }
}

function codesOf(results: readonly RuleResult[], status: 'fail' | 'warn'): Array<string | null> {
  return results.filter(r => r.status === status).map(r => r.code)
}

function reasonsOf(results: readonly RuleResult[]): ReasonCode[] {
  return inContractOrder(REASON_CODES, codesOf(results, 'fail'))
}

function warningsOf(results: readonly RuleResult[]): WarningCode[] {
  return inContractOrder(WARNING_CODES, codesOf(results, 'warn'))
}
