/**
 * The GitHub adapter's small interfaces, as the rest of the gate sees them, and their implementation
 * over a `GitHubClient`. Everything here reports what GitHub says; nothing decides.
 */
import { ConfigError } from '../errors.js'
import type { ChangeSetFacts } from '../gate/facts.js'
import { Answer } from './answer.js'
import { fetchChangeSet, type ChangeSetRequest } from './change-set.js'
import {
  createGitHubClient,
  type GitHubClient,
  type GitHubClientOptions,
  type RequestPurpose
} from './client.js'
import type { RepositoryRef } from './queries.js'

export type BranchProtection = 'protected' | 'unprotected' | 'unknown'

export interface GitHubFacts {
  /**
   * Facts of the change set. base null: the "initial" range — the merged pull request(s) that produced
   * `sha` (commits: [sha]). base set: every commit reachable from sha and not from base (REST compare
   * base...sha, which uses the merge base). deployBranch null: the repository's default branch.
   */
  fetchChangeSet(request: ChangeSetRequest): Promise<ChangeSetFacts>
  /** true when `ancestor` is `descendant` or one of its ancestors (rollback detection). */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>
  /**
   * Whether force pushes AND deletion of `branch` in `owner/repo` are forbidden by branch protection or
   * a ruleset. 'unknown' when the token may not read it — the caller decides what to do.
   */
  branchProtection(repository: string, branch: string): Promise<BranchProtection>
}

export interface GitHubIssues {
  createIssue(input: {
    title: string
    body: string
    labels: string[]
  }): Promise<{ number: number; url: string }>
}

const SHA = /^[0-9a-f]{40}$/i

function assertSha(sha: string, what: string): void {
  if (!SHA.test(sha)) {
    throw new ConfigError(`Invalid ${what} '${sha.slice(0, 80)}'. Expected a full 40-character commit SHA.`)
  }
}

/** `owner/name` → its parts; a ConfigError names the value otherwise. */
export function parseRepository(repository: string): RepositoryRef {
  const match = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,99})\/([A-Za-z0-9._-]{1,100})$/.exec(repository)
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new ConfigError(`Invalid repository '${repository.slice(0, 200)}'. Expected format {owner}/{repo}.`)
  }
  return { owner: match[1] as string, name: match[2] as string }
}

export function createGitHubFacts(client: GitHubClient, repository: string): GitHubFacts {
  const repo = parseRepository(repository)
  return {
    async fetchChangeSet(request) {
      assertSha(request.sha, 'sha')
      if (request.base !== null) assertSha(request.base, 'base commit')
      return fetchChangeSet(client, repo, request)
    },

    async isAncestor(ancestor, descendant) {
      assertSha(ancestor, 'commit')
      assertSha(descendant, 'commit')
      if (ancestor.toLowerCase() === descendant.toLowerCase()) return true
      const purpose: RequestPurpose = {
        what: `the comparison ${ancestor.slice(0, 12)}...${descendant.slice(0, 12)} in ${repository}`,
        permission: 'contents: read'
      }
      const response = await client.request(
        'GET /repos/{owner}/{repo}/compare/{basehead}',
        { owner: repo.owner, repo: repo.name, basehead: `${ancestor}...${descendant}`, per_page: 1 },
        purpose
      )
      // `ahead`: descendant has commits ancestor lacks and lacks none of ancestor's.
      const status = Answer.of(response.data, purpose.what).oneOf('status', [
        'ahead',
        'behind',
        'diverged',
        'identical'
      ] as const)
      return status === 'ahead' || status === 'identical'
    },

    branchProtection(target, branch) {
      return readBranchProtection(client, parseRepository(target), branch)
    }
  }
}

