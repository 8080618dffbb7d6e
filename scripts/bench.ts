/**
 * `npm run bench`: the figures the issues ask for, measured on this machine.
 *
 * - GitHub: requests and wall time of one gate run (the bundled dist/index.js, as the runner starts it)
 *   for change sets of 1, 10 and 50 pull requests, with a fixed delay injected into every stand-in answer.
 * - The bundle: size of what a run loads, and cold start (median `node dist/index.js` to exit, on input
 *   validation) against bare `node -e 0`.
 * - The ledger: append latency of one writer, total time and retries of 8 concurrent writers.
 * - Jira: requests per decision for 1, 10 and 50 tickets.
 * - The CLI: `deploy-gate verify` over a 100,000-record ledger.
 *
 * Each figure is printed; targets are checked and a miss sets a non-zero exit code (bench is not a test:
 * it is run by hand and its figures go in the notes).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scenario } from '../test/support/github-scenario.js'
import { NODE24, ROOT } from '../test/support/run-action.js'
import { stage } from '../test/support/stage.js'
import { benchJira, formatJiraBench, JIRA_REQUEST_TARGET } from './bench-jira.js'
import { benchLedger } from './bench-ledger.js'

const DELAY_MS = 50
const GITHUB_REQUEST_TARGET = 3
const misses: string[] = []

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

async function benchGitHub(
  prs: number
): Promise<{ requests: Record<string, number>; total: number; ms: number; decision: string }> {
  const s = scenario()
  const since = s.head()
  for (let i = 0; i < prs; i++) {
    s.pullRequest({
      author: `dev${i % 7}`,
      title: `Change ${i + 1}`,
      approvals: [`reviewer${i % 5}`],
      commits: 1 + (i % 3)
    })
  }
  const gate = await stage(s)
  try {
    // Warm the stand-in (it builds GitHub's schema on first use) so that only the gate is measured.
    await gate.run({ environment: 'warm-up', 'since-sha': since })
    gate.github.resetRequests()
    gate.github.setDelay(DELAY_MS)
    const run = await gate.run({ 'since-sha': since })
    const requests: Record<string, number> = {}
    for (const r of gate.github.requests) requests[r.route] = (requests[r.route] ?? 0) + 1
    return {
      requests,
      total: gate.github.requests.length,
      ms: run.durationMs,
      decision: run.outputs.decision ?? '?'
    }
  } finally {
    await gate.close()
  }
}

function startupMs(args: string[], runs = 21): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    spawnSync(NODE24, args, { stdio: 'ignore', env: { PATH: process.env.PATH } })
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(times)
}

function sizeOf(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`

console.log(
  `deploy-gate benchmarks (Node ${spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim()})\n`
)

console.log(`GitHub, one gate run through dist/index.js, ${DELAY_MS} ms injected per stand-in answer:`)
for (const prs of [1, 10, 50]) {
  const r = await benchGitHub(prs)
  const routes = Object.entries(r.requests)
    .map(([route, n]) => `${n}× ${route}`)
    .join(', ')
  console.log(
    `  ${String(prs).padStart(2)} PRs: ${r.total} requests (${routes}), ${r.ms} ms wall, decision ${r.decision}`
  )
  if (prs === 50 && r.total > GITHUB_REQUEST_TARGET)
    misses.push(`GitHub requests for 50 PRs: ${r.total} > ${GITHUB_REQUEST_TARGET}`)
}

const entry = join(ROOT, 'dist', 'index.js')
const floorDir = mkdtempSync(join(tmpdir(), 'deploy-gate-core-floor-'))
spawnSync('npx', ['ncc', 'build', join(ROOT, 'scripts', 'core-floor.mjs'), '-o', floorDir, '--quiet'], {
  cwd: ROOT
})
const bare = startupMs(['-e', '0'])
const floorEntry = join(floorDir, 'index.mjs') // ncc names an .mjs entry's bundle index.mjs
if (!existsSync(floorEntry)) throw new Error(`ncc did not build ${floorEntry}`)
const floor = startupMs([floorEntry])
const cold = startupMs([entry])
rmSync(floorDir, { recursive: true, force: true })
console.log('\nBundle:')
console.log(
  `  dist/index.js ${kb(statSync(entry).size)}; dist/ ${kb(sizeOf(join(ROOT, 'dist')))} in all (lazily loaded chunks included)`
)
console.log(
  `  cold start (to exit on input validation): ${cold.toFixed(0)} ms; bare node -e 0: ${bare.toFixed(0)} ms; ratio ${(cold / bare).toFixed(2)}×`
)
console.log(
  `  floor: a bundle of @actions/core alone (patched), failing the step: ${floor.toFixed(0)} ms (${(floor / bare).toFixed(2)}× bare)`
)
if (cold > 2 * bare) misses.push(`cold start ${(cold / bare).toFixed(2)}× bare node (target ≤ 2×)`)

console.log('\nLedger (git store, bare repository over file://):')
const ledger = await benchLedger()
const single = ledger.singleWriter
console.log(
  `  one writer: median ${single.medianMs.toFixed(0)} ms per append (p95 ${single.p95Ms.toFixed(0)} ms, ${single.appends} appends)`
)
const c = ledger.concurrent
console.log(
  `  ${c.writers} concurrent writers: ${c.totalMs.toFixed(0)} ms total, ${c.retries} retries, at most ${c.maxAttempts} attempts by one writer, ${c.records} records, chain ${c.intact ? 'intact' : 'BROKEN'}`
)
if (!c.intact || c.records !== c.writers) misses.push('concurrent ledger writers lost or broke records')

console.log('\nJira:')
const jira = await benchJira()
console.log(formatJiraBench(jira).replace(/^/gm, '  '))
if (jira.some(r => r.requests > JIRA_REQUEST_TARGET)) misses.push('Jira requests per decision above target')

try {
  const { benchCli, formatCliBench } = (await import('./bench-cli.js')) as {
    benchCli: () => Promise<unknown>
    formatCliBench: (r: unknown) => string
  }
  console.log('\nCLI:')
  console.log(formatCliBench(await benchCli()).replace(/^/gm, '  '))
} catch (error) {
  misses.push(`CLI benchmark did not run: ${(error as Error).message}`)
}

console.log(
  misses.length ? `\nMissed targets:\n${misses.map(m => `  - ${m}`).join('\n')}` : '\nAll targets met.'
)
process.exitCode = misses.length ? 1 : 0
