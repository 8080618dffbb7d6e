/**
 * Reads the facts of a change set from GitHub: which commits, which merged pull requests carried them,
 * and everything the gate needs about each pull request. It reports what GitHub says; it never decides.
 */
import { UpstreamError } from '../errors.js'
import {
  CHECK_CONCLUSIONS,
  REVIEW_STATES,
  type Account,
  type ChangeSetFacts,
  type CheckConclusion,
  type CheckFacts,
  type CommitFacts,
  type PullRequestCommitFacts,
  type PullRequestFacts,
  type ReviewFacts,
  type TicketFacts
} from '../gate/facts.js'
import { Answer } from './answer.js'
import { READ_PERMISSIONS, type GitHubClient, type RequestPurpose } from './client.js'
import {
  COMMITS_PER_QUERY,
  COMPARISONS_PER_QUERY,
  CONNECTIONS,
  PAGE_NODE_BUDGET,
  PULL_REQUESTS_PER_QUERY,
  associatedPullRequestsQuery,
  branchContainsQuery,
  pageCost,
  pagesQuery,
  pullRequestsQuery,
  type ConnectionKind,
  type Query,
  type RepositoryRef
} from './queries.js'

export interface ChangeSetRequest {
  /** null: the "initial" range, the pull request(s) that produced `sha`. */
  base: string | null
  sha: string
  /** null: the repository's default branch. */
  deployBranch: string | null
  /** Read each pull request's closing issues (for `ticket-source: github-issues`). */
  withClosingIssues: boolean
}

const COMPARE_PAGE_SIZE = 100

interface AssociatedPullRequest {
  number: number
  merged: boolean
  baseRefName: string
  headSha: string
}

export async function fetchChangeSet(
  client: GitHubClient,
  repository: RepositoryRef,
  request: ChangeSetRequest
): Promise<ChangeSetFacts> {
  const fullName = `${repository.owner}/${repository.name}`
  const purpose: RequestPurpose = {
    what: `the change set of ${request.sha.slice(0, 12)} in ${fullName}`,
    permission: request.withClosingIssues ? `${READ_PERMISSIONS}, issues: read` : READ_PERMISSIONS
  }
  // A rollback, or a commit deployed again, is its own base: an empty range, known without asking.
  const shas =
    request.base === null
      ? [request.sha]
      : request.base.toLowerCase() === request.sha.toLowerCase()
        ? []
        : await compareCommits(client, repository, request.base, request.sha)

  // 1. The pull requests of each commit, the default branch and the deployed commit's checks.
  const associated = new Map<string, AssociatedPullRequest[]>()
  const pager = new Pager(client, purpose)
  let defaultBranch: string | null = null
  const deployedChecks: CheckFacts[] = []
  // An empty range (sha already deployed) still needs the default branch and the deployed commit's checks.
  const commitGroups = shas.length > 0 ? chunk(shas, COMMITS_PER_QUERY) : [[]]
  for (const [index, group] of commitGroups.entries()) {
    const first = index === 0
    const data = await runQuery(
      client,
      associatedPullRequestsQuery(repository, group, first ? request.sha : null),
      purpose
    )
    const repo = data.obj('repository')
    if (first) {
      defaultBranch = repo.objOrNull('defaultBranchRef')?.str('name') ?? null
      const deployed = repo.objOrNull('deployed')
      if (deployed === null || deployed.str('__typename') !== 'Commit')
        throw commitNotFound(request.sha, fullName)
      readChecks(deployed, pager, deployedChecks)
    }
    group.forEach((sha, i) => {
      const commit = repo.objOrNull(`c${i}`)
      if (commit === null || commit.str('__typename') !== 'Commit') throw commitNotFound(sha, fullName)
      const list: AssociatedPullRequest[] = []
      associated.set(sha, list)
      pager.collect(
        commit.obj('associatedPullRequests'),
        'associatedPullRequests',
        commit.str('id'),
        nodes => {
          for (const pr of nodes) {
            list.push({
              number: pr.num('number'),
              merged: pr.bool('merged'),
              baseRefName: pr.str('baseRefName'),
              headSha: pr.str('headRefOid')
            })
          }
        }
      )
    })
  }
  await pager.drain()

  const deployBranch = request.deployBranch ?? defaultBranch
  if (deployBranch === null) {
    throw new UpstreamError(
      'GitHub',
      `GitHub reports no default branch for ${fullName}; set the deploy-branch input.`,
      null
    )
  }

  // 2. Which merged pull requests into the deploy branch carried each commit.
  const wanted = new Map<number, string>()
  const commits: CommitFacts[] = shas.map(sha => {
    const numbers: number[] = []
    for (const pr of associated.get(sha) ?? []) {
      if (!pr.merged || pr.baseRefName !== deployBranch || numbers.includes(pr.number)) continue
      numbers.push(pr.number)
      if (!wanted.has(pr.number)) wanted.set(pr.number, pr.headSha)
    }
    return { sha, pullRequests: numbers }
  })

  // 3. Each pull request's details and its head commit's checks.
  const pulls: PartialPullRequest[] = []
  const wantedList = [...wanted].map(([number, headSha]) => ({ number, headSha }))
  for (const group of chunk(wantedList, PULL_REQUESTS_PER_QUERY)) {
    const data = await runQuery(
      client,
      pullRequestsQuery(repository, group, request.withClosingIssues),
      purpose
    )
    const repo = data.obj('repository')
    group.forEach((wantedPr, i) => {
      const head = repo.objOrNull(`head${i}`)
      if (head === null || head.str('__typename') !== 'Commit')
        throw commitNotFound(wantedPr.headSha, fullName)
      pulls.push(readPullRequest(repo.obj(`pr${i}`), head, pager, request.withClosingIssues, fullName))
    })
  }
  await pager.drain()

  // 4. Merges inside pull requests that only brought in the deploy branch.
  await markBaseMerges(client, repository, deployBranch, pulls, purpose)

  return {
    repository: fullName,
    deployBranch,
    sha: request.sha,
    commits,
    pullRequests: pulls.map(pull => finishPullRequest(pull, fullName)),
    deployedChecks
  }
}

