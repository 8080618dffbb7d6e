import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { runGit } from './git.js'

/** The first commit of the ledger branch that did something other than append lines to ledger files. */
export interface HistoryViolation {
  commit: string
  /** The file it touched, when the violation is about one. */
  file: string | null
  message: string
}

export interface HistoryResult {
  commits: number
  violation: HistoryViolation | null
}

const LEDGER_PATH = /^ledger\/[^/]+\.jsonl$/
const COMMIT_MARK = '\u0001commit '
const REGULAR_FILE = /^100(644|755)$/

/** One version of a ledger file: the blob a commit left it as. */
export interface FileVersion {
  /** Index of the commit in the walk (0 = root). */
  index: number
  commit: string
  blob: string
}

/**
 * Walks the whole history of the checked-out branch of `repoDir`, oldest first, and finds the first commit
 * that did anything but append whole lines at the end of `ledger/*.jsonl` files: removed or changed a line,
 * inserted one before the end, deleted, renamed or re-moded a file, touched another file, or merged. That
 * catches what the hash chain alone cannot: a removed last record leaves no gap in the chain, but it leaves
 * a commit that removed a line. The root commit may also create other files (a README).
 *
 * No diffs are computed. `git log --raw` lists, per commit, the blob each file became; a file only ever
 * grew by appending iff every version of it is a prefix of its final version, ending at a line end, and the
 * versions grow. A version is checked by hashing that prefix of the final file as a git blob and comparing
 * the id git recorded. The cost is the sum of the versions' sizes (hashing at ~1.8 GB/s here), memory stays
 * flat. A last line written without its newline may get it from the next append.
 */
export async function checkAppendOnly(repoDir: string, env: Record<string, string>): Promise<HistoryResult> {
  const walk = new HistoryWalk()
  await streamTokens(
    repoDir,
    env,
    [
      'log',
      '--reverse',
      // The branch's own line of commits: a merge shows up as itself, not as the side line it brought in.
      '--first-parent',
      '--root',
      '--no-renames',
      '--raw',
      '--no-abbrev',
      '-z',
      '--format=%x01commit %H %P',
      'HEAD'
    ],
    token => walk.push(token)
  )
  if (walk.violation) return { commits: walk.commits, violation: walk.violation }
  const violation = await checkVersions(repoDir, env, walk.versions)
  return { commits: walk.commits, violation }
}

/**
 * The structural half of the walk, over the NUL-separated tokens of `git log --raw -z`: commits in a single
 * line without merges, and only ledger files added or modified (other files only in the root commit).
 * Collects each ledger file's versions for `checkVersions`.
 */
export class HistoryWalk {
  commits = 0
  violation: HistoryViolation | null = null
  /** By ledger path, in commit order. */
  readonly versions = new Map<string, FileVersion[]>()

  private commit = ''
  private previousCommit: string | null = null
  private isRoot = false
  private pending: { status: string; oldMode: string; newMode: string; blob: string } | null = null

  /** Feeds one token; returns false once a violation was found (nothing more needs reading). */
  push(token: string): boolean {
    if (this.violation) return false
    if (token.startsWith(COMMIT_MARK)) {
      this.startCommit(token.slice(COMMIT_MARK.length).trim().split(' '))
    } else if (this.pending) {
      this.entry(this.pending, token)
      this.pending = null
    } else {
      // `:<old mode> <new mode> <old blob> <new blob> <status>`, then the path as the next token.
      const raw = token.replace(/^\n/, '')
      const match = /^:(\d{6}) (\d{6}) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(raw)
      if (!match) {
        if (raw.trim() !== '')
          this.fail(`has a change git did not describe as expected ("${raw.slice(0, 40)}")`, null)
      } else {
        this.pending = {
          oldMode: match[1] as string,
          newMode: match[2] as string,
          blob: match[3] as string,
          status: match[4] as string
        }
      }
    }
    return this.violation === null
  }

  private fail(message: string, file: string | null): void {
    this.violation ??= { commit: this.commit, file, message }
  }

  private startCommit(fields: string[]): void {
    const [hash = '', ...parents] = fields.filter(f => f !== '')
    this.commit = hash
    this.commits += 1
    this.isRoot = parents.length === 0
    if (parents.length > 1)
      return this.fail('is a merge commit: the ledger branch is only ever fast-forwarded', null)
    if (this.isRoot && this.previousCommit !== null) return this.fail('is a second root commit', null)
    if (!this.isRoot && parents[0] !== this.previousCommit) {
      return this.fail('does not follow the previous commit: the history is not a single line', null)
    }
    this.previousCommit = hash
  }

  private entry(
    change: { status: string; oldMode: string; newMode: string; blob: string },
    path: string
  ): void {
    if (!LEDGER_PATH.test(path)) {
      if (!this.isRoot) this.fail(`changed ${path}, which is not a ledger file`, path)
      return
    }
    switch (change.status) {
      case 'A':
        if (!REGULAR_FILE.test(change.newMode))
          return this.fail(`created ${path} as something other than a regular file`, path)
        break
      case 'M':
        if (change.oldMode !== change.newMode) return this.fail(`changed the mode of ${path}`, path)
        break
      case 'D':
        return this.fail(`deleted ${path}`, path)
      case 'T':
        return this.fail(`changed the type of ${path}`, path)
      default:
        return this.fail(`changed ${path} in a way git calls "${change.status}"`, path)
    }
    const list = this.versions.get(path) ?? []
    list.push({ index: this.commits - 1, commit: this.commit, blob: change.blob })
    this.versions.set(path, list)
  }
}

