/**
 * The one place that talks HTTP to GitHub: an octokit from `@actions/github` with octokit's retry and
 * throttling plugins, a per-attempt timeout, a bounded total time per request, an explicit GraphQL
 * endpoint (GHES serves it at `/api/graphql`), and every failure turned into an `UpstreamError` whose
 * message names GitHub, the HTTP status and what to fix. The token never appears in a message.
 */
import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import type { Octokit } from '@octokit/core'
import type { OctokitPlugin } from '@octokit/core/types'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import { UpstreamError, getErrorMessage } from '../errors.js'

export interface GitHubClientOptions {
  token: string
  /** `GITHUB_API_URL`, e.g. https://api.github.com or https://ghes.example.com/api/v3 */
  apiUrl: string
  /** `GITHUB_GRAPHQL_URL`, e.g. https://api.github.com/graphql or https://ghes.example.com/api/graphql */
  graphqlUrl: string
  /** Retries after the first attempt on 5xx, 429, timeouts and network errors. Default 3. */
  retries?: number
  /**
   * Unit of octokit's retry backoff: the n-th retry waits n² units (1, 4, 9 …). Default 1000 ms.
   * Also the unit of a rate limit's `retry-after` seconds. Tests pass 1.
   */
  retryUnitMs?: number
  /** One attempt's time limit. Default 20 s. */
  attemptTimeoutMs?: number
  /** A request's time limit, retries and waits included. Default 30 s. */
  totalTimeoutMs?: number
  /**
   * octokit's throttling plugin: waits out primary and secondary rate limits, and spaces GraphQL
   * requests (which it treats like writes) at least 1 s apart. Default true; tests that are not about
   * rate limits turn it off to save that second per query.
   */
  throttle?: boolean
  userAgent?: string
}

/** What a request is for, so that a failure can say which permission is missing. */
export interface RequestPurpose {
  /** e.g. "compare commits in acme/app" */
  what: string
  /** e.g. "contents: read" */
  permission: string
}

export interface GitHubResponse {
  status: number
  data: unknown
}

export interface RequestOptions {
  /**
   * Error statuses that are an answer rather than a failure (e.g. 404 "Branch not protected"): they
   * resolve with the error body as `data`. Rate-limit refusals are failures all the same.
   */
  allowStatuses?: readonly number[]
}

export interface GitHubClient {
  /** A REST call, e.g. `request('GET /repos/{owner}/{repo}', { owner, repo }, purpose)`. */
  request(
    route: string,
    params: Record<string, unknown>,
    purpose: RequestPurpose,
    options?: RequestOptions
  ): Promise<GitHubResponse>
  /** A GraphQL query; resolves to the answer's `data`. GraphQL errors are UpstreamErrors. */
  graphql(query: string, variables: Record<string, unknown>, purpose: RequestPurpose): Promise<unknown>
}

export const GITHUB_CLIENT_DEFAULTS = {
  retries: 3,
  retryUnitMs: 1000,
  attemptTimeoutMs: 20_000,
  totalTimeoutMs: 30_000
} as const

/** The permissions the gate's token needs, for messages. */
export const READ_PERMISSIONS = 'contents: read, pull-requests: read, checks: read, statuses: read'

type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>

interface RequestMeta {
  deadline?: number
  signal?: AbortSignal
}

/**
 * The throttling plugin spaces "write" requests at least a second apart, as GitHub asks for mutative
 * requests, and counts every GraphQL request as one. The gate's GraphQL requests are read-only queries and
 * a run makes at most one write (a retrospective issue), so that spacing would only add a second per
 * query. Rate limits are still honoured: the plugin's global group and its rate-limit handling stay.
 */
