import { afterEach, describe, expect, it } from 'vitest'
import { createGitHubAdapter } from '../../src/github/facts.js'
import { scenario } from './github-scenario.js'
import { spawnGitHubStandIn, startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js'

let standIn: GitHubStandIn | null = null
afterEach(async () => {
  await standIn?.close()
  standIn = null
})

async function start(ghes = false): Promise<GitHubStandIn> {
  const s = scenario()
  s.pullRequest({ author: 'alice', commits: 2, merge: 'merge' })
  standIn = await startGitHubStandIn(s, { ghes })
  return standIn
}

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(standIn?.graphqlUrl as string, {
    method: 'POST',
    headers: { authorization: `bearer ${token ?? standIn?.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  })
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: Array<Record<string, unknown>> }
  }
}

describe('GitHub stand-in: GraphQL like GitHub', () => {
  it('answers a query against the real schema', async () => {
    await start()
    const { status, body } = await graphql(
      '{ repository(owner: "acme", name: "app") { nameWithOwner defaultBranchRef { name } } }'
    )
    expect(status).toBe(200)
    expect(body).toEqual({
      data: { repository: { nameWithOwner: 'acme/app', defaultBranchRef: { name: 'main' } } }
    })
  })

  it('refuses a missing or wrong token with 401', async () => {
    await start()
    expect((await graphql('{ viewer { login } }', {}, 'nope')).status).toBe(401)
    const response = await fetch(standIn?.graphqlUrl as string, { method: 'POST', body: '{}' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' })
  })

  it('rejects a field GitHub does not have', async () => {
    await start()
    const { body } = await graphql('{ repository(owner: "acme", name: "app") { pushedDate } }')
    expect(body.errors?.[0]?.message).toContain('pushedDate')
    expect(body.data).toBeUndefined()
  })

  it('names a schema field it does not model instead of inventing a value', async () => {
    await start()
    const { body } = await graphql('{ repository(owner: "acme", name: "app") { stargazerCount } }')
    expect(body.errors?.[0]).toMatchObject({
      message: 'The GitHub stand-in does not model Repository.stargazerCount'
    })
  })

  it.each([
    ['no first or last', 'commits', 'MISSING_PAGINATION_BOUNDARIES'],
    ['first: 101', 'commits(first: 101)', 'EXCESSIVE_PAGINATION']
  ])('enforces page sizes: %s', async (_name, field, type) => {
    await start()
    const { body } = await graphql(
      `{ repository(owner: "acme", name: "app") { pullRequest(number: 1) { ${field} { nodes { commit { oid } } } } } }`
    )
    expect(body.errors?.[0]).toMatchObject({ type })
  })

  it('enforces the 500,000 node limit', async () => {
    await start()
    const { body } = await graphql(`
      {
        repository(owner: "acme", name: "app") {
          pullRequest(number: 1) {
            commits(first: 100) {
              nodes {
                commit {
                  parents(first: 100) {
                    nodes {
                      parents(first: 100) {
                        nodes {
                          oid
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `)
    expect(body.errors?.[0]).toMatchObject({ type: 'MAX_NODE_LIMIT_EXCEEDED' })
  })

  it('NOT_FOUND for a missing pull request, with the rest of the data', async () => {
    await start()
    const { body } = await graphql(
      '{ repository(owner: "acme", name: "app") { a: pullRequest(number: 1) { number } b: pullRequest(number: 99) { number } } }'
    )
    expect(body.data).toEqual({ repository: { a: { number: 1 }, b: null } })
    expect(body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['repository', 'b'] })
  })

  it('pages connections with cursors', async () => {
    await start()
    const page = (after: string | null) =>
      graphql(
        'query($after: String) { repository(owner: "acme", name: "app") { pullRequest(number: 1) { commits(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { commit { oid } } } } } }',
        { after }
      )
    type Page = {
      repository: {
        pullRequest: {
          commits: {
            totalCount: number
            pageInfo: { hasNextPage: boolean; endCursor: string }
            nodes: unknown[]
          }
        }
      }
    }
    const first = ((await page(null)).body.data as Page).repository.pullRequest.commits
    const second = ((await page(first.pageInfo.endCursor)).body.data as Page).repository.pullRequest.commits
    expect([first.totalCount, first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([
      2,
      true,
      false
    ])
    expect(second.nodes).not.toEqual(first.nodes)
  })
})

describe('GitHub stand-in: REST, layout and failure injection', () => {
  it('compare pages with a Link header, and caps an unpaged answer at 250 commits', async () => {
    const s = scenario()
    const base = s.head()
    for (let i = 0; i < 260; i++) s.commit({ author: 'alice' })
    standIn = await startGitHubStandIn(s)
    const get = async (query: string) => {
      const response = await fetch(`${standIn?.url}/repos/acme/app/compare/${base}...main${query}`, {
        headers: { authorization: `token ${standIn?.token}` }
      })
      return {
        link: response.headers.get('link'),
        body: (await response.json()) as { total_commits: number; commits: unknown[]; status: string }
      }
    }
    const unpaged = await get('')
    expect([unpaged.body.total_commits, unpaged.body.commits.length, unpaged.body.status]).toEqual([
      260,
      250,
      'ahead'
    ])
    const last = await get('?per_page=100&page=3')
    expect(last.body.commits).toHaveLength(60)
    expect(last.link).toBeNull()
    expect((await get('?per_page=100&page=1')).link).toMatch(/page=2>; rel="next"$/)
  })

  it('GHES layout: REST under /api/v3, GraphQL only at /api/graphql', async () => {
    const gh = await start(true)
    const origin = new URL(gh.url).origin
    const headers = { authorization: `token ${gh.token}` }
    expect((await fetch(`${gh.url}/repos/acme/app`, { headers })).status).toBe(200)
    expect((await fetch(`${origin}/graphql`, { method: 'POST', headers, body: '{}' })).status).toBe(404)
    expect((await graphql('{ repository(owner: "acme", name: "app") { name } }')).status).toBe(200)
  })

  it('fails the next requests of one route, counts requests by route, and can be slow', async () => {
    const gh = await start()
    gh.failNext(2, { status: 502, route: 'GET /repos/{owner}/{repo}' })
    const headers = { authorization: `token ${gh.token}` }
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${gh.url}/repos/acme/app`, { headers })).status)
    expect(statuses).toEqual([502, 502, 200])
    gh.failNext(1, { status: 0, delayMs: 200 })
    const started = Date.now()
    expect((await graphql('{ repository(owner: "acme", name: "app") { name } }')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect([gh.count('GET /repos/{owner}/{repo}'), gh.count('POST /graphql'), gh.count()]).toEqual([3, 1, 4])
  })
})

describe('GitHub stand-in as its own process', () => {
  it('serves the adapter from a child process and reports its requests', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice' })
    const spawned = await spawnGitHubStandIn(s)
    try {
      const { facts, issues } = createGitHubAdapter({
        token: spawned.token,
        apiUrl: spawned.url,
        graphqlUrl: spawned.graphqlUrl,
        repository: 'acme/app',
        retryUnitMs: 1,
        throttle: false
      })
      const changeSet = await facts.fetchChangeSet({
        base: null,
        sha: pr.mergeSha as string,
        deployBranch: null,
        withClosingIssues: false
      })
      expect(changeSet.pullRequests.map(p => p.number)).toEqual([pr.number])
      await spawned.failNext(1, { status: 502 })
      await issues.createIssue({ title: 'follow-up', body: '', labels: ['retro'] })
      expect((await spawned.requests()).map(r => r.status)).toEqual([200, 200, 502, 201])
      expect((await spawned.data()).issues.map(i => i.title)).toEqual(['follow-up'])
    } finally {
      await spawned.close()
    }
  })
})

describe('scenario builders', () => {
  it('squash, merge and rebase merges shape history like GitHub', () => {
    const s = scenario()
    const start = s.head()
    const squash = s.pullRequest({
      author: 'alice',
      commits: [{ message: 'one' }, { message: 'two', author: 'carol' }]
    })
    const squashCommit = s.data.commits[squash.mergeSha as string]
    expect(squashCommit?.parents).toEqual([start])
    expect(squashCommit?.message).toMatch(/^Change #1 \(#1\)\n\n\* one\n\* two\n\nCo-authored-by: carol </)

    const merge = s.pullRequest({ author: 'alice', merge: 'merge', mergedBy: 'bob' })
    const mergeCommit = s.data.commits[merge.mergeSha as string]
    expect(mergeCommit?.parents).toEqual([squash.mergeSha, merge.headSha])
    expect(mergeCommit?.message).toMatch(/^Merge pull request #2 from acme\/feature\/2/)

    const rebase = s.pullRequest({ author: 'alice', merge: 'rebase', commits: 2 })
    expect(s.pull(rebase.number).landed).toHaveLength(2)
    expect(s.data.commits[rebase.mergeSha as string]?.parents).toEqual([s.pull(rebase.number).landed[0]])
  })

  it('pull requests and issues share one number sequence; times move forward', () => {
    const s = scenario()
    const issue = s.issue()
    const pr = s.pullRequest()
    expect([issue, pr.number]).toEqual([1, 2])
    const merged = s.pull(pr.number)
    expect(Date.parse(merged.mergedAt as string)).toBeGreaterThan(
      Date.parse(merged.reviews[0]?.submittedAt as string)
    )
    expect(Date.parse(merged.reviews[0]?.submittedAt as string)).toBeGreaterThan(Date.parse(merged.createdAt))
  })
})