/**
 * Checks each ledger file's versions against its final version: sizes grow, and each earlier version is a
 * prefix of the final one that ends at a line end (or just before the newline the next append adds).
 * Returns the violation of the earliest commit among the files, or null.
 */
async function checkVersions(
  repoDir: string,
  env: Record<string, string>,
  files: ReadonlyMap<string, FileVersion[]>
): Promise<HistoryViolation | null> {
  const sizes = await blobSizes(
    repoDir,
    env,
    [...files.values()].flatMap(list => list.map(v => v.blob))
  )
  const scratch = await mkdtemp(join(tmpdir(), 'deploy-gate-history-'))
  try {
    let first: (HistoryViolation & { index: number }) | null = null
    for (const [path, versions] of files) {
      const final = versions[versions.length - 1] as FileVersion
      const finalPath = join(scratch, 'final')
      await writeBlob(repoDir, env, final.blob, finalPath)
      const found = await checkFileVersions(path, versions, v => sizes.get(v.blob) ?? -1, finalPath)
      if (found && (first === null || found.index < first.index)) first = found
    }
    return first && { commit: first.commit, file: first.file, message: first.message }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** The check of one file's versions, given their sizes and the final version's bytes in `finalPath`. */
export async function checkFileVersions(
  path: string,
  versions: readonly FileVersion[],
  sizeOf: (version: FileVersion) => number,
  finalPath: string
): Promise<(HistoryViolation & { index: number }) | null> {
  const violation = (at: FileVersion, message: string) => ({
    commit: at.commit,
    index: at.index,
    file: path,
    message
  })
  for (let i = 1; i < versions.length; i += 1) {
    const before = versions[i - 1] as FileVersion
    const after = versions[i] as FileVersion
    if (sizeOf(after) <= sizeOf(before)) {
      return violation(
        after,
        `${sizeOf(after) < sizeOf(before) ? 'removed' : 'changed'} lines of ${path} (it went from ${sizeOf(before)} to ${sizeOf(after)} bytes)`
      )
    }
  }
  const handle = await open(finalPath, 'r')
  const buffer = Buffer.allocUnsafe(1 << 20)
  try {
    // The latest version that is not a prefix of the final one: the commit after it changed what was there.
    for (let i = versions.length - 2; i >= 0; i -= 1) {
      const version = versions[i] as FileVersion
      const next = versions[i + 1] as FileVersion
      const size = sizeOf(version)
      if (!(await isBlobPrefix(handle, size, version.blob, buffer))) {
        return violation(
          next,
          `changed or removed lines of ${path} that commit ${version.commit} had written`
        )
      }
      const around = Buffer.alloc(2)
      const { bytesRead } = await handle.read(around, 0, 2, Math.max(0, size - 1))
      const endsLine = size === 0 || around[0] === 10 || (bytesRead === 2 && around[1] === 10)
      if (!endsLine)
        return violation(
          next,
          `changed the unfinished last line of ${path} that commit ${version.commit} had written`
        )
    }
  } finally {
    await handle.close()
  }
  return null
}

/** Whether the first `size` bytes of the file are the blob `blob` (its git id, SHA-1 or SHA-256). */
async function isBlobPrefix(
  handle: Awaited<ReturnType<typeof open>>,
  size: number,
  blob: string,
  buffer: Buffer
): Promise<boolean> {
  const hash = createHash(blob.length === 64 ? 'sha256' : 'sha1').update(`blob ${size}\0`)
  for (let at = 0; at < size;) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - at), at)
    if (bytesRead === 0) return false
    hash.update(buffer.subarray(0, bytesRead))
    at += bytesRead
  }
  return hash.digest('hex') === blob
}

async function blobSizes(
  repoDir: string,
  env: Record<string, string>,
  blobs: string[]
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  const unique = [...new Set(blobs)]
  if (unique.length === 0) return sizes
  const out = await runGit(
    ['cat-file', '--batch-check=%(objectname) %(objectsize)'],
    env,
    repoDir,
    `${unique.join('\n')}\n`
  )
  for (const line of out.split('\n')) {
    const [name, size] = line.split(' ')
    if (name && size && /^\d+$/.test(size)) sizes.set(name, Number(size))
  }
  return sizes
}

function writeBlob(repoDir: string, env: Record<string, string>, blob: string, to: string): Promise<void> {
  const child = spawn('git', ['cat-file', 'blob', blob], {
    cwd: repoDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`git cat-file blob ${blob} exited with ${code}`))
    )
  })
  return Promise.all([pipeline(child.stdout, createWriteStream(to)), exited]).then(() => undefined)
}

/** Runs git and hands its NUL-separated stdout to `onToken`; false stops it (git is killed). */
function streamTokens(
  cwd: string,
  env: Record<string, string>,
  args: string[],
  onToken: (token: string) => boolean
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const err: Buffer[] = []
    let carry = ''
    let stopped = false
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (stopped) return
      const parts = (carry + chunk).split('\0')
      carry = parts.pop() ?? ''
      for (const part of parts) {
        if (!onToken(part)) {
          stopped = true
          child.kill()
          return
        }
      }
    })
    child.on('error', reject)
    child.on('close', code => {
      if (!stopped && carry !== '') onToken(carry)
      if (code === 0 || stopped) resolve()
      else reject(new Error(`git log exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`))
    })
  })
}
