import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gitEnv, gitMessage, redactGitUrl, runGit, type GitFailure } from './git.js'
import { UsageError } from './io.js'

/** Where a ledger is read from: a folder that holds `ledger/`, or a fresh clone of the ledger branch. */
export interface LedgerSource {
  /** The folder that holds `ledger/`. */
  root: string
  /** For messages: the folder, or the branch and URL (without credentials). */
  description: string
  /** Set for `--git`: the clone whose branch history can be walked. */
  git: { repoDir: string; env: Record<string, string> } | null
  close(): Promise<void>
}

export interface SourceOptions {
  dir?: string
  git?: string
  branch?: string
}

/** The SPEC's default `evidence-branch`. */
export const DEFAULT_BRANCH = 'deploy-evidence'

/** A source that could not be opened for a reason other than the command line (network, missing branch). */
export class SourceError extends Error {
  override name = 'SourceError'
}

export async function openSource(
  options: SourceOptions,
  env: Readonly<Record<string, string | undefined>>
): Promise<LedgerSource> {
  if (options.dir !== undefined && options.git !== undefined)
    throw new UsageError('give either --dir or --git, not both')
  if (options.dir === undefined && options.git === undefined) {
    throw new UsageError(
      'name the ledger: --dir PATH (a folder holding ledger/) or --git URL [--branch NAME]'
    )
  }
  if (options.dir !== undefined) {
    if (options.branch !== undefined) throw new UsageError('--branch goes with --git, not with --dir')
    const root = resolve(options.dir)
    const info = await stat(root).catch(() => null)
    if (!info?.isDirectory()) throw new UsageError(`--dir: ${options.dir} is not a folder`)
    return { root, description: root, git: null, close: () => Promise.resolve() }
  }
  return cloneSource(options.git as string, options.branch ?? DEFAULT_BRANCH, env)
}

async function cloneSource(
  url: string,
  branch: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<LedgerSource> {
  if (url === '' || url.startsWith('-'))
    throw new UsageError(`--git: ${JSON.stringify(url)} is not a git URL`)
  const shown = `branch ${branch} of ${redactGitUrl(url)}`
  const tmp = await mkdtemp(join(env.TMPDIR ?? tmpdir(), 'deploy-gate-cli-'))
  const close = () => rm(tmp, { recursive: true, force: true })
  const repoDir = join(tmp, 'ledger')
  try {
    const check = await runGit(['check-ref-format', '--branch', branch], gitEnv(env, true)).catch(() => null)
    if (check === null) throw new UsageError(`--branch: ${JSON.stringify(branch)} is not a valid branch name`)
    // The user's git configuration applies to the clone (credential helpers, proxies); the full history of
    // the one branch is fetched, for the append-only walk.
    await runGit(
      ['clone', '--quiet', '--no-tags', '--single-branch', '--branch', branch, '--', url, repoDir],
      gitEnv(env, false)
    ).catch((error: Error & Partial<GitFailure>) => {
      if (error.exitCode === null || error.exitCode === undefined) {
        throw new SourceError(`cannot run git (is it installed?): ${error.message}`)
      }
      throw new SourceError(`cannot clone ${shown}: ${gitMessage(error.stderr ?? '', url)}`)
    })
    return { root: repoDir, description: shown, git: { repoDir, env: gitEnv(env, true) }, close }
  } catch (error) {
    await close()
    throw error
  }
}
