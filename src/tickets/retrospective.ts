/**
 * The retrospective follow-up of an emergency deploy (`retrospective: jira`, SPEC §4): what it says and when
 * it is due. Pure: `createFollowUp` of the Jira client sends it.
 *
 * An auditor sampling emergency changes asks for the after-the-fact review of each; the follow-up names
 * everything that review needs (what shipped where, who invoked the override and why, which rules it
 * bypassed on which pull request, the run) so that nobody has to reconstruct it from logs.
 */
import type { RuleResult } from '../gate/decision.js'
import type { FollowUpInput } from './jira.js'

export const RETROSPECTIVE_LABEL = 'deploy-gate-retrospective'
export const RETROSPECTIVE_DUE_HOURS = 24

export interface RetrospectiveFacts {
  /** Jira project key the follow-up is created in. */
  project: string
  /** `owner/name` */
  repository: string
  environment: string
  sha: string
  actor: string
  justification: string
  /** The failing rule results the override let through (empty when nothing failed). */
  bypassed: ReadonlyArray<Pick<RuleResult, 'code' | 'pullRequest' | 'commit' | 'detail'>>
  runUrl: string
  /** When the gate decided (ISO 8601); the follow-up is due 24 hours later. */
  decidedAt: string
}

/** Jira rejects descriptions beyond 32,767 characters. */
const MAX_DESCRIPTION = 30_000

export function retrospectiveDueAt(decidedAt: string): string {
  const t = Date.parse(decidedAt)
  if (Number.isNaN(t)) throw new Error(`retrospectiveDueAt: not a time: ${decidedAt}`)
  return new Date(t + RETROSPECTIVE_DUE_HOURS * 3_600_000).toISOString()
}

/** Untrusted text (justification, rule details quoting PR titles) on one line, bounded. */
function flat(text: string, max: number): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  // Cut between characters, not inside a surrogate pair (untrusted text may end in an emoji).
  const chars = [...line]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line
}

function bypassedLine(result: RetrospectiveFacts['bypassed'][number]): string {
  const where = [
    result.pullRequest !== null ? `pull request #${result.pullRequest}` : null,
    result.commit ? `commit ${result.commit.slice(0, 7)}` : null
  ].filter(Boolean)
  return `- ${result.code ?? 'unknown'}${where.length ? ` (${where.join(', ')})` : ''}: ${flat(result.detail, 500)}`
}

export function composeJiraRetrospective(facts: RetrospectiveFacts): FollowUpInput {
  const dueAt = retrospectiveDueAt(facts.decidedAt)
  const decidedAt = new Date(Date.parse(facts.decidedAt)).toISOString()
  const lines = [...new Set(facts.bypassed.map(bypassedLine))]
  const description = [
    [
      `Emergency deploy of ${flat(facts.repository, 200)} to ${flat(facts.environment, 200)}`,
      `Commit: ${flat(facts.sha, 64)}`,
      `Deployed by: ${flat(facts.actor, 100)} at ${decidedAt}`,
      `Justification: ${flat(facts.justification, 4000)}`
    ].join('\n'),
    [
      'Rules bypassed by the emergency override:',
      ...(lines.length ? lines : ['- none (every rule passed)'])
    ].join('\n'),
    [
      `Gate run: ${flat(facts.runUrl, 500)}`,
      `Due: ${dueAt} (${RETROSPECTIVE_DUE_HOURS} hours after the deploy)`
    ].join('\n'),
    'To close this retrospective: record why the override was needed, get the bypassed checks done after the fact ' +
      '(independent review, passing CI, an approved ticket), and link the changes that followed.'
  ].join('\n\n')
  return {
    project: facts.project,
    summary: flat(
      `Retrospective: emergency deploy of ${facts.repository}@${facts.sha.slice(0, 7)} to ${facts.environment}`,
      255
    ),
    description:
      description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
    dueAt,
    labels: [RETROSPECTIVE_LABEL]
  }
}
