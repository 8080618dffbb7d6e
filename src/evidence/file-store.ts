import { open, mkdir, readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import lockfile from 'proper-lockfile'
import { UpstreamError, getErrorMessage } from '../errors.js'
import { chainRecord } from './hash.js'
import {
  EMPTY_VIEW,
  ledgerFile,
  serializeRecord,
  verifyLedgerText,
  type AppendResult,
  type LedgerStore,
  type LedgerView
} from './ledger.js'
import type { UnchainedRecord } from './record.js'

export interface FileStoreDeps {
  /** How long to wait for a busy lock before giving up. Default 30 s (longer than `staleMs`). */
  lockTimeoutMs?: number
  /** A lock not refreshed for this long belongs to a dead writer and is taken over. Default 10 s. */
  staleMs?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/**
 * The `file` evidence store (SPEC §5): `ledger/<env>.jsonl` under `dir`, for self-hosted runners that
 * share a folder, and for tests.
 *
 * Appends happen under an exclusive per-environment lock taken with proper-lockfile rather than an
 * O_EXCL lock file: its lock is a directory (mkdir is atomic, also on NFS) whose mtime the holder
 * keeps refreshing, so the lock of a runner that was killed mid-append goes stale and is taken over
 * instead of blocking every later deploy until someone deletes it by hand. Each append is one write()
 * of one line to a file opened for appending, then fsync (and the folder is fsynced when the file is new).
 */
export function createFileStore(config: { dir: string }, deps: FileStoreDeps = {}): LedgerStore {
  return new FileStore(config.dir, deps)
}

class FileStore implements LedgerStore {
  private readonly dir: string
  private readonly lockTimeoutMs: number
  private readonly staleMs: number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  /** The last file content verified per environment: the append after a read re-verifies only a change. */
  private readonly verified = new Map<string, { text: string; view: LedgerView }>()

  constructor(dir: string, deps: FileStoreDeps) {
    this.dir = dir
    this.staleMs = Math.max(5000, deps.staleMs ?? 10_000)
    this.lockTimeoutMs = deps.lockTimeoutMs ?? 30_000
    this.sleep = deps.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
    this.random = deps.random ?? Math.random
  }

  describe(environment: string): string {
    return join(this.dir, ledgerFile(environment))
  }

  async read(environment: string): Promise<LedgerView> {
    await this.checkDir()
    const path = this.describe(environment)
    if (!(await exists(path))) return EMPTY_VIEW
    // Under the lock: a reader never sees a line that a writer is still writing.
    const { result } = await this.withLock(path, async () => this.verify(await readText(path), environment))
    return result
  }

  async append(environment: string, build: (view: LedgerView) => UnchainedRecord): Promise<AppendResult> {
    await this.checkDir()
    const path = this.describe(environment)
    await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
      throw new UpstreamError('ledger', `cannot create ${dirname(path)}: ${getErrorMessage(error)}`)
    })
    const { result, attempts } = await this.withLock(path, async isCompromised => {
      const created = !(await exists(path))
      const text = created ? '' : await readText(path)
      const view = this.verify(text, environment)
      const record = chainRecord(build(view), view.tip)
      const line = serializeRecord(record, environment)
      const separator = text !== '' && !text.endsWith('\n') ? '\n' : ''
      const compromised = isCompromised()
      if (compromised) throw new UpstreamError('ledger', `lost the lock on ${path}: ${compromised}`)
      try {
        const handle = await open(path, 'a')
        try {
          await handle.write(`${separator}${line}\n`)
          await handle.sync()
        } finally {
          await handle.close()
        }
        if (created) await fsyncDir(dirname(path))
      } catch (error) {
        throw new UpstreamError('ledger', `cannot append to ${path}: ${getErrorMessage(error)}`)
      }
      return record
    })
    return { record: result, attempts, commit: null }
  }

  private verify(text: string, environment: string): LedgerView {
    const known = this.verified.get(environment)
    if (known?.text === text) return known.view
    const view = verifyLedgerText(text, environment, this.describe(environment))
    this.verified.set(environment, { text, view })
    return view
  }

  private async checkDir(): Promise<void> {
    // A missing folder is more likely a missing mount than a first deploy: starting a new chain there
    // would silently reset the environment's history.
    const info = await stat(this.dir).catch(() => null)
    if (!info?.isDirectory()) {
      throw new UpstreamError('ledger', `the evidence-dir ${this.dir} does not exist or is not a folder`)
    }
  }

  private async withLock<T>(
    path: string,
    fn: (isCompromised: () => string | null) => Promise<T>
  ): Promise<{ result: T; attempts: number }> {
    let compromised: string | null = null
    const started = Date.now()
    let release: (() => Promise<void>) | null = null
    let attempts = 0
    while (release === null) {
      attempts += 1
      try {
        release = await lockfile.lock(path, {
          realpath: false,
          stale: this.staleMs,
          retries: 0,
          onCompromised: (error: Error) => {
            compromised = error.message
          }
        })
      } catch (error) {
        const code = (error as { code?: unknown }).code
        if (code !== 'ELOCKED')
          throw new UpstreamError('ledger', `cannot lock ${path}: ${getErrorMessage(error)}`)
        if (Date.now() - started > this.lockTimeoutMs) {
          throw new UpstreamError(
            'ledger',
            `${path} stayed locked by another writer for ${this.lockTimeoutMs} ms`
          )
        }
        const cap = Math.min(500, 10 * 2 ** Math.min(attempts, 6))
        await this.sleep(Math.round(cap / 4 + this.random() * cap * 0.75))
      }
    }
    try {
      return { result: await fn(() => compromised), attempts }
    } finally {
      await release().catch(() => undefined)
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UpstreamError('ledger', `cannot read ${path}: ${getErrorMessage(error)}`)
  }
}

async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
