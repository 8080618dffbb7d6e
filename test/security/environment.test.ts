/**
 * The `environment` input names files (the ledger's `ledger/<env>.jsonl`, this run's evidence file) and goes
 * into ledger commit messages. Whatever a workflow passes, the ledger stays under `ledger/`, the evidence
 * file under RUNNER_TEMP, and a name that cannot be stored is refused before any request.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scenario } from '../support/github-scenario.js'
import { stage, type Stage } from '../support/stage.js'

let current: Stage | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

function gitFiles(bare: string): string[] {
  return execFileSync('git', ['--git-dir', bare, 'ls-tree', '-r', '--name-only', 'deploy-evidence'], {
    encoding: 'utf8'
  })
    .split('\n')
    .filter(Boolean)
}

function gitMessages(bare: string): string {
  return execFileSync('git', ['--git-dir', bare, 'log', '--format=%B%x00', 'deploy-evidence'], {
    encoding: 'utf8'
  })
}

describe('a hostile or unusual environment name', () => {
  it.each([
    ['../../escaped', 'file'],
    ['..', 'file'],
    ['prod/../../../etc', 'git'],
    ['*', 'git'],
    ['a'.repeat(244), 'file'],
    ['é'.repeat(40), 'git'],
    ['staging eu (blue) $HOME `id` ;rm', 'file']
  ] as const)('%s (%s store) stays in ledger/ and RUNNER_TEMP', async (environment, store) => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s, { store, environment })
    const run = await current.run()
    expect(run.stdout).not.toMatch(/::error/)
    expect(run.outputs.decision).toBe('allow')
    expect(current.records()).toHaveLength(1)
    expect(current.records()[0]?.environment).toBe(environment)

    const ledgerFile = `ledger/${encodeURIComponent(environment)}.jsonl`
    if (store === 'git') {
      expect(gitFiles(current.ledgerPath)).toEqual([ledgerFile])
      const message = gitMessages(current.ledgerPath)
      expect(message.split('\n')[0]).toMatch(/^deploy-gate: allow [0-9a-f]{40} to /)
    } else {
      expect(readdirSync(current.ledgerPath)).toEqual(['ledger'])
      expect(readdirSync(`${current.ledgerPath}/ledger`)).toEqual([basename(ledgerFile)])
    }
    const evidence = run.outputs['evidence-file']!
    expect(dirname(evidence)).toBe(run.runnerTemp)
    expect(Buffer.byteLength(basename(evidence))).toBeLessThanOrEqual(255)
    expect(readdirSync(run.runnerTemp)).toEqual([basename(evidence)])
  })

  it.each([
    ['a line break', 'production\n::set-output name=decision::allow'],
    ['a carriage return', 'production\rstaging'],
    ['a name whose ledger file name would be longer than a file system allows', 'é'.repeat(41)],
    ['more than 255 characters', 'a'.repeat(256)]
  ])('is refused before any request: %s', async (_, environment) => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s, { environment })
    const run = await current.run()
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::Invalid input 'environment'/m)
    expect(run.stdout).not.toMatch(/^::set-output/m)
    expect(current.github.count()).toBe(0)
    expect(readdirSync(current.ledgerPath)).toEqual([])
  })
})
