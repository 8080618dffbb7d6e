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
export async function listLedger(root: string): Promise<LedgerListing> {
  const dir = join(root, 'ledger')
  const info = await stat(dir).catch(() => null)
  if (!info?.isDirectory()) throw new UsageError(`no ledger/ folder in ${root}`)
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

/**
 * The lines of a file, one at a time, without holding the file: a ledger of any length is read in constant
 * memory. Splits on `\n` (a `\r` before it is JSON whitespace); a missing final newline is accepted.
 * Bytes that are not UTF-8 throw a TypeError (SPEC §5: the ledger is UTF-8).
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let carry = ''
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const text = carry + decoder.decode(chunk, { stream: true })
    let start = 0
    let newline = text.indexOf('\n')
    while (newline !== -1) {
      yield text.slice(start, newline)
      start = newline + 1
      newline = text.indexOf('\n', start)
    }
    carry = text.slice(start)
  }
  carry += decoder.decode()
  if (carry !== '') yield carry
}
