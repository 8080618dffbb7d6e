import { open, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { ChainLink } from '../evidence/chain.js'
import { scanChain, type ChainPart, type ChainResult } from './chain-scan.js'
import type { LedgerFile } from './ledger-files.js'

/**
 * `deploy-gate verify` on a large chain file: the file is cut at line starts into one part per CPU, worker
 * threads verify the parts at once (each reads only its bytes), and the parts are joined here. A part
 * starts after the record on the line before it, as that record claims to be (`id`, `seq`); the part
 * before verifies that the claim is true, so the joined result is the one a single pass would give: the
 * first problem in file order, the records verified before it, the tip.
 */

const TASK = 'deploy-gate/scan-chain-part'

interface PartTask {
  task: typeof TASK
  file: LedgerFile
  part: ChainPart
}

export interface ParallelOptions {
  /** Parts (worker threads). Default: the CPUs available, at most 8. */
  workers?: number
  /** Files smaller than this are verified in one pass here (starting workers costs more). Default 8 MiB. */
  minBytes?: number
  /** When workers cannot run: false throws, the default verifies in one pass instead. */
  fallback?: boolean
}

export async function scanChainParallel(
  file: LedgerFile,
  options: ParallelOptions = {}
): Promise<ChainResult> {
  const workers = Math.min(options.workers ?? availableParallelism(), 8)
  const size = (await stat(file.path)).size
  if (workers < 2 || size < (options.minBytes ?? 8 * 1024 * 1024)) return scanChain(file)
  const parts = await planParts(file.path, size, workers)
  if (parts.length < 2) return scanChain(file)
  let results: ChainResult[]
  try {
    results = await Promise.all(parts.map(part => runPart({ task: TASK, file, part })))
  } catch (error) {
    // Worker threads unavailable (a restricted runtime): the single pass gives the same answer.
    if (options.fallback === false) throw error
    return scanChain(file)
  }
  return join(file, results)
}

/** Joins the parts' results in file order: everything up to the first part with a problem. */
export function join(file: LedgerFile, results: readonly ChainResult[]): ChainResult {
  let records = 0
  let lines = 0
  let tip: ChainLink | null = null
  for (const result of results) {
    tip = result.tip ?? tip
    if (result.problem) {
      const line = result.problem.line === null ? null : result.problem.line + lines
      return {
        environment: file.environment,
        file: file.name,
        records: records + result.records,
        lines: lines + result.lines,
        tip,
        problem: { ...result.problem, line }
      }
    }
    records += result.records
    lines += result.lines
  }
  return { environment: file.environment, file: file.name, records, lines, tip, problem: null }
}

/**
 * Cuts the file into about `count` parts at line starts, each with the link claimed by the line before it.
 * A line before a cut that is not a record gives no link: the part before reports that line as its problem,
 * which comes first.
 */
export async function planParts(path: string, size: number, count: number): Promise<ChainPart[]> {
  const handle = await open(path, 'r')
  try {
    const cuts: number[] = [0]
    for (let k = 1; k < count; k += 1) {
      const cut = await nextLineStart(handle, Math.floor((size * k) / count), size)
      if (cut !== null && cut > (cuts[cuts.length - 1] as number) && cut < size) cuts.push(cut)
    }
    const parts: ChainPart[] = []
    for (let i = 0; i < cuts.length; i += 1) {
      const start = cuts[i] as number
      const end = cuts[i + 1] ?? size
      parts.push({ range: { start, end }, after: i === 0 ? null : await linkBefore(handle, start) })
    }
    return parts
  } finally {
    await handle.close()
  }
}

type Handle = Awaited<ReturnType<typeof open>>

/** The first byte after the first `\n` at or after `from`; null when there is none. */
async function nextLineStart(handle: Handle, from: number, size: number): Promise<number | null> {
  const buffer = Buffer.alloc(64 * 1024)
  for (let at = from; at < size; at += buffer.length) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, at)
    const newline = buffer.subarray(0, bytesRead).indexOf(10)
    if (newline !== -1) return at + newline + 1
    if (bytesRead === 0) break
  }
  return null
}

/** `{ id, seq }` as claimed by the line that ends just before `start`; null when it is not a record. */
async function linkBefore(handle: Handle, start: number): Promise<ChainLink | null> {
  const chunks: Buffer[] = []
  let end = start - 1 // the `\n` that ends the line
  while (end > 0) {
    const from = Math.max(0, end - 64 * 1024)
    const buffer = Buffer.alloc(end - from)
    await handle.read(buffer, 0, buffer.length, from)
    const newline = buffer.lastIndexOf(10)
    if (newline !== -1) {
      chunks.unshift(buffer.subarray(newline + 1))
      break
    }
    chunks.unshift(buffer)
    end = from
  }
  try {
    const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: unknown; seq?: unknown }
    return typeof record.id === 'string' && typeof record.seq === 'number'
      ? { id: record.id, seq: record.seq }
      : null
  } catch {
    return null
  }
}

function runPart(task: PartTask): Promise<ChainResult> {
  return new Promise((resolve, reject) => {
    const source = new URL(import.meta.url)
    // From the TypeScript sources (tests, benchmarks) the worker needs the hook that maps `.js` imports to
    // `.ts`; the bundle is one JavaScript file and needs nothing.
    // (The path is assembled so that the bundler does not copy the hook into dist/ as an asset.)
    const hooks = ['..', '..', 'scripts', 'ts-hooks.mjs'].join('/')
    const execArgv = source.pathname.endsWith('.ts') ? ['--import', new URL(hooks, import.meta.url).href] : []
    const worker = new Worker(source, { workerData: task, execArgv })
    let settled = false
    worker.once('message', (result: ChainResult) => {
      settled = true
      resolve(result)
    })
    worker.once('error', error => {
      settled = true
      reject(error)
    })
    worker.once('exit', code => {
      if (!settled) reject(new Error(`a verification worker exited with ${code} before it answered`))
    })
  })
}

// Loaded as one of the workers above (the bundle loads this module in every thread).
const task = isMainThread ? null : (workerData as Partial<PartTask> | null)
if (task?.task === TASK && parentPort) {
  const port = parentPort
  void scanChain(task.file as LedgerFile, {}, task.part as ChainPart).then(result => port.postMessage(result))
}
