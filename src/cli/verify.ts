import { describeProblem, type ChainResult } from './chain-scan.js'
import { checkAppendOnly, type HistoryResult } from './git-history.js'
import { listLedger, type StrayFile } from './ledger-files.js'
import { scanChainParallel, type ParallelOptions } from './parallel-scan.js'
import type { LedgerSource } from './source.js'

export interface VerifyReport {
  source: string
  environments: ChainResult[]
  stray: StrayFile[]
  /** The append-only walk of the branch history; null for a `--dir` source. */
  history: HistoryResult | null
  intact: boolean
}

/**
 * `deploy-gate verify`: every chain file in full (each stops at its first problem), the file names, and for a
 * git source the branch history. Intact only when all of it is.
 */
export async function verifyLedger(
  source: LedgerSource,
  options: ParallelOptions = {}
): Promise<VerifyReport> {
  const listing = await listLedger(source.root, source.description)
  const environments: ChainResult[] = []
  for (const file of listing.files) environments.push(await scanChainParallel(file, options))
  const history = source.git ? await checkAppendOnly(source.git.repoDir, source.git.env) : null
  // A misnamed .jsonl file may be a chain no one verifies; other files under ledger/ are only noted.
  const misnamed = listing.stray.filter(s => s.name.endsWith('.jsonl'))
  // Nothing to verify is not evidence of integrity: a wrong folder or branch must not read as INTACT.
  const intact =
    environments.length > 0 &&
    environments.every(e => e.problem === null) &&
    misnamed.length === 0 &&
    (history?.violation ?? null) === null
  return { source: source.description, environments, stray: listing.stray, history, intact }
}

export function formatVerifyText(report: VerifyReport): string {
  const out: string[] = [`Ledger: ${report.source}`]
  if (report.environments.length === 0) {
    out.push(
      'No environment chains (ledger/*.jsonl) found: nothing was verified. Is this the ledger folder or branch?'
    )
  }
  for (const env of report.environments) {
    const name = JSON.stringify(env.environment)
    if (env.problem) {
      out.push(`BROKEN  ${name}: ${describeProblem(env.problem)}`)
      out.push(`        ${plural(env.records, 'record')} verified before it.`)
    } else {
      const tip = env.tip ? `, tip seq ${env.tip.seq} id ${env.tip.id}` : ''
      out.push(`ok      ${name}: ${plural(env.records, 'record')} (${env.file}${tip})`)
    }
  }
  for (const stray of report.stray) {
    const breaks = stray.name.endsWith('.jsonl')
    out.push(`${breaks ? 'BROKEN ' : 'note   '} ${stray.name}: ${stray.problem}${breaks ? '' : ' (ignored)'}`)
  }
  if (report.history) {
    const v = report.history.violation
    out.push(
      v
        ? `BROKEN  history: commit ${v.commit} ${v.message} (the ledger branch may only ever append lines)`
        : `ok      history: ${plural(report.history.commits, 'commit')}, each only appended lines to ledger files`
    )
  }
  const total = report.environments.reduce((n, e) => n + e.records, 0)
  out.push(
    report.intact
      ? `INTACT: ${plural(report.environments.length, 'environment')}, ${plural(total, 'record')}.`
      : report.environments.length === 0
        ? 'NOT VERIFIED: the source holds no ledger records.'
        : 'BROKEN: the ledger has been changed, or was not written as SPEC §5 describes.'
  )
  return `${out.join('\n')}\n`
}

export function formatVerifyJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
