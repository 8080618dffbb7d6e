/**
 * The bundle runs on the runner's Node 24 (the other e2e tests) and also on Node 20, the Node of this kind
 * of machine and of older self-hosted runners: dist/ must not use anything newer than both have.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scenario } from '../support/github-scenario.js'
import { ROOT } from '../support/run-action.js'
import { codes, stage, type Stage } from '../support/stage.js'

const NODE20 = ['/usr/bin/node', '/usr/local/bin/node'].find(
  path => existsSync(path) && execFileSync(path, ['--version'], { encoding: 'utf8' }).startsWith('v20.')
)

let current: Stage | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

describe.skipIf(NODE20 === undefined && !process.env.CI)('dist/ on Node 20', () => {
  it('has a Node 20 to run on in CI', () => {
    expect(NODE20).toBeDefined()
  })

  it('decides and records with the git store', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['alice'] })
    current = await stage(s, { store: 'git' })
    const run = await current.run({}, {}, { node: NODE20! })
    expect(run.stderr).toBe('')
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['self-approval'])
    expect(current.records()).toHaveLength(1)
  })

  it('runs the CLI', () => {
    const out = execFileSync(NODE20!, [join(ROOT, 'dist', 'cli', 'index.js'), '--help'], { encoding: 'utf8' })
    expect(out).toContain('verify')
  })
})
