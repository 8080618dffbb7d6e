/**
 * Builders for GitHub scenarios: a repository's history, pull requests, reviews, checks, issues and
 * branch protection, as plain JSON data that the GitHub stand-in (github-stand-in.ts) serves over
 * GraphQL and REST. No vitest here: the demo and the benchmark run this under plain Node 24.
 *
 * A scenario starts with one commit on the default branch. A clock starts at 2024-06-03T09:00:00Z and
 * every action (commit, review, check, merge, label) first moves it one minute on (`step`), so
 * events are ordered and times are deterministic; `tick(seconds)` and `at: ISO` move it explicitly.
 *
 *   import { scenario } from '../support/github-scenario.js'
 *
 *   const s = scenario()                                  // acme/app, default branch main
 *   const base = s.head()                                 // the tip of main
 *
 *   // A compliant pull request, squash-merged: one commit by alice, approved by bob on the head,
 *   // a successful `ci` check run on the head and on the new tip of main.
 *   const one = s.pullRequest({ author: 'alice', title: 'PROJ-1 Add login' })
 *   one.number; one.headSha; one.mergeSha              // mergeSha: the new tip of main
 *
 *   // Anything else is an option:
 *   s.pullRequest({
 *     author: 'alice',
 *     commits: [{ message: 'wip', coAuthors: ['carol'] }, { message: 'done', author: { name: 'Dee', email: 'dee@example.com' } }],
 *     approvals: ['bob', { by: 'renovate[bot]' }, { by: 'carol', after: 5 }],   // `after`: seconds after the last push
 *     reviews: [{ by: 'dave', state: 'CHANGES_REQUESTED' }],
 *     checks: [{ name: 'build', conclusion: 'failure' }, { name: 'lint', status: 'in_progress' }],
 *     statuses: [{ context: 'ci/jenkins', state: 'success' }],
 *     merge: 'merge',                                      // 'squash' (default) | 'merge' | 'rebase' | false (left open)
 *     mergedBy: 'bob',
 *     closes: [s.issue({ title: 'Bug', labels: ['approved'] })]
 *   })
 *
 *   // Step by step, for histories the one-shot builder does not cover:
 *   const pr = s.openPullRequest({ author: 'alice', commits: 2 })
 *   s.approve(pr, 'bob')                                  // on the current head
 *   s.commit({ author: 'erin' })                          // someone else's change lands on main
 *   s.mergeBaseIntoPullRequest(pr)                        // "Update branch": a base merge after the approval
 *   s.mergeIntoPullRequest(pr, 'feature/other')           // a merge that is not from the base
 *   s.pushToPullRequest(pr, { message: 'fix' })           // a new commit: the approval is now stale
 *   s.forcePushPullRequest(pr)                            // rewrites the branch (HeadRefForcePushedEvent)
 *   s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
 *   s.merge(pr, { style: 'merge', by: 'bob' })
 *   const direct = s.commit({ author: 'mallory', message: 'hotfix' })   // a direct push to main
 *
 *   s.protectBranch('deploy-evidence')                    // classic protection: no force push, no deletion
 *   s.ruleset({ branches: ['deploy-evidence'], rules: ['deletion', 'non_fast_forward'] })
 *   s.permissions({ administration: 'none', issues: 'read' })   // what the token may do
 *
 *   const standIn = await startGitHubStandIn(s)            // or s.toJSON() for another process
 *
 * Logins ending in `[bot]` are bot accounts (GraphQL `Bot`, REST type "Bot"). A commit author given as a
 * login is an identity GitHub resolves to that account; `{ name, email }` is one it cannot resolve.
 */
import { createHash } from 'node:crypto'

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
export type Permission = 'none' | 'read' | 'write'

export interface GitIdentity {
  name: string
  email: string
  date: string
}

export interface ScenarioAccount {
  login: string
  type: 'User' | 'Bot'
  id: number
  name: string
  email: string
}

export interface ScenarioCommit {
  sha: string
  parents: string[]
  message: string
  author: GitIdentity
  committer: GitIdentity
}

