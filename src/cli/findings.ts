import type { EvidenceRecord } from '../evidence/record.js'
import { describeProblem, type ChainResult } from './chain-scan.js'
import { inPeriod, periodText, type Period, type PeriodBounds } from './dates.js'
import { formatDuration } from './export-md.js'
import { asEvidenceRecord, checkRecordShape, parseTime, utcTime } from './record-shape.js'

export const FINDING_CODES = [
  'chain-broken',
  'seq-gap',
  'follow-up-missing',
  'follow-up-overdue',
  'follow-up-late',
  'follow-up-unknown',
  'blocked-then-emergency',
  'approval-after-deploy',
  'ticket-approved-after-deploy',
  'rubber-stamp-suspected'
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

export interface Finding {
  code: FindingCode
  environment: string
  /** The record the finding is about (for a gap: the first record after it). */
  seq: number | null
  line: number | null
  recordId: string | null
  decidedAt: string | null
  sha: string | null
  pullRequest: number | null
  /** One sentence for the auditor. Built from ledger text: escape it before putting it in HTML. */
  detail: string
}

/** An emergency deploy whose follow-up must be checked against the clock. */
export interface EmergencyDeploy {
  environment: string
  seq: number
  line: number
  recordId: string
  decidedAt: string
  at: number
  sha: string
  actor: string
  followUpUrl: string | null
  /** The gate tried to open the follow-up and could not (the `follow-up-not-opened` warning). */
  followUpNotOpened: boolean
}

export type FollowUpStatus =
  { state: 'closed'; closedAt: string } | { state: 'open' } | { state: 'unknown'; reason: string }

/** The follow-up of an emergency is due this long after the deploy (SPEC §4). */
export const FOLLOW_UP_WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * Reads the records of each environment in order and collects the findings that need nothing but the
 * ledger. Emergency deploys are kept so their follow-ups can be checked (`evaluateFollowUp`) once their
 * status is known. Records after a break of the chain are still read (unverified), so that one tampered line
 * does not hide the findings after it.
 */
export class FindingsCollector {
  readonly findings: Finding[] = []
  readonly emergencies: EmergencyDeploy[] = []
  records = 0

  private readonly period: Period
  private environment = ''
  private lastSeq: number | null = null
  private gapLines = new Set<number>()
  private blockedShas = new Map<string, EvidenceRecord>()

  constructor(period: Period) {
    this.period = period
  }

  startEnvironment(environment: string): void {
    this.environment = environment
    this.lastSeq = null
    this.gapLines = new Set()
    this.blockedShas = new Map()
  }

  /** A record whose chain link and shape were verified. */
  record(record: EvidenceRecord, line: number): void {
    this.records += 1
    this.trackSeq(record, line)
    const at = parseTime(record.decidedAt)
    if (record.decision === 'block') {
      this.blockedShas.set(record.sha.toLowerCase(), record)
      return
    }
    if (!inPeriod(this.period, at)) return
    this.checkDeploy(record, line, at)
  }

  /** A line after the chain broke: read if it is a record at all, for the findings it may still show. */
  unverified(text: string, line: number): void {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return
    const record = parsed as Record<string, unknown>
    if (typeof record.seq !== 'number' || typeof record.id !== 'string' || checkRecordShape(record) !== null)
      return
    this.record(asEvidenceRecord(record), line)
  }

  /** After an environment's file was read: its first break, unless a seq gap already explains it. */
  endEnvironment(result: ChainResult): void {
    const problem = result.problem
    if (!problem || (problem.line !== null && this.gapLines.has(problem.line))) return
    this.findings.push({
      code: 'chain-broken',
      environment: result.environment,
      seq: null,
      line: problem.line,
      recordId: null,
      decidedAt: null,
      sha: null,
      pullRequest: null,
      detail: `The hash chain is broken: ${describeProblem(problem)}. Records from there on are not evidence until the file is restored.`
    })
  }

  private trackSeq(record: EvidenceRecord, line: number): void {
    const expected = (this.lastSeq ?? 0) + 1
    if (record.seq > expected) {
      const missing =
        record.seq - expected === 1 ? `seq ${expected} is` : `seq ${expected} to ${record.seq - 1} are`
      this.gapLines.add(line)
      this.push(
        'seq-gap',
        record,
        line,
        null,
        `Records are missing from the chain: ${missing} not in the file.`
      )
    }
    this.lastSeq = Math.max(this.lastSeq ?? 0, record.seq)
  }

  private checkDeploy(record: EvidenceRecord, line: number, at: number): void {
    if (record.emergency) {
      this.emergencies.push({
        environment: this.environment,
        seq: record.seq,
        line,
        recordId: record.id,
        decidedAt: utcTime(record.decidedAt),
        at,
        sha: record.sha,
        actor: record.emergency.actor,
        followUpUrl: record.emergency.followUp.url,
        followUpNotOpened: record.warnings.includes('follow-up-not-opened')
      })
      const blocked = this.blockedShas.get(record.sha.toLowerCase())
      if (blocked) {
        this.push(
          'blocked-then-emergency',
          record,
          line,
          null,
          `This commit was blocked (seq ${blocked.seq}, ${utcTime(blocked.decidedAt)}: ${blocked.reasons.join(', ') || 'no reason recorded'}) ` +
            `and then deployed with the emergency override by ${record.emergency.actor}.`
        )
      }
    }
    for (const change of record.changes) {
      for (const approval of change.approvals) {
        const approvedAt = parseTime(approval.submittedAt)
        if (approvedAt > at) {
          this.push(
            'approval-after-deploy',
            record,
            line,
            change.number,
            `Pull request #${change.number}: the approval by ${approval.login} is dated ${utcTime(approval.submittedAt)}, ` +
              `${formatDuration(approvedAt - at)} after the deploy.`
          )
        }
      }
      const ticket = change.ticket
      const ticketApprovedAt = ticket?.approvedAt ?? null
      const ticketAt = ticketApprovedAt === null ? Number.NaN : parseTime(ticketApprovedAt)
      if (ticket && ticketApprovedAt !== null && ticketAt > at) {
        this.push(
          'ticket-approved-after-deploy',
          record,
          line,
          change.number,
          `Pull request #${change.number}: ticket ${ticket.key} was approved ${utcTime(ticketApprovedAt)}, ` +
            `${formatDuration(ticketAt - at)} after the deploy.`
        )
      }
    }
    if (record.warnings.includes('rubber-stamp-suspected')) {
      // The record holds the warning, not which approval raised it: the run's evidence file has the rule's detail.
      const prs = record.changes.map(c => `#${c.number}`)
      const which =
        prs.length === 1
          ? `pull request ${prs[0]} was approved`
          : `an approval of ${prs.length === 0 ? 'a pull request' : `one of pull requests ${prs.join(', ')}`} was submitted`
      this.push(
        'rubber-stamp-suspected',
        record,
        line,
        prs.length === 1 ? (record.changes[0]?.number ?? null) : null,
        `The gate recorded the rubber-stamp-suspected warning: ${which} less than rubber-stamp-seconds (default 60 s) ` +
          `after the last push. Check that the review was real; the evidence file of run ${record.run.url} names the approval and its delay.`
      )
    }
  }

  private push(
    code: FindingCode,
    record: EvidenceRecord,
    line: number,
    pullRequest: number | null,
    detail: string
  ): void {
    this.findings.push({
      code,
      environment: this.environment,
      seq: record.seq,
      line,
      recordId: record.id,
      decidedAt: utcTime(record.decidedAt),
      sha: record.sha,
      pullRequest,
      detail
    })
  }
}

/** Whether an emergency's follow-up needs to be looked up at `now`: it is due, and there is one. */
export function followUpIsDue(emergency: EmergencyDeploy, now: number): boolean {
  return emergency.followUpUrl !== null && now > emergency.at + FOLLOW_UP_WINDOW_MS
}

/**
 * The finding, if any, for an emergency deploy's follow-up at `now`: none was opened; it is still open past
 * its 24 hours; it was closed late; or its state could not be established (which an auditor must check).
 */
export function evaluateFollowUp(
  emergency: EmergencyDeploy,
  status: FollowUpStatus | null,
  now: number
): Finding | null {
  const deadline = emergency.at + FOLLOW_UP_WINDOW_MS
  const base = {
    environment: emergency.environment,
    seq: emergency.seq,
    line: emergency.line,
    recordId: emergency.recordId,
    decidedAt: emergency.decidedAt,
    sha: emergency.sha,
    pullRequest: null
  }
  const make = (code: FindingCode, detail: string): Finding => ({ code, ...base, detail })
  const by = `The emergency deploy by ${emergency.actor}`
  if (emergency.followUpUrl === null) {
    const why = emergency.followUpNotOpened
      ? 'the gate could not open it (the record has the follow-up-not-opened warning)'
      : 'no follow-up is recorded (the gate opens none with retrospective: none)'
    return make(
      'follow-up-missing',
      `${by} has no follow-up: ${why}. Ask for the retrospective of this deploy and when it was held.`
    )
  }
  if (status?.state === 'closed') {
    const closedAt = parseTime(status.closedAt)
    if (closedAt <= deadline) return null
    return make(
      'follow-up-late',
      `${by}: follow-up ${emergency.followUpUrl} was closed ${utcTime(status.closedAt)}, ${formatDuration(closedAt - emergency.at)} after the deploy (due within 24 h).`
    )
  }
  if (now <= deadline) return null
  if (status?.state === 'open') {
    return make(
      'follow-up-overdue',
      `${by}: follow-up ${emergency.followUpUrl} is still open, ${formatDuration(now - emergency.at)} after the deploy (due within 24 h).`
    )
  }
  const reason = status?.state === 'unknown' ? status.reason : 'its state was not looked up'
  return make(
    'follow-up-unknown',
    `${by}: whether follow-up ${emergency.followUpUrl} was closed within 24 h is unknown (${reason}); check it by hand.`
  )
}

export interface FindingsReport {
  source: string
  period: PeriodBounds
  now: string
  records: number
  environments: string[]
  findings: Finding[]
}

/** Findings in the order an auditor walks them: by deploy time, then environment and seq. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const time = (f: Finding) => (f.decidedAt === null ? -Infinity : parseTime(f.decidedAt))
  return [...findings].sort(
    (a, b) =>
      time(a) - time(b) ||
      (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0) ||
      (a.seq ?? 0) - (b.seq ?? 0) ||
      FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code)
  )
}

export function formatFindingsText(report: FindingsReport): string {
  const out = [
    `Ledger: ${report.source}`,
    `Period: ${periodText(report.period)}; clock: ${report.now}; ${report.records} records in ${report.environments.length} environment${report.environments.length === 1 ? '' : 's'}`,
    ''
  ]
  for (const f of report.findings) {
    const where = [
      JSON.stringify(f.environment),
      f.seq === null ? (f.line === null ? null : `line ${f.line}`) : `seq ${f.seq}`,
      f.decidedAt,
      f.sha === null ? null : `sha ${f.sha.slice(0, 12)}`
    ]
      .filter(x => x !== null)
      .join(' ')
    // The detail quotes ledger text: control characters would let it rewrite the terminal.
    // eslint-disable-next-line no-control-regex
    const detail = f.detail.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    out.push(`[${f.code}] ${where}`, `    ${detail}`)
  }
  if (report.findings.length === 0) {
    out.push('No findings.')
  } else {
    const counts = new Map<string, number>()
    for (const f of report.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1)
    const summary = FINDING_CODES.filter(c => counts.has(c))
      .map(c => `${counts.get(c)} ${c}`)
      .join(', ')
    out.push(
      '',
      `${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}: ${summary}.`
    )
  }
  return `${out.join('\n')}\n`
}
