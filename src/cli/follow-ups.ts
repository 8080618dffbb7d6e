import { getErrorMessage } from '../errors.js'
import type { JiraResolutions } from '../tickets/jira.js'
import type { FollowUpStatus } from './findings.js'
import { parseHttpUrl } from '../http-url.js'

/** Finds out whether a follow-up (a retrospective issue) was closed, and when. */
export interface FollowUpLookup {
  status(url: string): Promise<FollowUpStatus>
}

export interface GitHubLookupOptions {
  /** REST API base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string
  token: string
  fetch?: typeof fetch
  timeoutMs?: number
  /** Pause before the one retry of a failed request. */
  retryDelayMs?: number
}

/** Without a token nothing is asked: every follow-up's state is unknown, and says why. */
export function unknownFollowUps(reason: string): FollowUpLookup {
  return { status: () => Promise.resolve({ state: 'unknown', reason }) }
}

/**
 * Asks GitHub (`GET /repos/{owner}/{repo}/issues/{number}`, `closed_at`) about follow-ups that are issues on
 * the server the API URL belongs to. Anything else (a Jira follow-up, an issue on another server) is
 * unknown. The token goes only to `apiUrl`, in a header; no message carries it.
 */
export function githubFollowUps(options: GitHubLookupOptions): FollowUpLookup {
  const api = options.apiUrl.replace(/\/+$/, '')
  const host = webHost(api)
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 15_000
  const retryDelayMs = options.retryDelayMs ?? 1000
  const cache = new Map<string, Promise<FollowUpStatus>>()

  async function ask(owner: string, repo: string, number: string): Promise<FollowUpStatus> {
    const url = `${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues/${number}`
    let last = ''
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      if (attempt > 1) await new Promise(resolve => setTimeout(resolve, retryDelayMs))
      let response: Response
      try {
        response = await doFetch(url, {
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${options.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'deploy-gate-cli'
          },
          signal: AbortSignal.timeout(timeoutMs)
        })
      } catch (error) {
        last = `GitHub could not be reached: ${getErrorMessage(error)}`
        continue
      }
      if (response.status >= 500 || response.status === 429) {
        last = `GitHub answered ${response.status}`
        await response.body?.cancel()
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        return { state: 'unknown', reason: explainStatus(response.status, `${owner}/${repo}`) }
      }
      return readIssue(await response.json().catch(() => null))
    }
    return { state: 'unknown', reason: last }
  }

  return {
    status(url: string): Promise<FollowUpStatus> {
      const issue = parseIssueUrl(url)
      if (!issue) return Promise.resolve({ state: 'unknown', reason: 'not a GitHub issue URL' })
      if (issue.host !== host) {
        return Promise.resolve({
          state: 'unknown',
          reason: `the issue is on ${issue.host}, the GitHub API URL is for ${host}`
        })
      }
      const key = `${issue.owner}/${issue.repo}#${issue.number}`.toLowerCase()
      let pending = cache.get(key)
      if (!pending) {
        pending = ask(issue.owner, issue.repo, issue.number)
        cache.set(key, pending)
      }
      return pending
    }
  }
}

function readIssue(body: unknown): FollowUpStatus {
  if (body === null || typeof body !== 'object')
    return { state: 'unknown', reason: 'GitHub answered with something that is not an issue' }
  const issue = body as { state?: unknown; closed_at?: unknown }
  if (
    issue.state === 'closed' &&
    typeof issue.closed_at === 'string' &&
    !Number.isNaN(Date.parse(issue.closed_at))
  ) {
    return { state: 'closed', closedAt: issue.closed_at }
  }
  if (issue.state === 'open') return { state: 'open' }
  return { state: 'unknown', reason: 'GitHub answered with an issue state that could not be read' }
}

function explainStatus(status: number, repository: string): string {
  switch (status) {
    case 401:
      return 'GitHub answered 401: the token was not accepted'
    case 403:
      return `GitHub answered 403: the token may not read issues of ${repository} (it needs "issues: read")`
    case 404:
      return `GitHub answered 404: the issue does not exist, or the token cannot see ${repository}`
    case 410:
      return 'GitHub answered 410: the issue was deleted'
    default:
      return `GitHub answered ${status}`
  }
}

/**
 * Asks Jira about follow-ups that are issues of the site at `baseUrl` (`<baseUrl>/browse/<KEY>`, the link
 * `retrospective: jira` records); any other follow-up goes to `otherwise`. A follow-up counts as closed when
 * Jira gives it a resolution date; one in a done status without a resolution date is unknown (it cannot be
 * dated). The credentials stay inside `reader`.
 */
export function jiraFollowUps(
  baseUrl: string,
  reader: JiraResolutions,
  otherwise: FollowUpLookup
): FollowUpLookup {
  const site = `${baseUrl.replace(/\/+$/, '')}/browse/`
  const cache = new Map<string, Promise<FollowUpStatus>>()

  async function ask(key: string): Promise<FollowUpStatus> {
    try {
      const answer = await reader.readResolution(key)
      if (!answer.found)
        return {
          state: 'unknown',
          reason: `Jira has no issue ${answer.key}, or the credentials cannot see it`
        }
      if (answer.resolvedAt !== null) return { state: 'closed', closedAt: answer.resolvedAt }
      if (answer.done)
        return { state: 'unknown', reason: `${answer.key} is done, but Jira gives it no resolution date` }
      return { state: 'open' }
    } catch (error) {
      return { state: 'unknown', reason: getErrorMessage(error) }
    }
  }

  return {
    status(url: string): Promise<FollowUpStatus> {
      const key = url.startsWith(site)
        ? /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*)\/?$/.exec(url.slice(site.length))?.[1]
        : undefined
      if (key === undefined) return otherwise.status(url)
      let pending = cache.get(key.toUpperCase())
      if (!pending) {
        pending = ask(key)
        cache.set(key.toUpperCase(), pending)
      }
      return pending
    }
  }
}

/** `https://<host>/<owner>/<repo>/issues/<n>` → its parts; null for anything else. */
function parseIssueUrl(url: string): { host: string; owner: string; repo: string; number: string } | null {
  const parsed = parseHttpUrl(url)
  if (!parsed) return null
  // GitHub's owner and repository names use only these characters.
  const match = /^\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/issues\/([1-9]\d*)\/?$/.exec(parsed.pathname)
  if (!match) return null
  return {
    host: parsed.host.toLowerCase(),
    owner: match[1] as string,
    repo: match[2] as string,
    number: match[3] as string
  }
}

/** The web host whose issues an API URL serves: api.github.com → github.com; GHES `host/api/v3` → host. */
function webHost(apiUrl: string): string {
  const parsed = new URL(apiUrl)
  const host = parsed.host.toLowerCase()
  if (host === 'api.github.com') return 'github.com'
  // GHE.com data residency: api.<tenant>.ghe.com serves <tenant>.ghe.com.
  if (host.startsWith('api.') && host.endsWith('.ghe.com')) return host.slice(4)
  return host
}
