/**
 * The `deploy-gate verify` benchmark: writes a ledger of 100,000 records (one environment, ~1.6 KB each, as a
 * one-pull-request deploy records) to a temporary folder with the project's writer (`chainRecord`), then
 * runs `deploy-gate verify --dir` on it as a separate process several times, and reports wall time and the
 * process's peak RSS. The same on 50,000 records shows whether memory stays flat as the ledger grows.
 *
 * Used by `npm run bench` (scripts/bench.ts) and runnable alone:
 *   node --import ./scripts/ts-hooks.mjs scripts/bench-cli.ts [--records N] [--runs N]
 */
import { spawnSync } from 'node:child_process'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { loadavg, availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { scanChainParallel } from '../src/cli/parallel-scan.js'
import { chainRecord } from '../src/evidence/hash.js'
import { EVIDENCE_SCHEMA, type UnchainedRecord } from '../src/evidence/record.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const NODE = join(ROOT, 'node_modules', '.bin', 'node')
export const VERIFY_TARGET_MS = 1500

export interface VerifyRun {
  wallMs: number
  peakRssMb: number
}

export interface CliBench {
  records: number
  megabytes: number
  cpus: number
  loadAverage: number
  /** `node --import ts-hooks src/cli/index.ts verify` (the sources) and, when built, `node dist/cli/index.js verify`. */
  entries: Array<{ entry: string; runs: VerifyRun[]; medianMs: number; bestMs: number }>
  /** In-process, one thread (`workers: 1`): the verification itself, without start-up. */
  singleThreadMs: number
  /** Peak RSS of the same command on a ledger half the size: flat memory means about the same figure. */
  smallLedger: { records: number; peakRssMb: number }
  targetMs: number
  met: boolean
}

function unchained(i: number): UnchainedRecord {
  const t = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + (i * 10 + minutes) * 60_000).toISOString()
  const sha = i.toString(16).padStart(40, '0')
  return {
    schema: EVIDENCE_SCHEMA,
    environment: 'production',
    repository: 'acme/shop',
    sha,
    previousSha: i === 0 ? null : (i - 1).toString(16).padStart(40, '0'),
    range: i === 0 ? 'initial' : 'incremental',
    decision: i % 50 === 0 ? 'block' : 'allow',
    reasons: i % 50 === 0 ? ['ci-failed'] : [],
    warnings: [],
    emergency: null,
    actor: 'release-bot',
    decidedAt: t(0),
    run: {
      id: String(9_000_000 + i),
      attempt: '1',
      url: `https://github.com/acme/shop/actions/runs/${9_000_000 + i}`,
      workflow: 'deploy'
    },
    changes: [
      {
        number: 10_000 + i,
        title: `Fix rounding of totals in the checkout summary for customers on legacy plans (${i})`,
        url: `https://github.com/acme/shop/pull/${10_000 + i}`,
        author: 'bob',
        mergedAt: t(-5),
        mergedBy: 'bob',
        headSha: sha,
        approvals: [{ login: 'carol', submittedAt: t(-7), commitSha: sha }],
        checks: ['build', 'test', 'lint', 'e2e'].map(name => ({
          name,
          conclusion: 'success',
          completedAt: t(-8)
        })),
        ticket: {
          key: `SHOP-${i}`,
          url: `https://acme.atlassian.net/browse/SHOP-${i}`,
          status: 'Approved',
          approvedAt: t(-60)
        }
      }
    ],
    commits: [sha, (i + 1_000_000).toString(16).padStart(40, '0')]
  }
}

/** Writes `<root>/ledger/production.jsonl` with `count` chained records. */
export async function writeBenchLedger(root: string, count: number): Promise<string> {
  mkdirSync(join(root, 'ledger'), { recursive: true })
  const path = join(root, 'ledger', 'production.jsonl')
  const out = createWriteStream(path)
  let previous: { id: string; seq: number } | null = null
  for (let i = 0; i < count; i += 1) {
    const record = chainRecord(unchained(i), previous)
    previous = { id: record.id, seq: record.seq }
    if (!out.write(`${JSON.stringify(record)}\n`))
      await new Promise<void>(resolve => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve()))
  )
  return path
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Runs `verify` as its own process; the preload reports the process's peak RSS (worker threads included). */
function runVerify(entryArgs: string[], root: string, preload: string): VerifyRun {
  const started = process.hrtime.bigint()
  const result = spawnSync(
    NODE,
    ['--import', pathToFileURL(preload).href, ...entryArgs, 'verify', '--dir', root],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024
    }
  )
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0 || !result.stdout.includes('INTACT')) {
    throw new Error(
      `verify failed (${result.status}): ${result.stdout.slice(-300)} ${result.stderr.slice(-300)}`
    )
  }
  const rss = /deploy-gate-bench-maxrss=(\d+)/.exec(result.stderr)?.[1]
  return { wallMs, peakRssMb: Number(rss) / 1024 }
}

