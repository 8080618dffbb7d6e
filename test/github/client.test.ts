import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { UpstreamError } from '../../src/errors.js'
import { createGitHubClient } from '../../src/github/client.js'
import { createGitHubFacts } from '../../src/github/facts.js'
import { startGitHubAdapter, type GitHubAdapterUnderTest } from '../support/github-adapter.js'
import { scenario, type Scenario } from '../support/github-scenario.js'
import type { StandInOptions } from '../support/github-stand-in.js'
import type { GitHubClientOptions } from '../../src/github/client.js'

let running: GitHubAdapterUnderTest | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

function merged(): { s: Scenario; sha: string } {
  const s = scenario()
  const pr = s.pullRequest({ author: 'alice' })
  return { s, sha: pr.mergeSha as string }
}

async function adapter(
  s: Scenario,
  options: { standIn?: StandInOptions; client?: Partial<GitHubClientOptions> } = {}
): Promise<GitHubAdapterUnderTest> {
  running = await startGitHubAdapter(s, options)
  return running
}

function initial(gh: GitHubAdapterUnderTest, sha: string) {
  return gh.facts.fetchChangeSet({ base: null, sha, deployBranch: null, withClosingIssues: false })
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

describe('retries', () => {
  it('a transient 502 on GraphQL is retried and the answer is used', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s)
    gh.standIn.failNext(1, { status: 502, route: 'POST /graphql' })
    const facts = await initial(gh, sha)
    expect(facts.pullRequests).toHaveLength(1)
    expect(gh.standIn.requests.map(r => r.status)).toEqual([502, 200, 200])
  })

  it('a transient 503 on REST compare is retried', async () => {
    const { s, sha } = merged()
    const base = s.data.commits[sha]?.parents[0] as string
    const gh = await adapter(s)
    gh.standIn.failNext(2, { status: 503, route: 'GET /repos/{owner}/{repo}/compare/{basehead}' })
    const facts = await gh.facts.fetchChangeSet({ base, sha, deployBranch: null, withClosingIssues: false })
    expect(facts.commits).toHaveLength(1)
    expect(gh.standIn.requests.slice(0, 3).map(r => r.status)).toEqual([503, 503, 200])
  })

  it('GitHub’s "Something went wrong" GraphQL error is retried', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s)
    gh.standIn.failNext(1, {
      status: 200,
      route: 'POST /graphql',
      body: {
        data: null,
        errors: [{ message: 'Something went wrong while executing your query. Please try again.' }]
      }
    })
    await expect(initial(gh, sha)).resolves.toMatchObject({ sha })
    expect(gh.standIn.count('POST /graphql')).toBe(3)
  })

  it('a 429 secondary rate limit with retry-after is waited out (throttling plugin) and retried', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { throttle: true } })
    gh.standIn.failNext(1, { status: 429, retryAfter: 2, route: 'POST /graphql' })
    const started = Date.now()
    await expect(initial(gh, sha)).resolves.toMatchObject({ sha })
    expect(gh.standIn.requests.map(r => r.status)).toEqual([429, 200, 200])
    // retry-after 2 × the 1 ms test unit, plus octokit's 1 s spacing of GraphQL requests
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('a 403 secondary rate limit is a rate limit, not a missing permission, and is retried', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { throttle: true } })
    gh.standIn.failNext(1, {
      status: 403,
      retryAfter: 1,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      route: 'POST /graphql'
    })
    await expect(initial(gh, sha)).resolves.toMatchObject({ sha })
    expect(gh.standIn.requests.map(r => r.status)).toEqual([403, 200, 200])
  })

  it('a persistent 502 ends, after the retries, in an upstream error naming GitHub and 502', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s)
    gh.standIn.failAll({ status: 502 })
    const error = await failure(initial(gh, sha))
    expect(error).toMatchObject({ service: 'GitHub', status: 502 })
    expect(error.message).toMatch(/^GitHub answered HTTP 502 to the change set of .* \(after retries\)/)
    expect(gh.standIn.count()).toBe(4) // the attempt and 3 retries
  })

  it('a rate limit whose wait would pass the deadline fails at once, saying so', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { throttle: true, retryUnitMs: 1000, totalTimeoutMs: 5000 } })
    gh.standIn.failAll({ status: 429, retryAfter: 3600 })
    const started = Date.now()
    const error = await failure(initial(gh, sha))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error).toMatchObject({ service: 'GitHub', status: 429 })
    expect(error.message).toMatch(/GitHub answered HTTP 429 .*rate limit exceeded \(retry-after: 3600 s\)/)
    expect(gh.standIn.count()).toBe(1)
  })

  it('an exhausted primary rate limit (403, no quota left until reset) is reported as a rate limit', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { throttle: true, retryUnitMs: 1000, totalTimeoutMs: 5000 } })
    gh.standIn.failAll({
      status: 403,
      message: 'API rate limit exceeded for installation ID 12345.',
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1800)
      }
    })
    const error = await failure(initial(gh, sha))
    expect(error).toMatchObject({ service: 'GitHub', status: 403 })
    expect(error.message).toMatch(/HTTP 403 .*rate limit exceeded; try again later/)
    expect(error.message).not.toMatch(/permission/)
    expect(gh.standIn.count()).toBe(1)
  })

  it('the total time is bounded: retries stop at the deadline', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { retryUnitMs: 100, totalTimeoutMs: 400 } })
    gh.standIn.failAll({ status: 502 })
    const started = Date.now()
    const error = await failure(initial(gh, sha))
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(390)
    expect(elapsed).toBeLessThan(1500)
    expect(error.message).toMatch(
      /^GitHub did not answer the change set of .* within 0.4 s \(retries included\)/
    )
    // 100 ms, then 400 ms of backoff: the deadline comes first, and nothing is sent after it.
    const sent = gh.standIn.count()
    await new Promise(resolve => setTimeout(resolve, 600))
    expect(gh.standIn.count()).toBe(sent)
  })

  it('a slow answer is abandoned after the attempt timeout and retried', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { attemptTimeoutMs: 200 } })
    gh.standIn.failNext(1, { status: 0, delayMs: 1000, route: 'POST /graphql' })
    await expect(initial(gh, sha)).resolves.toMatchObject({ sha })
  })

  it('an answer that never comes in time is an upstream error', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { client: { attemptTimeoutMs: 100, totalTimeoutMs: 5000 } })
    gh.standIn.setDelay(400)
    const error = await failure(initial(gh, sha))
    expect(error).toMatchObject({ service: 'GitHub', status: null })
    expect(error.message).toMatch(/^GitHub could not be reached for .*timeout.*after retries/)
  })

  it('a refused connection is an upstream error naming GitHub', async () => {
    const port = await new Promise<number>(resolve => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number }
        probe.close(() => resolve(address.port))
      })
    })
    const client = createGitHubClient({
      token: 't',
      apiUrl: `http://127.0.0.1:${port}`,
      graphqlUrl: `http://127.0.0.1:${port}/graphql`,
      retryUnitMs: 1,
      throttle: false
    })
    const error = await failure(
      createGitHubFacts(client, 'acme/app').isAncestor('a'.repeat(40), 'b'.repeat(40))
    )
    expect(error.message).toMatch(/^GitHub could not be reached for .*ECONNREFUSED/)
  })
})

