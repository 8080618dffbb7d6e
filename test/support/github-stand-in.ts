/**
 * A local GitHub: a real HTTP server on 127.0.0.1 that serves a scenario (github-scenario.ts).
 *
 * GraphQL is executed with graphql-js against GitHub's published schema (@octokit/graphql-schema), so
 * a query GitHub would reject (unknown field, missing or excessive `first`, over 500,000 nodes) is
 * rejected here too; fields the stand-in does not model answer with an error naming them. REST serves
 * the routes the gate uses: repository, compare (paginated), branches, branch protection, branch rules,
 * issues. It checks the token, counts requests by route, and can delay or fail requests on demand.
 *
 *   const standIn = await startGitHubStandIn(s)          // s: a Scenario or its ScenarioData
 *   standIn.url / standIn.graphqlUrl                      // GITHUB_API_URL / GITHUB_GRAPHQL_URL
 *   standIn.token                                         // the token it accepts
 *   standIn.count('POST /graphql')                        // requests so far (all routes without argument)
 *   standIn.failNext(1, { status: 502 })                  // the next request answers 502
 *   standIn.failNext(2, { status: 429, retryAfter: 1, route: 'POST /graphql' })
 *   standIn.failNext(1, { status: 0, delayMs: 500 })      // the next answer is slow, not failed
 *   standIn.failAll({ status: 401 }); standIn.stopFailing(); standIn.setDelay(50)
 *   await standIn.close()
 *
 * `startGitHubStandIn(s, { ghes: true })` serves REST under /api/v3 and GraphQL at /api/graphql only,
 * like GitHub Enterprise Server. `spawnGitHubStandIn(data)` runs it as its own process (plain Node 24).
 * The data stays live: changes made through the Scenario after start are visible to later requests.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { schema as githubSchema } from '@octokit/graphql-schema'
import {
  GraphQLError,
  Kind,
  buildClientSchema,
  execute,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type IntrospectionQuery
} from 'graphql'
import { MAX_NODES, measureQuery } from './github-node-count.js'
import type {
  GitIdentity,
  Permission,
  Scenario,
  ScenarioAccount,
  ScenarioCheckRun,
  ScenarioCommit,
  ScenarioData,
  ScenarioIssue,
  ScenarioPermissions,
  ScenarioPullRequest,
  ScenarioReview,
  ScenarioStatus
} from './github-scenario.js'

let cachedSchema: GraphQLSchema | null = null

/** GitHub's GraphQL schema, built once per process. */
export function githubGraphQLSchema(): GraphQLSchema {
  cachedSchema ??= buildClientSchema(githubSchema.json as unknown as IntrospectionQuery)
  return cachedSchema
}

export interface Failure {
  /** 0: no failure, only `delayMs` (a slow answer). */
  status: number
  /** Wait this long before answering. */
  delayMs?: number
  /** The `message` of the JSON body. */
  message?: string
  /** Sent as `retry-after` (seconds). */
  retryAfter?: number
  headers?: Record<string, string>
  /** A whole JSON body instead of `{ message }`. */
  body?: unknown
  /** Only requests of this route fail, e.g. 'POST /graphql'. */
  route?: string
}

export interface RequestRecord {
  method: string
  path: string
  route: string
  status: number
  /** The GraphQL operation name, for GraphQL requests. */
  operation?: string
}

export interface StandInOptions {
  /** GitHub Enterprise Server layout: REST under /api/v3, GraphQL at /api/graphql. */
  ghes?: boolean
  port?: number
}

export interface GitHubStandIn {
  /** The REST base URL (GITHUB_API_URL). */
  url: string
  /** The GraphQL endpoint (GITHUB_GRAPHQL_URL). */
  graphqlUrl: string
  token: string
  /** The live scenario data. */
  data: ScenarioData
  requests: RequestRecord[]
  /** Requests so far, of one route (e.g. 'POST /graphql') or all. */
  count(route?: string): number
  resetRequests(): void
  /** The next `count` requests (of `failure.route`, if given) fail as described. */
  failNext(count: number, failure: Failure): void
  failAll(failure: Failure): void
  stopFailing(): void
  /** A fixed delay before every answer. */
  setDelay(ms: number): void
  close(): Promise<void>
}

class GitHubGraphQLError extends Error {
  readonly type: string
  constructor(type: string, message: string) {
    super(message)
    this.type = type
  }
}

const notFound = (message: string) => new GitHubGraphQLError('NOT_FOUND', message)
const forbidden = () => new GitHubGraphQLError('FORBIDDEN', 'Resource not accessible by integration')

function allows(granted: Permission, needed: 'read' | 'write'): boolean {
  return needed === 'read' ? granted !== 'none' : granted === 'write'
}

