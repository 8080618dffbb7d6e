/**
 * The job summary: what a reviewer of the run, or an auditor reading it later, needs to see at a glance.
 * The decision first (with an emergency made impossible to miss), then the change set, then every rule's
 * result. Rendering only: every verdict shown here was made by the gate.
 *
 * The output is HTML blocks separated by blank lines (GitHub renders it as Markdown, which leaves HTML
 * blocks alone); every piece of text from a pull request, a ticket or an API answer goes through
 * escapeText, and nothing untrusted ever contains a line break that could end a block.
 */
import type { Mode } from '../config.js'
import type { ReasonCode, WarningCode } from '../gate/codes.js'
import { WARNING_CODES, inContractOrder } from '../gate/codes.js'
import type { Decision, PullRequestVerdict, RuleResult } from '../gate/decision.js'
import type { ChangeSetFacts, CheckFacts, PullRequestFacts } from '../gate/facts.js'
import { escapeText, formatTime, link, shortSha } from './escape.js'

export interface SummaryEmergency {
  /** Who invoked the override (`github.actor`). */
  actor: string
  justification: string
  /** The retrospective follow-up; `url` null when it could not be opened. null when none is due. */
  followUp: { url: string | null; dueAt: string } | null
}

export interface SummaryInput {
  decision: Decision
  /** null when the facts could not be gathered (the decision is then an upstream-error block). */
  facts: ChangeSetFacts | null
  /** The appended ledger record's id; null when the record could not be appended. */
  recordId: string | null
  environment: string
  sha: string
  mode: Mode
  /** Every warning of the run: the decision's and those raised after it (ledger, webhook, follow-up). */
  warnings: readonly WarningCode[]
  /** Set when `emergency: true` was requested, allowed or not. */
  emergency: SummaryEmergency | null
  /** e.g. https://github.com, for links to commits. */
  serverUrl?: string
  /** Where this run's evidence file was written. */
  evidenceFile?: string | null
}

/** GitHub refuses job summaries over 1 MiB; past this the summary drops detail instead of failing. */
export const SUMMARY_BUDGET = 900_000
const MAX_CHANGE_ROWS_COMPACT = 200
const MAX_CHECKS_PER_PR = 20

const STATUS_ICON = { fail: '❌', warn: '⚠️', pass: '✅' } as const

function code(text: string): string {
  return `<code>${escapeText(text, 80)}</code>`
}

function codeList(codes: readonly string[]): string {
  return codes.length === 0 ? 'none' : codes.map(code).join(', ')
}

function commitLink(input: SummaryInput, sha: string): string {
  const repository = input.facts?.repository
  if (!input.serverUrl || !repository || !/^[0-9a-f]{40}$/i.test(sha)) return `<code>${shortSha(sha)}</code>`
  return `<a href="${escapeAttr(`${input.serverUrl}/${repository}/commit/${sha}`)}"><code>${shortSha(sha)}</code></a>`
}

