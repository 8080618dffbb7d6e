import { REASON_CODES, WARNING_CODES, inContractOrder, type WarningCode } from '../gate/codes.js'
import type { Decision } from '../gate/decision.js'
import type { ChangeSetFacts, PullRequestFacts } from '../gate/facts.js'
import { retrospectiveDueAt } from '../tickets/retrospective.js'
import {
  EVIDENCE_SCHEMA,
  type EvidenceChange,
  type EvidenceEmergency,
  type UnchainedRecord
} from './record.js'

export interface RecordInput {
  decision: Decision
  /** null when the gate blocked before the facts were gathered (an upstream error). */
  facts: ChangeSetFacts | null
  environment: string
  /** `owner/name` */
  repository: string
  sha: string
  /** The sha of the environment's last `allow` record (RangePlan.previousSha). */
  previousSha: string | null
  actor: string
  /** ISO 8601; written as UTC. */
  decidedAt: string
  run: { id: string; attempt: string; url: string; workflow: string }
  /** The emergency's retrospective; null when none was opened (then due 24 h after `decidedAt`, no url). */
  followUp: { url: string | null; dueAt: string } | null
  /** Warnings found outside the gate (e.g. `ledger-unprotected`, `follow-up-not-opened`). */
  warnings?: readonly WarningCode[]
}

/**
 * The ledger record of one decision (SPEC §5), before it is chained. Pure: the same input gives the
 * same record. `changes` has one entry per pull request, most recently merged first, with the approvals
 * that counted (from the decision), the checks on its head commit and its ticket; `commits` is the
 * change set, newest first.
 */
export function buildRecord(input: RecordInput): UnchainedRecord {
  const { decision, facts } = input
  const decidedAt = toUtc(input.decidedAt, 'decidedAt')
  const verdicts = new Map(decision.pullRequests.map(v => [v.number, v]))
  const seen = new Set<number>()
  const pullRequests = (facts?.pullRequests ?? []).filter(pr => !seen.has(pr.number) && seen.add(pr.number))
  const changes = pullRequests.sort(byMergedNewestFirst).map((pr): EvidenceChange => {
    const verdict = verdicts.get(pr.number)
    return {
      number: pr.number,
      title: pr.title,
      url: pr.url,
      author: pr.author.login,
      mergedAt: pr.mergedAt,
      mergedBy: pr.mergedBy,
      headSha: pr.headSha,
      approvals: (verdict?.approvals ?? []).map(a => ({
        login: a.login,
        submittedAt: a.submittedAt,
        commitSha: a.commitSha
      })),
      checks: pr.checks.map(c => ({ name: c.name, conclusion: c.conclusion, completedAt: c.completedAt })),
      ticket: verdict?.ticket
        ? {
            key: verdict.ticket.key,
            url: verdict.ticket.url,
            status: verdict.ticket.status,
            approvedAt: verdict.ticket.approvedAt
          }
        : null
    }
  })
  return wellFormed({
    schema: EVIDENCE_SCHEMA,
    environment: input.environment,
    repository: input.repository,
    sha: input.sha,
    previousSha: input.previousSha,
    range: decision.range,
    decision: decision.decision,
    reasons: inContractOrder(REASON_CODES, decision.reasons),
    warnings: inContractOrder(WARNING_CODES, [...decision.warnings, ...(input.warnings ?? [])]),
    emergency: buildEmergency(decision, input.followUp, decidedAt),
    actor: input.actor,
    decidedAt,
    run: { id: input.run.id, attempt: input.run.attempt, url: input.run.url, workflow: input.run.workflow },
    changes,
    commits: [...new Set((facts?.commits ?? []).map(c => c.sha))]
  })
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Text from pull requests and tickets is untrusted and may hold a lone UTF-16 surrogate, which RFC 8785
 * cannot canonicalize: such a record could never be hashed, and every deploy carrying that pull request
 * would fail to be recorded. Lone surrogates become U+FFFD, as a UTF-8 decoder would show them.
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd') as T
  if (Array.isArray(value)) return value.map(wellFormed) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormed(v)])) as T
  }
  return value
}

function buildEmergency(
  decision: Decision,
  followUp: RecordInput['followUp'],
  decidedAt: string
): EvidenceEmergency | null {
  const emergency = decision.emergency
  if (emergency === null) return null
  const dueAt = followUp ? toUtc(followUp.dueAt, 'followUp.dueAt') : retrospectiveDueAt(decidedAt)
  return {
    actor: emergency.actor,
    justification: emergency.justification,
    bypassed: inContractOrder(REASON_CODES, emergency.bypassed),
    followUp: { url: followUp?.url ?? null, dueAt }
  }
}

function byMergedNewestFirst(a: PullRequestFacts, b: PullRequestFacts): number {
  const byTime = Date.parse(b.mergedAt) - Date.parse(a.mergedAt)
  return Number.isNaN(byTime) || byTime === 0 ? b.number - a.number : byTime
}

function toUtc(time: string, field: string): string {
  const ms = Date.parse(time)
  if (Number.isNaN(ms)) throw new Error(`${field} is not a date: ${JSON.stringify(time)}`)
  return new Date(ms).toISOString()
}
