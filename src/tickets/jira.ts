/**
 * The Jira adapter: reads the tickets of a change set (status + status history) and opens retrospective
 * follow-ups. It turns Jira's answers into plain TicketFacts and never decides anything.
 *
 * Two flavours, chosen by the credentials (SPEC §3):
 * - Cloud (`jira-email` + `jira-api-token`, Basic): REST v3, the enhanced search `/rest/api/3/search/jql`
 *   (`nextPageToken` paging), descriptions as Atlassian documents.
 * - Data Center (`jira-pat`, Bearer): REST v2, `/rest/api/2/search` (`startAt` paging, `validateQuery: false` so a
 *   missing key is a warning, not a 400), descriptions as plain text.
 *
 * Searches are POSTs: a change set's JQL (`key in ("PAY-1", ...)`) can outgrow what a server accepts in a URL.
 *
 * One search request answers every key of a change set, changelog included; more requests only when the
 * answer spans pages, when an issue's embedded changelog was cut short, or (Cloud) when a key does not exist:
 * Jira rejects the whole JQL with a 400 naming the missing keys, and the search is repeated without them.
 *
 * jira.js is loaded on first use (~0.4 s of module loading) so the action's start-up does not pay for it
 * when no ticket is looked up.
 */
import type { Client } from 'jira.js/core'
import type { JiraAuth, JiraConfig } from '../config.js'
import { ConfigError, UpstreamError, getErrorMessage } from '../errors.js'
import { scrubSecrets } from '../evidence/redact.js'
import type { TicketFacts, TicketLookup } from '../gate/facts.js'
import { oneLine } from '../text.js'

export interface TicketReader {
  /** One lookup per key asked (the map is keyed by the keys exactly as given). */
  fetchTickets(keys: readonly string[]): Promise<Map<string, TicketLookup>>
}

export interface FollowUpInput {
  project: string
  summary: string
  /** Plain text. Sent as an Atlassian document (Cloud) or as unformatted text (Data Center). */
  description: string
  /** ISO 8601; Jira's due date is its UTC calendar day. */
  dueAt: string
  labels: string[]
}

export interface FollowUp {
  key: string
  url: string
}

export interface JiraFollowUps {
  createFollowUp(input: FollowUpInput): Promise<FollowUp>
}

/** Whether a follow-up issue was resolved, and when: what `deploy-gate findings` asks of Jira. */
export type Resolution =
  { found: true; key: string; resolvedAt: string | null; done: boolean } | { found: false; key: string }

export interface JiraResolutions {
  readResolution(key: string): Promise<Resolution>
}

export type JiraFlavour = 'cloud' | 'data-center'

export interface JiraClientOptions {
  /** Waits before each retry of a 5xx, 429 or network failure; its length is the number of retries. */
  retryDelaysMs?: readonly number[]
  /** Longest Retry-After (429/503) the client will wait out; a longer one fails at once. Default 30 s. */
  maxRetryAfterMs?: number
  /** Most time one request may spend waiting between its attempts, all retries together. Default 60 s. */
  maxTotalWaitMs?: number
  /** Longest a single HTTP request may take. Default 30 s. */
  requestTimeoutMs?: number
  /** Injected by tests to observe waits without sleeping. */
  sleep?: (ms: number) => Promise<void>
  /** Make jira.js throw when an answer does not match its schema (tests prove the stand-in's shapes with it). */
  strictSchemas?: boolean
  /** What the user set the site and credentials with, for messages. Default: the action's input names. */
  names?: JiraSettingNames
}

export interface JiraSettingNames {
  baseUrl: string
  email: string
  apiToken: string
  pat: string
}

const INPUT_NAMES: JiraSettingNames = {
  baseUrl: 'jira-base-url',
  email: 'jira-email',
  apiToken: 'jira-api-token',
  pat: 'jira-pat'
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000]
const DEFAULT_MAX_RETRY_AFTER_MS = 30_000
const DEFAULT_MAX_TOTAL_WAIT_MS = 60_000
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
const SEARCH_PAGE_SIZE = 100
const CHANGELOG_PAGE_SIZE = 100
const FOLLOW_UP_ISSUE_TYPE = 'Task'