export async function startGitHubStandIn(
  source: Scenario | ScenarioData,
  options: StandInOptions = {}
): Promise<GitHubStandIn> {
  const data: ScenarioData = 'data' in source && !('owner' in source) ? source.data : (source as ScenarioData)
  const schema = githubGraphQLSchema()
  const requests: RequestRecord[] = []
  let failures: Array<{ remaining: number | null; failure: Failure }> = []
  let delay = 0

  const restPrefix = options.ghes ? '/api/v3' : ''
  const graphqlPath = options.ghes ? '/api/graphql' : '/graphql'

  const takeFailure = (route: string): Failure | null => {
    for (const entry of failures) {
      if (entry.failure.route !== undefined && entry.failure.route !== route) continue
      if (entry.remaining !== null) {
        entry.remaining -= 1
        if (entry.remaining <= 0) failures = failures.filter(f => f !== entry)
      }
      return entry.failure
    }
    return null
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { message: `stand-in error: ${error instanceof Error ? error.message : String(error)}` })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const method = req.method ?? 'GET'
    const body = await readBody(req)

    if (url.pathname.startsWith('/_stand-in/')) {
      control(url.pathname.slice('/_stand-in/'.length), body, res)
      return
    }

    let route = 'unknown'
    let answer: { status: number; body: unknown; headers?: Record<string, string> }
    let operation: string | undefined
    if (url.pathname === graphqlPath && method === 'POST') {
      route = 'POST /graphql'
    } else if (url.pathname.startsWith(`${restPrefix}/`) || restPrefix === '') {
      route = restRoute(method, url.pathname.slice(restPrefix.length))
    }

    const failure = takeFailure(route)
    const wait = delay + (failure?.delayMs ?? 0)
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
    if (failure && failure.status !== 0) {
      const headers: Record<string, string> = { ...(failure.headers ?? {}) }
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter)
      answer = {
        status: failure.status,
        body: failure.body ?? { message: failure.message ?? defaultMessage(failure.status) },
        headers
      }
    } else if (!authorized(req.headers.authorization, data.token)) {
      answer = {
        status: 401,
        body: {
          message: req.headers.authorization ? 'Bad credentials' : 'Requires authentication',
          documentation_url: 'https://docs.github.com/rest'
        }
      }
    } else if (route === 'POST /graphql') {
      const result = graphql(schema, data, body)
      operation = result.operation
      answer = { status: 200, body: result.body }
    } else if (route === 'unknown') {
      answer = {
        status: 404,
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }
      }
    } else {
      answer = rest(data, method, url, body, restPrefix)
    }
    requests.push({ method, path: url.pathname + url.search, route, status: answer.status, operation })
    send(res, answer.status, answer.body, answer.headers)
  }

  function control(command: string, body: string, res: ServerResponse): void {
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {}
    switch (command) {
      case 'requests':
        send(res, 200, requests)
        return
      case 'data':
        send(res, 200, data)
        return
      case 'fail':
        failures.push({
          remaining: typeof input.count === 'number' ? input.count : null,
          failure: input.failure as Failure
        })
        break
      case 'stop-failing':
        failures = []
        break
      case 'delay':
        delay = Number(input.ms ?? 0)
        break
      case 'reset':
        requests.length = 0
        failures = []
        break
      default:
        send(res, 404, { message: `unknown control ${command}` })
        return
    }
    send(res, 200, { ok: true })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}${restPrefix}`,
    graphqlUrl: `${origin}${graphqlPath}`,
    token: data.token,
    data,
    requests,
    count: route => (route === undefined ? requests.length : requests.filter(r => r.route === route).length),
    resetRequests: () => {
      requests.length = 0
    },
    failNext: (count, failure) => {
      failures.push({ remaining: count, failure })
    },
    failAll: failure => {
      failures.push({ remaining: null, failure })
    },
    stopFailing: () => {
      failures = []
    },
    setDelay: ms => {
      delay = ms
    },
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 401:
      return 'Bad credentials'
    case 403:
      return 'Resource not accessible by integration'
    case 404:
      return 'Not Found'
    case 429:
      return 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    case 502:
      return 'Server Error'
    case 503:
      return 'Service Unavailable'
    default:
      return `HTTP ${status}`
  }
}

function authorized(header: string | undefined, token: string): boolean {
  if (!header) return false
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(header)
  return match !== null && match[1] === token
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-github-request-id': 'STAND-IN',
    ...headers
  })
  res.end(text)
}

// ---- the git graph ---------------------------------------------------------------------------------

class Git {
  private readonly data: ScenarioData
  private readonly reach = new Map<string, Set<string>>()

  constructor(data: ScenarioData) {
    this.data = data
  }

  commit(sha: string): ScenarioCommit | undefined {
    return this.data.commits[sha.toLowerCase()]
  }

  /** A branch name, `refs/heads/<name>`, or a full or abbreviated SHA. */
  resolve(ref: string): string | null {
    const name = ref.replace(/^refs\/heads\//, '')
    const branch = this.data.branches[name]
    if (branch) return branch
    if (/^[0-9a-f]{40}$/i.test(ref)) return this.commit(ref) ? ref.toLowerCase() : null
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      const matches = Object.keys(this.data.commits).filter(sha => sha.startsWith(ref.toLowerCase()))
      return matches.length === 1 ? (matches[0] as string) : null
    }
    return null
  }

  /** `sha` and all its ancestors. */
  reachable(sha: string): Set<string> {
    const cached = this.reach.get(sha)
    if (cached) return cached
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (seen.has(next)) continue
      seen.add(next)
      for (const parent of this.commit(next)?.parents ?? []) stack.push(parent)
    }
    this.reach.set(sha, seen)
    return seen
  }

  /** Commits reachable from head and not from base, parents before children. */
  range(base: string, head: string): string[] {
    const exclude = this.reachable(base)
    const order: string[] = []
    const visited = new Set<string>()
    const visit = (sha: string) => {
      // Iterative post-order, so long histories do not overflow the stack.
      const stack: Array<{ sha: string; expanded: boolean }> = [{ sha, expanded: false }]
      while (stack.length > 0) {
        const top = stack.pop() as { sha: string; expanded: boolean }
        if (top.expanded) {
          order.push(top.sha)
          continue
        }
        if (visited.has(top.sha) || exclude.has(top.sha)) continue
        visited.add(top.sha)
        stack.push({ sha: top.sha, expanded: true })
        const parents = this.commit(top.sha)?.parents ?? []
        for (const parent of [...parents].reverse()) stack.push({ sha: parent, expanded: false })
      }
    }
    visit(head)
    return order
  }

  compare(
    base: string,
    head: string
  ): { status: string; aheadBy: number; behindBy: number; mergeBase: string | null } {
    const baseReach = this.reachable(base)
    const headReach = this.reachable(head)
    const aheadBy = [...headReach].filter(sha => !baseReach.has(sha)).length
    const behindBy = [...baseReach].filter(sha => !headReach.has(sha)).length
    const status =
      aheadBy === 0 && behindBy === 0
        ? 'identical'
        : behindBy === 0
          ? 'ahead'
          : aheadBy === 0
            ? 'behind'
            : 'diverged'
    const common = [...headReach].filter(sha => baseReach.has(sha))
    // The best common ancestor: one that is not an ancestor of another common ancestor.
    const mergeBase =
      common.find(
        candidate => !common.some(other => other !== candidate && this.reachable(other).has(candidate))
      ) ?? null
    return { status, aheadBy, behindBy, mergeBase }
  }

  onBranch(sha: string, branch: string): boolean {
    const tip = this.data.branches[branch]
    return tip !== undefined && this.reachable(tip).has(sha)
  }
}

function coAuthors(message: string): Array<{ name: string; email: string }> {
  const result: Array<{ name: string; email: string }> = []
  for (const match of message.matchAll(/^Co-authored-by:\s*(.*?)\s*<([^>]+)>\s*$/gim)) {
    result.push({ name: match[1] ?? '', email: match[2] ?? '' })
  }
  return result
}

function accountByEmail(data: ScenarioData, email: string): ScenarioAccount | undefined {
  const lower = email.toLowerCase()
  return Object.values(data.accounts).find(a => a.email.toLowerCase() === lower)
}

// ---- GraphQL ---------------------------------------------------------------------------------------

type Args = Record<string, unknown>
type View = Record<string, unknown>

function nodeId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`).toString('base64url')
}

