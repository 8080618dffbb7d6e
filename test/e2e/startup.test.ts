/**
 * The action's start-up path stays light: `node dist/index.js` reads and checks its inputs, and fails the
 * step on a bad one, without loading Node's network clients, compression or child processes. Those load
 * with the adapters that need them (lazy chunks), so a run pays for them only once it makes a request.
 *
 * This is the regression guard for the cold-start figure `npm run bench` reports: a static import of any
 * adapter, or of a library that pulls one in (`@actions/core` did, through its OIDC client: see
 * patches/), shows up here as a module loaded at start.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/run-action.js'

const HEAVY = ['http', 'https', 'http2', 'tls', 'zlib', 'dns', 'child_process', 'worker_threads']

/**
 * Runs `entry` (default dist/index.js) as the runner does, with a preload that writes the built-in modules
 * loaded by the time the process exits.
 */
async function builtinsLoadedBy(inputs: Record<string, string>, entry?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-startup-'))
  const hook = join(dir, 'hook.mjs')
  const list = join(dir, 'modules.txt')
  writeFileSync(
    hook,
    `import { writeFileSync } from 'node:fs'
process.on('exit', () => writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')))
`
  )
  const run = await runAction({ inputs, entry, env: { NODE_OPTIONS: `--import=${hook}` } })
  const loaded = readFileSync(list, 'utf8')
    .split('\n')
    .filter(line => line.startsWith('NativeModule '))
    .map(line => line.slice('NativeModule '.length))
  return { run, loaded }
}

describe('start-up', () => {
  it('fails a bad input without loading network, compression or child-process modules', async () => {
    const { run, loaded } = await builtinsLoadedBy({
      environment: 'production',
      sha: 'a'.repeat(40),
      token: 'ghs_start_up_test_token',
      mode: 'sometimes'
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain("'mode'")
    // The preload saw the action's own modules load (the list is real, not empty).
    expect(loaded).toContain('fs')
    expect(loaded).toContain('crypto')
    expect(loaded.filter(name => HEAVY.includes(name))).toEqual([])
  })

  it('is measured by a probe that does see those modules when something loads them', async () => {
    // The same probe on a script that imports node:https: the guard above is able to fail.
    const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-startup-probe-'))
    const script = join(dir, 'probe.mjs')
    writeFileSync(script, "import 'node:https'\n")
    const { loaded } = await builtinsLoadedBy({}, script)
    expect(loaded).toEqual(expect.arrayContaining(['https', 'tls']))
  })
})
