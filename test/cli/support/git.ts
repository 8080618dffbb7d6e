/** Real git for the CLI tests: bare repositories as ledger remotes, and tampering through a work tree. */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { git } from '../../support/git.js'

export { bareRepo, git } from '../../support/git.js'

/** A work tree of `branch` of `remote` (created empty when the remote has no such branch). */
export function workTree(root: string, remote: string, branch: string, name = 'work'): string {
  const path = join(root, name)
  git(root, 'init', '--quiet', path)
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