function escapeAttr(url: string): string {
  return url.replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`)
}

function renderHeadline(input: SummaryInput): string {
  const { decision } = input
  const allowedByOverride = decision.decision === 'allow' && decision.emergency !== null
  const verdict = allowedByOverride
    ? '🚨 EMERGENCY ALLOW'
    : decision.decision === 'allow'
      ? '✅ ALLOWED'
      : '⛔ BLOCKED'
  const lines = [
    `<h2>deploy-gate: ${verdict} — ${escapeText(input.environment, 100)}</h2>`,
    '<p>' +
      [
        `Commit ${commitLink(input, input.sha)}`,
        `environment <b>${escapeText(input.environment, 100)}</b>`,
        `mode ${code(input.mode)}${input.mode === 'report' && decision.decision === 'block' ? ' (reported only: the step does not fail)' : ''}`,
        `range ${code(decision.range)}`,
        `record ${input.recordId ? code(input.recordId) : '<b>not appended</b>'}`
      ].join(' · ') +
      '</p>'
  ]
  if (decision.reasons.length > 0) {
    const label = allowedByOverride ? 'Failing, bypassed by the emergency override' : 'Failing'
    lines.push(`<p><b>${label}:</b> ${codeList(decision.reasons)}</p>`)
  }
  const warnings = inContractOrder(WARNING_CODES, input.warnings)
  if (warnings.length > 0) lines.push(`<p><b>Warnings:</b> ${codeList(warnings)}</p>`)
  if (input.evidenceFile)
    lines.push(`<p>Evidence file: <code>${escapeText(input.evidenceFile, 300)}</code></p>`)
  return lines.join('\n')
}

/**
 * An emergency must be impossible to miss: a GitHub alert (trusted text only: codes and our own dates)
 * followed by a table of who, why, what was bypassed and the follow-up.
 */
function renderEmergency(input: SummaryInput): string | null {
  const requested = input.emergency
  if (requested === null) return null
  const verdict = input.decision.emergency
  const allowed = input.decision.decision === 'allow' && verdict !== null
  const bypassed: readonly ReasonCode[] = verdict?.bypassed ?? []
  const followUp = requested.followUp
  const alert = allowed
    ? [
        '> [!CAUTION]',
        `> **EMERGENCY DEPLOY: change-management rules were bypassed.** ${bypassed.length} rule${bypassed.length === 1 ? '' : 's'} bypassed` +
          (followUp ? `; a retrospective is due by ${formatTime(followUp.dueAt)}.` : '.')
      ]
    : [
        '> [!CAUTION]',
        '> **EMERGENCY OVERRIDE REFUSED.** An emergency deploy was requested; the rules were evaluated and the deploy is blocked.'
      ]
  const followUpCell = !followUp
    ? 'none'
    : followUp.url
      ? `${link(followUp.url, followUp.url)}, due ${formatTime(followUp.dueAt)}`
      : `<b>not opened</b> (see the ${code('follow-up-not-opened')} warning), due ${formatTime(followUp.dueAt)}`
  const rows: Array<[string, string]> = [
    ['Invoked by', escapeText(requested.actor, 100)],
    ['Justification', escapeText(requested.justification, 1000)],
    ['Bypassed rules', allowed ? codeList(bypassed) : 'none (override refused)'],
    ['Follow-up', followUpCell]
  ]
  if (!allowed && input.decision.reasons.includes('emergency-not-allowed')) {
    rows.push(['Why refused', `${code('emergency-not-allowed')}: the actor is not in emergency-approvers`])
  }
  const table =
    '<table>\n' +
    rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n') +
    '\n</table>'
  return `${alert.join('\n')}\n\n${table}`
}

function renderChecks(checks: readonly CheckFacts[]): string {
  if (checks.length === 0) return 'none'
  const icon = (c: CheckFacts): string =>
    ['success', 'neutral', 'skipped'].includes(c.conclusion) ? '✅' : c.conclusion === 'pending' ? '⏳' : '❌'
  const shown = checks
    .slice(0, MAX_CHECKS_PER_PR)
    .map(c => `${icon(c)} ${escapeText(c.name, 100)} (${escapeText(c.conclusion, 20)})`)
  if (checks.length > MAX_CHECKS_PER_PR) shown.push(`… and ${checks.length - MAX_CHECKS_PER_PR} more`)
  return shown.join('<br>')
}

function renderApprovals(pr: PullRequestFacts, verdict: PullRequestVerdict | undefined): string {
  if (verdict) {
    if (verdict.approvals.length === 0) return 'none counted'
    return verdict.approvals
      .map(
        a =>
          `${escapeText(a.login, 60)} at ${formatTime(a.submittedAt)} on <code>${shortSha(a.commitSha)}</code>`
      )
      .join('<br>')
  }
  // No verdict for this pull request (the gate stopped early): list what GitHub reported, uncounted.
  const approved = pr.reviews.filter(r => r.state === 'APPROVED')
  if (approved.length === 0) return 'none'
  return approved
    .map(r => `${escapeText(r.author.login, 60)} at ${formatTime(r.submittedAt)} (not evaluated)`)
    .join('<br>')
}

function renderTicket(verdict: PullRequestVerdict | undefined): string {
  const ticket = verdict?.ticket
  if (!ticket) return 'none'
  const approved = ticket.approvedAt ? `, approved ${formatTime(ticket.approvedAt)}` : ''
  return `${link(ticket.url, ticket.key)} (${escapeText(ticket.status, 60)}${approved})`
}

function renderChangeSet(input: SummaryInput, compact: boolean): string {
  const { facts } = input
  if (facts === null)
    return '<h3>Change set</h3>\n<p>The change set could not be established (see the failing rules).</p>'
  const verdicts = new Map(input.decision.pullRequests.map(v => [v.number, v]))
  const prs = compact ? facts.pullRequests.slice(0, MAX_CHANGE_ROWS_COMPACT) : facts.pullRequests
  const header =
    `<h3>Change set</h3>\n<p>${facts.commits.length} commit${facts.commits.length === 1 ? '' : 's'} ` +
    `in ${facts.pullRequests.length} pull request${facts.pullRequests.length === 1 ? '' : 's'} into ` +
    `<code>${escapeText(facts.deployBranch, 100)}</code>. Checks on the deployed commit: ${renderChecks(facts.deployedChecks)}</p>`
  if (facts.pullRequests.length === 0) return header
  const rows = prs.map(pr => {
    const verdict = verdicts.get(pr.number)
    const author = `${escapeText(pr.author.login, 60)}${pr.author.isBot ? ' (bot)' : ''}`
    const merged = `${formatTime(pr.mergedAt)}${pr.mergedBy ? ` by ${escapeText(pr.mergedBy, 60)}` : ''}`
    return (
      '<tr>' +
      [
        link(pr.url, `#${pr.number}`),
        escapeText(pr.title, 200),
        author,
        merged,
        renderApprovals(pr, verdict),
        renderChecks(pr.checks),
        renderTicket(verdict)
      ]
        .map(c => `<td>${c}</td>`)
        .join('') +
      '</tr>'
    )
  })
  const omitted =
    prs.length < facts.pullRequests.length
      ? `\n<p>${facts.pullRequests.length - prs.length} more pull requests are in the evidence file.</p>`
      : ''
  return (
    `${header}\n<table>\n<tr><th>PR</th><th>Title</th><th>Author</th><th>Merged</th><th>Approvals</th><th>Checks</th><th>Ticket</th></tr>\n` +
    `${rows.join('\n')}\n</table>${omitted}`
  )
}

