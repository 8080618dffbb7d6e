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
        return `- [ ] \`${r.code ?? 'unknown'}\`${where.length ? ` (${where.join(', ')})` : ''}: ${escapeText(r.detail, 500)}`
      })
    )
  ]
  const run = safeHref(facts.runUrl)
  const body = [
    `**Emergency deploy** of \`${escapeText(facts.repository, 200)}\` to **${escapeText(facts.environment, 200)}** — retrospective due **${formatTime(dueAt)}** (${RETROSPECTIVE_DUE_HOURS} hours after the deploy).`,
    '',
    '| | |',
    '|---|---|',
    `| Commit | \`${escapeText(facts.sha, 64)}\` |`,
    `| Deployed by | ${escapeText(facts.actor, 100)} at ${formatTime(facts.decidedAt)} |`,
    `| Justification | ${escapeText(facts.justification, 4000)} |`,
    `| Gate run | ${run ? `[${escapeText(facts.runUrl, 300)}](${run})` : escapeText(facts.runUrl, 300)} |`,
    `| Due | ${formatTime(dueAt)} |`,
    '',
    '### Rules bypassed by the emergency override',
    '',
    ...(bypassed.length ? bypassed : ['- none (every rule passed)']),
    '',
    '### To close this retrospective',
    '',
    'Record why the override was needed, get the bypassed checks done after the fact (independent review, passing CI, ' +
      'an approved ticket), link the changes that followed, and close this issue before it is due.'
  ].join('\n')
  return {
    title: `Retrospective: emergency deploy of ${facts.sha.slice(0, 7)} to ${facts.environment}`.slice(
      0,
      250
    ),
    body,
    labels: [RETROSPECTIVE_LABEL]
  }
}