export function createGitHubIssues(client: GitHubClient, repository: string): GitHubIssues {
  const repo = parseRepository(repository)
  return {
    async createIssue(input) {
      const purpose: RequestPurpose = {
        what: `opening an issue in ${repository}`,
        permission: 'issues: write'
      }
      const response = await client.request(
        'POST /repos/{owner}/{repo}/issues',
        { owner: repo.owner, repo: repo.name, title: input.title, body: input.body, labels: input.labels },
        purpose
      )
      const answer = Answer.of(response.data, purpose.what)
      return { number: answer.num('number'), url: answer.str('html_url') }
    }
  }
}

/** Both adapters over one client, as the main flow wires them. */
export function createGitHubAdapter(options: GitHubClientOptions & { repository: string }): {
  facts: GitHubFacts
  issues: GitHubIssues
} {
  const client = createGitHubClient(options)
  return {
    facts: createGitHubFacts(client, options.repository),
    issues: createGitHubIssues(client, options.repository)
  }
}

/**
 * Rulesets (readable with `contents: read`) first; classic branch protection needs `administration: read`,
 * so without it the branch's `protected` flag can still prove there is none.
 */
async function readBranchProtection(
  client: GitHubClient,
  repo: RepositoryRef,
  branch: string
): Promise<BranchProtection> {
  const params = { owner: repo.owner, repo: repo.name, branch }
  const where = `branch ${branch} of ${repo.owner}/${repo.name}`
  let forbidsForcePush = false
  let forbidsDeletion = false

  let rulesKnown = true
  for (let page = 1; ; page++) {
    const purpose = { what: `the rules of ${where}`, permission: 'contents: read' }
    const rules = await client.request(
      'GET /repos/{owner}/{repo}/rules/branches/{branch}',
      { ...params, per_page: 100, page },
      purpose,
      { allowStatuses: [403, 404] }
    )
    if (rules.status !== 200) {
      rulesKnown = false
      break
    }
    const list = Answer.of(rules.data, purpose.what).items()
    for (const rule of list) {
      const type = rule.str('type')
      if (type === 'non_fast_forward') forbidsForcePush = true
      if (type === 'deletion') forbidsDeletion = true
    }
    if (list.length < 100) break
  }
  if (forbidsForcePush && forbidsDeletion) return 'protected'

  const protectionPurpose = { what: `the protection of ${where}`, permission: 'administration: read' }
  const protection = await client.request(
    'GET /repos/{owner}/{repo}/branches/{branch}/protection',
    params,
    protectionPurpose,
    { allowStatuses: [403, 404] }
  )
  if (protection.status === 200) {
    const answer = Answer.of(protection.data, protectionPurpose.what)
    if (!enabled(answer, 'allow_force_pushes')) forbidsForcePush = true
    if (!enabled(answer, 'allow_deletions')) forbidsDeletion = true
    if (forbidsForcePush && forbidsDeletion) return 'protected'
    return rulesKnown ? 'unprotected' : 'unknown'
  }
  const said = messageOf(protection.data)
  if (protection.status === 404 && /branch not (protected|found)/i.test(said)) {
    return rulesKnown ? 'unprotected' : 'unknown'
  }

  // No permission to read the protection: the branch itself says whether there is any.
  const branchPurpose = { what: where, permission: 'contents: read' }
  const info = await client.request('GET /repos/{owner}/{repo}/branches/{branch}', params, branchPurpose, {
    allowStatuses: [403, 404]
  })
  if (!rulesKnown) return 'unknown'
  // The rules endpoint answered, so the repository is visible: a 404 means the branch does not exist yet.
  if (info.status === 404) return 'unprotected'
  if (info.status !== 200) return 'unknown'
  return Answer.of(info.data, branchPurpose.what).bool('protected') ? 'unknown' : 'unprotected'
}

/** `allow_force_pushes: { enabled }`; absent means the protection's default (not allowed). */
function enabled(answer: Answer, key: string): boolean {
  return answer.has(key) ? answer.obj(key).bool('enabled') : false
}

function messageOf(data: unknown): string {
  return typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string'
    ? data.message
    : ''
}