describe('messages that say what to fix', () => {
  it('401: the token is invalid or expired, and the request is not retried', async () => {
    const { s, sha } = merged()
    s.data.token = 'ghs_theRightToken'
    running = await startGitHubAdapter(s, { client: { token: 'ghs_aWrongTokenValue123' } })
    const error = await failure(initial(running, sha))
    expect(error).toMatchObject({ service: 'GitHub', status: 401 })
    expect(error.message).toMatch(
      /HTTP 401 .*token was rejected \(invalid or expired\).*github-token.*Bad credentials/
    )
    expect(error.message).not.toContain('ghs_aWrongTokenValue123')
    expect(running.standIn.count()).toBe(1)
  })

  it('403 on REST: names the permission that route needs', async () => {
    const { s, sha } = merged()
    s.permissions({ contents: 'none' })
    const gh = await adapter(s)
    const error = await failure(gh.facts.isAncestor(s.data.commits[sha]?.parents[0] as string, sha))
    expect(error).toMatchObject({ service: 'GitHub', status: 403 })
    expect(error.message).toMatch(
      /HTTP 403 .*lacks the permission `contents: read`.*Resource not accessible by integration/
    )
  })

  it('403 on GraphQL (FORBIDDEN): names the read permissions the gate needs', async () => {
    const { s, sha } = merged()
    s.permissions({ pullRequests: 'none' })
    const gh = await adapter(s)
    const error = await failure(initial(gh, sha))
    expect(error).toMatchObject({ service: 'GitHub', status: 403 })
    expect(error.message).toMatch(
      /lacks a permission .*`contents: read, pull-requests: read, checks: read, statuses: read`/
    )
  })

  it('404: the repository or commit does not exist, or the token cannot see it', async () => {
    const { s } = merged()
    const gh = await adapter(s)
    const other = createGitHubFacts(gh.client, 'acme/secret-repo')
    const error = await failure(other.isAncestor('a'.repeat(40), 'b'.repeat(40)))
    expect(error).toMatchObject({ service: 'GitHub', status: 404 })
    expect(error.message).toMatch(/HTTP 404 .*does not exist, or the token cannot see it/)
    const graphql = await failure(
      other.fetchChangeSet({ base: null, sha: 'a'.repeat(40), deployBranch: null, withClosingIssues: false })
    )
    expect(graphql).toMatchObject({ service: 'GitHub', status: 404 })
    expect(graphql.message).toMatch(/not found .*Could not resolve to a Repository/)
  })

  it('the token never appears in a message, even when GitHub echoes it', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s)
    gh.standIn.failAll({ status: 400, message: `bad request with token ${gh.standIn.token} in it` })
    const error = await failure(initial(gh, sha))
    expect(error.message).not.toContain(gh.standIn.token)
    expect(error.message).toContain('***')
  })
})