export interface ScenarioReview {
  id: number
  author: string
  state: ReviewState
  submittedAt: string | null
  /** The commit the review was made on. */
  commit: string | null
}

export interface ScenarioPullRequest {
  number: number
  title: string
  body: string
  author: string
  headRefName: string
  baseRefName: string
  headRefOid: string
  baseRefOid: string
  createdAt: string
  /** The pull request's commits, oldest first (the head is the last). */
  commits: string[]
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  mergedAt: string | null
  mergedBy: string | null
  mergeCommit: string | null
  /** The commits the merge put on the base branch (squash: one; merge: the merge commit; rebase: the copies). */
  landed: string[]
  reviews: ScenarioReview[]
  forcePushes: Array<{ at: string; actor: string; before: string; after: string }>
  /** Issues the pull request closes, as `owner/name#number`. */
  closes: string[]
}

export interface ScenarioCheckRun {
  id: number
  name: string
  status: 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'WAITING' | 'REQUESTED' | 'PENDING'
  conclusion: string | null
  startedAt: string
  completedAt: string | null
  app: string
}

export interface ScenarioStatus {
  context: string
  state: 'SUCCESS' | 'FAILURE' | 'ERROR' | 'PENDING' | 'EXPECTED'
  createdAt: string
}

export interface ScenarioIssue {
  /** `owner/name` */
  repository: string
  number: number
  title: string
  body: string
  author: string
  createdAt: string
  state: 'OPEN' | 'CLOSED'
  labels: string[]
  events: Array<{ type: 'labeled' | 'unlabeled'; label: string; at: string; actor: string }>
}

export interface ScenarioPermissions {
  contents: Permission
  pullRequests: Permission
  checks: Permission
  statuses: Permission
  issues: Permission
  administration: Permission
}

export interface ScenarioData {
  owner: string
  name: string
  defaultBranch: string
  /** The token the stand-in accepts. */
  token: string
  serverUrl: string
  permissions: ScenarioPermissions
  accounts: Record<string, ScenarioAccount>
  commits: Record<string, ScenarioCommit>
  branches: Record<string, string>
  pullRequests: ScenarioPullRequest[]
  checkRuns: Record<string, ScenarioCheckRun[]>
  statuses: Record<string, ScenarioStatus[]>
  issues: ScenarioIssue[]
  protections: Record<string, { allowForcePushes: boolean; allowDeletions: boolean }>
  rulesets: Array<{ name: string; branches: string[]; rules: string[] }>
  nextNumber: number
  nextId: number
}

export type IdentitySpec = string | { name: string; email: string }

export interface CommitSpec {
  message?: string
  /** A login (resolved by GitHub) or `{ name, email }` (unresolved). Default: the pull request's author. */
  author?: IdentitySpec
  committer?: IdentitySpec
  /** Added as `Co-authored-by:` trailers. */
  coAuthors?: IdentitySpec[]
}

export interface CommitOptions extends CommitSpec {
  /** The branch to commit on (its tip is the parent, and it moves). Default: the default branch. */
  branch?: string
  /** Explicit parents instead of the branch tip. */
  parents?: string[]
  at?: string
}

export interface OpenPullRequestOptions {
  author?: string
  title?: string
  body?: string
  /** Head branch name. Default `feature/<number>`. */
  branch?: string
  /** Base branch. Default: the default branch. */
  base?: string
  /** How many commits (default 1), or each commit's details. */
  commits?: number | CommitSpec[]
}

export type CheckSpec =
  | string
  | {
      name: string
      /** Default 'success' (when completed). */
      conclusion?: string | null
      /** Default 'completed'. */
      status?: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending'
      app?: string
      at?: string
    }

export interface StatusSpec {
  context: string
  state: 'success' | 'failure' | 'error' | 'pending' | 'expected'
  at?: string
}

export type ApprovalSpec = string | { by: string; at?: string; after?: number; commit?: string }

export interface ReviewSpec {
  by: string
  state?: ReviewState
  at?: string
  /** Seconds after the last push. */
  after?: number
  commit?: string
}