const UNSPACED = {
  key: () => ({ schedule: <T>(_options: unknown, job: () => Promise<T>) => job() })
} as unknown as NonNullable<Extract<ThrottlingOptions, { onRateLimit: unknown }>['write']>

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? GITHUB_CLIENT_DEFAULTS.retries
  const unit = options.retryUnitMs ?? GITHUB_CLIENT_DEFAULTS.retryUnitMs
  const attemptTimeoutMs = options.attemptTimeoutMs ?? GITHUB_CLIENT_DEFAULTS.attemptTimeoutMs
  const totalTimeoutMs = options.totalTimeoutMs ?? GITHUB_CLIENT_DEFAULTS.totalTimeoutMs
  const token = options.token
  const apiUrl = options.apiUrl.replace(/\/+$/, '')
  const graphqlUrl = options.graphqlUrl

  // A rate limit is worth waiting for only if the wait ends before this request's deadline.
  const wantRateLimitRetry = (
    retryAfterSeconds: number,
    requestOptions: unknown,
    _octokit: unknown,
    retryCount: number
  ) => {
    const meta = requestMeta(requestOptions)
    const resumeAt = Date.now() + retryAfterSeconds * unit
    return retryCount < retries && meta.deadline !== undefined && resumeAt < meta.deadline
  }

  const baseFetch = (actionsDefaults.request?.fetch as FetchFn | undefined) ?? fetch
  const fetchWithTimeout: FetchFn = (input, init = {}) => {
    const timeout = AbortSignal.timeout(attemptTimeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return baseFetch(input, { ...init, signal })
  }

  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl,
      userAgent: options.userAgent ?? 'deploy-gate',
      request: { ...actionsDefaults.request, fetch: fetchWithTimeout },
      // 429s are left to the throttling plugin, which honours retry-after; counting them in both
      // plugins would multiply the attempts.
      retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle:
        options.throttle === false
          ? { enabled: false }
          : {
              retryAfterBaseValue: unit,
              write: UNSPACED,
              onRateLimit: wantRateLimitRetry,
              onSecondaryRateLimit: wantRateLimitRetry
            },
      // octokit logs warnings (e.g. deprecations) through console; the gate reports its own errors.
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
    },
    retry,
    throttling,
    deadlinePlugin(totalTimeoutMs)
  ) as unknown as Octokit

  const redact = (text: string) => (token ? text.split(token).join('***') : text)

  return {
    async request(route, params, purpose, requestOptions = {}) {
      try {
        const response = await octokit.request(route, params)
        return { status: response.status, data: response.data }
      } catch (error) {
        const upstream = toUpstreamError(error, purpose, redact)
        const allowed = requestOptions.allowStatuses ?? []
        if (upstream.status !== null && allowed.includes(upstream.status) && !isRateLimit(error)) {
          const response = isRecord(error) && isRecord(error.response) ? error.response : {}
          return { status: upstream.status, data: response.data ?? null }
        }
        throw upstream
      }
    },
    async graphql(query, variables, purpose) {
      let data: unknown
      try {
        const response = await octokit.request(`POST ${graphqlUrl}`, { query, variables })
        data = response.data
      } catch (error) {
        throw toUpstreamError(error, purpose, redact)
      }
      if (!isRecord(data)) {
        throw new UpstreamError(
          'GitHub',
          `GitHub's GraphQL API gave a malformed answer to ${purpose.what}.`,
          null
        )
      }
      if (Array.isArray(data.errors) && data.errors.length > 0) {
        throw graphqlErrors(data.errors, purpose, redact)
      }
      if (!isRecord(data.data)) {
        throw new UpstreamError('GitHub', `GitHub's GraphQL API answered ${purpose.what} without data.`, null)
      }
      return data.data
    }
  }
}

/**
 * Outermost hook: gives each request a deadline (read by the rate-limit handlers) and stops waiting
 * when it passes, whatever retry or rate-limit wait is in progress.
 */
function deadlinePlugin(totalTimeoutMs: number): OctokitPlugin {
  return (octokit: Octokit) => {
    octokit.hook.wrap('request', async (request, requestOptions) => {
      const meta = requestMeta(requestOptions)
      meta.deadline = Date.now() + totalTimeoutMs
      // Aborting makes any attempt still scheduled after the deadline fail at once, without a request.
      const controller = new AbortController()
      meta.signal = controller.signal
      let timer: NodeJS.Timeout | undefined
      const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          controller.abort()
          reject(new DeadlineError(totalTimeoutMs))
        }, totalTimeoutMs)
      })
      const attempts = Promise.resolve().then(() => request(requestOptions))
      // After the deadline their failure is no longer anyone's news.
      attempts.catch(() => {})
      try {
        return await Promise.race([attempts, expired])
      } finally {
        clearTimeout(timer)
      }
    })
  }
}

class DeadlineError extends Error {
  readonly totalTimeoutMs: number
  constructor(totalTimeoutMs: number) {
    super(`no answer within ${totalTimeoutMs / 1000} s`)
    this.totalTimeoutMs = totalTimeoutMs
  }
}

