import type { Policy } from '../config.js'
import { assertNever } from './codes.js'
import type { RuleResult, TicketSummary } from './decision.js'
import type { PullRequestFacts, TicketFacts, TicketLookup } from './facts.js'
import { isAtOrBefore, shortSha, toMillis } from './time.js'

export type TicketPolicy = Pick<Policy, 'ticketSource' | 'jiraProjects' | 'ticketApprovedStatuses'>

export const KEY_SOURCES = ['title', 'branch', 'body', 'commit message'] as const
export type KeySource = (typeof KEY_SOURCES)[number]

/**
 * Identifiers shaped like Jira keys that are standards, algorithms or advisories, not tickets. They only
 * count when `jira-projects` lists their project.
 */
// prettier-ignore
const LOOKALIKES: ReadonlySet<string> = new Set([
  'AES', 'ARM', 'BSD', 'CAPEC', 'CIS', 'COVID', 'CVE', 'CWE', 'DES', 'ECMA', 'ES', 'FIPS', 'GHSA', 'GPL', 'AGPL',
  'LGPL', 'HTTP', 'IEC', 'IEEE', 'IPV', 'ISO', 'MD', 'MPL', 'NIST', 'OWASP', 'PCI', 'PEP', 'RFC', 'RSA', 'SHA',
  'SOC', 'SP', 'SSL', 'TLS', 'UCS', 'UTF', 'WCAG', 'WIN', 'X86'
])

/**
 * A Jira key: a project key (a letter, then letters, digits or underscores; at least two characters) and
 * an issue number without leading zeros, not glued to surrounding letters or digits (`feature/PAY-12-fix`,
 * `[PAY-12]`, `PAY-12:` all match; `XPAY-12` is its own key; `PAY-12abc` is no key at all).
 */
const KEY_PATTERN = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{1,254})-([1-9][0-9]{0,17})(?![A-Za-z0-9])/g

function keysIn(text: string, anyCase: boolean, projects: ReadonlySet<string>): string | null {
  for (const match of text.matchAll(KEY_PATTERN)) {
    const [, project = '', number = ''] = match
    // Jira project keys are upper case. Lower-case mentions are taken only where people write keys that
    // way on purpose (branch names) or where a project list keeps prose such as "node-20" out.
    if (!anyCase && project !== project.toUpperCase()) continue
    const upper = project.toUpperCase()
    if (projects.size > 0 ? !projects.has(upper) : LOOKALIKES.has(upper)) continue
    return `${upper}-${number}`
  }
  return null
}

/** The first ticket key and where it was found: title, head branch, body, then commit messages (SPEC §2). */
export function locateTicketKey(
  pr: Pick<PullRequestFacts, 'title' | 'headRefName' | 'body' | 'commits'>,
  projects: readonly string[]
): { key: string; source: KeySource } | null {
  const listed = new Set(projects.map(p => p.trim().toUpperCase()).filter(p => p !== ''))
  const sources: Array<[KeySource, string, boolean]> = [
    ['title', pr.title, false],
    ['branch', pr.headRefName, true],
    ['body', pr.body, false],
    ...pr.commits.map((c): [KeySource, string, boolean] => ['commit message', c.message, false])
  ]
  for (const [source, text, anyCaseHere] of sources) {
    const key = keysIn(text, anyCaseHere || listed.size > 0, listed)
    if (key !== null) return { key, source }
  }
  return null
}

/** The ticket key a pull request links, upper-cased as Jira writes it; null when it links none. */
export function findTicketKey(
  pr: Pick<PullRequestFacts, 'title' | 'headRefName' | 'body' | 'commits'>,
  projects: readonly string[]
): string | null {
  return locateTicketKey(pr, projects)?.key ?? null
}

/** Status and label names match as their services do: case-insensitively, surrounding spaces ignored. */
function statusSet(statuses: readonly string[]): (names: readonly string[]) => boolean {
  const wanted = new Set(statuses.map(s => s.trim().toLowerCase()).filter(s => s !== ''))
  return names => names.some(n => wanted.has(n.trim().toLowerCase()))
}

function isTicketApproved(ticket: TicketFacts, approvedStatuses: readonly string[]): boolean {
  return statusSet(approvedStatuses)(ticket.statuses)
}

/**
 * When the ticket last moved into the set of approved statuses from outside it (SPEC §2), as ISO 8601 UTC;
 * null when it is not approved now or that moment cannot be established. Works on Jira status changes
 * (`from: ['In Review'], to: ['Approved']`) and on GitHub label sets, where `from`/`to` are the whole label
 * set before and after the change. Moving between two approved statuses (Approved → Done, both listed)
 * keeps the earlier time; leaving the set and coming back (Approved → In Progress → Approved) restarts it.
 * A ticket created in an approved status with no later change was approved when it was created.
 */