describe('GitHub Enterprise Server layout', () => {
  it('REST under /api/v3 and GraphQL at the given /api/graphql URL', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { standIn: { ghes: true } })
    expect(gh.standIn.url).toMatch(/\/api\/v3$/)
    expect(gh.standIn.graphqlUrl).toMatch(/\/api\/graphql$/)
    const base = s.data.commits[sha]?.parents[0] as string
    const facts = await gh.facts.fetchChangeSet({ base, sha, deployBranch: null, withClosingIssues: false })
    expect(facts.pullRequests).toHaveLength(1)
    expect(gh.standIn.requests.map(r => r.path.replace(/\?.*/, '').replace(/[0-9a-f]{40}/g, 'SHA'))).toEqual([
      '/api/v3/repos/acme/app/compare/SHA...SHA',
      '/api/graphql',
      '/api/graphql'
    ])
  })

  it('the GraphQL URL is the one given, not one derived from the API URL', async () => {
    const { s, sha } = merged()
    const gh = await adapter(s, { standIn: { ghes: true } })
    const origin = new URL(gh.standIn.url).origin
    const client = createGitHubClient({
      token: gh.standIn.token,
      apiUrl: `${origin}/api/v3`,
      graphqlUrl: `${origin}/graphql`,
      retryUnitMs: 1,
      throttle: false
    })
    const error = await failure(
      createGitHubFacts(client, 'acme/app').fetchChangeSet({
        base: null,
        sha,
        deployBranch: null,
        withClosingIssues: false
      })
    )
    expect(error.status).toBe(404)
    expect(gh.standIn.requests.map(r => r.path)).toEqual(['/graphql'])
  })
})
