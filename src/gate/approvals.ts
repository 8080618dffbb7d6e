import { isBotAccount, loginFromIdentity, loginKey } from './accounts.js'
import type { ApprovalSummary, RuleResult } from './decision.js'
import type { PullRequestFacts, ReviewFacts } from './facts.js'
import type { Policy } from '../config.js'
import { shortSha, toMillis } from './time.js'

export type ApprovalPolicy = Pick<Policy, 'requiredApprovals' | 'allowBotApprovals' | 'rubberStampSeconds'>

/** A reviewer's standing approval, as the gate weighs it. */
export interface Approval {
  login: string
  isBot: boolean
  submittedAt: string
  commitSha: string | null
}

/**
 * Every reviewer's standing, sorted into the buckets the approval rules report on. Each reviewer lands in
 * at most one approval bucket; `counted` is what `required-approvals` is measured against.
 */
export interface ApprovalClassification {
  /** Independent, allowed, submitted before the merge, on the head or followed only by base merges. */
  counted: Approval[]
  /** Independent and before the merge, but on a commit that later non-merge commits superseded. */
  stale: Approval[]
  /** Independent, but the reviewer had not approved when the PR was merged; approved afterwards. */
  afterMerge: Approval[]
  /** By the PR author or by an author/co-author/committer of one of its commits. */
  selfApprovals: Approval[]
  /** By bots while `allow-bot-approvals` is false. */
  botsIgnored: Approval[]
  /** Reviewers whose latest opinion, at the merge or now, is CHANGES_REQUESTED. */
  changesRequested: Array<{ login: string; submittedAt: string }>
}

export interface ApprovalsOutcome {
  /** One result per approval rule, passes included. */
  results: RuleResult[]
  /** The approvals that counted toward `required-approvals`. */
  counted: ApprovalSummary[]
}

/** States that change a reviewer's standing; COMMENTED leaves it as it was, as on GitHub. */
const OPINIONS: ReadonlySet<string> = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'])

interface TimedReview {
  review: ReviewFacts
  /** +Infinity when the time is missing or unreadable: treated as the latest, after the merge. */
  at: number
}

function timed(review: ReviewFacts): TimedReview {
  const at = toMillis(review.submittedAt)
  return { review, at: Number.isNaN(at) ? Number.POSITIVE_INFINITY : at }
}

function latestOpinion(reviews: readonly TimedReview[]): TimedReview | undefined {
  return reviews.filter(r => OPINIONS.has(r.review.state)).at(-1)
}

function toApproval(r: TimedReview): Approval {
  return {
    login: r.review.author.login,
    isBot: isBotAccount(r.review.author),
    submittedAt: r.review.submittedAt ?? '',
    commitSha: r.review.commitSha
  }
}

/**
 * Whether an approval still covers what was merged: it was given on the head commit, or every PR commit
 * that came after it (reachable from the head but not from the approved commit) is a merge that only
 * brought in the base branch. An approval on a commit no longer in the PR (force-pushed away) or on an
 * unknown commit is stale: the reviewer saw code that is not what shipped.
 */
export function isApprovalFresh(pr: PullRequestFacts, commitSha: string | null): boolean {
  if (commitSha === null) return false
  const approved = commitSha.toLowerCase()
  const head = pr.headSha.toLowerCase()
  if (approved === head) return true
  const bySha = new Map(pr.commits.map(c => [c.sha.toLowerCase(), c]))
  if (!bySha.has(approved) || !bySha.has(head)) return false
  const seenByReviewer = reachable(bySha, [approved], () => false)
  const after = reachable(bySha, [head], sha => seenByReviewer.has(sha))
  return [...after].every(sha => bySha.get(sha)?.isBaseMerge === true)
}

/** PR commits reachable from `starts` through parents, not entering `stop`; commits outside the PR end a path. */
function reachable(
  bySha: ReadonlyMap<string, { parents: string[] }>,
  starts: string[],
  stop: (sha: string) => boolean
): Set<string> {
  const found = new Set<string>()
  const pending = [...starts]
  for (let sha = pending.pop(); sha !== undefined; sha = pending.pop()) {
    if (found.has(sha) || stop(sha)) continue
    const commit = bySha.get(sha)
    if (commit === undefined) continue
    found.add(sha)
    pending.push(...commit.parents.map(p => p.toLowerCase()))
  }
  return found
}

/**
 * Sorts every reviewer into the buckets above. Approval is judged as it stood at the merge (the latest
 * opinion submitted at or before `mergedAt`); an approval given only afterwards did not authorise the merge.
 * Changes requested are judged both at the merge and now: merging over an open objection is a finding, and
 * so is an objection raised after the merge against what is about to ship.
 */
