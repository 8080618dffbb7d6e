/**
 * Small builders of gate facts for tests: sensible, passing defaults that a test overrides only where it
 * matters. Pure (no vitest, no clock, no randomness): the same call always builds the same facts.
 *
 * The default pull request passes every rule: #1 by alice, one commit, approved by bob on its head ten
 * minutes after the push, CI green before the merge, ticket PAY-1 named in its title.
 */
import { createHash } from 'node:crypto'
import type { Policy } from '../../src/config.js'
import type {
  Account,
  ChangeSetFacts,
  CheckFacts,
  CommitFacts,
  PullRequestCommitFacts,
  PullRequestFacts,
  ReviewFacts,
  TicketFacts,
  TicketLookup
} from '../../src/gate/facts.js'

/** A stable 40-hex SHA derived from a label: `sha('head')` is the same in every test. */
export function sha(label: string): string {
  return createHash('sha1').update(label).digest('hex')
}

/** The time `minutes` after a fixed origin (2024-06-03T10:00:00Z), as GitHub writes times. */
export function at(minutes: number, seconds = 0): string {
  return new Date(Date.UTC(2024, 5, 3, 10, 0, 0) + minutes * 60_000 + seconds * 1000)
    .toISOString()
    .replace('.000Z', 'Z')
}

export function aUser(login: string): Account {
  return { login, isBot: false }
}

export function aBot(login: string): Account {
  return { login, isBot: true }
}

export function aCommit(overrides: Partial<PullRequestCommitFacts> = {}): PullRequestCommitFacts {
  return {
    sha: sha('commit'),
    parents: [sha('base')],
    participants: ['alice'],
    unresolvedParticipants: [],
    message: 'Change things',
    committedAt: at(0),
    isBaseMerge: false,
    ...overrides
  }
}

/** A review; `by` is a human login unless an `author` account is given. */
export function aReview(overrides: Partial<ReviewFacts> & { by?: string } = {}): ReviewFacts {
  const { by = 'bob', ...rest } = overrides
  return {
    author: aUser(by),
    state: 'COMMENTED',
    submittedAt: at(10),
    commitSha: sha('commit'),
    ...rest
  }
}

export function anApproval(overrides: Partial<ReviewFacts> & { by?: string } = {}): ReviewFacts {
  return aReview({ state: 'APPROVED', ...overrides })
}

export function aCheck(overrides: Partial<CheckFacts> = {}): CheckFacts {
  return { name: 'build', kind: 'check-run', conclusion: 'success', completedAt: at(5), ...overrides }
}

export function aTicket(overrides: Partial<TicketFacts> = {}): TicketFacts {
  return {
    key: 'PAY-1',
    url: 'https://jira.example.test/browse/PAY-1',
    statuses: ['Approved'],
    createdAt: '2024-06-01T09:00:00.000+0000',
    history: [{ at: '2024-06-02T09:00:00.000+0000', from: ['In Review'], to: ['Approved'] }],
    ...overrides
  }
}

export function aPullRequest(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  const number = overrides.number ?? 1
  const commits = overrides.commits ?? [aCommit()]
  const headSha = overrides.headSha ?? commits.at(-1)?.sha ?? sha('commit')
  return {
    number,
    title: 'PAY-1 Fix rounding of refunds',
    body: 'Rounds refunds half-even.',
    url: `https://github.example.test/acme/shop/pull/${number}`,
    author: aUser('alice'),
    headRefName: 'feature/fix-rounding',
    baseRefName: 'main',
    headSha,
    mergedAt: at(30),
    mergedBy: 'bob',
    lastPushedAt: at(0),
    commits,
    reviews: [anApproval({ commitSha: headSha })],
    checks: [aCheck()],
    closingIssues: [],
    ...overrides
  }
}

/**
 * A change set of the given pull requests: one merge commit per pull request (newest first), carried by
 * it, the newest being the deployed `sha`, whose CI passed.
 */
export function changeSet(
  pullRequests: PullRequestFacts[] = [aPullRequest()],
  overrides: Partial<ChangeSetFacts> = {}
): ChangeSetFacts {
  const commits: CommitFacts[] = pullRequests
    .map(pr => ({ sha: sha(`merge of #${pr.number}`), pullRequests: [pr.number] }))
    .reverse()
  return {
    repository: 'acme/shop',
    deployBranch: 'main',
    sha: commits[0]?.sha ?? sha('deployed'),
    commits,
    pullRequests,
    deployedChecks: [aCheck({ completedAt: at(40) })],
    ...overrides
  }
}

export function aPolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    requiredApprovals: 1,
    requiredChecks: [],
    allowBotApprovals: false,
    rubberStampSeconds: 60,
    ticketSource: 'jira',
    jiraProjects: [],
    ticketApprovedStatuses: ['Approved'],
    ...overrides
  }
}

/** Jira lookups answering `found` for each ticket given. */
export function ticketsFound(...tickets: TicketFacts[]): Map<string, TicketLookup> {
  return new Map(tickets.map(ticket => [ticket.key, { found: true, ticket }]))
}
