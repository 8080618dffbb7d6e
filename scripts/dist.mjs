// Building dist/ and comparing two builds: shared by `npm run build` checks and `npm test`.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export function buildDist(out) {
  // The action ships its source maps but does not register them at start-up: that costs 4–5 ms of every
  // run's cold start. `NODE_OPTIONS=--enable-source-maps` on the step maps a stack trace when one is wanted.
  // The CLI, run by hand, keeps the register.
  for (const [entry, dir, register] of [
    ['src/index.ts', out, false],
    ['src/cli/index.ts', join(out, 'cli'), true]
  ]) {
    const args = ['ncc', 'build', entry, '-o', dir, '--source-map', '--license', 'licenses.txt', '--quiet']
    if (!register) args.push('--no-source-map-register')
    const r = spawnSync('npx', args, { stdio: 'inherit' })
    if (r.status !== 0) throw new Error(`ncc build ${entry} failed`)
  }
}

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)]
  })
}

/** Paths (relative) that differ between two folders: missing on either side or with other bytes. */
export function compareDirs(a, b) {
  const left = new Set(listFiles(a))
  const right = new Set(listFiles(b))
  const diffs = []
  for (const f of new Set([...left, ...right])) {
    if (!left.has(f) || !right.has(f))
      diffs.push(`${f} (${left.has(f) ? 'not in the fresh build' : 'missing'})`)
    else if (!readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) diffs.push(`${f} (content differs)`)
  }
  return diffs.sort()
}
