/**
 * The GraphQL the adapter sends, as pure builders (each one is validated against GitHub's published
 * schema in test/github/queries.test.ts). Values always travel as variables, never spliced into text.
 *
 * The request budget: one query per 100 commits for their pull requests (plus the deployed commit's
 * checks and the default branch), one per 50 pull requests for their details (plus each head commit's
 * checks), one for base-merge ancestry when a pull request contains merges, and follow-up pages only
 * when a connection has more items than the first page holds.
 */

/** A connection the adapter reads, with the selection of its nodes and the size of the first page. */
interface ConnectionSpec {
  /** Type that owns the connection, for `node(id:)` follow-ups. */
  on: string
  field: string
  /** Extra arguments, e.g. a filter. */
  args?: string
  /** First page size inside a larger query. */
  first: number
  nodes: string
  /** Nodes that each node's own nested connections may hold (for the node-count budget). */
  nested?: number
}

export const CONNECTIONS = {
  associatedPullRequests: {
    on: 'Commit',
    field: 'associatedPullRequests',
    first: 10,
    nodes: 'number merged baseRefName headRefOid'
  },
  rollupContexts: { on: 'StatusCheckRollup', field: 'contexts', first: 100, nodes: '...DgCheckContext' },
  // nested: commitParents.first + commitAuthors.first
  prCommits: { on: 'PullRequest', field: 'commits', first: 100, nodes: 'commit { ...DgCommit }', nested: 15 },
  prReviews: { on: 'PullRequest', field: 'reviews', first: 100, nodes: '...DgReview' },
  // nested: issueLabels.first + issueLabelEvents.first
  prClosingIssues: {
    on: 'PullRequest',
    field: 'closingIssuesReferences',
    first: 10,
    nodes: '...DgIssue',
    nested: 150
  },
  commitParents: { on: 'Commit', field: 'parents', first: 5, nodes: 'oid' },
  commitAuthors: { on: 'Commit', field: 'authors', first: 10, nodes: '...DgGitActor' },
  issueLabels: { on: 'Issue', field: 'labels', first: 50, nodes: 'name' },
  issueLabelEvents: {
    on: 'Issue',
    field: 'timelineItems',
    args: 'itemTypes: [LABELED_EVENT, UNLABELED_EVENT]',
    first: 100,
    nodes: '...DgLabelEvent'
  }
} as const satisfies Record<string, ConnectionSpec>

export type ConnectionKind = keyof typeof CONNECTIONS

/** Follow-up pages ask for as many items as GitHub allows. */
const PAGE_SIZE = 100

function connection(kind: ConnectionKind, first: number = CONNECTIONS[kind].first, after?: string): string {
  const spec: ConnectionSpec = CONNECTIONS[kind]
  const args = [`first: ${first}`, spec.args, after ? `after: ${after}` : undefined]
    .filter(Boolean)
    .join(', ')
  return `${spec.field}(${args}) { pageInfo { hasNextPage endCursor } nodes { ${spec.nodes} } }`
}

const FRAGMENTS: Record<string, string> = {
  DgActor: 'fragment DgActor on Actor { __typename login }',
  DgGitActor: 'fragment DgGitActor on GitActor { name email user { login } }',
  DgCheckContext: `fragment DgCheckContext on StatusCheckRollupContext {
  __typename
  ... on CheckRun { name status conclusion completedAt }
  ... on StatusContext { context state createdAt }
}`,
  DgRollup: `fragment DgRollup on StatusCheckRollup { id ${connection('rollupContexts')} }`,
  DgCommit: `fragment DgCommit on Commit {
  id oid message committedDate
  ${connection('commitParents')}
  ${connection('commitAuthors')}
  committer { ...DgGitActor }
}`,
  DgReview:
    'fragment DgReview on PullRequestReview { state submittedAt author { ...DgActor } commit { oid } }',
  DgLabelEvent: `fragment DgLabelEvent on IssueTimelineItems {
  __typename
  ... on LabeledEvent { createdAt label { name } }
  ... on UnlabeledEvent { createdAt label { name } }
}`,
  DgIssue: `fragment DgIssue on Issue {
  id number url createdAt repository { nameWithOwner }
  ${connection('issueLabels')}
  ${connection('issueLabelEvents')}
}`,
  DgPullRequest: `fragment DgPullRequest on PullRequest {
  id number title body url headRefName baseRefName headRefOid merged mergedAt
  author { ...DgActor }
  mergedBy { ...DgActor }
  ${connection('prCommits')}
  ${connection('prReviews')}
  forcePushes: timelineItems(last: 1, itemTypes: [HEAD_REF_FORCE_PUSHED_EVENT]) {
    nodes { __typename ... on HeadRefForcePushedEvent { createdAt } }
  }
  closingIssuesReferences(first: ${CONNECTIONS.prClosingIssues.first}) @include(if: $withClosingIssues) {
    pageInfo { hasNextPage endCursor } nodes { ${CONNECTIONS.prClosingIssues.nodes} }
  }
}`,
  DgHeadCommit: 'fragment DgHeadCommit on Commit { oid committedDate statusCheckRollup { ...DgRollup } }'
}

