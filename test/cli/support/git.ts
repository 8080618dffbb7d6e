/** Real git for the CLI tests: bare repositories as ledger remotes, and tampering through a work tree. */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'tester',
  GIT_AUTHOR_EMAIL: 'tester@example.test',
  GIT_COMMITTER_NAME: 'tester',
  GIT_COMMITTER_EMAIL: 'tester@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
  LC_ALL: 'C'
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export function bareRepo(root: string, name = 'evidence.git'): string {
  const path = join(root, name)
  execFileSync('git', ['init', '--quiet', '--bare', path], { env: ENV })
  return path
}

/** A work tree of `branch` of `remote` (created empty when the remote has no such branch). */
export function workTree(root: string, remote: string, branch: string, name = 'work'): string {
  const path = join(root, name)
  execFileSync('git', ['init', '--quiet', path], { env: ENV })
  git(path, 'remote', 'add', 'origin', remote)
  const has = git(remote, 'for-each-ref', `refs/heads/${branch}`).trim() !== ''
  if (has) {
    git(path, 'fetch', '--quiet', 'origin', branch)
    git(path, 'checkout', '--quiet', '-b', branch, `origin/${branch}`)
  } else {
    git(path, 'checkout', '--quiet', '-b', branch)
  }
  return path
}

export function commitAll(tree: string, message: string): void {
  git(tree, 'add', '-A')
  git(tree, 'commit', '--quiet', '--allow-empty', '-m', message)
}

export function push(tree: string, branch: string, force = false): void {
  git(tree, 'push', '--quiet', ...(force ? ['--force'] : []), 'origin', branch)
}

export function writeIn(tree: string, path: string, text: string): void {
  mkdirSync(dirname(join(tree, path)), { recursive: true })
  writeFileSync(join(tree, path), text)
}

export function appendIn(tree: string, path: string, text: string): void {
  mkdirSync(dirname(join(tree, path)), { recursive: true })
  appendFileSync(join(tree, path), text)
}

export function readIn(tree: string, path: string): string {
  return readFileSync(join(tree, path), 'utf8')
}