function decodeNodeId(id: string): { type: string; key: string } | null {
  const text = Buffer.from(id, 'base64url').toString('utf8')
  const colon = text.indexOf(':')
  return colon > 0 ? { type: text.slice(0, colon), key: text.slice(colon + 1) } : null
}

const cursorOf = (index: number) => Buffer.from(`cursor:v2:${index}`).toString('base64')
function indexOf(cursor: unknown): number {
  const text = Buffer.from(String(cursor), 'base64').toString('utf8')
  const match = /^cursor:v2:(\d+)$/.exec(text)
  if (!match)
    throw new GitHubGraphQLError(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${String(cursor)}\` does not appear to be a valid cursor.`
    )
  return Number(match[1])
}

function connection(items: readonly unknown[], args: Args, field: string): View {
  const first = typeof args.first === 'number' ? args.first : null
  const last = typeof args.last === 'number' ? args.last : null
  if (first === null && last === null) {
    throw new GitHubGraphQLError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`
    )
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last]
  ] as const) {
    if (value !== null && (value < 0 || value > 100)) {
      throw new GitHubGraphQLError(
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`
      )
    }
  }
  let start = args.after != null ? indexOf(args.after) + 1 : 0
  let end = args.before != null ? indexOf(args.before) : items.length
  start = Math.max(0, Math.min(start, items.length))
  end = Math.max(start, Math.min(end, items.length))
  if (first !== null) end = Math.min(end, start + first)
  if (last !== null) start = Math.max(start, end - last)
  const nodes = items.slice(start, end)
  return {
    totalCount: items.length,
    nodes,
    edges: nodes.map((node, i) => ({ cursor: cursorOf(start + i), node })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length > 0 ? cursorOf(start) : null,
      endCursor: nodes.length > 0 ? cursorOf(end - 1) : null
    }
  }
}

/** Builds the views GraphQL resolves over: plain objects whose function-valued fields take arguments. */
class Views {
  private readonly data: ScenarioData
  private readonly git: Git
  private readonly permissions: ScenarioPermissions

  constructor(data: ScenarioData) {
    this.data = data
    this.git = new Git(data)
    this.permissions = data.permissions
  }

  private get fullName(): string {
    return `${this.data.owner}/${this.data.name}`
  }

  private need(permission: keyof ScenarioPermissions): void {
    if (!allows(this.permissions[permission], 'read')) throw forbidden()
  }

  root(): View {
    return {
      repository: (args: Args) => {
        const owner = String(args.owner).toLowerCase()
        const name = String(args.name).toLowerCase()
        if (owner !== this.data.owner.toLowerCase() || name !== this.data.name.toLowerCase()) {
          throw notFound(
            `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`
          )
        }
        this.need('contents')
        return this.repository()
      },
      node: (args: Args) => this.node(String(args.id)),
      rateLimit: () => ({
        limit: 5000,
        remaining: 4999,
        used: 1,
        cost: 1,
        resetAt: new Date(Date.now() + 3600_000).toISOString()
      })
    }
  }

  private node(id: string): View | null {
    const decoded = decodeNodeId(id)
    if (!decoded) throw notFound(`Could not resolve to a node with the global id of '${id}'`)
    const { type, key } = decoded
    switch (type) {
      case 'Commit':
        return this.git.commit(key) ? this.commit(key) : null
      case 'PullRequest': {
        const pr = this.data.pullRequests.find(p => p.number === Number(key))
        return pr ? this.pullRequest(pr) : null
      }
      case 'Issue': {
        const issue = this.data.issues.find(i => `${i.repository}#${i.number}` === key)
        return issue ? this.issue(issue) : null
      }
      case 'StatusCheckRollup':
        return this.rollup(key)
      default:
        throw new GitHubGraphQLError('NOT_FOUND', `The stand-in does not resolve nodes of type ${type}`)
    }
  }

