/**
 * Runs the bundled action exactly as the GitHub runner does: `node dist/index.js` on Node 24 with every input
 * as an `INPUT_<NAME>` variable, the runner's variables, and real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 * Used by the end-to-end tests, the demo and the benchmark (so: no vitest import here).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** The pinned Node 24 from the `node` devDependency: the runtime `runs.using: node24` gives the action. */
export const NODE24 = join(ROOT, 'node_modules', '.bin', 'node')

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::error ...::message` lines the action printed, as written. */
  errors: string[]
  warnings: string[]
  runnerTemp: string
  durationMs: number
}

export interface RunActionOptions {
  inputs: Record<string, string | number | boolean>
  /** Runner variables to set or override (GITHUB_API_URL, GITHUB_GRAPHQL_URL, GITHUB_REPOSITORY...). */
  env?: Record<string, string | undefined>
  entry?: string
  /** The Node binary; default the pinned Node 24. */
  node?: string
  timeoutMs?: number
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` blocks and `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name!] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const work = mkdtempSync(join(tmpdir(), 'deploy-gate-run-'))
  const outputFile = join(work, 'output')
  const summaryFile = join(work, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const runnerTemp = join(work, 'runner-temp')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? work,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_ACTOR: 'deployer',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value)
  }
  mkdirSync(runnerTemp, { recursive: true })

  const started = Date.now()
  const child = spawn(options.node ?? NODE24, [options.entry ?? join(ROOT, 'dist', 'index.js')], {
    env,
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const code = await new Promise<number>(done => child.on('close', c => done(c ?? -1)))
  clearTimeout(timeout)
  const lines = stdout.split('\n')
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    errors: lines.filter(l => l.startsWith('::error')),
    warnings: lines.filter(l => l.startsWith('::warning')),
    runnerTemp,
    durationMs: Date.now() - started
  }
}