export async function benchCli(options: { records?: number; runs?: number } = {}): Promise<CliBench> {
  const records = options.records ?? 100_000
  const runs = options.runs ?? 5
  const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-bench-cli-'))
  try {
    const preload = join(dir, 'maxrss.mjs')
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write(`deploy-gate-bench-maxrss=${process.resourceUsage().maxRSS}\\n`))\n"
    )
    const big = join(dir, 'big')
    const path = await writeBenchLedger(big, records)
    const small = join(dir, 'small')
    await writeBenchLedger(small, Math.max(1, Math.floor(records / 2)))

    const entries: CliBench['entries'] = []
    const candidates: Array<[string, string[]]> = [
      ['src/cli/index.ts (sources)', ['--import', './scripts/ts-hooks.mjs', 'src/cli/index.ts']]
    ]
    if (existsSync(join(ROOT, 'dist', 'cli', 'index.js')))
      candidates.push(['dist/cli/index.js (bundle)', ['dist/cli/index.js']])
    for (const [entry, args] of candidates) {
      runVerify(args, big, preload) // warm the file cache
      const measured = Array.from({ length: runs }, () => runVerify(args, big, preload))
      const times = measured.map(r => r.wallMs)
      entries.push({ entry, runs: measured, medianMs: median(times), bestMs: Math.min(...times) })
    }
    const first = candidates[0] as [string, string[]]
    const smallRss = Math.max(
      ...Array.from({ length: runs }, () => runVerify(first[1], small, preload).peakRssMb)
    )

    const started = performance.now()
    const single = await scanChainParallel(
      { environment: 'production', name: 'ledger/production.jsonl', path },
      { workers: 1 }
    )
    const singleThreadMs = performance.now() - started
    if (single.problem || single.records !== records)
      throw new Error('the benchmark ledger did not verify in-process')

    const medians = entries.map(e => e.medianMs)
    return {
      records,
      megabytes: statSync(path).size / 1024 / 1024,
      cpus: availableParallelism(),
      loadAverage: loadavg()[0] ?? 0,
      entries,
      singleThreadMs,
      smallLedger: { records: Math.max(1, Math.floor(records / 2)), peakRssMb: smallRss },
      targetMs: VERIFY_TARGET_MS,
      met: Math.min(...medians) < VERIFY_TARGET_MS
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function formatCliBench(result: unknown): string {
  const r = result as CliBench
  const lines = [
    `deploy-gate verify --dir, ${r.records.toLocaleString('en')} records (${r.megabytes.toFixed(0)} MiB, one environment), ${r.cpus} CPUs, load average ${r.loadAverage.toFixed(2)} at the end:`
  ]
  for (const e of r.entries) {
    const rss = Math.max(...e.runs.map(x => x.peakRssMb))
    lines.push(
      `  ${e.entry}: median ${e.medianMs.toFixed(0)} ms, best ${e.bestMs.toFixed(0)} ms over ${e.runs.length} runs (start-up included), peak RSS ${rss.toFixed(0)} MB`
    )
  }
  lines.push(`  in-process, one thread, no start-up: ${r.singleThreadMs.toFixed(0)} ms`)
  lines.push(
    `  memory: peak RSS ${r.smallLedger.peakRssMb.toFixed(0)} MB on ${r.smallLedger.records.toLocaleString('en')} records vs ${Math.max(...(r.entries[0]?.runs ?? []).map(x => x.peakRssMb)).toFixed(0)} MB on ${r.records.toLocaleString('en')} (streamed: it does not grow with the ledger)`
  )
  lines.push(`  target: under ${r.targetMs} ms: ${r.met ? 'met' : 'MISSED'}`)
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { records: { type: 'string' }, runs: { type: 'string' } } })
  const result = await benchCli({
    records: values.records ? Number(values.records) : undefined,
    runs: values.runs ? Number(values.runs) : undefined
  })
  console.log(formatCliBench(result))
  process.exitCode = result.met ? 0 : 1
}
