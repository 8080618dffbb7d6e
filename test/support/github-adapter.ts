/**
 * The real GitHub adapter (real octokit, real sockets) wired to a GitHub stand-in serving a scenario,
 * with retry waits shrunk to milliseconds so failure tests run fast. octokit's throttling (which spaces
 * GraphQL requests 1 s apart) is off unless a test turns it on (`client: { throttle: true }`).
 *
 *   const gh = await startGitHubAdapter(s)                 // s: a Scenario
 *   await gh.facts.fetchChangeSet({ base, sha, deployBranch: null, withClosingIssues: false })
 *   gh.standIn.count('POST /graphql'); await gh.close()
 */
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../src/github/client.js'
import {
  createGitHubFacts,
  createGitHubIssues,
  type GitHubFacts,
  type GitHubIssues
} from '../../src/github/facts.js'
import type { Scenario } from './github-scenario.js'
import { startGitHubStandIn, type GitHubStandIn, type StandInOptions } from './github-stand-in.js'

export interface GitHubAdapterUnderTest {
  standIn: GitHubStandIn
  client: GitHubClient
  facts: GitHubFacts
  issues: GitHubIssues
  close(): Promise<void>
}

export async function startGitHubAdapter(
  s: Scenario,
  options: { standIn?: StandInOptions; client?: Partial<GitHubClientOptions> } = {}
): Promise<GitHubAdapterUnderTest> {
  const standIn = await startGitHubStandIn(s, options.standIn)
  const client = createGitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    graphqlUrl: standIn.graphqlUrl,
    retryUnitMs: 1,
    throttle: false,
    ...options.client
  })
  const repository = `${s.data.owner}/${s.data.name}`
  return {
    standIn,
    client,
    facts: createGitHubFacts(client, repository),
    issues: createGitHubIssues(client, repository),
    close: () => standIn.close()
  }
}
