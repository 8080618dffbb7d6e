import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aRecord, at, chain, removeDir, runCli, sha, tempDir, writeLedger } from './support/ledger.js'

const ROOT = join(import.meta.dirname, '..', '..')
const FOREIGN = join(import.meta.dirname, 'fixtures', 'foreign-ledger')

describe('deploy-gate (the command line)', () => {
  it.each([
    [
      ['--help'],
      /Usage: deploy-gate \[options\] \[command\][\s\S]*verify \[options\][\s\S]*export \[options\][\s\S]*findings \[options\]/
    ],
    [
      ['verify', '--help'],
      /Usage: deploy-gate verify \[options\][\s\S]*--dir <path>[\s\S]*--git <url>[\s\S]*--branch <name>/
    ],
    [
      ['export', '--help'],
      /Usage: deploy-gate export \[options\][\s\S]*--since <date>[\s\S]*--include-blocked[\s\S]*--format <format>[\s\S]*\(choices: "csv", "jsonl", "md", "html"\)/
    ],
    [
      ['findings', '--help'],
      /Usage: deploy-gate findings \[options\][\s\S]*--now <date>[\s\S]*--github-token <token>[\s\S]*--github-api-url <url>/
    ],
    [['help', 'export'], /Usage: deploy-gate export/]
  ])('prints help for %j (exit 0)', async (args, text) => {
    const run = await runCli(args)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(text)
  })

  it.each([
    [[], /Usage: deploy-gate/],
    [['audit'], /unknown command 'audit'/],
    [['verify', '--dir', FOREIGN, '--bogus'], /unknown option '--bogus'/],
    [['verify', '--dir', FOREIGN, 'extra'], /too many arguments for 'verify'/],
    [
      ['verify', '--dir', FOREIGN, '--git', 'file:///x.git'],
      /option '--dir <path>' cannot be used with option '--git <url>'/
    ],
    [['verify', '--dir', FOREIGN, '--branch', 'b'], /--branch goes with --git, not with --dir/],
    [['verify'], /name the ledger: --dir PATH/],
    [['verify', '--dir', '/nonexistent/ledger'], /--dir: \/nonexistent\/ledger is not a folder/],
    [
      ['verify', '--git', '--upload-pack=touch /tmp/x'],
      /--git: "--upload-pack=touch \/tmp\/x" is not a git URL/
    ],
    [['verify', '--dir', FOREIGN, '--format', 'yaml'], /argument 'yaml' is invalid/]
  ])('is a usage error (exit 2): %j', async (args, message) => {
    const run = await runCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('runs as a program from its source entry point, with the exit code of the command', () => {
    const node = join(ROOT, 'node_modules', '.bin', 'node')
    const cli = (...args: string[]) =>
      spawnSync(node, ['--import', './scripts/ts-hooks.mjs', 'src/cli/index.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8'
      })
    const ok = cli('verify', '--dir', FOREIGN)
    expect(ok.stdout).toContain('INTACT: 2 environments, 5 records.')
    expect(ok.status).toBe(0)
    const found = cli('findings', '--dir', FOREIGN, '--now', '2024-07-01')
    expect(found.stdout).toContain('[follow-up-missing] "production" seq 3')
    expect(found.status).toBe(1)
    expect(cli('export', '--dir', FOREIGN).status).toBe(2)
  })

  it('stops quietly (exit 0) when the reader of its output goes away, as with `| head`', async () => {
    const dir = tempDir()
    try {
      writeLedger(dir, {
        production: chain(Array.from({ length: 3000 }, (_, i) => aRecord({ decidedAt: at(i), sha: sha(i) })))
      })
      const child = spawn(
        join(ROOT, 'node_modules', '.bin', 'node'),
        ['--import', './scripts/ts-hooks.mjs', 'src/cli/index.ts', 'export', '--dir', dir, '--format', 'csv'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
      )
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.stdout.once('data', () => child.stdout.destroy())
      const code = await new Promise<number | null>(resolve => child.on('close', resolve))
      expect(stderr).not.toContain('EPIPE')
      expect(code).toBe(0)
    } finally {
      removeDir(dir)
    }
  })
})
