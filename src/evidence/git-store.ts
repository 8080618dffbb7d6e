import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { getExecOutput } from '@actions/exec'
import { LedgerIntegrityError, UpstreamError, getErrorMessage } from '../errors.js'
import { chainRecord } from './hash.js'
import {
  EMPTY_VIEW,
  ledgerFile,
  serializeRecord,
  verifyLedgerText,
  type AppendResult,
  type LedgerStore,
  type LedgerView
} from './ledger.js'
import { redactUrl, scrubSecrets } from './redact.js'
import type { EvidenceRecord, UnchainedRecord } from './record.js'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs `git <args>`; never echoes the command or its output. Resolves with any exit code. */
export type GitRunner = (
  args: readonly string[],
  options: { env: Record<string, string>; input?: string }
) => Promise<GitResult>

export interface GitStoreConfig {
  /** git URL of the ledger repository: https (token as a header), file:// or a path. */
  remote: string
  branch: string
  /** Empty: no Authorization header (a file remote, or a public one for reading). */
  token: string
}

export interface GitStoreDeps {
  runGit?: GitRunner
  /** Masks a value in the runner's log (core.setSecret). */
  setSecret?: (secret: string) => void
  sleep?: (ms: number) => Promise<void>
  /** [0, 1): the jitter of the backoff. */
  random?: () => number
  /** Attempts for one append when pushes are rejected by concurrent writers. Default 10. */
  maxAttempts?: number
  /** Attempts when the remote cannot be reached (network blips). Default 3. */
  maxTransportAttempts?: number
  /** Backoff before retry n (1-based) is random() * min(maxDelayMs, baseDelayMs * 2^(n-1)). */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Where the scratch repositories go. Default: the OS temp folder. */
  tmpDir?: string
}

/** GIT_CONFIG_COUNT (config through the environment) needs git 2.31. */
const MIN_GIT: readonly [number, number] = [2, 31]
const TIP_REF = 'refs/ledger/tip'
const MISSING_BRANCH = /couldn't find remote ref/i
/** A concurrent writer got there first: re-read the tip, re-chain, retry. */
const PUSH_RACE =
  /non-fast-forward|fetch first|cannot lock ref|stale info|incorrect old value|failed to update ref|failed to lock|but expected/i
/** Retrying will not help: credentials, permissions, or the repository itself. */
const FATAL =
  /returned error: (401|403|404)|authentication failed|permission to .* denied|could not read (username|password)|does not appear to be a git repository|repository not found|repository '[^']*' not found|terminal prompts disabled|protected branch|declined|GH006|GH013/i

const AUTH =
  /returned error: (401|403)|authentication failed|permission to .* denied|could not read (username|password)|repository not found/i

type Outcome = { kind: 'ok' } | { kind: 'race'; detail: string } | { kind: 'transport'; detail: string }

/**
 * The `git` evidence store (SPEC §5): the ledger is `ledger/<env>.jsonl` on a branch of `remote`.
 *
 * Works in a scratch bare repository of its own, so the job needs no checkout: fetch only the ledger
 * branch at depth 1, verify the environment's file, build the new blob/tree/commit with plumbing, and
 * push without force. A rejected push (a concurrent deploy appended first) re-fetches, re-verifies and
 * re-chains before trying again, with jittered exponential backoff, a bounded number of times.
 *
 * The token never appears on a command line: it reaches git as `http.extraheader` through
 * GIT_CONFIG_COUNT/KEY/VALUE environment variables (not visible in `ps` or in @actions/exec's echo),
 * it is masked with core.setSecret, and it is scrubbed from every message built from git's output.
 */
export function createGitStore(
  config: GitStoreConfig,
  identity: { actor: string },
  deps: GitStoreDeps = {}
): LedgerStore {
  return new GitStore(config, identity, deps)
}

class GitStore implements LedgerStore {
  private readonly config: GitStoreConfig
  private readonly runGit: GitRunner
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly maxAttempts: number
  private readonly maxTransportAttempts: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number
  private readonly tmpDir: string
  private readonly secrets: string[]
  private readonly baseEnv: Record<string, string>
  private readonly author: { name: string; email: string }
  private checked: Promise<void> | null = null
  /**
   * The last chain read and verified per environment, by ledger commit: a run reads the ledger, then
   * appends, and a commit id fixes the content, so the file is only listed, loaded and verified again when
   * someone else wrote in between.
   */
  private readonly verified = new Map<string, { view: LedgerView; text: string; tipCommit: string }>()

