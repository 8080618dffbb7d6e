import { isUtf8 } from 'node:buffer'
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from './io.js'

/** One environment's chain file: `ledger/<encodeURIComponent(environment)>.jsonl` (SPEC §5). */
export interface LedgerFile {
  environment: string
  /** Relative to the ledger root, with forward slashes: what messages show (`ledger/production.jsonl`). */
  name: string
  path: string
}

/** A file under `ledger/` that is not a chain file as SPEC §5 names them. */
export interface StrayFile {
  name: string
  problem: string
}

export interface LedgerListing {
  files: LedgerFile[]
  stray: StrayFile[]
}

/**
 * Lists the chain files under `<root>/ledger/`, sorted by environment. A `.jsonl` file whose name is not
 * exactly `encodeURIComponent` of what it decodes to is stray: two spellings of one environment (`a b`
 * and `a%20b`) would otherwise be two chains for the same environment.
 */
export async function listLedger(root: string, description = root): Promise<LedgerListing> {
  const dir = join(root, 'ledger')
  const info = await stat(dir).catch(() => null)
  if (!info?.isDirectory()) throw new UsageError(`no ledger/ folder in ${description}`)
  const files: LedgerFile[] = []
  const stray: StrayFile[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = `ledger/${entry.name}`
    if (!entry.isFile() || !entry.name.endsWith('.jsonl')) {
      stray.push({ name, problem: entry.isFile() ? 'not a .jsonl file' : 'not a file' })
      continue
    }
    const encoded = entry.name.slice(0, -'.jsonl'.length)
    let environment: string
    try {
      environment = decodeURIComponent(encoded)
    } catch {
      stray.push({ name, problem: 'the name is not percent-encoded correctly' })
      continue
    }
    if (environment === '' || encodeURIComponent(environment) !== encoded) {
      stray.push({ name, problem: `the name is not encodeURIComponent of an environment name` })
      continue
    }
    files.push({ environment, name, path: join(dir, entry.name) })
  }
  files.sort((a, b) => (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0))
  stray.sort((a, b) => (a.name < b.name ? -1 : 1))
  return { files, stray }
}

/** The file of one environment, or a usage error that lists the environments there are. */
export function selectEnvironment(listing: LedgerListing, environment: string | undefined): LedgerFile[] {
  if (environment === undefined) return listing.files
  const file = listing.files.find(f => f.environment === environment)
  if (!file) {
    const known = listing.files.map(f => JSON.stringify(f.environment)).join(', ') || 'none'
    throw new UsageError(
      `--environment: the ledger has no environment ${JSON.stringify(environment)} (it has: ${known})`
    )
  }
  return [file]
}

/** A line that cannot be a record: not UTF-8 (SPEC §5), or longer than any record can sensibly be. */
export class UnreadableLineError extends Error {
  override name = 'UnreadableLineError'
  readonly expected: string
  readonly found: string

  constructor(message: string, expected: string, found: string) {
    super(message)
    this.expected = expected
    this.found = found
  }
}

/** Bytes `[start, end)` of a file; `start` is the first byte of a line. */
export interface ByteRange {
  start: number
  end: number
}

/** Far above any real record (kilobytes), low enough that a file without newlines cannot exhaust memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024

/**
 * The lines of a file, one at a time, without holding the file: a ledger of any length is read in constant
 * memory. Splits on `\n` (a `\r` before it is JSON white space); a missing final newline is accepted. A line
 * that cannot be a record throws UnreadableLineError after the lines before it were yielded.
 */
export async function* readLines(
  path: string,
  range: ByteRange | null = null,
  maxLineBytes = MAX_LINE_BYTES
): AsyncGenerator<string> {
  let carry: Buffer | null = null
  const stream = createReadStream(path, {
    highWaterMark: 1 << 20,
    ...(range ? { start: range.start, end: range.end - 1 } : {})
  })
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk
    let start = 0
    let newline = bytes.indexOf(10, start)
    while (newline !== -1) {
      yield decodeLine(bytes, start, newline)
      start = newline + 1
      newline = bytes.indexOf(10, start)
    }
    carry = start < bytes.length ? bytes.subarray(start) : null
    if (carry && carry.length > maxLineBytes) {
      throw new UnreadableLineError(
        'the line is too long to be a record',
        `at most ${maxLineBytes} bytes`,
        `${carry.length} bytes without a newline`
      )
    }
  }
  if (carry) yield decodeLine(carry, 0, carry.length)
}

function decodeLine(bytes: Buffer, start: number, end: number): string {
  const text = bytes.toString('utf8', start, end)
  // Invalid bytes decode to U+FFFD; only then is the (rarer) exact check needed.
  if (text.includes('\ufffd') && !isUtf8(bytes.subarray(start, end)))
    throw new UnreadableLineError('the file is not valid UTF-8', 'UTF-8 text', 'bytes that are not UTF-8')
  return text
}