/** Issue keys as Jira writes them; anything else cannot be a ticket and never reaches a JQL string. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/
const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/

function jiraFlavour(auth: JiraAuth): JiraFlavour {
  return auth.kind === 'basic' ? 'cloud' : 'data-center'
}

// ---- time -----------------------------------------------------------------------------------------------

/**
 * Jira writes `2024-06-01T04:05:00.000+0000` (Data Center: the server's offset). Normalised to ISO 8601 UTC
 * (`…Z`) so that string comparison with GitHub's times is time comparison. jira.js may already have turned the
 * value into a Date.
 */
export function toIsoUtc(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value !== 'string') return null
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/.exec(
    value.trim()
  )
  if (!m) return null
  const zone = m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`
  const time = Date.parse(`${m[1]!.replace(/(\.\d{3})\d+$/, '$1')}${zone}`)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

// ---- reading Jira's answers (untrusted: validated field by field) ------------------------------------------

class MalformedAnswer extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function own(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined
}

interface RawIssue {
  key: string
  status: string
  createdAt: string
  histories: unknown[]
  /** The embedded changelog holds fewer histories than the issue has. */
  truncated: boolean
}

function readIssue(raw: unknown): RawIssue {
  if (!isRecord(raw)) throw new MalformedAnswer('an issue is not an object')
  const key = raw.key
  if (typeof key !== 'string' || !ISSUE_KEY.test(key)) throw new MalformedAnswer('an issue has no valid key')
  const fields = raw.fields
  if (!isRecord(fields)) throw new MalformedAnswer(`issue ${key} has no fields`)
  const status = isRecord(fields.status) ? fields.status.name : undefined
  if (typeof status !== 'string' || status === '')
    throw new MalformedAnswer(`issue ${key} has no status name`)
  const createdAt = toIsoUtc(fields.created)
  if (!createdAt) throw new MalformedAnswer(`issue ${key} has no valid created time`)
  const changelog = raw.changelog
  if (!isRecord(changelog) || !Array.isArray(changelog.histories)) {
    throw new MalformedAnswer(`issue ${key} came without its changelog`)
  }
  const total = changelog.total
  const truncated = typeof total === 'number' && total > changelog.histories.length
  return { key, status, createdAt, histories: changelog.histories, truncated }
}

/** The status moves of a changelog, oldest first, whatever order Jira listed them in. */
export function statusHistory(key: string, histories: readonly unknown[]): TicketFacts['history'] {
  const moves: Array<{ at: string; id: number; from: string[]; to: string[] }> = []
  histories.forEach((h, index) => {
    if (!isRecord(h)) throw new MalformedAnswer(`a changelog entry of ${key} is not an object`)
    if (!Array.isArray(h.items)) throw new MalformedAnswer(`a changelog entry of ${key} has no items`)
    const statusItems = h.items.filter(
      (item): item is Record<string, unknown> =>
        isRecord(item) &&
        (item.fieldId === 'status' || (item.field === 'status' && item.fieldtype !== 'custom'))
    )
    if (statusItems.length === 0) return
    const at = toIsoUtc(h.created)
    if (!at) throw new MalformedAnswer(`a status change of ${key} has no valid time`)
    const id = typeof h.id === 'string' && /^\d+$/.test(h.id) ? Number(h.id) : index
    for (const item of statusItems) {
      const from = own(item, 'fromString')
      const to = own(item, 'toString') // an own property: `item.toString` would be Object's method when absent
      moves.push({
        at,
        id,
        from: typeof from === 'string' && from !== '' ? [from] : [],
        to: typeof to === 'string' && to !== '' ? [to] : []
      })
    }
  })
  moves.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id))
  return moves.map(({ at, from, to }) => ({ at, from, to }))
}

// ---- errors --------------------------------------------------------------------------------------------

class RequestTimedOut extends Error {}

/** jira.js's errors, read structurally (its predicates need the lazily loaded module). */
interface JiraError {
  status: number | null
  body: unknown
  retryAfterMs: number | null
  transient: boolean
  code: string | null
}

function readJiraError(error: unknown): JiraError {
  const e = isRecord(error) || error instanceof Error ? (error as unknown as Record<string, unknown>) : {}
  const status = typeof e.status === 'number' ? e.status : null
  const retryAfterMs = typeof e.retryAfterMs === 'number' ? e.retryAfterMs : null
  const code = typeof e.code === 'string' ? e.code : null
  const networkTransient = error instanceof Error && error.name === 'NetworkError' && e.transient === true
  const transient = status === 429 || (status !== null && status >= 500) || networkTransient
  return { status, body: e.body, retryAfterMs, transient, code }
}

export interface Redactor {
  (text: string): string
}

/** Removes every form a credential could take (raw, Basic-encoded) from a text. */
export function createRedactor(auth: JiraAuth): Redactor {
  const secrets =
    auth.kind === 'basic'
      ? [
          auth.apiToken,
          `${auth.email}:${auth.apiToken}`,
          Buffer.from(`${auth.email}:${auth.apiToken}`, 'utf8').toString('base64')
        ]
      : [auth.token, Buffer.from(auth.token, 'utf8').toString('base64')]
  // Only forms of 4 characters or more are redacted.
  const kept = secrets.filter(s => s.length >= 4)
  return text => scrubSecrets(text, kept)
}

/** Jira's own error sentences (`errorMessages`, `errors`), cleaned up for a one-line message. */
function jiraMessages(body: unknown): string {
  if (!isRecord(body)) return ''
  const parts: string[] = []
  if (Array.isArray(body.errorMessages)) {
    for (const m of body.errorMessages) if (typeof m === 'string') parts.push(m)
  }
  if (isRecord(body.errors)) {
    for (const [field, m] of Object.entries(body.errors))
      if (typeof m === 'string') parts.push(`${field}: ${m}`)
  }
  return parts.join('; ')
}

/** Keys a 400 says do not exist: the quoted strings of its messages that are among the keys asked. */
export function missingKeysOf(body: unknown, asked: readonly string[]): string[] {
  if (!isRecord(body) || !Array.isArray(body.errorMessages)) return []
  const wanted = new Set(asked)
  const found = new Set<string>()
  for (const message of body.errorMessages) {
    if (typeof message !== 'string') continue
    for (const m of message.matchAll(/'([^']+)'|"([^"]+)"/g)) {
      const candidate = (m[1] ?? m[2] ?? '').toUpperCase()
      if (wanted.has(candidate)) found.add(candidate)
    }
  }
  return [...found]
}

// ---- Atlassian document for follow-up descriptions -------------------------------------------------------

type AdfNode = Record<string, unknown>

function adfInline(line: string): AdfNode[] {
  const nodes: AdfNode[] = []
  let last = 0
  for (const m of line.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const start = m.index
    if (start > last) nodes.push({ type: 'text', text: line.slice(last, start) })
    nodes.push({ type: 'text', text: m[0], marks: [{ type: 'link', attrs: { href: m[0] } }] })
    last = start + m[0].length
  }
  if (last < line.length) nodes.push({ type: 'text', text: line.slice(last) })
  return nodes
}

/**
 * Plain text → Atlassian document: blank lines separate paragraphs, single newlines become hard breaks, URLs
 * become links. Text nodes are never interpreted, so PR titles and justifications cannot inject markup.
 */
export function toAdf(text: string): AdfNode {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map(p => p.split('\n').filter(line => line.trim() !== ''))
    .filter(lines => lines.length > 0)
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map(lines => ({
      type: 'paragraph',
      content: lines.flatMap((line, i) =>
        i === 0 ? adfInline(line) : [{ type: 'hardBreak' }, ...adfInline(line)]
      )
    }))
  }
}

/** Plain text for a v2 (wiki markup) description: a {noformat} block, so nothing in it is interpreted. */
export function toUnformattedWiki(text: string): string {
  return `{noformat}\n${text.replace(/\{noformat\}/gi, '{ noformat}')}\n{noformat}`
}

// ---- the client ------------------------------------------------------------------------------------------

interface JiraModules {
  core: typeof import('jira.js/core')
  cloud: typeof import('jira.js/cloud')
}

let modules: Promise<JiraModules> | null = null

function loadJira(): Promise<JiraModules> {
  modules ??= Promise.all([import('jira.js/core'), import('jira.js/cloud')]).then(([core, cloud]) => ({
    core,
    cloud
  }))
  return modules
}

export function createJiraClient(
  config: JiraConfig,
  options: JiraClientOptions = {}
): TicketReader & JiraFollowUps & JiraResolutions {
  const flavour = jiraFlavour(config.auth)
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const redact = createRedactor(config.auth)
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const maxTotalWaitMs = options.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  const names = options.names ?? INPUT_NAMES
  const credentialInputs = flavour === 'cloud' ? `${names.email}/${names.apiToken}` : names.pat

  let client: Promise<{ jira: JiraModules; client: Client }> | null = null

  function connect(): Promise<{ jira: JiraModules; client: Client }> {
    client ??= loadJira().then(jira => {
      const auth =
        config.auth.kind === 'basic'
          ? { type: 'basic' as const, email: config.auth.email, apiToken: config.auth.apiToken }
          : { type: 'bearer' as const, token: config.auth.token }
      try {
        return {
          jira,
          client: jira.core.createClient({
            host: baseUrl,
            auth,
            // Answers are validated field by field below; jira.js's own report would only add noise on stderr.
            onSchemaMismatch: options.strictSchemas ? 'throw' : 'silent'
          })
        }
      } catch {
        // jira.js validates its configuration with zod; its message could quote the values.
        throw new ConfigError(
          `Invalid Jira configuration: ${names.baseUrl} must be an http(s) URL${
            flavour === 'cloud' ? ` and ${names.email} an email address` : ''
          }, and the ${credentialInputs} credential must not be empty.`
        )
      }
    })
    return client
  }

  function withTimeout<T>(operation: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimedOut()), requestTimeoutMs)
    })
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer))
  }

  function upstream(message: string, status: number | null = null): UpstreamError {
    return new UpstreamError('Jira', redact(message), status)
  }

  /** One request, retried on 5xx/429/network failures with backoff; any failure becomes an UpstreamError. */
  async function call<T>(
    what: string,
    permission: string,
    operation: (jira: JiraModules, client: Client) => Promise<T>,
    passThrough: (status: number) => boolean = () => false
  ): Promise<T> {
    const { jira, client: c } = await connect()
    let waited = 0
    for (let attempt = 0; ; attempt++) {
      try {
        return await withTimeout(operation(jira, c))
      } catch (error) {
        if (error instanceof RequestTimedOut) {
          throw upstream(`Jira did not answer within ${requestTimeoutMs / 1000} s while ${what}.`)
        }
        if (jira.core.isSchemaMismatchError(error)) {
          throw upstream(`Jira answered ${what} with something that is not the documented shape.`)
        }
        const e = readJiraError(error)
        if (e.status !== null && passThrough(e.status)) throw error
        if (e.transient && attempt < retryDelays.length) {
          const wait = e.retryAfterMs ?? retryDelays[attempt]!
          if (wait <= maxRetryAfterMs && waited + wait <= maxTotalWaitMs) {
            waited += wait
            await sleep(wait)
            continue
          }
        }
        throw describe(error, e, what, permission, attempt + 1)
      }
    }
  }

  function describe(
    error: unknown,
    e: JiraError,
    what: string,
    permission: string,
    attempts: number
  ): UpstreamError {
    const said = oneLine(jiraMessages(e.body), 300)
    const tail = said ? ` Jira said: ${said}` : ''
    const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
    switch (e.status) {
      case null:
        return upstream(
          `Could not reach Jira at ${baseUrl} while ${what}${tries}${e.code ? ` (${e.code})` : ''}: ${oneLine(
            getErrorMessage(error).replace(/https?:\/\/\S+/g, '<url>'),
            200
          )}`
        )
      case 401:
        return upstream(
          `Jira rejected the credentials while ${what} (HTTP 401): check ${credentialInputs}` +
            (flavour === 'cloud'
              ? ' (an Atlassian account email and an API token of that account).'
              : ' (a Data Center personal access token).'),
          401
        )
      case 403:
        return upstream(
          `Jira refused ${what} (HTTP 403): the account behind ${credentialInputs} needs the ${permission} permission.${tail}`,
          403
        )
      case 404:
        return upstream(
          `Jira answered 404 while ${what}: check that ${names.baseUrl} (${baseUrl}) is the Jira site` +
            (flavour === 'cloud'
              ? ` (email + API token select Jira Cloud; a Data Center server needs ${names.pat}).`
              : ` (${names.pat} selects Jira Data Center; Jira Cloud needs ${names.email} + ${names.apiToken}).`) +
            tail,
          404
        )
      case 429:
        return upstream(`Jira kept rate-limiting requests while ${what} (HTTP 429)${tries}.${tail}`, 429)
      default:
        if (e.status >= 500)
          return upstream(`Jira failed while ${what} (HTTP ${e.status})${tries}.${tail}`, e.status)
        return upstream(`Jira rejected ${what} (HTTP ${e.status}).${tail}`, e.status)
    }
  }

  // ---- search --------------------------------------------------------------------------------------------

  /** One page of the search: the issues on it and how to ask for the next (null: last page). */
  type Cursor = { token: string } | { startAt: number } | null

  async function searchPage(
    jql: string,
    keys: number,
    cursor: Cursor
  ): Promise<{ issues: unknown[]; next: Cursor }> {
    const maxResults = Math.min(keys, SEARCH_PAGE_SIZE)
    const answer = await call(
      'searching the tickets',
      '"Browse projects"',
      async (jira, c) =>
        flavour === 'cloud'
          ? jira.cloud.searchAndReconsileIssuesUsingJqlPost(c, {
              jql,
              fields: ['status', 'created'],
              expand: 'changelog',
              maxResults,
              nextPageToken: cursor && 'token' in cursor ? cursor.token : undefined
            })
          : c.sendRequest<unknown>({
              url: '/rest/api/2/search',
              method: 'POST',
              body: {
                jql,
                fields: ['status', 'created'],
                expand: ['changelog'],
                maxResults,
                startAt: cursor && 'startAt' in cursor ? cursor.startAt : 0,
                // A key that does not exist is then left out of the answer instead of failing the query.
                validateQuery: false
              }
            }),
      status => status === 400
    )
    if (!isRecord(answer) || !Array.isArray(answer.issues))
      throw new MalformedAnswer('the search result has no issues')
    const issues = answer.issues as unknown[]
    if (flavour === 'cloud') {
      const token = answer.nextPageToken
      const more = typeof token === 'string' && token !== '' && answer.isLast !== true
      return { issues, next: more ? { token } : null }
    }
    const startAt = typeof answer.startAt === 'number' ? answer.startAt : 0
    const total = answer.total
    if (typeof total !== 'number') throw new MalformedAnswer('the search result has no total')
    const seen = startAt + issues.length
    return { issues, next: seen < total && issues.length > 0 ? { startAt: seen } : null }
  }

  async function searchAll(keys: readonly string[]): Promise<unknown[]> {
    const jql = `key in (${keys.map(k => `"${k}"`).join(', ')})`
    const issues: unknown[] = []
    const seenTokens = new Set<string>()
    let cursor: Cursor = null
    // A page holds at least one issue, so more pages than keys means Jira is looping.
    for (let page = 0; page <= keys.length; page++) {
      const result = await searchPage(jql, keys.length, cursor)
      issues.push(...result.issues)
      cursor = result.next
      if (!cursor) return issues
      if ('token' in cursor) {
        if (seenTokens.has(cursor.token)) break
        seenTokens.add(cursor.token)
      }
    }
    throw new MalformedAnswer('the search kept returning more pages than there are tickets')
  }

  /** The search, repeated without the keys a 400 names as missing (Cloud validates JQL strictly). */
  async function searchExisting(
    keys: readonly string[]
  ): Promise<{ issues: unknown[]; missing: Set<string> }> {
    const missing = new Set<string>()
    let remaining = [...keys]
    while (remaining.length > 0) {
      try {
        return { issues: await searchAll(remaining), missing }
      } catch (error) {
        const e = readJiraError(error)
        if (e.status !== 400) throw error
        const gone = missingKeysOf(e.body, remaining)
        if (gone.length === 0) {
          const said = oneLine(jiraMessages(e.body), 300)
          throw upstream(
            `Jira rejected the ticket search (HTTP 400).${said ? ` Jira said: ${said}` : ''}`,
            400
          )
        }
        for (const k of gone) missing.add(k)
        remaining = remaining.filter(k => !missing.has(k))
      }
    }
    return { issues: [], missing }
  }

  /** Every history of an issue whose embedded changelog was cut short. */
  async function fullHistories(key: string): Promise<unknown[]> {
    const what = `reading the changelog of ${key}`
    if (flavour === 'data-center') {
      // Data Center has no changelog endpoint; the issue itself embeds its whole changelog.
      const answer = await call(what, '"Browse projects"', (_jira, c) =>
        c.sendRequest<unknown>({
          url: `/rest/api/2/issue/${key}`,
          method: 'GET',
          searchParams: { fields: 'status,created', expand: 'changelog' }
        })
      )
      const issue = readIssue(answer)
      if (issue.truncated) throw new MalformedAnswer(`the changelog of ${key} is incomplete`)
      return issue.histories
    }
    const histories: unknown[] = []
    let startAt = 0
    for (;;) {
      const page: unknown = await call(what, '"Browse projects"', (jira, c) =>
        jira.cloud.getChangeLogs(c, { issueIdOrKey: key, startAt, maxResults: CHANGELOG_PAGE_SIZE })
      )
      if (!isRecord(page) || !Array.isArray(page.values))
        throw new MalformedAnswer(`the changelog of ${key} has no values`)
      histories.push(...(page.values as unknown[]))
      startAt += page.values.length
      const total = typeof page.total === 'number' ? page.total : null
      if (page.isLast === true || page.values.length === 0 || (total !== null && startAt >= total))
        return histories
    }
  }

  async function fetchTickets(keys: readonly string[]): Promise<Map<string, TicketLookup>> {
    const result = new Map<string, TicketLookup>()
    const canonical = new Map<string, string>() // asked → upper-case key
    for (const asked of keys) canonical.set(asked, asked.trim().toUpperCase())
    const queryable = [...new Set(canonical.values())].filter(k => ISSUE_KEY.test(k))

    const tickets = new Map<string, TicketFacts>()
    if (queryable.length > 0) {
      try {
        const { issues } = await searchExisting(queryable)
        const wanted = new Set(queryable)
        for (const raw of issues) {
          const issue = readIssue(raw)
          // An issue moved to another project answers under its new key; it is not the ticket named.
          if (!wanted.has(issue.key) || tickets.has(issue.key)) continue
          const histories = issue.truncated ? await fullHistories(issue.key) : issue.histories
          tickets.set(issue.key, {
            key: issue.key,
            url: `${baseUrl}/browse/${issue.key}`,
            statuses: [issue.status],
            createdAt: issue.createdAt,
            history: statusHistory(issue.key, histories)
          })
        }
      } catch (error) {
        if (error instanceof MalformedAnswer)
          throw upstream(`Jira answered with a malformed result: ${error.message}.`)
        throw error
      }
    }

    for (const [asked, key] of canonical) {
      const ticket = tickets.get(key)
      result.set(asked, ticket ? { found: true, ticket } : { found: false, key })
    }
    return result
  }

  // ---- follow-ups ------------------------------------------------------------------------------------------

  async function createFollowUp(input: FollowUpInput): Promise<FollowUp> {
    const project = input.project.trim().toUpperCase()
    if (!PROJECT_KEY.test(project)) {
      throw new ConfigError(
        `Invalid retrospective-jira-project '${oneLine(input.project, 40)}'. Expected a Jira project key such as OPS.`
      )
    }
    const due = toIsoUtc(input.dueAt)
    if (!due) throw new Error(`createFollowUp: dueAt is not an ISO 8601 time: ${input.dueAt}`)
    const fields: Record<string, unknown> = {
      project: { key: project },
      issuetype: { name: FOLLOW_UP_ISSUE_TYPE },
      summary: oneLine(input.summary, 255),
      description: flavour === 'cloud' ? toAdf(input.description) : toUnformattedWiki(input.description),
      duedate: due.slice(0, 10),
      labels: input.labels.map(l => l.replace(/\s+/g, '-')).filter(l => l !== '')
    }
    const what = `creating the follow-up issue in project ${project}`
    const permission = '"Browse projects" and "Create issues"'
    const create = () =>
      call(
        what,
        permission,
        // A string description makes jira.js post to /rest/api/2/issue, the endpoint Data Center has.
        (jira, c) => jira.cloud.createIssue(c, { fields }),
        status => status === 400
      )
    let created: unknown
    try {
      created = await create()
    } catch (error) {
      const e = readJiraError(error)
      if (e.status !== 400) throw error
      // A project whose create screen lacks the due date or labels still gets its follow-up: the due time is
      // in the description too.
      const errors = isRecord(e.body) && isRecord(e.body.errors) ? Object.keys(e.body.errors) : []
      const optional = errors.filter(f => f === 'duedate' || f === 'labels')
      if (optional.length === 0 || optional.length !== errors.length)
        throw describe(error, e, what, permission, 1)
      for (const f of optional) delete fields[f]
      try {
        created = await create()
      } catch (retryError) {
        const again = readJiraError(retryError)
        if (again.status !== 400) throw retryError
        throw describe(retryError, again, what, permission, 2)
      }
    }
    const key = isRecord(created) ? created.key : undefined
    if (typeof key !== 'string' || !ISSUE_KEY.test(key)) {
      throw upstream(`Jira answered ${what} without a valid issue key.`)
    }
    return { key, url: `${baseUrl}/browse/${key}` }
  }

  // ---- resolutions (the auditor's CLI) ---------------------------------------------------------------------

  async function readResolution(asked: string): Promise<Resolution> {
    const key = asked.trim().toUpperCase()
    if (!ISSUE_KEY.test(key)) return { found: false, key }
    const what = `reading ${key}`
    let answer: unknown
    try {
      // REST v2 serves one issue on Cloud and Data Center alike.
      answer = await call(
        what,
        '"Browse projects"',
        (_jira, c) =>
          c.sendRequest<unknown>({
            url: `/rest/api/2/issue/${key}`,
            method: 'GET',
            searchParams: { fields: 'resolutiondate,status' }
          }),
        status => status === 404
      )
    } catch (error) {
      if (readJiraError(error).status === 404) return { found: false, key }
      throw error
    }
    const fields = isRecord(answer) && isRecord(answer.fields) ? answer.fields : null
    const raw = fields?.resolutiondate
    const resolvedAt = raw === null || raw === undefined ? null : toIsoUtc(raw)
    if (!fields || (raw !== null && raw !== undefined && resolvedAt === null)) {
      throw upstream(
        `Jira answered ${what} with something that is not an issue with a readable resolution date.`
      )
    }
    const status = isRecord(fields.status) ? fields.status : null
    const category = status && isRecord(status.statusCategory) ? status.statusCategory.key : null
    return { found: true, key, resolvedAt, done: category === 'done' }
  }

  return { fetchTickets, createFollowUp, readResolution }
}