/** Every commit reachable from `head` and not from `base`, newest first (REST compare uses the merge base). */
export async function compareCommits(
  client: GitHubClient,
  repository: RepositoryRef,
  base: string,
  head: string
): Promise<string[]> {
  const purpose: RequestPurpose = {
    what: `the comparison ${base.slice(0, 12)}...${head.slice(0, 12)} in ${repository.owner}/${repository.name}`,
    permission: 'contents: read'
  }
  const shas: string[] = []
  for (let page = 1; ; page++) {
    const response = await client.request(
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      {
        owner: repository.owner,
        repo: repository.name,
        basehead: `${base}...${head}`,
        per_page: COMPARE_PAGE_SIZE,
        page
      },
      purpose
    )
    const answer = Answer.of(response.data, purpose.what)
    const total = answer.num('total_commits')
    const list = answer.list('commits')
    for (const commit of list) shas.push(commit.str('sha'))
    if (shas.length >= total || list.length < COMPARE_PAGE_SIZE) {
      if (shas.length < total) {
        throw new UpstreamError(
          'GitHub',
          `GitHub listed ${shas.length} of the ${total} commits of ${purpose.what}; the gate cannot establish the change set.`,
          null
        )
      }
      break
    }
  }
  return shas.reverse()
}

function commitNotFound(sha: string, fullName: string): UpstreamError {
  return new UpstreamError(
    'GitHub',
    `GitHub does not know commit ${sha} in ${fullName} (not pushed, or not in this repository).`,
    404
  )
}

async function runQuery(client: GitHubClient, query: Query, purpose: RequestPurpose): Promise<Answer> {
  return Answer.of(await client.graphql(query.query, query.variables, purpose), purpose.what)
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}

type Sink = (nodes: Answer[]) => void

/**
 * Collects connections page by page: the first page comes with the query that found the connection;
 * further pages are fetched together, many connections per request, through `node(id:)`.
 */
class Pager {
  private pending: Array<{ kind: ConnectionKind; id: string; after: string; sink: Sink }> = []
  private readonly client: GitHubClient
  private readonly purpose: RequestPurpose