function subject(result: RuleResult): string {
  if (result.pullRequest !== null) {
    return `#${result.pullRequest}${result.commit ? ` <code>${shortSha(result.commit)}</code>` : ''}`
  }
  if (result.commit !== null) return `commit <code>${shortSha(result.commit)}</code>`
  return 'deploy'
}

function ruleRow(r: RuleResult): string {
  const cells = [
    `${STATUS_ICON[r.status]} ${r.status}`,
    code(r.rule),
    subject(r),
    r.code ? code(r.code) : '',
    escapeText(r.detail, 500)
  ]
  return `<tr>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`
}

const RULE_HEADER = '<tr><th>Result</th><th>Rule</th><th>Subject</th><th>Code</th><th>Detail</th></tr>'

function renderRules(decision: Decision, compact: boolean): string {
  const failing = decision.results.filter(r => r.status === 'fail')
  const warning = decision.results.filter(r => r.status === 'warn')
  const passing = decision.results.filter(r => r.status === 'pass')
  const parts = ['<h3>Rules</h3>']
  const noun = (n: number): string => `${n} result${n === 1 ? '' : 's'}`
  parts.push(
    `<p>${noun(failing.length)} failing, ${noun(warning.length)} with warnings, ${noun(passing.length)} passing.</p>`
  )
  const attention = [...failing, ...warning]
  if (attention.length > 0)
    parts.push(`<table>\n${RULE_HEADER}\n${attention.map(ruleRow).join('\n')}\n</table>`)
  if (passing.length > 0) {
    if (compact) {
      const byRule = new Map<string, number>()
      for (const r of passing) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1)
      const counts = [...byRule].map(([rule, n]) => `<tr><td>${code(rule)}</td><td>${n}</td></tr>`)
      parts.push(
        `<details><summary>Passing rules (counts; every result is in the evidence file)</summary>\n<table>\n` +
          `<tr><th>Rule</th><th>Passed</th></tr>\n${counts.join('\n')}\n</table>\n</details>`
      )
    } else {
      parts.push(
        `<details><summary>Passing rules (${passing.length})</summary>\n<table>\n${RULE_HEADER}\n` +
          `${passing.map(ruleRow).join('\n')}\n</table>\n</details>`
      )
    }
  }
  return parts.join('\n\n')
}

function render(input: SummaryInput, compact: boolean): string {
  const blocks = [
    renderHeadline(input),
    renderEmergency(input),
    renderChangeSet(input, compact),
    renderRules(input.decision, compact)
  ]
  return `${blocks.filter((b): b is string => b !== null).join('\n\n')}\n`
}

/** The job summary as one string for `core.summary.addRaw(…).write()`. */
export function renderSummary(input: SummaryInput): string {
  const full = render(input, false)
  return Buffer.byteLength(full) <= SUMMARY_BUDGET ? full : render(input, true)
}
