/** Real git for tests: a fixed identity and environment, bare repositories, temporary folders. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'tester',
  GIT_AUTHOR_EMAIL: 'tester@example.test',
  GIT_COMMITTER_NAME: 'tester',
  GIT_COMMITTER_EMAIL: 'tester@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C'
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export function tempDir(prefix = 'deploy-gate-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** An empty bare repository; returns its path. */
export function bareRepo(root: string, name = 'evidence.git'): string {
  const path = join(root, name)
  execFileSync('git', ['init', '--quiet', '--bare', path], { env: GIT_ENV })
  return path
}

export function fileUrl(path: string): string {
  return `file://${path}`
}