export interface PullRequestSpec extends OpenPullRequestOptions {
  /** APPROVED reviews on the head. Default: one by `bob` (by `carol` when bob is the author). */
  approvals?: ApprovalSpec[]
  /** Other reviews, in order, after the approvals. */
  reviews?: ReviewSpec[]
  /** Check runs on the head. Default: one successful `ci`. */
  checks?: CheckSpec[]
  statuses?: StatusSpec[]
  /** Checks on the new tip of the base branch after the merge. Default: the same as `checks`. */
  baseChecks?: CheckSpec[]
  /** Default 'squash'; false leaves the pull request open. */
  merge?: 'squash' | 'merge' | 'rebase' | false
  /** Default: the author. */
  mergedBy?: string
  /** Issue numbers (of this repository) or `owner/name#number` references. */
  closes?: Array<number | string>
}

export interface MergedPullRequest {
  number: number
  url: string
  headSha: string
  /** The pull request's commits, oldest first. */
  commits: string[]
  /** The new tip of the base branch; null when left open. */
  mergeSha: string | null
}

export type PullRequestRef = number | { number: number }

export interface ScenarioOptions {
  owner?: string
  name?: string
  defaultBranch?: string
  /** ISO time of the first commit. */
  start?: string
  token?: string
  serverUrl?: string
  /** Seconds the clock moves before each action. Default 60. */
  step?: number
}

export const DEFAULT_TOKEN = 'ghs_standInToken0000000000000000000000'

export function scenario(options: ScenarioOptions = {}): Scenario {
  return new Scenario(options)
}

export class Scenario {
  readonly data: ScenarioData
  private clock: number
  private readonly step: number

  constructor(options: ScenarioOptions = {}) {
    this.clock = Date.parse(options.start ?? '2024-06-03T09:00:00Z')
    this.step = options.step ?? 60
    const owner = options.owner ?? 'acme'
    const name = options.name ?? 'app'
    const defaultBranch = options.defaultBranch ?? 'main'
    this.data = {
      owner,
      name,
      defaultBranch,
      token: options.token ?? DEFAULT_TOKEN,
      serverUrl: options.serverUrl ?? 'https://github.com',
      permissions: {
        contents: 'write',
        pullRequests: 'write',
        checks: 'read',
        statuses: 'read',
        issues: 'write',
        administration: 'read'
      },
      accounts: {},
      commits: {},
      branches: {},
      pullRequests: [],
      checkRuns: {},
      statuses: {},
      issues: [],
      protections: {},
      rulesets: [],
      nextNumber: 1,
      nextId: 1000
    }
    this.account('web-flow', { name: 'GitHub', email: 'noreply@github.com' })
    const root = this.addCommit({ parents: [], message: 'Initial commit', author: 'founder' })
    this.data.branches[defaultBranch] = root
  }

  // ---- clock -------------------------------------------------------------------------------------

  now(): string {
    return new Date(this.clock).toISOString()
  }

  /** Moves the clock on by `seconds` and returns the new time. */
  tick(seconds: number = this.step): string {
    this.clock += seconds * 1000
    return this.now()
  }

  /** The time for an action: an explicit `at` (which also sets the clock), else one step on. */
  private when(at?: string): string {
    if (at !== undefined) {
      this.clock = Date.parse(at)
      return this.now()
    }
    return this.tick()
  }

  // ---- accounts ----------------------------------------------------------------------------------

  /** The account for `login`, created on first use; logins ending in `[bot]` are bots. */
  account(login: string, options: { name?: string; email?: string } = {}): ScenarioAccount {
    const existing = this.data.accounts[login]
    if (existing) return existing
    const id = this.data.nextId++
    const account: ScenarioAccount = {
      login,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      id,
      name: options.name ?? login.replace(/\[bot\]$/, ''),
      email: options.email ?? `${id}+${login}@users.noreply.github.com`
    }
    this.data.accounts[login] = account
    return account
  }

  private identity(spec: IdentitySpec, date: string): GitIdentity {
    if (typeof spec === 'string') {
      const account = this.account(spec)
      return { name: account.name, email: account.email, date }
    }
    return { name: spec.name, email: spec.email, date }
  }

  private trailer(spec: IdentitySpec): string {
    const identity = this.identity(spec, this.now())
    return `Co-authored-by: ${identity.name} <${identity.email}>`
  }