  private repository(): View {
    return {
      __typename: 'Repository',
      id: nodeId('Repository', this.fullName),
      name: this.data.name,
      nameWithOwner: this.fullName,
      url: `${this.data.serverUrl}/${this.fullName}`,
      owner: {
        __typename: 'Organization',
        login: this.data.owner,
        id: nodeId('Organization', this.data.owner)
      },
      defaultBranchRef: () => this.ref(this.data.defaultBranch),
      ref: (args: Args) => this.ref(String(args.qualifiedName).replace(/^refs\/heads\//, '')),
      object: (args: Args) => {
        const sha =
          typeof args.oid === 'string'
            ? args.oid
            : this.git.resolve(typeof args.expression === 'string' ? args.expression : '')
        return sha && this.git.commit(sha) ? this.commit(sha.toLowerCase()) : null
      },
      pullRequest: (args: Args) => {
        this.need('pullRequests')
        const pr = this.data.pullRequests.find(p => p.number === args.number)
        if (!pr)
          throw notFound(`Could not resolve to a PullRequest with the number of ${String(args.number)}.`)
        return this.pullRequest(pr)
      },
      issue: (args: Args) => {
        this.need('issues')
        const issue = this.data.issues.find(i => i.repository === this.fullName && i.number === args.number)
        if (!issue) throw notFound(`Could not resolve to an Issue with the number of ${String(args.number)}.`)
        return this.issue(issue)
      }
    }
  }

  private repositoryStub(fullName: string): View {
    const [owner = '', name = ''] = fullName.split('/')
    return {
      __typename: 'Repository',
      id: nodeId('Repository', fullName),
      name,
      nameWithOwner: fullName,
      owner: { __typename: 'Organization', login: owner, id: nodeId('Organization', owner) },
      url: `${this.data.serverUrl}/${fullName}`
    }
  }

  private ref(branch: string): View | null {
    const tip = this.data.branches[branch]
    if (tip === undefined) return null
    return {
      __typename: 'Ref',
      id: nodeId('Ref', branch),
      name: branch,
      prefix: 'refs/heads/',
      target: () => this.commit(tip),
      compare: (args: Args) => {
        const head = this.git.resolve(String(args.headRef))
        if (head === null) return null
        const result = this.git.compare(tip, head)
        return {
          __typename: 'Comparison',
          id: nodeId('Comparison', `${tip}...${head}`),
          status: result.status.toUpperCase(),
          aheadBy: result.aheadBy,
          behindBy: result.behindBy,
          baseTarget: () => this.commit(tip),
          headTarget: () => this.commit(head),
          commits: (a: Args) =>
            connection(
              this.git.range(tip, head).map(sha => this.commit(sha)),
              a,
              'commits'
            )
        }
      }
    }
  }

  private account(login: string | null): View | null {
    if (login === null) return null
    const account = this.data.accounts[login]
    if (!account) return null
    if (account.type === 'Bot') {
      return {
        __typename: 'Bot',
        id: nodeId('Bot', account.id),
        login: account.login.replace(/\[bot\]$/, ''),
        url: `${this.data.serverUrl}/apps/${account.login.replace(/\[bot\]$/, '')}`
      }
    }
    return {
      __typename: 'User',
      id: nodeId('User', account.id),
      login: account.login,
      name: account.name,
      url: `${this.data.serverUrl}/${account.login}`
    }
  }

  private gitActor(identity: { name: string; email: string; date?: string }): View {
    const account = accountByEmail(this.data, identity.email)
    return {
      __typename: 'GitActor',
      name: identity.name,
      email: identity.email,
      date: identity.date ?? null,
      // GitActor.user is a User: bots' commits stay unresolved.
      user: account && account.type === 'User' ? this.account(account.login) : null
    }
  }

  commit(sha: string): View {
    const c = this.git.commit(sha) as ScenarioCommit
    const [headline = '', ...rest] = c.message.split('\n')
    return {
      __typename: 'Commit',
      id: nodeId('Commit', c.sha),
      oid: c.sha,
      abbreviatedOid: c.sha.slice(0, 7),
      message: c.message,
      messageHeadline: headline,
      messageBody: rest.join('\n').trim(),
      committedDate: c.committer.date,
      authoredDate: c.author.date,
      url: `${this.data.serverUrl}/${this.fullName}/commit/${c.sha}`,
      author: this.gitActor(c.author),
      committer: this.gitActor(c.committer),
      authors: (args: Args) => {
        const identities: Array<Omit<GitIdentity, 'date'> & { date?: string }> = [c.author]
        for (const co of coAuthors(c.message)) {
          if (!identities.some(i => i.email.toLowerCase() === co.email.toLowerCase())) identities.push(co)
        }
        return connection(
          identities.map(i => this.gitActor(i)),
          args,
          'authors'
        )
      },
      parents: (args: Args) =>
        connection(
          c.parents.map(p => this.commit(p)),
          args,
          'parents'
        ),
      associatedPullRequests: (args: Args) => {
        this.need('pullRequests')
        return connection(
          this.associatedPullRequests(c.sha).map(pr => this.pullRequest(pr)),
          args,
          'associatedPullRequests'
        )
      },
      statusCheckRollup: () => {
        this.need('checks')
        this.need('statuses')
        return this.rollup(c.sha)
      }
    }
  }

  /**
   * The schema's words: the merged pull request that introduced the commit; if the commit is not on the
   * default branch, also open pull requests that contain it.
   */
  private associatedPullRequests(sha: string): ScenarioPullRequest[] {
    const onDefault = this.git.onBranch(sha, this.data.defaultBranch)
    return this.data.pullRequests
      .filter(pr => pr.commits.includes(sha) || pr.landed.includes(sha))
      .filter(pr => pr.state === 'MERGED' || (!onDefault && pr.state === 'OPEN'))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
  }

  private pullRequest(pr: ScenarioPullRequest): View {
    return {
      __typename: 'PullRequest',
      id: nodeId('PullRequest', pr.number),
      number: pr.number,
      title: pr.title,
      body: pr.body,
      url: `${this.data.serverUrl}/${this.fullName}/pull/${pr.number}`,
      state: pr.state,
      createdAt: pr.createdAt,
      closed: pr.state !== 'OPEN',
      isDraft: false,
      merged: pr.state === 'MERGED',
      mergedAt: pr.mergedAt,
      headRefName: pr.headRefName,
      baseRefName: pr.baseRefName,
      headRefOid: pr.headRefOid,
      baseRefOid: pr.baseRefOid,
      author: this.account(pr.author),
      mergedBy: this.account(pr.mergedBy),
      mergeCommit: () => (pr.mergeCommit ? this.commit(pr.mergeCommit) : null),
      commits: (args: Args) =>
        connection(
          pr.commits.map(sha => this.pullRequestCommit(pr, sha)),
          args,
          'commits'
        ),
      reviews: (args: Args) => {
        const states = Array.isArray(args.states) ? (args.states as string[]) : null
        const reviews = pr.reviews
          .filter(r => (states ? states.includes(r.state) : true))
          .filter(r => (args.author != null ? r.author === args.author : true))
        return connection(
          reviews.map(r => this.review(pr, r)),
          args,
          'reviews'
        )
      },
      timelineItems: (args: Args) =>
        connection(this.pullRequestTimeline(pr, args.itemTypes), args, 'timelineItems'),
      closingIssuesReferences: (args: Args) => {
        this.need('issues')
        const issues = pr.closes
          .map(ref => this.data.issues.find(i => `${i.repository}#${i.number}` === ref))
          .filter((i): i is ScenarioIssue => i !== undefined)
        return connection(
          issues.map(i => this.issue(i)),
          args,
          'closingIssuesReferences'
        )
      },
      statusCheckRollup: () => this.rollup(pr.headRefOid)
    }
  }

  private pullRequestCommit(pr: ScenarioPullRequest, sha: string): View {
    return {
      __typename: 'PullRequestCommit',
      id: nodeId('PullRequestCommit', `${pr.number}:${sha}`),
      commit: this.commit(sha),
      url: `${this.data.serverUrl}/${this.fullName}/pull/${pr.number}/commits/${sha}`
    }
  }

  private review(pr: ScenarioPullRequest, review: ScenarioReview): View {
    return {
      __typename: 'PullRequestReview',
      id: nodeId('PullRequestReview', review.id),
      state: review.state,
      submittedAt: review.submittedAt,
      createdAt: review.submittedAt ?? pr.createdAt,
      body: '',
      author: this.account(review.author),
      commit: review.commit && this.git.commit(review.commit) ? this.commit(review.commit) : null,
      url: `${this.data.serverUrl}/${this.fullName}/pull/${pr.number}#pullrequestreview-${review.id}`
    }
  }

  private static readonly PR_TIMELINE = [
    'PULL_REQUEST_COMMIT',
    'HEAD_REF_FORCE_PUSHED_EVENT',
    'PULL_REQUEST_REVIEW',
    'MERGED_EVENT'
  ]

  private pullRequestTimeline(pr: ScenarioPullRequest, itemTypes: unknown): View[] {
    const types = Array.isArray(itemTypes) ? (itemTypes as string[]) : Views.PR_TIMELINE
    const unmodelled = types.filter(t => !Views.PR_TIMELINE.includes(t))
    if (unmodelled.length > 0) {
      throw new GitHubGraphQLError(
        'STAND_IN',
        `The GitHub stand-in does not model timeline items ${unmodelled.join(', ')}`
      )
    }
    const items: Array<{ at: string; view: View }> = []
    if (types.includes('PULL_REQUEST_COMMIT')) {
      for (const sha of pr.commits) {
        items.push({
          at: (this.git.commit(sha) as ScenarioCommit).committer.date,
          view: this.pullRequestCommit(pr, sha)
        })
      }
    }
    if (types.includes('HEAD_REF_FORCE_PUSHED_EVENT')) {
      pr.forcePushes.forEach((push, i) => {
        items.push({
          at: push.at,
          view: {
            __typename: 'HeadRefForcePushedEvent',
            id: nodeId('HeadRefForcePushedEvent', `${pr.number}:${i}`),
            createdAt: push.at,
            actor: this.account(push.actor),
            beforeCommit: this.git.commit(push.before) ? this.commit(push.before) : null,
            afterCommit: this.git.commit(push.after) ? this.commit(push.after) : null
          }
        })
      })
    }
    if (types.includes('PULL_REQUEST_REVIEW')) {
      for (const review of pr.reviews) {
        if (review.submittedAt) items.push({ at: review.submittedAt, view: this.review(pr, review) })
      }
    }
    if (types.includes('MERGED_EVENT') && pr.mergedAt) {
      items.push({
        at: pr.mergedAt,
        view: {
          __typename: 'MergedEvent',
          id: nodeId('MergedEvent', pr.number),
          createdAt: pr.mergedAt,
          actor: this.account(pr.mergedBy),
          commit: pr.mergeCommit ? this.commit(pr.mergeCommit) : null
        }
      })
    }
    return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map(item => item.view)
  }

  /** Latest check run per name and latest status per context, like GitHub's rollup. */
  private rollup(sha: string): View | null {
    const runs = new Map<string, ScenarioCheckRun>()
    for (const run of this.data.checkRuns[sha] ?? []) runs.set(run.name, run)
    const statuses = new Map<string, ScenarioStatus>()
    for (const status of this.data.statuses[sha] ?? []) statuses.set(status.context, status)
    if (runs.size === 0 && statuses.size === 0) return null
    const contexts: View[] = [
      ...[...runs.values()].map(run => ({
        __typename: 'CheckRun',
        id: nodeId('CheckRun', run.id),
        name: run.name,
        status: run.status,
        conclusion: run.conclusion,
        startedAt: run.startedAt,
        completedAt: run.completedAt,
        url: `${this.data.serverUrl}/${this.fullName}/runs/${run.id}`
      })),
      ...[...statuses.values()].map(status => ({
        __typename: 'StatusContext',
        id: nodeId('StatusContext', `${sha}:${status.context}`),
        context: status.context,
        state: status.state,
        createdAt: status.createdAt,
        description: null,
        targetUrl: null
      }))
    ]
    const failing = contexts.some(c =>
      ['FAILURE', 'ERROR', 'CANCELLED', 'TIMED_OUT'].includes(String(c.conclusion ?? c.state))
    )
    const pending = contexts.some(c =>
      c.__typename === 'CheckRun' ? c.status !== 'COMPLETED' : c.state === 'PENDING'
    )
    return {
      __typename: 'StatusCheckRollup',
      id: nodeId('StatusCheckRollup', sha),
      state: failing ? 'FAILURE' : pending ? 'PENDING' : 'SUCCESS',
      commit: () => this.commit(sha),
      contexts: (args: Args) => connection(contexts, args, 'contexts')
    }
  }

  private issue(issue: ScenarioIssue): View {
    const label = (name: string) => ({
      __typename: 'Label',
      id: nodeId('Label', name),
      name,
      color: 'ededed'
    })
    return {
      __typename: 'Issue',
      id: nodeId('Issue', `${issue.repository}#${issue.number}`),
      number: issue.number,
      title: issue.title,
      body: issue.body,
      url: `${this.data.serverUrl}/${issue.repository}/issues/${issue.number}`,
      createdAt: issue.createdAt,
      state: issue.state,
      closed: issue.state === 'CLOSED',
      author: this.account(issue.author),
      repository: () => this.repositoryStub(issue.repository),
      labels: (args: Args) => connection(issue.labels.map(label), args, 'labels'),
      timelineItems: (args: Args) => {
        const types = Array.isArray(args.itemTypes)
          ? (args.itemTypes as string[])
          : ['LABELED_EVENT', 'UNLABELED_EVENT']
        const unmodelled = types.filter(t => t !== 'LABELED_EVENT' && t !== 'UNLABELED_EVENT')
        if (unmodelled.length > 0) {
          throw new GitHubGraphQLError(
            'STAND_IN',
            `The GitHub stand-in does not model timeline items ${unmodelled.join(', ')}`
          )
        }
        const events = issue.events
          .filter(e => types.includes(e.type === 'labeled' ? 'LABELED_EVENT' : 'UNLABELED_EVENT'))
          .map((e, i) => ({
            __typename: e.type === 'labeled' ? 'LabeledEvent' : 'UnlabeledEvent',
            id: nodeId('LabelEvent', `${issue.repository}#${issue.number}:${i}`),
            createdAt: e.at,
            label: label(e.label),
            actor: this.account(e.actor)
          }))
        return connection(events, args, 'timelineItems')
      }
    }
  }
}

const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
  if (typeof source !== 'object' || source === null) return null
  const view = source as View
  if (!(info.fieldName in view)) {
    throw new GitHubGraphQLError(
      'STAND_IN',
      `The GitHub stand-in does not model ${info.parentType.name}.${info.fieldName}`
    )
  }
  const value = view[info.fieldName]
  return typeof value === 'function' ? (value as (args: Args) => unknown)(args) : value
}

function formatError(error: GraphQLError): Record<string, unknown> {
  const original = error.originalError
  return {
    ...(original instanceof GitHubGraphQLError ? { type: original.type } : {}),
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {})
  }
}

