import { safeHttpUrl } from '../http-url.js'
import { periodText } from './dates.js'
import type { ExportRow, ExportSummary } from './export-rows.js'
import { escapeMarkdown } from './text.js'

/** A Markdown report: the summary figures, then one table row per deployed pull request. */
// Times in a row passed the record shape check (an ISO 8601 pattern): they hold no Markdown.
export function renderMarkdown(rows: readonly ExportRow[], summary: ExportSummary): string {
  const out: string[] = ['# Deploy population', '']
  out.push(`- Period: ${periodText(summary)}`)
  out.push(`- Environments: ${summary.environments.map(escapeMarkdown).join(', ') || 'none'}`)
  out.push(
    `- Deploys: ${summary.deploys} (${summary.emergencies} emergency), ${summary.pullRequests} pull requests`
  )
  out.push(`- Blocked attempts: ${summary.blocked}`)
  out.push(`- Median time from last approval to deploy: ${formatDuration(summary.medianApprovalToDeployMs)}`)
  out.push('')
  // A blocked attempt was not deployed: its time is when the gate refused it.
  const when = rows.some(r => r.decision === 'block') ? 'Deployed or blocked (UTC)' : 'Deployed (UTC)'
  out.push(
    `| ${when} | Environment | Decision | SHA | Pull request | Title | Author | Approvers | Checks | Ticket | Emergency | Record |`
  )
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const row of rows) {
    const url = safeHttpUrl(row.url)
    const pr =
      row.pullRequest === null ? '' : url ? `[\\#${row.pullRequest}](<${url}>)` : `\\#${row.pullRequest}`
    const ticket = row.ticket
      ? `${escapeMarkdown(row.ticket.key)} ${escapeMarkdown(row.ticket.status)}` +
        (row.ticket.approvedAt ? ` (approved ${row.ticket.approvedAt})` : '')
      : ''
    const cells = [
      row.deployedAt,
      escapeMarkdown(row.environment),
      // Blocked attempts and emergencies are bold, so that neither is missed when scanning the table.
      row.decision === 'allow' ? 'allow' : `**block**: ${row.reasons.map(escapeMarkdown).join(', ')}`,
      `\`${row.sha.slice(0, 12).replace(/[^0-9a-zA-Z]/g, '')}\``,
      pr,
      escapeMarkdown(row.title ?? ''),
      escapeMarkdown(row.author ?? ''),
      row.approvals.map(a => `${escapeMarkdown(a.login)} (${a.submittedAt})`).join('<br>'),
      row.checks.map(c => `${escapeMarkdown(c.name)}: ${escapeMarkdown(c.conclusion)}`).join('<br>'),
      ticket,
      row.emergency ? emergencyCell(row) : 'no',
      `${row.seq}: \`${row.recordId.slice(0, 12).replace(/[^0-9a-f]/g, '')}\``
    ]
    out.push(`| ${cells.join(' | ')} |`)
  }
  if (rows.length === 0) out.push('', 'No deploys in the period.')
  return `${out.join('\n')}\n`
}

/** `**yes**, by dana, bypassed ci-failed` */
function emergencyCell(row: ExportRow): string {
  const bypassed = row.emergencyBypassed.length
    ? `, bypassed ${row.emergencyBypassed.map(escapeMarkdown).join(', ')}`
    : ''
  return `**yes**, by ${escapeMarkdown(row.emergencyActor ?? '')}${bypassed}`
}

/** `3 h 05 min`, `2 d 4 h`, `45 s`; `n/a` for null. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'n/a'
  const sign = ms < 0 ? '-' : ''
  const s = Math.round(Math.abs(ms) / 1000)
  if (s < 60) return `${sign}${s} s`
  const min = Math.round(s / 60)
  if (min < 60) return `${sign}${min} min`
  const h = Math.floor(min / 60)
  if (h < 48) return `${sign}${h} h ${String(min % 60).padStart(2, '0')} min`
  return `${sign}${Math.floor(h / 24)} d ${h % 24} h`
}
