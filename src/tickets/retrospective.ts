/**
 * The retrospective follow-up of an emergency deploy (`retrospective: jira`, SPEC §4): what it says and when
 * it is due. Pure: `createFollowUp` of the Jira client sends it.
 *
 * An auditor sampling emergency changes asks for the after-the-fact review of each; the follow-up names
 * everything that review needs (what shipped where, who invoked the override and why, which rules it
 * bypassed on which pull request, the run) so that nobody has to reconstruct it from logs.
 */
import type { RuleResult } from '../gate/decision.js'
import { oneLine } from '../text.js'
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

function bypassedLine(result: RetrospectiveFacts['bypassed'][number]): string {
  const where = [
    result.pullRequest !== null ? `pull request #${result.pullRequest}` : null,
    result.commit ? `commit ${result.commit.slice(0, 7)}` : null
  ].filter(Boolean)
  return `- ${result.code ?? 'unknown'}${where.length ? ` (${where.join(', ')})` : ''}: ${oneLine(result.detail, 500)}`
}

export function composeJiraRetrospective(facts: RetrospectiveFacts): FollowUpInput {
  const dueAt = retrospectiveDueAt(facts.decidedAt)
  const decidedAt = new Date(Date.parse(facts.decidedAt)).toISOString()
  const lines = [...new Set(facts.bypassed.map(bypassedLine))]
  const description = [
    [
      `Emergency deploy of ${oneLine(facts.repository, 200)} to ${oneLine(facts.environment, 200)}`,
      `Commit: ${oneLine(facts.sha, 64)}`,
      `Deployed by: ${oneLine(facts.actor, 100)} at ${decidedAt}`,
      `Justification: ${oneLine(facts.justification, 4000)}`
    ].join('\n'),
    [
      'Rules bypassed by the emergency override:',
      ...(lines.length ? lines : ['- none (every rule passed)'])
    ].join('\n'),
    [
      `Gate run: ${oneLine(facts.runUrl, 500)}`,
      `Due: ${dueAt} (${RETROSPECTIVE_DUE_HOURS} hours after the deploy)`
    ].join('\n'),
    'To close this retrospective: record why the override was needed, get the bypassed checks done after the fact ' +
      '(independent review, passing CI, an approved ticket), and link the changes that followed.'
  ].join('\n\n')
  return {
    project: facts.project,
    summary: oneLine(
      `Retrospective: emergency deploy of ${facts.repository}@${facts.sha.slice(0, 7)} to ${facts.environment}`,
      255
    ),
    description:
      description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
    dueAt,
    labels: [RETROSPECTIVE_LABEL]
  }
}