function graphql(
  schema: GraphQLSchema,
  data: ScenarioData,
  body: string
): { body: unknown; operation?: string } {
  let request: { query?: unknown; variables?: unknown; operationName?: unknown }
  try {
    request = JSON.parse(body) as typeof request
  } catch {
    return { body: { errors: [{ message: 'Problems parsing JSON' }] } }
  }
  if (typeof request.query !== 'string')
    return { body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } }
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (error) {
    return { body: { errors: [{ message: error instanceof Error ? error.message : String(error) }] } }
  }
  const operation = document.definitions.find(d => d.kind === Kind.OPERATION_DEFINITION)
  const operationName = operation && 'name' in operation ? operation.name?.value : undefined
  const invalid = validate(schema, document)
  if (invalid.length > 0) return { body: { errors: invalid.map(formatError) }, operation: operationName }
  const variables = (request.variables ?? {}) as Record<string, unknown>
  const limits = measureQuery(document, variables)
  if (limits.excessive.length > 0) {
    const e = limits.excessive[0] as { field: string; requested: number }
    return {
      body: {
        errors: [
          {
            type: 'EXCESSIVE_PAGINATION',
            message: `Requesting ${e.requested} records on the \`${e.field}\` connection exceeds the \`first\` limit of 100 records.`
          }
        ]
      },
      operation: operationName
    }
  }
  if (limits.nodes > MAX_NODES) {
    return {
      body: {
        errors: [
          {
            type: 'MAX_NODE_LIMIT_EXCEEDED',
            message: `This query requests up to ${limits.nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of 500,000.`
          }
        ]
      },
      operation: operationName
    }
  }
  const views = new Views(data)
  const result = execute({
    schema,
    document,
    rootValue: views.root(),
    variableValues: variables,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    fieldResolver,
    typeResolver: value => (value as View).__typename as string
  })
  if (result instanceof Promise) throw new Error('the stand-in resolves synchronously')
  return {
    body: { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map(formatError) } : {}) },
    operation: operationName
  }
}