  constructor(client: GitHubClient, purpose: RequestPurpose) {
    this.client = client
    this.purpose = purpose
  }

  collect(connection: Answer, kind: ConnectionKind, ownerId: string, sink: Sink): void {
    sink(connection.list('nodes'))
    const pageInfo = connection.obj('pageInfo')
    if (pageInfo.bool('hasNextPage')) {
      this.pending.push({ kind, id: ownerId, after: pageInfo.str('endCursor'), sink })
    }
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch: typeof this.pending = []
      let cost = 0
      while (this.pending.length > 0) {
        const next = this.pending[0] as (typeof this.pending)[number]
        if (batch.length > 0 && cost + pageCost(next.kind) > PAGE_NODE_BUDGET) break
        cost += pageCost(next.kind)
        batch.push(next)
        this.pending.shift()
      }
      const data = await runQuery(this.client, pagesQuery(batch), this.purpose)
      batch.forEach((page, i) => {
        const owner = data.obj(`p${i}`)
        this.collect(owner.obj(CONNECTIONS[page.kind].field), page.kind, page.id, page.sink)
      })
    }
  }
}

interface PartialIssue {
  number: number
  repository: string
  url: string
  createdAt: string
  labels: string[]
  events: Array<{ at: string; label: string; added: boolean }>
}

interface PartialPullRequest {
  facts: PullRequestFacts
  lastForcePushAt: string | null
  headCommittedAt: string
  issues: PartialIssue[]
}

function readPullRequest(
  pr: Answer,
  head: Answer,
  pager: Pager,
  withClosingIssues: boolean,
  fullName: string
): PartialPullRequest {
  const number = pr.num('number')
  if (!pr.bool('merged')) {
    throw new UpstreamError(
      'GitHub',
      `GitHub reports pull request #${number} of ${fullName} as not merged after listing it as merged.`,
      null
    )
  }
  const mergedAt = pr.strOrNull('mergedAt')
  if (mergedAt === null) {
    throw new UpstreamError(
      'GitHub',
      `GitHub gives no merge time for merged pull request #${number} of ${fullName}.`,
      null
    )
  }
  const mergedBy = pr.objOrNull('mergedBy')
  const facts: PullRequestFacts = {
    number,
    title: pr.str('title'),
    body: pr.str('body'),
    url: pr.str('url'),
    author: readAccount(pr.objOrNull('author')),
    headRefName: pr.str('headRefName'),
    baseRefName: pr.str('baseRefName'),
    headSha: pr.str('headRefOid'),
    mergedAt,
    mergedBy: mergedBy === null ? null : readAccount(mergedBy).login,
    lastPushedAt: null,
    commits: [],
    reviews: [],
    checks: [],
    closingIssues: []
  }
  if (head.str('oid') !== facts.headSha) {
    throw new UpstreamError(
      'GitHub',
      `GitHub answered for commit ${head.str('oid')} when asked for ${facts.headSha}.`,
      null
    )
  }
  const id = pr.str('id')
  pager.collect(pr.obj('commits'), 'prCommits', id, nodes => {
    for (const node of nodes) facts.commits.push(readCommit(node.obj('commit'), pager))
  })
  pager.collect(pr.obj('reviews'), 'prReviews', id, nodes => {
    for (const node of nodes) facts.reviews.push(readReview(node))
  })
  readChecks(head, pager, facts.checks)
  const forcePushes = pr.obj('forcePushes').list('nodes')
  const lastForcePush = forcePushes[forcePushes.length - 1]
  const partial: PartialPullRequest = {
    facts,
    lastForcePushAt: lastForcePush ? lastForcePush.str('createdAt') : null,
    headCommittedAt: head.str('committedDate'),
    issues: []
  }
  if (withClosingIssues) {
    pager.collect(pr.obj('closingIssuesReferences'), 'prClosingIssues', id, nodes => {
      for (const node of nodes) partial.issues.push(readIssue(node, pager))
    })
  }
  return partial
}

