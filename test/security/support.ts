/**
 * Helpers for the security tests: a webhook receiver that echoes what it was sent, and every place a run
 * writes to (stdout/stderr, GITHUB_OUTPUT, the job summary, the evidence file, the ledger and its git
 * history) gathered as text, so that a test can say "this string appears nowhere".
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ActionRun } from '../support/run-action.js'
import type { Stage } from '../support/stage.js'

export interface EchoingWebhook {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string
  received: number
  close(): Promise<void>
}

/** A webhook that answers `status` with a body quoting the request's URL and Authorization header. */
export async function startEchoingWebhook(status = 500): Promise<EchoingWebhook> {
  let received = 0
  const server: Server = createServer((req, res) => {
    received += 1
    req.resume()
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/plain' })
      res.end(
        `rejected ${req.method ?? ''} ${req.url ?? ''} with authorization: ${req.headers.authorization ?? ''}`
      )
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return received
    },
    close: () => new Promise<void>(done => server.close(() => done()))
  }
}

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push(readFileSync(path, 'utf8'))
  }
  return out
}

/** The ledger branch's history (messages, authors, committers) and content, when the store is git. */
function gitHistory(bare: string): string {
  try {
    return execFileSync(
      'git',
      ['--git-dir', bare, 'log', '--all', '-p', '--format=%H%n%an <%ae>%n%cn <%ce>%n%B'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
    )
  } catch {
    return ''
  }
}

export interface Written {
  /** stdout without the `::add-mask::` lines. */
  log: string
  stderr: string
  outputFile: string
  summary: string
  /** The evidence file(s) and anything else under RUNNER_TEMP. */
  runnerTemp: string
  /** Ledger files (file store) or the ledger branch's history with patches (git store). */
  ledger: string
}

export function written(run: ActionRun, stage: Stage): Written {
  const ledger = existsSync(join(stage.ledgerPath, 'HEAD'))
    ? gitHistory(stage.ledgerPath)
    : filesUnder(stage.ledgerPath).join('\n')
  return {
    log: run.stdout.replace(/^::add-mask::.*$/gm, ''),
    stderr: run.stderr,
    outputFile: Object.entries(run.outputs)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    summary: run.summary,
    runnerTemp: filesUnder(run.runnerTemp).join('\n'),
    ledger
  }
}

/** Names the places (of `written`) where `needle` appears. */
export function whereFound(w: Written, needle: string): string[] {
  return Object.entries(w)
    .filter(([, text]) => (text as string).includes(needle))
    .map(([place]) => place)
}

/** The values of the `::add-mask::` commands, in order, and whether each came before any other line. */
export function masks(stdout: string): { value: string; first: boolean }[] {
  const lines = stdout.split('\n').filter(l => l !== '')
  const firstOther = lines.findIndex(l => !l.startsWith('::add-mask::'))
  return lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.startsWith('::add-mask::'))
    .map(({ line, i }) => ({
      value: line.slice('::add-mask::'.length),
      first: firstOther === -1 || i < firstOther
    }))
}
