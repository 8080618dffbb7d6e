/**
 * Plain facts the adapters gather and the gate decides on. No behaviour lives here: these are the
 * shapes that cross the boundary between the outside world (GitHub, Jira) and the pure policy.
 * Times are ISO 8601 strings as the services return them; logins are GitHub logins as written.
 */

export interface Account {
  login: string
  /** A bot account: a `[bot]` login, a GitHub App, or GraphQL's `Bot` type. */
  isBot: boolean
}

export const REVIEW_STATES = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export interface ReviewFacts {
  author: Account
  state: ReviewState
  /** null only for PENDING reviews, which never count. */
  submittedAt: string | null
  /** The commit the review was made on; null when GitHub no longer knows it. */
  commitSha: string | null
}

export interface PullRequestCommitFacts {
  sha: string
  parents: string[]
  /** Logins of the commit's authors, co-authors (Co-authored-by trailers GitHub resolved) and committer. */
  participants: string[]
  /** Author/co-author/committer identities GitHub could not resolve to an account (name <email>). */
  unresolvedParticipants: string[]
  message: string
  committedAt: string
  /**
   * A merge commit that only brought in the base branch: every parent but the first is a commit of the
   * deploy branch. Approvals given before such a merge are not stale (SPEC §2).
   */
  isBaseMerge: boolean
}

export const CHECK_CONCLUSIONS = [
  'success',
  'neutral',
  'skipped',
  'failure',
  'cancelled',
  'timed_out',
  'action_required',
  'stale',
  'startup_failure',
  'error',
  'pending'
] as const
export type CheckConclusion = (typeof CHECK_CONCLUSIONS)[number]

export interface CheckFacts {
  /** Check run name, or commit status context. */
  name: string
  kind: 'check-run' | 'status'
  /** 'pending' while a check run is queued/in progress or a status is pending/expected. */
  conclusion: CheckConclusion
  /** When the check finished (check run completedAt, status createdAt); null while pending. */
  completedAt: string | null
}

export interface PullRequestFacts {
  number: number
  title: string
  body: string
  url: string
  author: Account
  headRefName: string
  baseRefName: string
  headSha: string
  mergedAt: string
  mergedBy: string | null
  /** When the last commit was pushed to the PR (head ref force-push/commit events), if known. */
  lastPushedAt: string | null
  commits: PullRequestCommitFacts[]
  reviews: ReviewFacts[]
  /** Checks on headSha. */
  checks: CheckFacts[]
  /** Issues the PR closes (closing references), for `ticket-source: github-issues`. */
  closingIssues: TicketFacts[]
}

export interface CommitFacts {
  sha: string
  /** Numbers of the merged pull requests into the deploy branch that carried this commit. */
  pullRequests: number[]
}

/** What the gate is told about the change set of one deploy. */
export interface ChangeSetFacts {
  repository: string
  deployBranch: string
  sha: string
  /** The change set's commits, newest first. */
  commits: CommitFacts[]
  pullRequests: PullRequestFacts[]
  /** Checks on the deployed commit itself, read at gate time. */
  deployedChecks: CheckFacts[]
}

/**
 * A ticket (Jira issue or GitHub issue) as the gate needs it. `statuses` is the current status (Jira: one
 * status name; GitHub issues: the label names). `history` lists every change of them, oldest first.
 */
export interface TicketFacts {
  key: string
  url: string
  statuses: string[]
  createdAt: string
  history: Array<{ at: string; from: string[]; to: string[] }>
}

/** A ticket lookup: found, or known not to exist. */
export type TicketLookup = { found: true; ticket: TicketFacts } | { found: false; key: string }