  // ---- git ---------------------------------------------------------------------------------------

  head(branch: string = this.data.defaultBranch): string {
    const sha = this.data.branches[branch]
    if (sha === undefined) throw new Error(`no branch ${branch}`)
    return sha
  }

  /** Creates `name` at `from` (a branch or a SHA; default: the default branch's tip). */
  branch(name: string, from: string = this.data.defaultBranch): string {
    const sha = this.data.branches[from] ?? (this.data.commits[from] ? from : undefined)
    if (sha === undefined) throw new Error(`no branch or commit ${from}`)
    this.data.branches[name] = sha
    return sha
  }

  /** A commit on a branch (default: a direct push to the default branch). Returns its SHA. */
  commit(options: CommitOptions = {}): string {
    const branch = options.branch ?? this.data.defaultBranch
    const parents = options.parents ?? [this.head(branch)]
    const sha = this.addCommit({ ...options, parents, at: this.when(options.at) })
    if (options.parents === undefined || options.branch !== undefined) this.data.branches[branch] = sha
    return sha
  }

  private addCommit(options: CommitSpec & { parents: string[]; at?: string; committedAt?: string }): string {
    const date = options.at ?? this.now()
    const author = this.identity(options.author ?? 'founder', date)
    const committer = this.identity(
      options.committer ?? options.author ?? 'founder',
      options.committedAt ?? date
    )
    const trailers = (options.coAuthors ?? []).map(spec => this.trailer(spec))
    const message = [
      options.message ?? `Change ${Object.keys(this.data.commits).length}`,
      trailers.join('\n')
    ]
      .filter(Boolean)
      .join('\n\n')
    const sha = createHash('sha1')
      .update(
        JSON.stringify({
          parents: options.parents,
          message,
          author,
          committer,
          n: Object.keys(this.data.commits).length
        })
      )
      .digest('hex')
    this.data.commits[sha] = { sha, parents: [...options.parents], message, author, committer }
    return sha
  }

  // ---- pull requests -----------------------------------------------------------------------------

  pull(ref: PullRequestRef): ScenarioPullRequest {
    const number = typeof ref === 'number' ? ref : ref.number
    const pr = this.data.pullRequests.find(p => p.number === number)
    if (!pr) throw new Error(`no pull request #${number}`)
    return pr
  }

  /** Opens a pull request from a new branch off `base`, with its commits. Returns its number. */
  openPullRequest(options: OpenPullRequestOptions = {}): number {
    const number = this.data.nextNumber++
    const author = options.author ?? 'alice'
    this.account(author)
    const base = options.base ?? this.data.defaultBranch
    const branch = options.branch ?? `feature/${number}`
    this.branch(branch, base)
    const specs: CommitSpec[] =
      typeof options.commits === 'number' || options.commits === undefined
        ? Array.from({ length: options.commits ?? 1 }, (_, i) => ({ message: `Part ${i + 1} of #${number}` }))
        : options.commits
    const commits = specs.map(spec => this.commit({ ...spec, author: spec.author ?? author, branch }))
    const title = options.title ?? `Change #${number}`
    this.data.pullRequests.push({
      number,
      title,
      body: options.body ?? '',
      author,
      headRefName: branch,
      baseRefName: base,
      headRefOid: this.head(branch),
      baseRefOid: this.head(base),
      createdAt: this.now(),
      commits,
      state: 'OPEN',
      mergedAt: null,
      mergedBy: null,
      mergeCommit: null,
      landed: [],
      reviews: [],
      forcePushes: [],
      closes: []
    })
    return number
  }

  /** Pushes a new commit to the pull request's branch. */
  pushToPullRequest(ref: PullRequestRef, spec: CommitSpec & { at?: string } = {}): string {
    const pr = this.openPull(ref)
    const sha = this.commit({ ...spec, author: spec.author ?? pr.author, branch: pr.headRefName })
    pr.commits.push(sha)
    pr.headRefOid = sha
    return sha
  }