export function computeApprovedAt(ticket: TicketFacts, approvedStatuses: readonly string[]): string | null {
  const approved = statusSet(approvedStatuses)
  if (!approved(ticket.statuses)) return null
  const history = ticket.history
    .map((change, index) => ({ change, index, at: toMillis(change.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
  if (history.some(h => Number.isNaN(h.at))) return null

  const first = history[0]
  let inside = approved(first === undefined ? ticket.statuses : first.change.from)
  let since = inside ? toMillis(ticket.createdAt) : Number.NaN
  for (const { change, at } of history) {
    const next = approved(change.to)
    if (next && !inside) since = at
    inside = next
  }
  // A history that ends outside the set while the ticket is approved now is incomplete: no time is known.
  if (!inside || Number.isNaN(since)) return null
  return new Date(since).toISOString()
}

export interface TicketOutcome {
  /** The ticket rules up to the first that fails (later ones cannot be judged without it). */
  results: RuleResult[]
  summary: TicketSummary | null
}

function quoted(names: readonly string[]): string {
  return names.length === 0 ? 'no status' : names.map(n => `"${n.slice(0, 80)}"`).join(', ')
}

/** The rules that need the ticket itself: approved now, and approved before the merge. */
function judgeTicket(pr: PullRequestFacts, ticket: TicketFacts, policy: TicketPolicy): TicketOutcome {
  const base = { pullRequest: pr.number, commit: pr.headSha }
  const subject = `#${pr.number} (head ${shortSha(pr.headSha)})`
  const approvedAt = computeApprovedAt(ticket, policy.ticketApprovedStatuses)
  const summary = { key: ticket.key, url: ticket.url, status: ticket.statuses.join(', '), approvedAt }
  const results: RuleResult[] = [
    {
      ...base,
      rule: 'ticket-exists',
      status: 'pass',
      code: null,
      detail: `${subject}: ticket ${ticket.key} exists.`
    }
  ]
  if (!isTicketApproved(ticket, policy.ticketApprovedStatuses)) {
    results.push({
      ...base,
      rule: 'ticket-approved',
      status: 'fail',
      code: 'ticket-not-approved',
      detail: `${subject}: ticket ${ticket.key} is in ${quoted(ticket.statuses)}, not in ${quoted(policy.ticketApprovedStatuses)}; have it approved before deploying.`
    })
    return { results, summary }
  }
  results.push({
    ...base,
    rule: 'ticket-approved',
    status: 'pass',
    code: null,
    detail: `${subject}: ticket ${ticket.key} is in ${quoted(ticket.statuses)}.`
  })
  if (approvedAt === null || !isAtOrBefore(approvedAt, pr.mergedAt)) {
    const when = approvedAt === null ? 'at a time its history does not show' : `at ${approvedAt}`
    results.push({
      ...base,
      rule: 'ticket-approved-before-merge',
      status: 'fail',
      code: 'ticket-approved-after-merge',
      detail: `${subject}: ticket ${ticket.key} was approved ${when}, not before the merge at ${pr.mergedAt}; the change shipped before it was authorised, so record the exception or revert it.`
    })
  } else {
    results.push({
      ...base,
      rule: 'ticket-approved-before-merge',
      status: 'pass',
      code: null,
      detail: `${subject}: ticket ${ticket.key} was approved at ${approvedAt}, before the merge at ${pr.mergedAt}.`
    })
  }
  return { results, summary }
}

function missing(pr: PullRequestFacts, what: string): TicketOutcome {
  return {
    results: [
      {
        rule: 'ticket-linked',
        status: 'fail',
        code: 'ticket-missing',
        detail: `#${pr.number} (head ${shortSha(pr.headSha)}) links no ${what}; name the ticket in the PR title or branch.`,
        pullRequest: pr.number,
        commit: pr.headSha
      }
    ],
    summary: null
  }
}

function linked(pr: PullRequestFacts, detail: string): RuleResult {
  return {
    rule: 'ticket-linked',
    status: 'pass',
    code: null,
    detail,
    pullRequest: pr.number,
    commit: pr.headSha
  }
}

function passes(outcome: TicketOutcome): number {
  return outcome.results.filter(r => r.status === 'pass').length
}

/**
 * The four ticket rules for one pull request. Jira: the key found in the PR, looked up in `tickets`.
 * GitHub issues: the issues the PR closes; with several, the first that passes every rule links the
 * change (otherwise the one that got furthest is reported).
 */
export function evaluateTicket(
  pr: PullRequestFacts,
  policy: TicketPolicy,
  tickets: ReadonlyMap<string, TicketLookup>
): TicketOutcome {
  const subject = `#${pr.number} (head ${shortSha(pr.headSha)})`
  switch (policy.ticketSource) {
    case 'none':
      return { results: [], summary: null }
    case 'github-issues': {
      if (pr.closingIssues.length === 0) return missing(pr, 'issue it closes')
      const judged = pr.closingIssues.map(issue => ({ issue, outcome: judgeTicket(pr, issue, policy) }))
      const best = judged.reduce((a, b) => (passes(b.outcome) > passes(a.outcome) ? b : a))
      const link = linked(pr, `${subject} closes issue ${best.issue.key}.`)
      return { results: [link, ...best.outcome.results], summary: best.outcome.summary }
    }
    case 'jira': {
      const found = locateTicketKey(pr, policy.jiraProjects)
      if (found === null) {
        const projects = policy.jiraProjects.length > 0 ? ` of ${policy.jiraProjects.join(', ')}` : ''
        return missing(pr, `Jira key${projects}`)
      }
      const link = linked(pr, `${subject} names ${found.key} in its ${found.source}.`)
      const base = { pullRequest: pr.number, commit: pr.headSha, rule: 'ticket-exists' }
      const lookup = tickets.get(found.key)
      if (lookup === undefined) {
        const detail = `${subject}: Jira gave no answer about ${found.key}, so the ticket cannot be established; re-run the gate.`
        return { results: [link, { ...base, status: 'fail', code: 'upstream-error', detail }], summary: null }
      }
      if (!lookup.found) {
        const detail = `${subject}: Jira has no ticket ${found.key} (or the gate's account cannot see it); link an existing ticket.`
        return {
          results: [link, { ...base, status: 'fail', code: 'ticket-not-found', detail }],
          summary: null
        }
      }
      const outcome = judgeTicket(pr, lookup.ticket, policy)
      return { results: [link, ...outcome.results], summary: outcome.summary }
    }
    default:
      return assertNever(policy.ticketSource)
  }
}