  constructor(config: GitStoreConfig, identity: { actor: string }, deps: GitStoreDeps) {
    this.config = config
    this.runGit = deps.runGit ?? defaultRunGit
    this.sleep = deps.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
    this.random = deps.random ?? Math.random
    this.maxAttempts = deps.maxAttempts ?? 10
    this.maxTransportAttempts = deps.maxTransportAttempts ?? 3
    this.baseDelayMs = deps.baseDelayMs ?? 100
    this.maxDelayMs = deps.maxDelayMs ?? 2000
    this.tmpDir = deps.tmpDir ?? tmpdir()
    const basic = config.token
      ? Buffer.from(`x-access-token:${config.token}`, 'utf8').toString('base64')
      : null
    const header = basic === null ? null : `AUTHORIZATION: basic ${basic}`
    this.secrets = basic === null ? [] : [config.token, basic]
    const setSecret = deps.setSecret ?? core.setSecret
    for (const secret of this.secrets) setSecret(secret)
    this.baseEnv = gitEnvironment(process.env, header)
    this.author = commitIdentity(identity.actor)
  }

  describe(environment: string): string {
    return `${ledgerFile(environment)} on branch ${this.config.branch} of ${redactUrl(this.config.remote)}`
  }

  async read(environment: string): Promise<LedgerView> {
    return this.withScratch(async gitDir => {
      for (let attempt = 1; ; attempt += 1) {
        const fetched = await this.fetchTip(gitDir)
        if (fetched.kind === 'ok') return (await this.readChain(gitDir, environment)).view
        if (attempt >= this.maxTransportAttempts) throw this.unreachable(fetched.detail)
        await this.sleep(this.backoff(attempt))
      }
    })
  }