function readAccount(actor: Answer | null): Account {
  // GitHub shows deleted accounts as "ghost".
  if (actor === null) return { login: 'ghost', isBot: false }
  const login = actor.str('login')
  if (actor.str('__typename') === 'Bot') {
    // GraphQL gives bots their bare login; REST, the UI and commit trailers use `name[bot]`.
    return { login: login.endsWith('[bot]') ? login : `${login}[bot]`, isBot: true }
  }
  return { login, isBot: false }
}

function readCommit(commit: Answer, pager: Pager): PullRequestCommitFacts {
  const facts: PullRequestCommitFacts = {
    sha: commit.str('oid'),
    parents: [],
    participants: [],
    unresolvedParticipants: [],
    message: commit.str('message'),
    committedAt: commit.str('committedDate'),
    isBaseMerge: false
  }
  const id = commit.str('id')
  pager.collect(commit.obj('parents'), 'commitParents', id, nodes => {
    for (const node of nodes) facts.parents.push(node.str('oid'))
  })
  pager.collect(commit.obj('authors'), 'commitAuthors', id, nodes => {
    for (const node of nodes) addIdentity(facts, node)
  })
  const committer = commit.objOrNull('committer')
  if (committer !== null) addIdentity(facts, committer)
  return facts
}

/** A git identity GitHub resolved to an account is a login; otherwise it is kept as "Name <email>". */
function addIdentity(commit: PullRequestCommitFacts, actor: Answer): void {
  const user = actor.objOrNull('user')
  if (user !== null) {
    const login = user.str('login')
    if (!commit.participants.includes(login)) commit.participants.push(login)
    return
  }
  const name = actor.strOrNull('name') ?? ''
  const email = actor.strOrNull('email') ?? ''
  if (name === '' && email === '') return
  const identity = `${name} <${email}>`.trim()
  if (!commit.unresolvedParticipants.includes(identity)) commit.unresolvedParticipants.push(identity)
}

function readReview(review: Answer): ReviewFacts {
  return {
    author: readAccount(review.objOrNull('author')),
    state: review.oneOf('state', REVIEW_STATES),
    submittedAt: review.strOrNull('submittedAt'),
    commitSha: review.objOrNull('commit')?.str('oid') ?? null
  }
}

const CHECK_RUN_STATUSES = ['COMPLETED', 'IN_PROGRESS', 'PENDING', 'QUEUED', 'REQUESTED', 'WAITING'] as const
const STATUS_STATES = ['ERROR', 'EXPECTED', 'FAILURE', 'PENDING', 'SUCCESS'] as const

function readChecks(commit: Answer, pager: Pager, into: CheckFacts[]): void {
  const rollup = commit.objOrNull('statusCheckRollup')
  if (rollup === null) return
  pager.collect(rollup.obj('contexts'), 'rollupContexts', rollup.str('id'), nodes => {
    for (const node of nodes) into.push(readCheck(node))
  })
}

function readCheck(context: Answer): CheckFacts {
  const type = context.str('__typename')
  if (type === 'CheckRun') {
    const name = context.str('name')
    if (context.oneOf('status', CHECK_RUN_STATUSES) !== 'COMPLETED') {
      return { name, kind: 'check-run', conclusion: 'pending', completedAt: null }
    }
    const raw = context.strOrNull('conclusion')?.toLowerCase() ?? null
    // A completed run without a known conclusion has not shown success.
    const conclusion: CheckConclusion =
      raw !== null && (CHECK_CONCLUSIONS as readonly string[]).includes(raw)
        ? (raw as CheckConclusion)
        : 'error'
    return { name, kind: 'check-run', conclusion, completedAt: context.strOrNull('completedAt') }
  }
  if (type === 'StatusContext') {
    const name = context.str('context')
    const state = context.oneOf('state', STATUS_STATES)
    if (state === 'PENDING' || state === 'EXPECTED')
      return { name, kind: 'status', conclusion: 'pending', completedAt: null }
    return {
      name,
      kind: 'status',
      conclusion: state === 'SUCCESS' ? 'success' : state === 'FAILURE' ? 'failure' : 'error',
      completedAt: context.str('createdAt')
    }
  }
  throw new UpstreamError('GitHub', `GitHub listed a check of unknown kind '${type.slice(0, 40)}'.`, null)
}