// ---- REST ------------------------------------------------------------------------------------------

const REST_ROUTES: Array<{ method: string; pattern: RegExp; route: string }> = [
  { method: 'GET', pattern: /^\/repos\/[^/]+\/[^/]+$/, route: 'GET /repos/{owner}/{repo}' },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/compare\/[^/]+$/,
    route: 'GET /repos/{owner}/{repo}/compare/{basehead}'
  },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/branches\/[^/]+$/,
    route: 'GET /repos/{owner}/{repo}/branches/{branch}'
  },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/branches\/[^/]+\/protection$/,
    route: 'GET /repos/{owner}/{repo}/branches/{branch}/protection'
  },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/rules\/branches\/[^/]+$/,
    route: 'GET /repos/{owner}/{repo}/rules/branches/{branch}'
  },
  { method: 'POST', pattern: /^\/repos\/[^/]+\/[^/]+\/issues$/, route: 'POST /repos/{owner}/{repo}/issues' },
  {
    method: 'GET',
    pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/,
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}'
  }
]

function restRoute(method: string, path: string): string {
  return REST_ROUTES.find(r => r.method === method && r.pattern.test(path))?.route ?? 'unknown'
}

type RestAnswer = { status: number; body: unknown; headers?: Record<string, string> }

const restNotFound = (message = 'Not Found'): RestAnswer => ({
  status: 404,
  body: { message, documentation_url: 'https://docs.github.com/rest' }
})
const restForbidden = (): RestAnswer => ({
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest'
  }
})