  /** "Update branch": merges the base branch's tip into the pull request. */
  mergeBaseIntoPullRequest(ref: PullRequestRef, options: { by?: string; at?: string } = {}): string {
    const pr = this.openPull(ref)
    return this.mergeIntoPullRequest(ref, pr.baseRefName, options)
  }

  /** Merges a branch (or commit) into the pull request's branch, e.g. another feature branch. */
  mergeIntoPullRequest(
    ref: PullRequestRef,
    from: string,
    options: { by?: string; at?: string } = {}
  ): string {
    const pr = this.openPull(ref)
    const by = options.by ?? pr.author
    const source = this.data.branches[from] ?? from
    if (!this.data.commits[source]) throw new Error(`no branch or commit ${from}`)
    const sha = this.commit({
      parents: [pr.headRefOid, source],
      branch: pr.headRefName,
      message: `Merge branch '${from}' into ${pr.headRefName}`,
      author: by,
      committer: 'web-flow',
      at: options.at
    })
    pr.commits.push(sha)
    pr.headRefOid = sha
    return sha
  }

  /** Rewrites the branch: new commits on the base tip replace the pull request's commits. */
  forcePushPullRequest(
    ref: PullRequestRef,
    options: { commits?: number; by?: string; at?: string } = {}
  ): string {
    const pr = this.openPull(ref)
    const before = pr.headRefOid
    this.data.branches[pr.headRefName] = this.head(pr.baseRefName)
    pr.commits = Array.from({ length: options.commits ?? 1 }, (_, i) =>
      this.commit({
        branch: pr.headRefName,
        author: pr.author,
        message: `Rewritten part ${i + 1} of #${pr.number}`
      })
    )
    pr.headRefOid = this.head(pr.headRefName)
    const at = this.when(options.at)
    pr.forcePushes.push({ at, actor: options.by ?? pr.author, before, after: pr.headRefOid })
    return pr.headRefOid
  }

  review(
    ref: PullRequestRef,
    by: string,
    state: ReviewState = 'APPROVED',
    options: { at?: string; after?: number; commit?: string } = {}
  ): void {
    const pr = this.pull(ref)
    this.account(by)
    let at: string
    if (options.after !== undefined) {
      at = new Date(Date.parse(this.lastPushAt(pr)) + options.after * 1000).toISOString()
      this.clock = Math.max(this.clock, Date.parse(at))
    } else {
      at = this.when(options.at)
    }
    pr.reviews.push({
      id: this.data.nextId++,
      author: by,
      state,
      submittedAt: state === 'PENDING' ? null : at,
      commit: options.commit ?? pr.headRefOid
    })
  }

  approve(ref: PullRequestRef, ...logins: string[]): void {
    for (const login of logins) this.review(ref, login, 'APPROVED')
  }

