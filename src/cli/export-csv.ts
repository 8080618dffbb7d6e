import { stringify } from 'csv-stringify/sync'
import type { ExportRow } from './export-rows.js'

/** The columns of the CSV export, in order: the header names are part of what auditors' sheets rely on. */
export const CSV_COLUMNS = [
  'deployed_at',
  'environment',
  'decision',
  'range',
  'repository',
  'sha',
  'pull_request',
  'title',
  'pull_request_url',
  'author',
  'merged_at',
  'merged_by',
  'approvers',
  'checks',
  'ticket',
  'ticket_status',
  'ticket_approved_at',
  'emergency',
  'emergency_actor',
  'emergency_justification',
  'follow_up_url',
  'reasons',
  'actor',
  'run_url',
  'record_id',
  'seq'
] as const

function csvCells(row: ExportRow): string[] {
  return [
    row.deployedAt,
    row.environment,
    row.decision,
    row.range,
    row.repository,
    row.sha,
    row.pullRequest === null ? '' : String(row.pullRequest),
    row.title ?? '',
    row.url ?? '',
    row.author ?? '',
    row.mergedAt ?? '',
    row.mergedBy ?? '',
    row.approvals.map(a => `${a.login} (${a.submittedAt})`).join('; '),
    row.checks.map(c => `${c.name}: ${c.conclusion}${c.completedAt ? ` (${c.completedAt})` : ''}`).join('; '),
    row.ticket?.key ?? '',
    row.ticket?.status ?? '',
    row.ticket?.approvedAt ?? '',
    row.emergency ? 'yes' : 'no',
    row.emergencyActor ?? '',
    row.emergencyJustification ?? '',
    row.followUpUrl ?? '',
    row.reasons.join('; '),
    row.actor,
    row.runUrl,
    row.recordId,
    String(row.seq)
  ].map(neutralizeFormula)
}

// A spreadsheet evaluates a cell that starts with one of these as a formula (CSV injection): `=HYPERLINK(…)`
// in a pull request title must reach the auditor as text. Full-width forms are converted by some apps.
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/

/** Prefixes a cell that a spreadsheet would run as a formula with `'`, which makes it text. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/**
 * RFC 4180 CSV with a header row, CRLF line ends and a UTF-8 byte order mark (without it, Excel reads UTF-8
 * names and titles as Latin-1). Cells are quoted when they need it; none can start a formula.
 */
export function renderCsv(rows: readonly ExportRow[]): string {
  return stringify([[...CSV_COLUMNS], ...rows.map(csvCells)], { bom: true, record_delimiter: 'windows' })
}