function classifyReviews(pr: PullRequestFacts, policy: ApprovalPolicy): ApprovalClassification {
  const mergedAt = toMillis(pr.mergedAt)
  const unresolved = pr.commits.flatMap(c => c.unresolvedParticipants.map(loginFromIdentity))
  const participants = new Set(
    [pr.author.login, ...pr.commits.flatMap(c => c.participants), ...unresolved.filter(l => l !== null)].map(
      loginKey
    )
  )
  const byReviewer = new Map<string, TimedReview[]>()
  const sorted = pr.reviews
    .filter(r => r.state !== 'PENDING')
    .map(timed)
    .sort((a, b) => a.at - b.at)
  for (const r of sorted) {
    const key = loginKey(r.review.author.login)
    byReviewer.set(key, [...(byReviewer.get(key) ?? []), r])
  }

  const c: ApprovalClassification = {
    counted: [],
    stale: [],
    afterMerge: [],
    selfApprovals: [],
    botsIgnored: [],
    changesRequested: []
  }
  for (const [key, reviews] of byReviewer) {
    // NaN mergedAt: nothing was submitted "before" an unknown merge, so nothing counts (fail closed).
    const atMerge = latestOpinion(reviews.filter(r => r.at <= mergedAt))
    const now = latestOpinion(reviews)
    const objection = [atMerge, now].find(r => r?.review.state === 'CHANGES_REQUESTED')
    if (objection !== undefined) {
      c.changesRequested.push({
        login: objection.review.author.login,
        submittedAt: objection.review.submittedAt ?? ''
      })
    }

    const approvedAtMerge = atMerge?.review.state === 'APPROVED' ? atMerge : undefined
    const approvedLater = approvedAtMerge === undefined && now?.review.state === 'APPROVED' ? now : undefined
    const standing = approvedAtMerge ?? approvedLater
    if (standing === undefined) continue
    const approval = toApproval(standing)
    if (approval.isBot && !policy.allowBotApprovals) c.botsIgnored.push(approval)
    else if (participants.has(key)) c.selfApprovals.push(approval)
    else if (approvedLater !== undefined) c.afterMerge.push(approval)
    else if (!isApprovalFresh(pr, approval.commitSha)) c.stale.push(approval)
    else c.counted.push(approval)
  }
  return c
}

function subject(pr: PullRequestFacts): string {
  return `#${pr.number} (head ${shortSha(pr.headSha)})`
}

function logins(approvals: ReadonlyArray<{ login: string }>): string {
  return approvals.map(a => a.login).join(', ')
}

function result(
  pr: PullRequestFacts,
  rule: string,
  fields: Pick<RuleResult, 'status' | 'code' | 'detail'>
): RuleResult {
  return { rule, ...fields, pullRequest: pr.number, commit: pr.headSha }
}

/** A PR opened by a bot (Dependabot, Renovate) still needs a human among the approvals, even with bot approvals on. */
function meetsRequirement(pr: PullRequestFacts, approvals: readonly Approval[], required: number): boolean {
  if (approvals.length < required) return false
  return required === 0 || !isBotAccount(pr.author) || approvals.some(a => !a.isBot)
}

/**
 * `independent-approvals`: enough distinct, independent reviewers approved, however timely. Prevents "the
 * author approved their own change" and "nobody but the people who wrote it looked at it". Stale and
 * after-merge approvals are counted here and reported by their own rules, so each code names one fix:
 * with 2 required and 1 of 2 approvals stale, only `stale-approval` fails; with 2 required and a single,
 * stale approval, both `insufficient-approvals` and `stale-approval` fail.
 */
function checkIndependentApprovals(
  pr: PullRequestFacts,
  c: ApprovalClassification,
  policy: ApprovalPolicy
): RuleResult {
  const rule = 'independent-approvals'
  const required = policy.requiredApprovals
  const independent = [...c.counted, ...c.stale, ...c.afterMerge]
  if (meetsRequirement(pr, independent, required)) {
    const uncounted = independent.length - c.counted.length
    const note = uncounted > 0 ? `; ${uncounted} of them stale or after the merge, reported separately` : ''
    const who = independent.length > 0 ? ` (${logins(independent)}${note})` : ''
    return result(pr, rule, {
      status: 'pass',
      code: null,
      detail: `${subject(pr)} has ${independent.length} independent approval(s)${who}; ${required} required.`
    })
  }
  if (independent.length === 0 && c.selfApprovals.length > 0) {
    return result(pr, rule, {
      status: 'fail',
      code: 'self-approval',
      detail: `${subject(pr)} was approved only by its author or committers (${logins(c.selfApprovals)}); ask ${required} reviewer(s) who wrote none of its commits to approve.`
    })
  }
  const humanNeeded = independent.length >= required ? ' including a human, as it was opened by a bot' : ''
  return result(pr, rule, {
    status: 'fail',
    code: 'insufficient-approvals',
    detail: `${subject(pr)} has ${independent.length} of ${required} required independent approval(s)${humanNeeded}; ask a reviewer who is neither its author nor a committer to approve.`
  })
}