/** Appends the fragments the text uses, transitively (GraphQL rejects unused ones). */
function withFragments(text: string): string {
  const used = new Set<string>()
  const visit = (source: string) => {
    for (const match of source.matchAll(/\.\.\.(Dg\w+)/g)) {
      const name = match[1] as string
      if (used.has(name)) continue
      const fragment = FRAGMENTS[name]
      if (fragment === undefined) throw new Error(`unknown fragment ${name}`)
      used.add(name)
      visit(fragment)
    }
  }
  visit(text)
  return [text, ...[...used].sort().map(name => FRAGMENTS[name])].join('\n')
}

export interface Query {
  query: string
  variables: Record<string, unknown>
}

export interface RepositoryRef {
  owner: string
  name: string
}

/** At most this many commits per associated-pull-request query. */
export const COMMITS_PER_QUERY = 100
/** At most this many pull requests per details query (≈170,000 nodes with closing issues, under 500,000). */
export const PULL_REQUESTS_PER_QUERY = 50
/** At most this many ancestry comparisons per query. */
export const COMPARISONS_PER_QUERY = 100
/** Follow-up pages are grouped into queries of at most this many nodes (GitHub's limit: 500,000). */
export const PAGE_NODE_BUDGET = 200_000

/** The node count one follow-up page of `kind` can cost. */
export function pageCost(kind: ConnectionKind): number {
  const spec: ConnectionSpec = CONNECTIONS[kind]
  return PAGE_SIZE * (1 + (spec.nested ?? 0))
}

/**
 * The merged pull requests of up to 100 commits; with `deployed`, also the default branch and the checks
 * on the deployed commit (folded into the first query to save a request).
 */
export function associatedPullRequestsQuery(
  repository: RepositoryRef,
  commits: readonly string[],
  deployed: string | null
): Query {
  const variables: Record<string, unknown> = { owner: repository.owner, name: repository.name }
  const declarations = ['$owner: String!', '$name: String!']
  const selections: string[] = []
  if (deployed !== null) {
    declarations.push('$deployed: GitObjectID!')
    variables.deployed = deployed
    selections.push('defaultBranchRef { name }')
    selections.push('deployed: object(oid: $deployed) { __typename ... on Commit { ...DgHeadCommit } }')
  }
  commits.forEach((sha, i) => {
    declarations.push(`$c${i}: GitObjectID!`)
    variables[`c${i}`] = sha
    selections.push(
      `c${i}: object(oid: $c${i}) { __typename ... on Commit { id oid ${connection('associatedPullRequests')} } }`
    )
  })
  const text = `query DgAssociatedPullRequests(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${selections.join('\n    ')}
  }
}`
  return { query: withFragments(text), variables }
}

/** Details of up to 50 pull requests, and the checks on each one's head commit. */
export function pullRequestsQuery(
  repository: RepositoryRef,
  pullRequests: ReadonlyArray<{ number: number; headSha: string }>,
  withClosingIssues: boolean
): Query {
  const variables: Record<string, unknown> = {
    owner: repository.owner,
    name: repository.name,
    withClosingIssues
  }
  const declarations = ['$owner: String!', '$name: String!', '$withClosingIssues: Boolean!']
  const selections: string[] = []
  pullRequests.forEach((pr, i) => {
    declarations.push(`$n${i}: Int!`, `$h${i}: GitObjectID!`)
    variables[`n${i}`] = pr.number
    variables[`h${i}`] = pr.headSha
    selections.push(`pr${i}: pullRequest(number: $n${i}) { ...DgPullRequest }`)
    selections.push(`head${i}: object(oid: $h${i}) { __typename ... on Commit { ...DgHeadCommit } }`)
  })
  const text = `query DgPullRequests(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${selections.join('\n    ')}
  }
}`
  return { query: withFragments(text), variables }
}

/**
 * Whether each commit is on `branch`: `compare(headRef)` from the branch is BEHIND or IDENTICAL when the
 * commit is one of the branch's commits.
 */
export function branchContainsQuery(
  repository: RepositoryRef,
  branch: string,
  commits: readonly string[]
): Query {
  const variables: Record<string, unknown> = {
    owner: repository.owner,
    name: repository.name,
    branch: `refs/heads/${branch}`
  }
  const declarations = ['$owner: String!', '$name: String!', '$branch: String!']
  const selections: string[] = []
  commits.forEach((sha, i) => {
    declarations.push(`$p${i}: String!`)
    variables[`p${i}`] = sha
    selections.push(`p${i}: compare(headRef: $p${i}) { status }`)
  })
  const text = `query DgBranchContains(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $branch) {
      ${selections.join('\n      ')}
    }
  }
}`
  return { query: withFragments(text), variables }
}

export interface PageRequest {
  kind: ConnectionKind
  /** Node id of the connection's owner. */
  id: string
  after: string
}

/** Next pages of connections that did not fit their first page, through `node(id:)`. */
export function pagesQuery(pages: readonly PageRequest[]): Query {
  const variables: Record<string, unknown> = {}
  const declarations: string[] = []
  const selections: string[] = []
  pages.forEach((page, i) => {
    declarations.push(`$id${i}: ID!`, `$after${i}: String!`)
    variables[`id${i}`] = page.id
    variables[`after${i}`] = page.after
    const spec = CONNECTIONS[page.kind]
    selections.push(
      `p${i}: node(id: $id${i}) { __typename ... on ${spec.on} { ${connection(page.kind, PAGE_SIZE, `$after${i}`)} } }`
    )
  })
  const text = `query DgPages(${declarations.join(', ')}) {
  ${selections.join('\n  ')}
}`
  return { query: withFragments(text), variables }
}
