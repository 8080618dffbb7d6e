/**
 * Annotations: one per failing rule, naming the pull request, the commit and the rule, so the reason for a
 * block is on the run's page without opening the log. Rendering only.
 */
import type { Mode } from '../config.js'
import type { Decision, RuleResult } from '../gate/decision.js'
import type { ChangeSetFacts } from '../gate/facts.js'
import { flattenText } from './escape.js'

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

export interface AnnotationContext {
  /** The deployed commit. */
  sha: string
  mode: Mode
  /** Used to name a pull request's head commit when a rule result names only the pull request. */
  facts: ChangeSetFacts | null
}

/** The part of @actions/core that writes annotations. */
export interface AnnotationSink {
  error(message: string, properties?: { title?: string }): void
  warning(message: string, properties?: { title?: string }): void
}

function subject(result: RuleResult, context: AnnotationContext): string {
  const headSha =
    result.pullRequest === null
      ? null
      : (context.facts?.pullRequests.find(pr => pr.number === result.pullRequest)?.headSha ?? null)
  const commit = result.commit ?? headSha
  if (result.pullRequest !== null) {
    return commit
      ? `pull request #${result.pullRequest}, commit ${commit}`
      : `pull request #${result.pullRequest}`
  }
  if (result.commit !== null && result.commit !== context.sha)
    return `commit ${result.commit} (no pull request)`
  return `the deployed commit ${context.sha}`
}

/**
 * One annotation per failing rule result, then one per warning result. Failures are errors when they
 * block the deploy; in `report` mode, or when an emergency override let them through, they are warnings,
 * because nothing was stopped.
 */
export function annotationsFor(decision: Decision, context: AnnotationContext): Annotation[] {
  const blocking = decision.decision === 'block' && context.mode === 'enforce'
  const bypassed = decision.decision === 'allow' && decision.emergency !== null
  const annotations: Annotation[] = []
  for (const result of decision.results.filter(r => r.status === 'fail')) {
    const suffix = bypassed
      ? ' (bypassed by the emergency override)'
      : context.mode === 'report'
        ? ' (report mode)'
        : ''
    annotations.push({
      level: blocking ? 'error' : 'warning',
      title: `deploy-gate: ${result.code ?? 'failed'} (rule ${result.rule})${suffix}`,
      message: `Rule ${result.rule} failed for ${subject(result, context)}: ${flattenText(result.detail, 500)}`
    })
  }
  for (const result of decision.results.filter(r => r.status === 'warn')) {
    annotations.push({
      level: 'warning',
      title: `deploy-gate: ${result.code ?? 'warning'} (rule ${result.rule})`,
      message: `Rule ${result.rule} warns for ${subject(result, context)}: ${flattenText(result.detail, 500)}`
    })
  }
  return annotations
}

export function emitAnnotations(annotations: readonly Annotation[], sink: AnnotationSink): void {
  for (const a of annotations) {
    if (a.level === 'error') sink.error(a.message, { title: a.title })
    else sink.warning(a.message, { title: a.title })
  }
}