function requestMeta(requestOptions: unknown): RequestMeta {
  if (isRecord(requestOptions)) {
    if (!isRecord(requestOptions.request)) requestOptions.request = {}
    return requestOptions.request as RequestMeta
  }
  return {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A short, single-line excerpt of text GitHub sent (it is data, not instructions). */
function excerpt(text: string, redact: (s: string) => string): string {
  const flat = redact(text)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat
}

function toUpstreamError(
  error: unknown,
  purpose: RequestPurpose,
  redact: (s: string) => string
): UpstreamError {
  if (error instanceof UpstreamError) return error
  if (error instanceof DeadlineError) {
    return new UpstreamError(
      'GitHub',
      `GitHub did not answer ${purpose.what} within ${error.totalTimeoutMs / 1000} s (retries included); the gate cannot establish the facts, try again later.`,
      null
    )
  }
  const status = isRecord(error) && typeof error.status === 'number' ? error.status : null
  const response = isRecord(error) && isRecord(error.response) ? error.response : null
  const headers = response && isRecord(response.headers) ? response.headers : {}
  const said = excerpt(messageFromResponse(response) ?? getErrorMessage(error), redact)

  if (status === null || (status === 500 && response === null)) {
    // fetch failed: network error, refused connection, timeout of every attempt
    return new UpstreamError(
      'GitHub',
      `GitHub could not be reached for ${purpose.what} (${said}), after retries; check the API URL and the network.`,
      null
    )
  }
  const prefix = `GitHub answered HTTP ${status} to ${purpose.what}`
  if (isRateLimit(error)) {
    const after =
      typeof headers['retry-after'] === 'string' ? ` (retry-after: ${headers['retry-after']} s)` : ''
    return new UpstreamError(
      'GitHub',
      `${prefix}: rate limit exceeded${after}; try again later. GitHub said: ${said}`,
      status
    )
  }
  switch (status) {
    case 401:
      return new UpstreamError(
        'GitHub',
        `${prefix}: the token was rejected (invalid or expired); check the github-token input. GitHub said: ${said}`,
        status
      )
    case 403:
      return new UpstreamError(
        'GitHub',
        `${prefix}: the token lacks the permission \`${purpose.permission}\`; grant it in the workflow's \`permissions:\`. GitHub said: ${said}`,
        status
      )
    case 404:
      return new UpstreamError(
        'GitHub',
        `${prefix}: not found — the repository or commit does not exist, or the token cannot see it (it needs \`${purpose.permission}\`). GitHub said: ${said}`,
        status
      )
    default:
      if (status >= 500) {
        return new UpstreamError(
          'GitHub',
          `${prefix} (after retries): GitHub is unavailable; try again later. GitHub said: ${said}`,
          status
        )
      }
      return new UpstreamError('GitHub', `${prefix}. GitHub said: ${said}`, status)
  }
}

/** GitHub's rate limits: 429, or 403 with no remaining quota or a "secondary rate limit" message. */
function isRateLimit(error: unknown): boolean {
  if (!isRecord(error) || typeof error.status !== 'number') return false
  if (error.status === 429) return true
  if (error.status !== 403) return false
  const response = isRecord(error.response) ? error.response : null
  const headers = response && isRecord(response.headers) ? response.headers : {}
  return headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(messageFromResponse(response) ?? '')
}

function messageFromResponse(response: Record<string, unknown> | null): string | null {
  if (!response) return null
  const data = response.data
  if (isRecord(data) && typeof data.message === 'string') return data.message
  if (typeof data === 'string' && data.length > 0) return data
  return null
}

function graphqlErrors(
  errors: unknown[],
  purpose: RequestPurpose,
  redact: (s: string) => string
): UpstreamError {
  const first = errors[0]
  const type = isRecord(first) && typeof first.type === 'string' ? first.type : null
  const messages = errors
    .slice(0, 3)
    .map(e => (isRecord(e) && typeof e.message === 'string' ? e.message : 'unknown error'))
    .join('; ')
  const said = excerpt(messages, redact)
  const prefix = `GitHub's GraphQL API answered ${purpose.what} with ${errors.length} error(s)`
  switch (type) {
    case 'FORBIDDEN':
    case 'INSUFFICIENT_SCOPES':
      return new UpstreamError(
        'GitHub',
        `${prefix}: the token lacks a permission (it needs \`${purpose.permission}\`); grant it in the workflow's \`permissions:\`. GitHub said: ${said}`,
        403
      )
    case 'NOT_FOUND':
      return new UpstreamError(
        'GitHub',
        `${prefix}: not found — the repository, commit or pull request does not exist, or the token cannot see it. GitHub said: ${said}`,
        404
      )
    case 'RATE_LIMITED':
      return new UpstreamError(
        'GitHub',
        `${prefix}: rate limit exceeded; try again later. GitHub said: ${said}`,
        429
      )
    default:
      return new UpstreamError('GitHub', `${prefix}. GitHub said: ${said}`, null)
  }
}
