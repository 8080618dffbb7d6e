// Ledger benchmark: append latency of one writer (median and p95 of N appends to a bare repository
// through file://), and total time and push retries of 8 concurrent writer processes on one environment.
// `npm run bench` calls benchLedger(); alone: `node --import ./scripts/ts-hooks.mjs scripts/bench-ledger.ts`
// (Node 24: node_modules/.bin/node).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ChainVerifier } from '../src/evidence/chain.js'
import { createGitStore } from '../src/evidence/git-store.js'
import { EVIDENCE_SCHEMA } from '../src/evidence/record.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface LedgerBench {
  singleWriter: { appends: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number }
  concurrent: {
    writers: number
    totalMs: number
    retries: number
    maxAttempts: number
    records: number
    intact: boolean
  }
}

export async function benchLedger(
  options: { appends?: number; writers?: number } = {}
): Promise<LedgerBench> {
  const appends = options.appends ?? 20
  const writers = options.writers ?? 8
  const root = mkdtempSync(join(tmpdir(), 'deploy-gate-bench-'))
  try {
    return { singleWriter: await single(root, appends), concurrent: await concurrent(root, writers) }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

async function single(root: string, appends: number): Promise<LedgerBench['singleWriter']> {
  const remote = bare(root, 'single.git')
  const store = createGitStore(
    { remote: `file://${remote}`, branch: 'deploy-evidence', token: '' },
    { actor: 'bench' },
    {
      setSecret: () => undefined
    }
  )
  const times: number[] = []
  for (let i = 0; i < appends; i += 1) {
    const started = performance.now()
    await store.append('production', view => ({
      schema: EVIDENCE_SCHEMA,
      environment: 'production',
      repository: 'acme/app',
      sha: i.toString(16).padStart(40, '0'),
      previousSha: view.lastAllow?.sha ?? null,
      range: view.lastAllow ? 'incremental' : 'initial',
      decision: 'allow',
      reasons: [],
      warnings: [],
      emergency: null,
      actor: 'bench',
      decidedAt: new Date().toISOString(),
      run: {
        id: String(i),
        attempt: '1',
        url: 'https://github.com/acme/app/actions/runs/1',
        workflow: 'deploy'
      },
      changes: [],
      commits: []
    }))
    times.push(performance.now() - started)
  }
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!)
  return {
    appends,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    minMs: round(sorted[0]!),
    maxMs: round(sorted.at(-1)!)
  }
}

async function concurrent(root: string, writers: number): Promise<LedgerBench['concurrent']> {
  const remote = bare(root, 'concurrent.git')
  const reports = await runWriters(
    Array.from({ length: writers }, (_, i) => ['--target', `file://${remote}`, '--marker', `bench-${i + 1}`])
  )
  // Released together: the slowest writer's append time is the time all of them took.
  const totalMs = round(Math.max(...reports.map(r => r.ms)))
  const lines = execFileSync('git', ['show', 'deploy-evidence:ledger/production.jsonl'], {
    cwd: remote,
    encoding: 'utf8'
  })
    .split('\n')
    .filter(Boolean)
  const verifier = new ChainVerifier('production')
  for (const line of lines) verifier.push(line)
  return {
    writers,
    totalMs,
    retries: reports.reduce((sum, r) => sum + r.attempts - 1, 0),
    maxAttempts: Math.max(...reports.map(r => r.attempts)),
    records: lines.length,
    intact: verifier.firstBreak === null && verifier.count === writers
  }
}

export interface WriterReport {
  marker: string
  seq: number
  id: string
  attempts: number
  ms: number
}

/** The pinned Node 24 (the `node` devDependency) runs the writers' TypeScript; else the Node running this. */
const NODE = existsSync(join(ROOT, 'node_modules', '.bin', 'node'))
  ? join(ROOT, 'node_modules', '.bin', 'node')
  : process.execPath

/**
 * Starts one scripts/ledger-writer.ts process per argument list (on Node 24), waits until
 * every one has loaded, releases them together, and returns what each appended.
 */
export async function runWriters(argLists: string[][]): Promise<WriterReport[]> {
  const children = argLists.map(args =>
    spawn(
      process.execPath,
      ['--import', './scripts/ts-hooks.mjs', 'scripts/ledger-writer.ts', '--barrier', ...args],
      {
        cwd: ROOT
      }
    )
  )
  const outputs = children.map(child => {
    let stdout = ''
    let stderr = ''
    let markReady: () => void = () => undefined
    const ready = new Promise<void>(resolve => (markReady = resolve))
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (stdout.startsWith('ready\n')) markReady()
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const done = new Promise<string>((resolvePromise, reject) =>
      child.on('close', code => {
        markReady()
        if (code === 0) resolvePromise(stdout.replace(/^ready\n/, ''))
        else reject(new Error(`writer exited ${code}: ${stderr}`))
      })
    )
    return { ready, done }
  })
  await Promise.all(outputs.map(o => o.ready))
  for (const child of children) child.stdin.end('go\n')
  return Promise.all(outputs.map(async o => JSON.parse(await o.done) as WriterReport))
}

function bare(root: string, name: string): string {
  const path = join(root, name)
  execFileSync('git', ['init', '--quiet', '--bare', path])
  return path
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await benchLedger()
  const s = result.singleWriter
  const c = result.concurrent
  console.log(
    `ledger append, 1 writer:  median ${s.medianMs} ms, p95 ${s.p95Ms} ms (${s.appends} appends, git store, file://)`
  )
  console.log(
    `ledger append, ${c.writers} writers: ${c.totalMs} ms in total, ${c.retries} retries (max ${c.maxAttempts} attempts by one writer), ` +
      `${c.records} records, chain ${c.intact ? 'intact' : 'BROKEN'}`
  )
  if (!c.intact) process.exitCode = 1
}
