/**
 * The retrospective of an emergency deploy as a GitHub issue (`retrospective: github-issue`): the same
 * content as the Jira follow-up, rendered as Markdown with every untrusted piece escaped (the
 * justification and rule details quote text from pull requests).
 */
import {
  RETROSPECTIVE_DUE_HOURS,
  RETROSPECTIVE_LABEL,
  retrospectiveDueAt,
  type RetrospectiveFacts
} from '../tickets/retrospective.js'
import { escapeText, formatTime, safeHref } from './escape.js'

/**
 * GitHub refuses an issue body over 65,536 characters; escaping can multiply the length of hostile text by
 * six, so the bypassed rules are cut to this budget (every one of them is in the evidence file and the
 * record) rather than the follow-up failing to open.
 */
export const MAX_ISSUE_BODY = 60_000

export function composeGitHubRetrospective(facts: RetrospectiveFacts): {
  title: string
  body: string
  labels: string[]
} {
  const dueAt = retrospectiveDueAt(facts.decidedAt)
  const bypassed = [
    ...new Set(
      facts.bypassed.map(r => {
        const where = [
          r.pullRequest !== null ? `#${r.pullRequest}` : null,
          r.commit ? `commit ${escapeText(r.commit.slice(0, 7), 7)}` : null
        ].filter(Boolean)
        return `- [ ] <code>${r.code ?? 'unknown'}</code>${where.length ? ` (${where.join(', ')})` : ''}: ${escapeText(r.detail, 500)}`
      })
    )
  ]
  const run = safeHref(facts.runUrl)
  // Escaped text goes in <code> elements, never in backtick code spans: Markdown does not decode entities
  // inside a code span, so `acme/deploy-gate` would show as `acme/deploy&#45;gate`.
  const head = [
    `**Emergency deploy** of <code>${escapeText(facts.repository, 200)}</code> to **${escapeText(facts.environment, 200)}** — retrospective due **${formatTime(dueAt)}** (${RETROSPECTIVE_DUE_HOURS} hours after the deploy).`,
    '',
    '| | |',
    '|---|---|',
    `| Commit | <code>${escapeText(facts.sha, 64)}</code> |`,
    `| Deployed by | ${escapeText(facts.actor, 100)} at ${formatTime(facts.decidedAt)} |`,
    `| Justification | ${escapeText(facts.justification, 4000)} |`,
    `| Gate run | ${run ? `[${escapeText(facts.runUrl, 300)}](${run})` : escapeText(facts.runUrl, 300)} |`,
    `| Due | ${formatTime(dueAt)} |`,
    '',
    '### Rules bypassed by the emergency override',
    ''
  ].join('\n')
  const tail = [
    '',
    '### To close this retrospective',
    '',
    'Record why the override was needed, get the bypassed checks done after the fact (independent review, passing CI, ' +
      'an approved ticket), link the changes that followed, and close this issue before it is due.'
  ].join('\n')
  const lines = bypassed.length ? bypassed : ['- none (every rule passed)']
  let budget = MAX_ISSUE_BODY - head.length - tail.length - 200
  const shown: string[] = []
  for (const line of lines) {
    if (line.length + 1 > budget) break
    shown.push(line)
    budget -= line.length + 1
  }
  if (shown.length < lines.length) {
    shown.push(`- … and ${lines.length - shown.length} more, listed in the run's evidence file`)
  }
  const body = [head, ...shown, tail].join('\n')
  return {
    // Cut by code points: half a surrogate pair is not text GitHub accepts.
    title: [...`Retrospective: emergency deploy of ${facts.sha.slice(0, 7)} to ${facts.environment}`]
      .slice(0, 250)
      .join(''),
    body,
    labels: [RETROSPECTIVE_LABEL]
  }
}