function rest(data: ScenarioData, method: string, url: URL, body: string, prefix: string): RestAnswer {
  const path = url.pathname.slice(prefix.length)
  const parts = path.split('/').map(decodeURIComponent)
  const [, , owner = '', repo = '', resource, ...rest] = parts
  if (owner.toLowerCase() !== data.owner.toLowerCase() || repo.toLowerCase() !== data.name.toLowerCase())
    return restNotFound()
  const p = data.permissions
  const git = new Git(data)
  const fullName = `${data.owner}/${data.name}`
  const apiBase = `${url.protocol}//${url.host}${prefix}`

  if (resource === undefined) {
    if (!allows(p.contents, 'read')) return restNotFound()
    return {
      status: 200,
      body: {
        id: 1,
        name: data.name,
        full_name: fullName,
        private: true,
        default_branch: data.defaultBranch,
        owner: { login: data.owner, type: 'Organization' },
        html_url: `${data.serverUrl}/${fullName}`
      }
    }
  }

  if (resource === 'compare') {
    if (!allows(p.contents, 'read')) return restForbidden()
    const basehead = rest.join('/')
    const [baseRef = '', headRef = ''] = basehead.split('...')
    const base = git.resolve(baseRef)
    const head = git.resolve(headRef)
    if (base === null || head === null) return restNotFound()
    const comparison = git.compare(base, head)
    const all = git.range(base, head)
    const paginated = url.searchParams.has('per_page') || url.searchParams.has('page')
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const slice = paginated ? all.slice((page - 1) * perPage, page * perPage) : all.slice(0, 250)
    const headers: Record<string, string> = {}
    if (paginated && page * perPage < all.length) {
      const next = new URL(url.href)
      next.searchParams.set('page', String(page + 1))
      headers.link = `<${next.href}>; rel="next"`
    }
    return {
      status: 200,
      headers,
      body: {
        url: `${apiBase}/repos/${fullName}/compare/${basehead}`,
        status: comparison.status,
        ahead_by: comparison.aheadBy,
        behind_by: comparison.behindBy,
        total_commits: all.length,
        base_commit: restCommit(data, git, base, apiBase),
        merge_base_commit: comparison.mergeBase ? restCommit(data, git, comparison.mergeBase, apiBase) : null,
        commits: slice.map(sha => restCommit(data, git, sha, apiBase)),
        files: []
      }
    }
  }

  if (resource === 'branches') {
    const [branch = '', sub] = rest
    if (sub === undefined) {
      if (!allows(p.contents, 'read')) return restForbidden()
      const tip = data.branches[branch]
      if (tip === undefined) return restNotFound('Branch not found')
      return {
        status: 200,
        body: {
          name: branch,
          commit: { sha: tip, url: `${apiBase}/repos/${fullName}/commits/${tip}` },
          protected: data.protections[branch] !== undefined || rulesFor(data, branch).length > 0
        }
      }
    }
    if (!allows(p.administration, 'read')) return restForbidden()
    if (data.branches[branch] === undefined) return restNotFound('Branch not found')
    const protection = data.protections[branch]
    if (!protection) return restNotFound('Branch not protected')
    return {
      status: 200,
      body: {
        url: `${apiBase}/repos/${fullName}/branches/${branch}/protection`,
        allow_force_pushes: { enabled: protection.allowForcePushes },
        allow_deletions: { enabled: protection.allowDeletions },
        enforce_admins: { enabled: false }
      }
    }
  }

  if (resource === 'rules') {
    if (!allows(p.contents, 'read')) return restForbidden()
    const branch = rest.slice(1).join('/')
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    return { status: 200, body: rulesFor(data, branch).slice((page - 1) * perPage, page * perPage) }
  }

  if (resource === 'issues') {
    if (method === 'POST') {
      if (!allows(p.issues, 'write')) return restForbidden()
      const input = JSON.parse(body || '{}') as { title?: unknown; body?: unknown; labels?: unknown }
      if (typeof input.title !== 'string' || input.title === '') {
        return {
          status: 422,
          body: { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] }
        }
      }
      const number = data.nextNumber++
      const now = new Date().toISOString()
      const labels = Array.isArray(input.labels) ? input.labels.map(String) : []
      const issue: ScenarioIssue = {
        repository: fullName,
        number,
        title: input.title,
        body: typeof input.body === 'string' ? input.body : '',
        author: 'github-actions[bot]',
        createdAt: now,
        state: 'OPEN',
        labels,
        events: labels.map(label => ({
          type: 'labeled' as const,
          label,
          at: now,
          actor: 'github-actions[bot]'
        }))
      }
      data.issues.push(issue)
      return { status: 201, body: restIssue(data, issue, apiBase) }
    }
    if (!allows(p.issues, 'read')) return restForbidden()
    const issue = data.issues.find(i => i.repository === fullName && i.number === Number(rest[0]))
    return issue ? { status: 200, body: restIssue(data, issue, apiBase) } : restNotFound()
  }
  return restNotFound()
}

