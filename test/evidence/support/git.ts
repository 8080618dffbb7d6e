/**
 * Real git for the ledger tests: bare repositories as remotes, reading what a remote holds, and
 * tampering with a ledger the way someone with push access would (a new commit, fast-forwarded).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { git, removeDir, tempDir } from '../../support/git.js'

export { bareRepo, fileUrl, git, removeDir, tempDir } from '../../support/git.js'

export function branchExists(bare: string, branch: string): boolean {
  return git(bare, 'for-each-ref', `refs/heads/${branch}`).trim() !== ''
}

export function tipOf(bare: string, branch: string): string {
  return git(bare, 'rev-parse', `refs/heads/${branch}`).trim()
}

/** The file's content at the branch tip. */
export function readAtTip(bare: string, branch: string, path: string): string {
  return git(bare, 'show', `refs/heads/${branch}:${path}`)
}

export interface CommitInfo {
  sha: string
  parents: string[]
  author: string
  subject: string
  /** [added, deleted, path] per changed file. */
  changes: Array<[number, number, string]>
}

/** The branch history, newest first. */
export function history(bare: string, branch: string): CommitInfo[] {
  const out = git(
    bare,
    'log',
    '--format=%x00%H%x01%P%x01%an <%ae>%x01%s',
    '--numstat',
    `refs/heads/${branch}`
  )
  return out
    .split('\u0000')
    .filter(Boolean)
    .map(chunk => {
      const [head, ...rest] = chunk.split('\n')
      const [sha = '', parents = '', author = '', subject = ''] = (head ?? '').split('\u0001')
      const changes = rest
        .filter(l => l.trim() !== '')
        .map(l => l.split('\t'))
        .map(([a, d, p]) => [Number(a), Number(d), p ?? ''] as [number, number, string])
      return { sha, parents: parents.split(' ').filter(Boolean), author, subject, changes }
    })
}

/**
 * Pushes a commit to `branch` of `bare` that sets `path` to `edit(current)`: what someone with push
 * access does to the ledger (a fast-forward, so only the chain itself can tell).
 */
export function rewriteFile(
  bare: string,
  branch: string,
  path: string,
  edit: (current: string) => string
): void {
  const work = tempDir('deploy-gate-tamper-')
  try {
    const exists = branchExists(bare, branch)
    if (exists) git(work, 'clone', '--quiet', '--branch', branch, bare, 'w')
    else {
      git(work, 'init', '--quiet', 'w')
      git(join(work, 'w'), 'checkout', '--quiet', '--orphan', branch)
    }
    const dir = join(work, 'w')
    const file = join(dir, path)
    let current = ''
    try {
      current = readFileSync(file, 'utf8')
    } catch {
      current = ''
    }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, edit(current))
    git(dir, 'add', '--all')
    git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'edit the ledger by hand')
    git(dir, 'push', '--quiet', bare, `HEAD:refs/heads/${branch}`)
  } finally {
    removeDir(work)
  }
}