/** `stale-approval`: prevents "the code that shipped is not the code that was reviewed". */
function checkApprovalsOnHead(
  pr: PullRequestFacts,
  c: ApprovalClassification,
  policy: ApprovalPolicy
): RuleResult {
  const rule = 'approvals-on-head'
  if (c.stale.length > 0 && !meetsRequirement(pr, c.counted, policy.requiredApprovals)) {
    const on = c.stale.map(
      a => `${a.login} on ${a.commitSha === null ? 'an unknown commit' : shortSha(a.commitSha)}`
    )
    return result(pr, rule, {
      status: 'fail',
      code: 'stale-approval',
      detail: `${subject(pr)} has approvals that predate later commits (${on.join(', ')}); the reviewers must approve the final head commit.`
    })
  }
  const ignored = c.stale.length > 0 ? ` (stale approvals not counted: ${logins(c.stale)})` : ''
  return result(pr, rule, {
    status: 'pass',
    code: null,
    detail: `${subject(pr)}: the counting approvals cover the final head commit${ignored}.`
  })
}

/** `approval-after-merge`: prevents "approved retroactively, after the change was already in". */
function checkApprovalsBeforeMerge(
  pr: PullRequestFacts,
  c: ApprovalClassification,
  policy: ApprovalPolicy
): RuleResult {
  const rule = 'approvals-before-merge'
  if (c.afterMerge.length > 0 && !meetsRequirement(pr, c.counted, policy.requiredApprovals)) {
    return result(pr, rule, {
      status: 'fail',
      code: 'approval-after-merge',
      detail: `${subject(pr)} was merged at ${pr.mergedAt} before ${logins(c.afterMerge)} approved; approvals given after the merge do not count, so revert and re-land it with approval.`
    })
  }
  const ignored =
    c.afterMerge.length > 0 ? ` (after-merge approvals not counted: ${logins(c.afterMerge)})` : ''
  return result(pr, rule, {
    status: 'pass',
    code: null,
    detail: `${subject(pr)}: the counting approvals were submitted before the merge${ignored}.`
  })
}

/** `changes-requested`: prevents "merged over a reviewer's open objection". */
function checkChangesRequested(pr: PullRequestFacts, c: ApprovalClassification): RuleResult {
  const rule = 'changes-requested'
  if (c.changesRequested.length > 0) {
    return result(pr, rule, {
      status: 'fail',
      code: 'changes-requested',
      detail: `${subject(pr)} has changes requested by ${logins(c.changesRequested)}; the reviewer must approve or the request must be dismissed.`
    })
  }
  return result(pr, rule, {
    status: 'pass',
    code: null,
    detail: `${subject(pr)} has no open change requests.`
  })
}

/** `bot-approval-ignored` (warning): a bot's approval is not an independent human review. */
function checkBotApprovals(pr: PullRequestFacts, c: ApprovalClassification): RuleResult {
  const rule = 'bot-approvals'
  if (c.botsIgnored.length > 0) {
    return result(pr, rule, {
      status: 'warn',
      code: 'bot-approval-ignored',
      detail: `${subject(pr)}: approvals by bots (${logins(c.botsIgnored)}) were not counted; set allow-bot-approvals to count them.`
    })
  }
  return result(pr, rule, {
    status: 'pass',
    code: null,
    detail: `${subject(pr)}: no bot approvals were ignored.`
  })
}

/**
 * `rubber-stamp-suspected` (warning): a counting approval submitted less than `rubber-stamp-seconds` after
 * the last push (or, when the push time is unknown, the head commit's commit time) is unlikely to reflect
 * a reading of the change. Approvals before that moment (followed only by base merges) are not suspect.
 */
function checkRubberStamp(pr: PullRequestFacts, counted: readonly Approval[], seconds: number): RuleResult {
  const rule = 'rubber-stamp'
  const head = pr.commits.find(c => c.sha.toLowerCase() === pr.headSha.toLowerCase())
  const pushedAt = toMillis(pr.lastPushedAt ?? head?.committedAt ?? null)
  const hasty = counted.filter(a => {
    const delay = toMillis(a.submittedAt) - pushedAt
    return delay >= 0 && delay < seconds * 1000
  })
  if (hasty.length > 0) {
    const each = hasty.map(
      a => `${a.login} after ${Math.floor((toMillis(a.submittedAt) - pushedAt) / 1000)} s`
    )
    return result(pr, rule, {
      status: 'warn',
      code: 'rubber-stamp-suspected',
      detail: `${subject(pr)} was approved within ${seconds} s of the last push (${each.join(', ')}); confirm the review was real.`
    })
  }
  return result(pr, rule, {
    status: 'pass',
    code: null,
    detail: `${subject(pr)}: no counting approval came within ${seconds} s of the last push.`
  })
}

/** Every approval rule for one pull request, plus the approvals that counted. */
export function evaluateApprovals(pr: PullRequestFacts, policy: ApprovalPolicy): ApprovalsOutcome {
  const c = classifyReviews(pr, policy)
  return {
    results: [
      checkIndependentApprovals(pr, c, policy),
      checkApprovalsOnHead(pr, c, policy),
      checkApprovalsBeforeMerge(pr, c, policy),
      checkChangesRequested(pr, c),
      checkBotApprovals(pr, c),
      checkRubberStamp(pr, c.counted, policy.rubberStampSeconds)
    ],
    counted: c.counted.map(a => ({ login: a.login, submittedAt: a.submittedAt, commitSha: a.commitSha }))
  }
}