  async append(environment: string, build: (view: LedgerView) => UnchainedRecord): Promise<AppendResult> {
    return this.withScratch(async gitDir => {
      let transportFailures = 0
      let lastRace = ''
      // A push whose answer was lost may have landed: found on the next read, it is not appended twice.
      let unconfirmed: { record: EvidenceRecord; commit: string } | null = null
      for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
        if (attempt > 1) await this.sleep(this.backoff(attempt - 1))
        const fetched = await this.fetchTip(gitDir)
        if (fetched.kind === 'transport') {
          transportFailures += 1
          if (transportFailures >= this.maxTransportAttempts) throw this.unreachable(fetched.detail)
          continue
        }
        const { view, text, tipCommit } = await this.readChain(gitDir, environment)
        if (unconfirmed && text.includes(`"id":"${unconfirmed.record.id}"`)) {
          return { record: unconfirmed.record, attempts: attempt - 1, commit: unconfirmed.commit }
        }
        unconfirmed = null
        const record = chainRecord(build(view), view.tip)
        const line = serializeRecord(record, environment)
        const separator = text !== '' && !text.endsWith('\n') ? '\n' : ''
        const content = `${text}${separator}${line}\n`
        const commit = await this.commitAppend(gitDir, environment, tipCommit, content, record)
        const pushed = await this.push(gitDir, commit)
        if (pushed.kind === 'ok') return { record, attempts: attempt, commit }
        if (pushed.kind === 'race') {
          lastRace = pushed.detail
          continue
        }
        unconfirmed = { record, commit }
        transportFailures += 1
        if (transportFailures >= this.maxTransportAttempts) throw this.unreachable(pushed.detail, 'push to')
      }
      throw new UpstreamError(
        'ledger',
        `could not append to ${this.describe(environment)}: the push was rejected ${this.maxAttempts} times ` +
          `by concurrent writers (last: ${lastRace})`
      )
    })
  }

  /** One scratch repository per operation, removed afterwards whatever happens. */
  private async withScratch<T>(fn: (gitDir: string) => Promise<T>): Promise<T> {
    await (this.checked ??= this.checkGit())
    const dir = await mkdtemp(join(this.tmpDir, 'deploy-gate-ledger-'))
    try {
      const gitDir = join(dir, 'ledger.git')
      await this.git(['init', '--bare', '--quiet', gitDir])
      return await fn(gitDir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  private async checkGit(): Promise<void> {
    const { stdout } = await this.git(['version'])
    const match = /(\d+)\.(\d+)/.exec(stdout)
    const major = Number(match?.[1] ?? 0)
    const minor = Number(match?.[2] ?? 0)
    if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
      throw new UpstreamError(
        'ledger',
        `the git store needs git ${MIN_GIT.join('.')} or later, found "${stdout.trim()}"`
      )
    }
    const ref = await this.run(['check-ref-format', `refs/heads/${this.config.branch}`])
    if (ref.exitCode !== 0) {
      throw new UpstreamError(
        'ledger',
        `"${this.config.branch}" is not a valid branch name for the evidence ledger`
      )
    }
  }

  /** Fetches the ledger branch's tip only; a missing branch empties the scratch ref (an empty ledger). */
  private async fetchTip(gitDir: string): Promise<Outcome> {
    const result = await this.run([
      `--git-dir=${gitDir}`,
      'fetch',
      '--quiet',
      '--depth=1',
      '--no-tags',
      '--no-write-fetch-head',
      '--no-recurse-submodules',
      '--',
      this.config.remote,
      `+refs/heads/${this.config.branch}:${TIP_REF}`
    ])
    if (result.exitCode === 0) return { kind: 'ok' }
    const detail = this.detail(result)
    if (MISSING_BRANCH.test(result.stderr)) {
      await this.git([`--git-dir=${gitDir}`, 'update-ref', '-d', TIP_REF])
      return { kind: 'ok' }
    }
    if (FATAL.test(result.stderr)) throw this.unreachable(detail)
    return { kind: 'transport', detail }
  }

  private async readChain(
    gitDir: string,
    environment: string
  ): Promise<{ view: LedgerView; text: string; tipCommit: string | null }> {
    const tip = await this.run([
      `--git-dir=${gitDir}`,
      'rev-parse',
      '--verify',
      '--quiet',
      `${TIP_REF}^{commit}`
    ])
    if (tip.exitCode !== 0) return { view: EMPTY_VIEW, text: '', tipCommit: null }
    const tipCommit = tip.stdout.trim()
    const known = this.verified.get(environment)
    if (known?.tipCommit === tipCommit) return known
    const chain = await this.loadChain(gitDir, environment, tipCommit)
    this.verified.set(environment, chain)
    return chain
  }

  private async loadChain(
    gitDir: string,
    environment: string,
    tipCommit: string
  ): Promise<{ view: LedgerView; text: string; tipCommit: string }> {
    const path = ledgerFile(environment)
    const where = this.describe(environment)
    const listed = await this.git([`--git-dir=${gitDir}`, 'ls-tree', '-z', tipCommit, '--', path])
    if (listed.stdout === '') return { view: EMPTY_VIEW, text: '', tipCommit }
    const entry = /^(\d+) (\w+) ([0-9a-f]+)\t/.exec(listed.stdout)
    if (!entry || entry[1] !== '100644' || entry[2] !== 'blob') {
      throw new LedgerIntegrityError(
        `The evidence ledger ${where} is not a regular file (${listed.stdout.split('\t')[0]})`
      )
    }
    const blob = await this.git([`--git-dir=${gitDir}`, 'cat-file', 'blob', entry[3]!])
    return { view: verifyLedgerText(blob.stdout, environment, where), text: blob.stdout, tipCommit }
  }

  /** Exactly one commit on top of the tip (or a root commit) that adds the one line. */
  private async commitAppend(
    gitDir: string,
    environment: string,
    parent: string | null,
    content: string,
    record: { seq: number; sha: string; decision: string }
  ): Promise<string> {
    const base = [`--git-dir=${gitDir}`]
    const blob = (await this.git([...base, 'hash-object', '-w', '--stdin'], { input: content })).stdout.trim()
    const index = { GIT_INDEX_FILE: join(gitDir, `append-${process.pid}-${Date.now()}.index`) }
    await this.git([...base, 'read-tree', ...(parent ? [parent] : ['--empty'])], { env: index })
    await this.git(
      [...base, 'update-index', '--add', '--cacheinfo', `100644,${blob},${ledgerFile(environment)}`],
      {
        env: index
      }
    )
    const tree = (await this.git([...base, 'write-tree'], { env: index })).stdout.trim()
    const message =
      `deploy-gate: ${record.decision} ${record.sha} to ${oneLine(environment)} (seq ${record.seq})\n\n` +
      `Evidence record appended to ${ledgerFile(environment)}.\n`
    const identity = {
      GIT_AUTHOR_NAME: this.author.name,
      GIT_AUTHOR_EMAIL: this.author.email,
      GIT_COMMITTER_NAME: this.author.name,
      GIT_COMMITTER_EMAIL: this.author.email
    }
    const commit = await this.git(
      [...base, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'],
      {
        env: identity,
        input: message
      }
    )
    return commit.stdout.trim()
  }

  private async push(gitDir: string, commit: string): Promise<Outcome> {
    const result = await this.run([
      `--git-dir=${gitDir}`,
      'push',
      '--porcelain',
      '--no-verify',
      '--',
      this.config.remote,
      `${commit}:refs/heads/${this.config.branch}`
    ])
    const output = `${result.stdout}\n${result.stderr}`
    if (result.exitCode === 0) return { kind: 'ok' }
    const detail = this.detail({ ...result, stderr: output })
    if (PUSH_RACE.test(output)) return { kind: 'race', detail }
    if (FATAL.test(output)) {
      throw new UpstreamError(
        'ledger',
        `the push to ${redactUrl(this.config.remote)} (branch ${this.config.branch}) was refused: ${detail}. ` +
          'The evidence token needs permission to push to the ledger branch (contents: write), and the branch ' +
          'must accept fast-forward pushes from it.'
      )
    }
    return { kind: 'transport', detail }
  }

  private unreachable(detail: string, action: 'read' | 'push to' = 'read'): UpstreamError {
    const hint = AUTH.test(detail)
      ? '. The evidence token was refused: it needs read and push access to this repository (contents: write)'
      : ''
    return new UpstreamError(
      'ledger',
      `cannot ${action} the ledger branch ${this.config.branch} of ${redactUrl(this.config.remote)}: ${detail}${hint}`
    )
  }

  private backoff(retry: number): number {
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (retry - 1))
    return Math.round(cap / 4 + this.random() * cap * 0.75)
  }

  /** The lines of git's output that say what went wrong, without secrets. */
  private detail(result: GitResult): string {
    const lines = result.stderr
      .split('\n')
      .map(l => l.trim())
      .filter(l => l !== '' && !/^(hint:|Please make sure|and the repository exists|To )/.test(l))
    const text = lines.join(' / ') || `git exited with code ${result.exitCode}`
    return scrubSecrets(text.length > 600 ? `${text.slice(0, 597)}...` : text, this.secrets)
  }

  /** Runs git; any failure becomes an UpstreamError with a scrubbed message. */
  private async git(args: readonly string[], options: { env?: Record<string, string>; input?: string } = {}) {
    const result = await this.run(args, options)
    if (result.exitCode !== 0) {
      throw new UpstreamError(
        'ledger',
        `git ${args.find(a => !a.startsWith('-')) ?? ''} failed: ${this.detail(result)}`
      )
    }
    return result
  }

  private async run(
    args: readonly string[],
    options: { env?: Record<string, string>; input?: string } = {}
  ): Promise<GitResult> {
    try {
      return await this.runGit(args, { env: { ...this.baseEnv, ...options.env }, input: options.input })
    } catch (error) {
      throw new UpstreamError(
        'ledger',
        `could not run git: ${scrubSecrets(getErrorMessage(error), this.secrets)}`
      )
    }
  }
}

const defaultRunGit: GitRunner = async (args, options) =>
  getExecOutput('git', [...args], {
    env: options.env,
    input: options.input === undefined ? undefined : Buffer.from(options.input, 'utf8'),
    silent: true,
    ignoreReturnCode: true
  })

/** Variables that would point git elsewhere, trace requests (headers included) or inject config. */
const DROPPED_ENV =
  /^(GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|COMMON_DIR|CEILING_DIRECTORIES|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|TRACE\w*|CURL_VERBOSE|AUTHOR_\w+|COMMITTER_\w+|ASKPASS|EDITOR)|SSH_ASKPASS|LANGUAGE)$/