  /** The time the pull request's head was last pushed (its committer date, or a later force push). */
  lastPushAt(ref: PullRequestRef): string {
    const pr = this.pull(ref)
    const head = this.data.commits[pr.headRefOid] as ScenarioCommit
    const times = [head.committer.date, ...pr.forcePushes.map(f => f.at)]
    return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))
  }

  /** Merges the pull request; returns the new tip of its base branch. */
  merge(
    ref: PullRequestRef,
    options: { style?: 'squash' | 'merge' | 'rebase'; by?: string; at?: string } = {}
  ): string {
    const pr = this.openPull(ref)
    const style = options.style ?? 'squash'
    const by = options.by ?? pr.author
    this.account(by)
    const at = this.when(options.at)
    const base = pr.baseRefName
    pr.baseRefOid = this.head(base)
    const prCommits = pr.commits.map(sha => this.data.commits[sha] as ScenarioCommit)
    if (style === 'squash') {
      // GitHub credits the other authors and co-authors of the squashed commits with trailers.
      const others = new Map<string, string>()
      for (const c of prCommits) {
        if (this.loginOf(c.author.email) !== pr.author) {
          others.set(c.author.email, `Co-authored-by: ${c.author.name} <${c.author.email}>`)
        }
        for (const match of c.message.matchAll(/^Co-authored-by:\s*(.*?)\s*<([^>]+)>\s*$/gim)) {
          others.set(match[2] as string, `Co-authored-by: ${match[1] ?? ''} <${match[2] ?? ''}>`)
        }
      }
      const bullets = prCommits.map(c => `* ${c.message.split('\n')[0] ?? ''}`).join('\n')
      const message = [`${pr.title} (#${pr.number})`, bullets, [...others.values()].join('\n')]
        .filter(Boolean)
        .join('\n\n')
      const sha = this.addCommit({
        parents: [this.head(base)],
        message,
        author: pr.author,
        committer: 'web-flow',
        at
      })
      this.data.branches[base] = sha
      pr.landed = [sha]
      pr.mergeCommit = sha
    } else if (style === 'merge') {
      const sha = this.addCommit({
        parents: [this.head(base), pr.headRefOid],
        message: `Merge pull request #${pr.number} from ${this.data.owner}/${pr.headRefName}\n\n${pr.title}`,
        author: by,
        committer: 'web-flow',
        at
      })
      this.data.branches[base] = sha
      pr.landed = [sha]
      pr.mergeCommit = sha
    } else {
      let tip = this.head(base)
      pr.landed = prCommits.map(c => {
        tip = this.addCommit({
          parents: [tip],
          message: c.message,
          author: { name: c.author.name, email: c.author.email },
          committer: 'web-flow',
          at: c.author.date,
          committedAt: at
        })
        const copy = this.data.commits[tip] as ScenarioCommit
        copy.author = { ...c.author }
        return tip
      })
      this.data.branches[base] = tip
      pr.mergeCommit = tip
    }
    pr.state = 'MERGED'
    pr.mergedAt = at
    pr.mergedBy = by
    return this.head(base)
  }

  private loginOf(email: string): string | null {
    return Object.values(this.data.accounts).find(a => a.email === email)?.login ?? null
  }

  private openPull(ref: PullRequestRef): ScenarioPullRequest {
    const pr = this.pull(ref)
    if (pr.state !== 'OPEN') throw new Error(`pull request #${pr.number} is ${pr.state.toLowerCase()}`)
    return pr
  }

  /** Marks the pull request as closing an issue (a number of this repository, or `owner/name#n`). */
  closes(ref: PullRequestRef, issue: number | string): void {
    this.pull(ref).closes.push(
      typeof issue === 'number' ? `${this.data.owner}/${this.data.name}#${issue}` : issue
    )
  }

  /** A pull request from open to merged in one go; see the options and their defaults above. */
  pullRequest(spec: PullRequestSpec = {}): MergedPullRequest {
    const author = spec.author ?? 'alice'
    const number = this.openPullRequest({ ...spec, author })
    const pr = this.pull(number)
    for (const check of spec.checks ?? ['ci']) this.checkRun(pr.headRefOid, check)
    for (const status of spec.statuses ?? []) this.commitStatus(pr.headRefOid, status)
    const approvals = spec.approvals ?? [author === 'bob' ? 'carol' : 'bob']
    for (const approval of approvals) {
      const a = typeof approval === 'string' ? { by: approval } : approval
      this.review(number, a.by, 'APPROVED', { at: a.at, after: a.after, commit: a.commit })
    }
    for (const r of spec.reviews ?? []) {
      this.review(number, r.by, r.state ?? 'APPROVED', { at: r.at, after: r.after, commit: r.commit })
    }
    for (const issue of spec.closes ?? []) this.closes(number, issue)
    let mergeSha: string | null = null
    if (spec.merge !== false) {
      mergeSha = this.merge(number, { style: spec.merge || 'squash', by: spec.mergedBy ?? author })
      for (const check of spec.baseChecks ?? spec.checks ?? ['ci']) this.checkRun(mergeSha, check)
      if (spec.baseChecks === undefined)
        for (const status of spec.statuses ?? []) this.commitStatus(mergeSha, status)
    }
    return {
      number,
      url: this.pullUrl(number),
      headSha: pr.headRefOid,
      commits: [...pr.commits],
      mergeSha
    }
  }

  pullUrl(number: number): string {
    return `${this.data.serverUrl}/${this.data.owner}/${this.data.name}/pull/${number}`
  }

  // ---- checks ------------------------------------------------------------------------------------

  checkRun(sha: string, spec: CheckSpec): void {
    const s = typeof spec === 'string' ? { name: spec } : spec
    const status = (s.status ?? 'completed').toUpperCase() as ScenarioCheckRun['status']
    const at = this.when(s.at)
    const runs = (this.data.checkRuns[sha] ??= [])
    runs.push({
      id: this.data.nextId++,
      name: s.name,
      status,
      conclusion:
        status === 'COMPLETED'
          ? s.conclusion === undefined
            ? 'SUCCESS'
            : (s.conclusion?.toUpperCase() ?? null)
          : null,
      startedAt: at,
      completedAt: status === 'COMPLETED' ? at : null,
      app: s.app ?? 'github-actions'
    })
  }

  commitStatus(sha: string, spec: StatusSpec): void {
    const list = (this.data.statuses[sha] ??= [])
    list.push({
      context: spec.context,
      state: spec.state.toUpperCase() as ScenarioStatus['state'],
      createdAt: this.when(spec.at)
    })
  }

  // ---- issues ------------------------------------------------------------------------------------

  /** Opens an issue (labels are added one by one, as label events); returns its number. */
  issue(
    options: { title?: string; body?: string; author?: string; labels?: string[]; repository?: string } = {}
  ): number {
    const repository = options.repository ?? `${this.data.owner}/${this.data.name}`
    const local = repository === `${this.data.owner}/${this.data.name}`
    const number = local
      ? this.data.nextNumber++
      : 1 + Math.max(0, ...this.data.issues.filter(i => i.repository === repository).map(i => i.number))
    const author = options.author ?? 'alice'
    this.account(author)
    this.data.issues.push({
      repository,
      number,
      title: options.title ?? `Issue ${number}`,
      body: options.body ?? '',
      author,
      createdAt: this.when(),
      state: 'OPEN',
      labels: [],
      events: []
    })
    for (const label of options.labels ?? []) this.label(number, label, { repository })
    return number
  }

  private findIssue(number: number, repository?: string): ScenarioIssue {
    const repo = repository ?? `${this.data.owner}/${this.data.name}`
    const issue = this.data.issues.find(i => i.number === number && i.repository === repo)
    if (!issue) throw new Error(`no issue ${repo}#${number}`)
    return issue
  }

  label(
    number: number,
    label: string,
    options: { repository?: string; by?: string; at?: string } = {}
  ): void {
    const issue = this.findIssue(number, options.repository)
    if (issue.labels.includes(label)) return
    issue.labels.push(label)
    issue.events.push({ type: 'labeled', label, at: this.when(options.at), actor: options.by ?? 'triage' })
  }

  unlabel(
    number: number,
    label: string,
    options: { repository?: string; by?: string; at?: string } = {}
  ): void {
    const issue = this.findIssue(number, options.repository)
    if (!issue.labels.includes(label)) return
    issue.labels = issue.labels.filter(l => l !== label)
    issue.events.push({ type: 'unlabeled', label, at: this.when(options.at), actor: options.by ?? 'triage' })
  }

  // ---- protection and permissions ----------------------------------------------------------------

  /** Classic branch protection; by default it forbids force pushes and deletion. */
  protectBranch(
    branch: string,
    options: { allowForcePushes?: boolean; allowDeletions?: boolean } = {}
  ): void {
    this.data.protections[branch] = {
      allowForcePushes: options.allowForcePushes ?? false,
      allowDeletions: options.allowDeletions ?? false
    }
  }

  /** A repository ruleset; `branches` are fnmatch patterns (`*`, `**`, `~DEFAULT_BRANCH`, `~ALL`). */
  ruleset(options: { name?: string; branches: string[]; rules: string[] }): void {
    this.data.rulesets.push({ name: options.name ?? `ruleset ${this.data.rulesets.length + 1}`, ...options })
  }

  permissions(permissions: Partial<ScenarioPermissions>): void {
    Object.assign(this.data.permissions, permissions)
  }

  /** A deep copy of the data, for another process or a snapshot. */
  toJSON(): ScenarioData {
    return structuredClone(this.data)
  }
}
