import { parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
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
  type Query
} from '../../src/github/queries.js'
import { MAX_NODES, measureQuery } from '../support/github-node-count.js'
import { githubGraphQLSchema } from '../support/github-stand-in.js'

const repo = { owner: 'acme', name: 'app' }
const sha = (i: number) => i.toString(16).padStart(40, '0')
const shas = (n: number) => Array.from({ length: n }, (_, i) => sha(i + 1))
const kinds = Object.keys(CONNECTIONS) as ConnectionKind[]

// Every query shape the adapter can send, at its largest.
const queries: Array<[string, Query]> = [
  [
    'associated pull requests, first chunk (with the deployed commit)',
    associatedPullRequestsQuery(repo, shas(COMMITS_PER_QUERY), sha(1))
  ],
  ['associated pull requests, later chunk', associatedPullRequestsQuery(repo, shas(COMMITS_PER_QUERY), null)],
  ['associated pull requests, empty range', associatedPullRequestsQuery(repo, [], sha(1))],
  [
    'pull request details with closing issues',
    pullRequestsQuery(
      repo,
      shas(PULL_REQUESTS_PER_QUERY).map((headSha, i) => ({ number: i + 1, headSha })),
      true
    )
  ],
  [
    'pull request details without closing issues',
    pullRequestsQuery(
      repo,
      shas(PULL_REQUESTS_PER_QUERY).map((headSha, i) => ({ number: i + 1, headSha })),
      false
    )
  ],
  ['base-merge ancestry', branchContainsQuery(repo, 'main', shas(COMPARISONS_PER_QUERY))],
  [
    'follow-up pages of every kind',
    pagesQuery(kinds.map((kind, i) => ({ kind, id: `id${i}`, after: 'Y3Vyc29y' })))
  ],
  ...kinds.map((kind): [string, Query] => [
    `follow-up pages: ${kind}`,
    pagesQuery([{ kind, id: 'id', after: 'Y3Vyc29y' }])
  ])
]

describe('GraphQL queries', () => {
  it.each(queries)('%s is valid against GitHub’s published schema', (_name, { query }) => {
    const errors = validate(githubGraphQLSchema(), parse(query))
    expect(errors.map(e => e.message)).toEqual([])
  })

  it.each(queries)('%s declares exactly the variables it is sent', (_name, { query, variables }) => {
    const declared = [...query.matchAll(/\$(\w+):/g)].map(m => m[1]).sort()
    expect(declared).toEqual(Object.keys(variables).sort())
  })

  it.each(queries)('%s stays within GitHub’s node and page limits', (_name, { query, variables }) => {
    const limits = measureQuery(parse(query), variables)
    expect(limits.excessive).toEqual([])
    expect(limits.nodes).toBeLessThan(MAX_NODES)
  })

  it('a full details query is dominated by what it must read: 50 pull requests fit well under the limit', () => {
    const { query, variables } = pullRequestsQuery(
      repo,
      shas(PULL_REQUESTS_PER_QUERY).map((headSha, i) => ({ number: i + 1, headSha })),
      true
    )
    const nodes = measureQuery(parse(query), variables).nodes
    expect(nodes).toBeGreaterThan(100_000)
    expect(nodes).toBeLessThan(MAX_NODES / 2)
  })

  it.each(kinds)('the declared cost of a %s page matches its measured node count', kind => {
    const { query, variables } = pagesQuery([{ kind, id: 'id', after: 'Y3Vyc29y' }])
    expect(measureQuery(parse(query), variables).nodes).toBe(pageCost(kind))
  })

  it('follow-up pages packed up to the budget stay under the limit', () => {
    const heaviest = kinds.reduce((a, b) => (pageCost(a) >= pageCost(b) ? a : b))
    const count = Math.floor(PAGE_NODE_BUDGET / pageCost(heaviest))
    const { query, variables } = pagesQuery(
      Array.from({ length: count }, (_, i) => ({ kind: heaviest, id: `id${i}`, after: 'Y3Vyc29y' }))
    )
    expect(measureQuery(parse(query), variables).nodes).toBeLessThanOrEqual(PAGE_NODE_BUDGET)
  })

  it('values travel as variables, never inside the query text', () => {
    const hostile = 'main") { x } #'
    const { query, variables } = branchContainsQuery({ owner: 'acme', name: 'app' }, hostile, [sha(1)])
    expect(query).not.toContain(hostile)
    expect(variables.branch).toBe(`refs/heads/${hostile}`)
    expect(validate(githubGraphQLSchema(), parse(query))).toEqual([])
  })

  it('the validator does catch a misspelled field (the check above can fail)', () => {
    const broken = associatedPullRequestsQuery(repo, [sha(1)], null).query.replace(
      'baseRefName',
      'baseRefNmae'
    )
    expect(validate(githubGraphQLSchema(), parse(broken)).map(e => e.message)).toEqual([
      expect.stringContaining('baseRefNmae')
    ])
  })
})