function restUser(data: ScenarioData, email: string): Record<string, unknown> | null {
  const account = accountByEmail(data, email)
  return account ? { login: account.login, id: account.id, type: account.type } : null
}

function restCommit(data: ScenarioData, git: Git, sha: string, apiBase: string): Record<string, unknown> {
  const c = git.commit(sha) as ScenarioCommit
  return {
    sha: c.sha,
    url: `${apiBase}/repos/${data.owner}/${data.name}/commits/${c.sha}`,
    html_url: `${data.serverUrl}/${data.owner}/${data.name}/commit/${c.sha}`,
    commit: { message: c.message, author: c.author, committer: c.committer },
    author: restUser(data, c.author.email),
    committer: restUser(data, c.committer.email),
    parents: c.parents.map(p => ({ sha: p, url: `${apiBase}/repos/${data.owner}/${data.name}/commits/${p}` }))
  }
}

function restIssue(data: ScenarioData, issue: ScenarioIssue, apiBase: string): Record<string, unknown> {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state.toLowerCase(),
    labels: issue.labels.map(name => ({ name })),
    created_at: issue.createdAt,
    url: `${apiBase}/repos/${issue.repository}/issues/${issue.number}`,
    html_url: `${data.serverUrl}/${issue.repository}/issues/${issue.number}`,
    user: { login: issue.author }
  }
}

function matches(pattern: string, branch: string, defaultBranch: string): boolean {
  const p = pattern.replace(/^refs\/heads\//, '')
  if (p === '~ALL') return true
  if (p === '~DEFAULT_BRANCH') return branch === defaultBranch
  const regex = new RegExp(
    `^${p
      .split('**')
      .map(part =>
        part
          .split('*')
          .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*')
      )
      .join('.*')}$`
  )
  return regex.test(branch)
}

function rulesFor(data: ScenarioData, branch: string): Array<Record<string, unknown>> {
  const rules: Array<Record<string, unknown>> = []
  data.rulesets.forEach((ruleset, i) => {
    if (!ruleset.branches.some(pattern => matches(pattern, branch, data.defaultBranch))) return
    for (const type of ruleset.rules) {
      rules.push({
        type,
        ruleset_source_type: 'Repository',
        ruleset_source: `${data.owner}/${data.name}`,
        ruleset_id: i + 1
      })
    }
  })
  return rules
}

// ---- as its own process ----------------------------------------------------------------------------

export interface SpawnedStandIn {
  url: string
  graphqlUrl: string
  token: string
  /** The requests so far. */
  requests(): Promise<RequestRecord[]>
  /** The scenario data as the stand-in holds it now (e.g. with issues opened through it). */
  data(): Promise<ScenarioData>
  failNext(count: number, failure: Failure): Promise<void>
  failAll(failure: Failure): Promise<void>
  stopFailing(): Promise<void>
  setDelay(ms: number): Promise<void>
  resetRequests(): Promise<void>
  close(): Promise<void>
}

/**
 * Runs the stand-in in a child Node process (the Node running this one, with the TypeScript hooks), for
 * a caller that must not share its process, e.g. an action started as `node dist/index.js`.
 */
export async function spawnGitHubStandIn(
  source: Scenario | ScenarioData,
  options: StandInOptions = {}
): Promise<SpawnedStandIn> {
  const data: ScenarioData =
    'data' in source && !('owner' in source) ? source.toJSON() : (source as ScenarioData)
  const dir = mkdtempSync(join(tmpdir(), 'github-stand-in-'))
  const file = join(dir, 'scenario.json')
  writeFileSync(file, JSON.stringify(data))
  const hooks = fileURLToPath(new URL('../../scripts/ts-hooks.mjs', import.meta.url))
  const main = fileURLToPath(new URL('./github-stand-in-server.ts', import.meta.url))
  const args = ['--import', hooks, main, '--scenario', file]
  if (options.ghes) args.push('--ghes')
  if (options.port) args.push('--port', String(options.port))
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', code =>
      reject(new Error(`the GitHub stand-in exited with ${String(code)} before starting`))
    )
  })
  const started = JSON.parse(first) as { url: string; graphqlUrl: string; control: string; token: string }
  const control = async (command: string, input?: unknown): Promise<unknown> => {
    const response = await fetch(`${started.control}/${command}`, {
      method: input === undefined ? 'GET' : 'POST',
      body: input === undefined ? undefined : JSON.stringify(input)
    })
    return response.json()
  }
  return {
    url: started.url,
    graphqlUrl: started.graphqlUrl,
    token: started.token,
    requests: async () => (await control('requests')) as RequestRecord[],
    data: async () => (await control('data')) as ScenarioData,
    failNext: async (count, failure) => {
      await control('fail', { count, failure })
    },
    failAll: async failure => {
      await control('fail', { count: null, failure })
    },
    stopFailing: async () => {
      await control('stop-failing', {})
    },
    setDelay: async ms => {
      await control('delay', { ms })
    },
    resetRequests: async () => {
      await control('reset', {})
    },
    close: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) {
          resolve()
          return
        }
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