function readIssue(issue: Answer, pager: Pager): PartialIssue {
  const partial: PartialIssue = {
    number: issue.num('number'),
    repository: issue.obj('repository').str('nameWithOwner'),
    url: issue.str('url'),
    createdAt: issue.str('createdAt'),
    labels: [],
    events: []
  }
  const id = issue.str('id')
  pager.collect(issue.obj('labels'), 'issueLabels', id, nodes => {
    for (const node of nodes) partial.labels.push(node.str('name'))
  })
  pager.collect(issue.obj('timelineItems'), 'issueLabelEvents', id, nodes => {
    for (const node of nodes) {
      const type = node.oneOf('__typename', ['LabeledEvent', 'UnlabeledEvent'] as const)
      partial.events.push({
        at: node.str('createdAt'),
        label: node.obj('label').str('name'),
        added: type === 'LabeledEvent'
      })
    }
  })
  return partial
}

function finishPullRequest(pull: PartialPullRequest, fullName: string): PullRequestFacts {
  const facts = pull.facts
  if (!facts.commits.some(c => c.sha === facts.headSha)) {
    // GitHub lists at most 250 commits of a pull request: without the head, the list is incomplete.
    throw new UpstreamError(
      'GitHub',
      `GitHub's commit list of pull request #${facts.number} does not contain its head ${facts.headSha}; the gate cannot establish who contributed.`,
      null
    )
  }
  facts.lastPushedAt = latest(pull.headCommittedAt, pull.lastForcePushAt)
  facts.closingIssues = pull.issues.map(issue => finishIssue(issue, fullName))
  return facts
}

function latest(a: string, b: string | null): string {
  if (b === null) return a
  return Date.parse(b) > Date.parse(a) ? b : a
}

/**
 * Label history, oldest first: walks the label events back from the current labels, so each entry's
 * `from`/`to` are the label sets before and after it and the last `to` is what the issue carries now.
 */
function finishIssue(issue: PartialIssue, fullName: string): TicketFacts {
  const history: TicketFacts['history'] = []
  let current = new Set(issue.labels)
  for (const event of [...issue.events].reverse()) {
    const before = new Set(current)
    if (event.added) before.delete(event.label)
    else before.add(event.label)
    history.push({ at: event.at, from: [...before].sort(), to: [...current].sort() })
    current = before
  }
  history.reverse()
  const sameRepository = issue.repository.toLowerCase() === fullName.toLowerCase()
  return {
    key: sameRepository ? `#${issue.number}` : `${issue.repository}#${issue.number}`,
    url: issue.url,
    statuses: [...issue.labels],
    createdAt: issue.createdAt,
    history
  }
}

async function markBaseMerges(
  client: GitHubClient,
  repository: RepositoryRef,
  deployBranch: string,
  pulls: PartialPullRequest[],
  purpose: RequestPurpose
): Promise<void> {
  const candidates: Array<{ commit: PullRequestCommitFacts; others: string[] }> = []
  for (const { facts } of pulls) {
    const own = new Set(facts.commits.map(c => c.sha))
    for (const commit of facts.commits) {
      const others = commit.parents.slice(1)
      // A merge of the pull request's own commits (or of anything but the base) is not a base merge.
      if (others.length === 0 || others.some(p => own.has(p))) continue
      candidates.push({ commit, others })
    }
  }
  const parents = [...new Set(candidates.flatMap(c => c.others))]
  const onBranch = new Set<string>()
  for (const group of chunk(parents, COMPARISONS_PER_QUERY)) {
    const data = await runQuery(client, branchContainsQuery(repository, deployBranch, group), purpose)
    const ref = data.obj('repository').objOrNull('ref')
    if (ref === null) continue
    group.forEach((sha, i) => {
      const status = ref
        .objOrNull(`p${i}`)
        ?.oneOf('status', ['AHEAD', 'BEHIND', 'DIVERGED', 'IDENTICAL'] as const)
      if (status === 'BEHIND' || status === 'IDENTICAL') onBranch.add(sha)
    })
  }
  for (const { commit, others } of candidates) commit.isBaseMerge = others.every(p => onBranch.has(p))
}
