import type { EvidenceRecord } from '../evidence/record.js'
import { scanChain, describeProblem } from './chain-scan.js'
import { inPeriod, periodBounds, type Period } from './dates.js'
import type { LedgerFile } from './ledger-files.js'
import { parseTime, utcTime } from './record-shape.js'

/**
 * One pull request of one deploy (or one deploy without pull requests): a row of the population. Times are
 * UTC (`utcTime`) whatever offset the record was written with.
 */
export interface ExportRow {
  deployedAt: string
  environment: string
  decision: 'allow' | 'block'
  range: string
  repository: string
  sha: string
  pullRequest: number | null
  title: string | null
  url: string | null
  author: string | null
  mergedAt: string | null
  mergedBy: string | null
  approvals: Array<{ login: string; submittedAt: string }>
  checks: Array<{ name: string; conclusion: string; completedAt: string | null }>
  ticket: { key: string; url: string; status: string; approvedAt: string | null } | null
  emergency: boolean
  emergencyActor: string | null
  emergencyJustification: string | null
  /** The rules the emergency override bypassed (`emergency.bypassed`); empty for other deploys. */
  emergencyBypassed: string[]
  followUpUrl: string | null
  reasons: string[]
  actor: string
  runUrl: string
  recordId: string
  seq: number
}

export interface ExportSummary {
  /** `allow` records in the period (emergencies included). */
  deploys: number
  /** Pull requests those deploys shipped. */
  pullRequests: number
  blocked: number
  emergencies: number
  /** Median time from a pull request's last approval to the deploy that shipped it; null with none. */
  medianApprovalToDeployMs: number | null
  /** Monday (UTC) of each week from the first to the last record, with its counts. */
  weeks: Array<{ week: string; deploys: number; emergencies: number; blocked: number }>
  environments: string[]
  /** Each environment's chain as verified while exporting: the export can be tied to that ledger state. */
  chains: Array<{ environment: string; records: number; tipId: string | null }>
  from: string | null
  until: string | null
}

export interface Population {
  rows: ExportRow[]
  summary: ExportSummary
}

export interface ExportOptions {
  period: Period
  includeBlocked: boolean
}

/** A ledger that is not intact is not exported: a population read from it would not be evidence. */
export class BrokenLedgerError extends Error {
  override name = 'BrokenLedgerError'
}

/**
 * The population of deploys in the period, verified as it is read: one row per pull request of each
 * `allow` record (and `block` record with `includeBlocked`), sorted by deploy time. A deploy that shipped no
 * pull request (a rollback) still gets one row, so that every deploy can be sampled.
 */
export async function collectPopulation(files: LedgerFile[], options: ExportOptions): Promise<Population> {
  const rows: ExportRow[] = []
  const tally = new Tally()
  const chains: ExportSummary['chains'] = []
  for (const file of files) {
    const result = await scanChain(file, {
      record: record => {
        const at = parseTime(record.decidedAt)
        if (!inPeriod(options.period, at)) return
        tally.add(record, at)
        if (record.decision === 'allow' || options.includeBlocked) rows.push(...rowsOf(record))
      }
    })
    if (result.problem) {
      throw new BrokenLedgerError(
        `the ledger is broken, nothing was exported: ${describeProblem(result.problem)}`
      )
    }
    chains.push({ environment: file.environment, records: result.records, tipId: result.tip?.id ?? null })
  }
  rows.sort(
    (a, b) =>
      parseTime(a.deployedAt) - parseTime(b.deployedAt) ||
      compare(a.environment, b.environment) ||
      a.seq - b.seq ||
      (a.pullRequest ?? 0) - (b.pullRequest ?? 0)
  )
  return {
    rows,
    summary: tally.summary(chains, options.period)
  }
}

function rowsOf(record: EvidenceRecord): ExportRow[] {
  const base = {
    deployedAt: utcTime(record.decidedAt),
    environment: record.environment,
    decision: record.decision,
    range: record.range,
    repository: record.repository,
    sha: record.sha,
    emergency: record.emergency !== null,
    emergencyActor: record.emergency?.actor ?? null,
    emergencyJustification: record.emergency?.justification ?? null,
    emergencyBypassed: record.emergency?.bypassed ?? [],
    followUpUrl: record.emergency?.followUp.url ?? null,
    reasons: record.reasons,
    actor: record.actor,
    runUrl: record.run.url,
    recordId: record.id,
    seq: record.seq
  }
  if (record.changes.length === 0) {
    return [
      {
        ...base,
        pullRequest: null,
        title: null,
        url: null,
        author: null,
        mergedAt: null,
        mergedBy: null,
        approvals: [],
        checks: [],
        ticket: null
      }
    ]
  }
  return record.changes.map(change => ({
    ...base,
    pullRequest: change.number,
    title: change.title,
    url: change.url,
    author: change.author,
    mergedAt: utcTime(change.mergedAt),
    mergedBy: change.mergedBy,
    approvals: change.approvals.map(a => ({ login: a.login, submittedAt: utcTime(a.submittedAt) })),
    checks: change.checks.map(c => ({
      name: c.name,
      conclusion: c.conclusion,
      completedAt: c.completedAt === null ? null : utcTime(c.completedAt)
    })),
    ticket: change.ticket
      ? {
          key: change.ticket.key,
          url: change.ticket.url,
          status: change.ticket.status,
          approvedAt: change.ticket.approvedAt === null ? null : utcTime(change.ticket.approvedAt)
        }
      : null
  }))
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/** Monday 00:00 UTC of the week of `at`. */
function weekStart(at: number): number {
  const day = new Date(at)
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())
  return midnight - ((day.getUTCDay() + 6) % 7) * 24 * 60 * 60 * 1000
}

class Tally {
  private deploys = 0
  private pullRequests = 0
  private blocked = 0
  private emergencies = 0
  private readonly leadTimes: number[] = []
  private readonly weeks = new Map<number, { deploys: number; emergencies: number; blocked: number }>()

  add(record: EvidenceRecord, at: number): void {
    const week = weekStart(at)
    const counts = this.weeks.get(week) ?? { deploys: 0, emergencies: 0, blocked: 0 }
    this.weeks.set(week, counts)
    if (record.decision === 'block') {
      this.blocked += 1
      counts.blocked += 1
      return
    }
    this.deploys += 1
    counts.deploys += 1
    if (record.emergency) {
      this.emergencies += 1
      counts.emergencies += 1
    }
    this.pullRequests += record.changes.length
    for (const change of record.changes) {
      const approved = Math.max(...change.approvals.map(a => parseTime(a.submittedAt)))
      if (Number.isFinite(approved)) this.leadTimes.push(at - approved)
    }
  }

  summary(chains: ExportSummary['chains'], period: Period): ExportSummary {
    const keys = [...this.weeks.keys()].sort((a, b) => a - b)
    const weeks: ExportSummary['weeks'] = []
    const first = keys[0]
    const last = keys[keys.length - 1]
    if (first !== undefined && last !== undefined) {
      for (let week = first; week <= last; week += WEEK_MS) {
        const counts = this.weeks.get(week) ?? { deploys: 0, emergencies: 0, blocked: 0 }
        weeks.push({ week: new Date(week).toISOString().slice(0, 10), ...counts })
      }
    }
    return {
      deploys: this.deploys,
      pullRequests: this.pullRequests,
      blocked: this.blocked,
      emergencies: this.emergencies,
      medianApprovalToDeployMs: median(this.leadTimes),
      weeks,
      environments: chains.map(c => c.environment),
      chains,
      ...periodBounds(period)
    }
  }
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
