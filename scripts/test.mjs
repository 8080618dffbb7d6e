// `npm test`: the whole proof that main is releasable, on the Node that npm put first on PATH (the
// pinned Node 24 from the `node` devDependency). Type-check, lint, prove dist/ is exactly a fresh
// build of src/, then run vitest; the last line is `N passed, M failed` for CI to read.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareDirs, buildDist } from './dist.mjs'

const only = process.argv.slice(2)
const results = []

function step(name, fn) {
  const started = Date.now()
  let ok
  try {
    ok = fn()
  } catch (error) {
    console.error(error)
    ok = false
  }
  results.push({ name, ok })
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

function sh(command, args) {
  const r = spawnSync(command, args, { stdio: 'inherit' })
  return r.status === 0
}

if (only.length === 0) {
  console.log(`node ${process.version}`)
  step('typecheck', () => sh('npx', ['tsc', '--noEmit']))
  step('lint', () => sh('npx', ['eslint', '.']))
  step('dist is a fresh build of src/', () => {
    const out = mkdtempSync(join(tmpdir(), 'deploy-gate-dist-'))
    try {
      buildDist(out)
      const diffs = compareDirs('dist', out)
      for (const d of diffs) console.error(`  dist/${d}`)
      if (diffs.length) console.error('dist/ differs from a fresh build: run `npm run build` and commit dist/.')
      return diffs.length === 0
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
}

const report = join(mkdtempSync(join(tmpdir(), 'deploy-gate-vitest-')), 'report.json')
spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only], {
  stdio: 'inherit'
})
let passed = 0
let failed = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests
  failed = json.numFailedTests
  for (const file of json.testResults) {
    if (file.status === 'failed' && file.assertionResults.every(a => a.status !== 'failed')) {
      console.error(`FAIL ${file.name}: ${file.message}`)
      failed += 1
    }
  }
} else {
  console.error('vitest wrote no report')
  failed += 1
}
for (const r of results) {
  if (r.ok) passed += 1
  else failed += 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