export function gitEnvironment(env: NodeJS.ProcessEnv, header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !DROPPED_ENV.test(key)) out[key] = value
  }
  const config: Array<[string, string]> = [
    // An empty value first resets extra headers inherited from system/global config.
    ['http.extraheader', ''],
    ...(header ? ([['http.extraheader', header]] as Array<[string, string]>) : []),
    // No credential helper: nothing stored on the machine is used, nothing prompts.
    ['credential.helper', ''],
    ['core.hooksPath', '/dev/null'],
    ['commit.gpgsign', 'false'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false']
  ]
  out.GIT_CONFIG_COUNT = String(config.length)
  config.forEach(([key, value], i) => {
    out[`GIT_CONFIG_KEY_${i}`] = key
    out[`GIT_CONFIG_VALUE_${i}`] = value
  })
  out.GIT_TERMINAL_PROMPT = '0'
  out.GCM_INTERACTIVE = 'never'
  // English messages: rejections and missing branches are recognised by their text.
  out.LC_ALL = 'C'
  return out
}

/**
 * Author and committer of ledger commits: the workflow actor, with GitHub's no-reply address, so the
 * branch history names who deployed (runners have no git identity configured).
 */
export function commitIdentity(actor: string): { name: string; email: string } {
  // eslint-disable-next-line no-control-regex
  const login = actor.replace(/[<>\u0000-\u001f\u007f\s]/g, '') || 'unknown-actor'
  return { name: login, email: `${login}@users.noreply.github.com` }
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ')
}
