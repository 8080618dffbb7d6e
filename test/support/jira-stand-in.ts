/**
 * A local Jira on 127.0.0.1 that answers with the shapes Jira Cloud (REST v3) and Jira Data Center (REST v2)
 * return, so the real jira.js client can be tested against real sockets. It deliberately reproduces the
 * behaviours the adapter has to cope with:
 *
 * - Cloud: `/rest/api/3/search/jql` (enhanced search, `nextPageToken` paging); the removed `/rest/api/{2,3}/search`
 *   answers 410 as Cloud does today. A JQL `key in (...)` naming a missing key is a 400. The embedded changelog
 *   holds at most 100 histories, newest first; `/rest/api/3/issue/{key}/changelog` pages it oldest first.
 * - Data Center: `/rest/api/2/search` (`startAt`/`maxResults`/`total`), `validateQuery=false` turns missing keys
 *   into `warningMessages`; times carry the server's UTC offset; no v3 API.
 * - Basic auth (Cloud: email + API token) vs Bearer (Data Center PAT); anything else is a 401.
 * - Issue creation (v3: description must be an Atlassian document; v2: a string).
 * - Injected faults (502/503/429 with Retry-After/403/...), response delay, and a log of every request.
 *
 * No test framework here: the lead's demo and bench run it under plain Node 24.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { TicketBuilder, type HistoryDef, type TicketDef } from './jira-tickets.js'

export { ticket, TicketBuilder } from './jira-tickets.js'
export type { TicketDef, HistoryDef } from './jira-tickets.js'

export type StandInFlavour = 'cloud' | 'data-center'

export interface JiraStandInOptions {
  flavour?: StandInFlavour
  tickets?: Array<TicketBuilder | TicketDef>
  /** Cloud basic-auth credentials the stand-in accepts. */
  email?: string
  apiToken?: string
  /** Data Center personal access token the stand-in accepts. */
  pat?: string
  /** Most issues one search page returns, whatever maxResults asks. Default 100. */
  searchPageSize?: number
  /** Most histories embedded in an issue's changelog. Default: Cloud 100, Data Center unlimited. */
  embeddedChangelogLimit?: number
  /** Most histories embedded in search results only (default: embeddedChangelogLimit). */
  searchChangelogLimit?: number
  /** Page size of `/issue/{key}/changelog`. Default 100. */
  changelogPageSize?: number
  /** Offset the server writes times in, e.g. `+0200`. Default `+0000`. */
  utcOffset?: string
  /** Projects issues can be created in, besides those of the tickets. */
  projects?: string[]
  issueTypes?: string[]
  /** Fields that are not on the create screen: setting them is a 400, as in a real project. */
  fieldsNotOnCreateScreen?: string[]
  /** Milliseconds to wait before answering each request. */
  delayMs?: number
}

export interface Fault {
  status: number
  /** How many requests it answers (default 1; Infinity for a persistent fault). */
  times?: number
  /** Only requests whose path starts with this. */
  pathPrefix?: string
  /** Retry-After header value (seconds or HTTP date). */
  retryAfter?: string
  /** Response body; a string is sent as text/html, anything else as JSON. */
  body?: unknown
  /** Put the request's Authorization header in the body (a hostile or broken proxy): secrets must not leak. */
  echoAuthorization?: boolean
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  auth: 'basic' | 'bearer' | 'none' | 'other'
  status: number
}

export interface CreatedIssueRecord {
  key: string
  id: string
  apiVersion: 2 | 3
  fields: Record<string, unknown>
}

export interface JiraStandIn {
  url: string
  flavour: StandInFlavour
  email: string
  apiToken: string
  pat: string
  requests: RecordedRequest[]
  created: CreatedIssueRecord[]
  inject(fault: Fault): void
  addTicket(ticket: TicketBuilder | TicketDef): void
  /** Moves an issue (a created follow-up, say) to `status` and resolves it at `at`, as a workflow would. */
  resolve(key: string, at: string, status?: string): void
  setDelay(ms: number): void
  reset(): void
  close(): Promise<void>
}

interface StoredIssue {
  id: string
  def: TicketDef
}

const KEY_RE = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/

const STATUS_CATEGORY: Record<string, { id: number; key: string; colorName: string; name: string }> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' }
}

function errorBody(...messages: string[]): { errorMessages: string[]; errors: Record<string, string> } {
  return { errorMessages: messages, errors: {} }
}

function defaultFaultBody(status: number): unknown {
  switch (status) {
    case 502:
      return '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'
    case 503:
      return '<html><body><h1>503 Service Unavailable</h1></body></html>'
    case 504:
      return '<html><body><h1>504 Gateway Time-out</h1></body></html>'
    case 429:
      return errorBody('Rate limit exceeded.')
    case 403:
      return errorBody('You do not have the permission to see the specified issue.')
    case 401:
      return errorBody('Client must be authenticated to access this resource.')
    case 500:
      return errorBody('Internal server error')
    default:
      return errorBody(`Error ${status}`)
  }
}

/** `2024-06-01T04:05:00.000+0000`, in the given offset, as Jira writes times. */
export function formatJiraTime(iso: string, utcOffset = '+0000'): string {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(utcOffset)
  if (!m) throw new Error(`bad offset ${utcOffset}`)
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
  const t = Date.parse(iso)
  if (Number.isNaN(t)) throw new Error(`bad time ${iso}`)
  const shifted = new Date(t + minutes * 60_000).toISOString() // wall-clock time in that offset
  return `${shifted.slice(0, 23)}${utcOffset}`
}

/** Keys of a `key in (...)` / `issuekey = X` query; null when the JQL is something else. */
function parseKeyJql(jql: string): string[] | null {
  const list = /^\s*(?:key|issuekey)\s+in\s*\(([^()]*)\)\s*$/i.exec(jql)
  const single = /^\s*(?:key|issuekey)\s*=\s*("[^"]*"|[^\s"]+)\s*$/i.exec(jql)
  const raw = list ? list[1]!.split(',') : single ? [single[1]!] : null
  if (!raw) return null
  const keys = raw.map(k =>
    k
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toUpperCase()
  )
  return keys.every(k => k.length > 0) ? keys : null
}

/** Query parameters; a repeated one (`fields=status&fields=created`) is joined with commas, as Jira reads it. */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value
  return query
}

function splitList(value: string | undefined | null): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
}

export async function startJiraStandIn(options: JiraStandInOptions = {}): Promise<JiraStandIn> {
  const flavour = options.flavour ?? 'cloud'
  const email = options.email ?? 'release-bot@example.com'
  const apiToken = options.apiToken ?? 'ATATT3xFfGF0-cloud-token-not-for-logs'
  const pat = options.pat ?? 'NjE2MzQ2-dc-pat-not-for-logs'
  const offset = options.utcOffset ?? '+0000'
  const searchPageSize = options.searchPageSize ?? 100
  const embeddedLimit = options.embeddedChangelogLimit ?? (flavour === 'cloud' ? 100 : Infinity)
  const searchEmbeddedLimit = options.searchChangelogLimit ?? embeddedLimit
  const changelogPageSize = options.changelogPageSize ?? 100
  const issueTypes = options.issueTypes ?? ['Task', 'Bug', 'Story']
  const notOnScreen = new Set(options.fieldsNotOnCreateScreen ?? [])
  let delayMs = options.delayMs ?? 0

  const issues = new Map<string, StoredIssue>()
  const projects = new Set(options.projects ?? [])
  const statusIds = new Map<string, string>()
  let nextIssueId = 10001
  const projectCounters = new Map<string, number>()
  const requests: RecordedRequest[] = []
  const created: CreatedIssueRecord[] = []
  const faults: Array<Required<Pick<Fault, 'status' | 'times'>> & Fault> = []
  let baseUrl = ''

  function addTicket(t: TicketBuilder | TicketDef): void {
    const def = t instanceof TicketBuilder ? t.build() : t
    issues.set(def.key, { id: String(nextIssueId++), def })
    projects.add(def.project)
    const n = Number(def.key.slice(def.key.lastIndexOf('-') + 1))
    projectCounters.set(def.project, Math.max(projectCounters.get(def.project) ?? 0, n))
  }
  for (const t of options.tickets ?? []) addTicket(t)

  const apiVersion = flavour === 'cloud' ? 3 : 2

  function statusId(name: string): string {
    let id = statusIds.get(name)
    if (!id) {
      id = String(10000 + statusIds.size)
      statusIds.set(name, id)
    }
    return id
  }

  function statusJson(name: string): Record<string, unknown> {
    const lower = name.toLowerCase()
    const category = /done|closed|released|resolved/.test(lower)
      ? STATUS_CATEGORY.done!
      : /to do|open|backlog|new/.test(lower)
        ? STATUS_CATEGORY.new!
        : STATUS_CATEGORY.indeterminate!
    return {
      self: `${baseUrl}/rest/api/${apiVersion}/status/${statusId(name)}`,
      description: '',
      iconUrl: `${baseUrl}/images/icons/statuses/generic.png`,
      name,
      id: statusId(name),
      statusCategory: { self: `${baseUrl}/rest/api/${apiVersion}/statuscategory/${category.id}`, ...category }
    }
  }

  function authorJson(name: string): Record<string, unknown> {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '.')
    return flavour === 'cloud'
      ? {
          self: `${baseUrl}/rest/api/3/user?accountId=5b10ac8d82e05b22cc7d4ef5`,
          accountId: '5b10ac8d82e05b22cc7d4ef5',
          displayName: name,
          active: true,
          timeZone: 'Etc/UTC',
          accountType: 'atlassian'
        }
      : {
          self: `${baseUrl}/rest/api/2/user?username=${slug}`,
          name: slug,
          key: `JIRAUSER${slug.length}`,
          emailAddress: `${slug}@example.com`,
          displayName: name,
          active: true,
          timeZone: 'Europe/Berlin'
        }
  }

  function historyJson(h: HistoryDef, index: number, issueId: string): Record<string, unknown> {
    return {
      id: String(Number(issueId) * 1000 + index),
      author: authorJson(h.author),
      created: formatJiraTime(h.at, offset),
      items: h.items.map(item => ({
        field: item.field,
        fieldtype: item.fieldtype,
        fieldId: item.fieldId,
        from: item.field === 'status' && item.fromString ? statusId(item.fromString) : null,
        fromString: item.fromString,
        to: item.field === 'status' && item.toString ? statusId(item.toString) : null,
        toString: item.toString
      }))
    }
  }

  /** Embedded changelog: Cloud lists the newest first and cuts at the limit. */
  function embeddedChangelog(issue: StoredIssue, limit: number): Record<string, unknown> {
    const all = issue.def.histories.map((h, i) => historyJson(h, i, issue.id))
    const ordered = flavour === 'cloud' ? [...all].reverse() : all
    const histories = ordered.slice(0, limit)
    return { startAt: 0, maxResults: histories.length, total: all.length, histories }
  }

  function issueJson(
    issue: StoredIssue,
    fields: string[],
    expand: string[],
    limit: number
  ): Record<string, unknown> {
    const all =
      fields.length === 0 ? [] : fields.includes('*all') || fields.includes('*navigable') ? null : fields
    const want = (f: string) => all === null || all.includes(f)
    const fieldValues: Record<string, unknown> = {}
    if (want('status')) fieldValues.status = statusJson(issue.def.status)
    if (want('created')) fieldValues.created = formatJiraTime(issue.def.createdAt, offset)
    if (want('summary')) fieldValues.summary = issue.def.summary
    if (want('resolutiondate'))
      fieldValues.resolutiondate = issue.def.resolvedAt ? formatJiraTime(issue.def.resolvedAt, offset) : null
    const json: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${baseUrl}/rest/api/${apiVersion}/issue/${issue.id}`,
      key: issue.def.key,
      fields: fieldValues
    }
    if (expand.includes('changelog')) json.changelog = embeddedChangelog(issue, limit)
    return json
  }

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): number {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/html;charset=UTF-8' : 'application/json;charset=UTF-8',
      ...headers
    })
    res.end(text)
    return status
  }

  function authOf(req: IncomingMessage): { kind: RecordedRequest['auth']; valid: boolean } {
    const header = req.headers.authorization
    if (!header) return { kind: 'none', valid: false }
    const basic = /^Basic (.+)$/i.exec(header)
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8')
      return { kind: 'basic', valid: flavour === 'cloud' && decoded === `${email}:${apiToken}` }
    }
    const bearer = /^Bearer (.+)$/i.exec(header)
    if (bearer) return { kind: 'bearer', valid: flavour === 'data-center' && bearer[1] === pat }
    return { kind: 'other', valid: false }
  }

  // ---- routes ------------------------------------------------------------------------------------------

  function search(res: ServerResponse, params: Record<string, unknown>, enhanced: boolean): number {
    const jql = typeof params.jql === 'string' ? params.jql : ''
    const keys = parseKeyJql(jql)
    if (!keys) {
      return send(
        res,
        400,
        errorBody(`Error in the JQL Query: the stand-in only understands 'key in (...)': ${jql}`)
      )
    }
    const missing = [...new Set(keys)].filter(k => !KEY_RE.test(k) || !issues.has(k))
    const missingMessages = missing.map(k => `An issue with key '${k}' does not exist for field 'key'.`)
    const validateParam = params.validateQuery
    const validate = (
      typeof validateParam === 'string' || typeof validateParam === 'boolean'
        ? String(validateParam)
        : 'strict'
    ).toLowerCase()
    const lenient = !enhanced && (validate === 'false' || validate === 'warn' || validate === 'none')
    if (missing.length > 0 && !lenient) return send(res, 400, errorBody(...missingMessages))

    const found = [...new Set(keys)]
      .filter(k => issues.has(k))
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true })) // Jira's default order: key descending
      .map(k => issues.get(k)!)
    const fields = Array.isArray(params.fields)
      ? params.fields.map(String)
      : splitList(params.fields as string)
    const expand = Array.isArray(params.expand)
      ? params.expand.map(String)
      : splitList(params.expand as string)
    const requested = Number(params.maxResults ?? 50)
    const pageSize = Math.max(1, Math.min(Number.isFinite(requested) ? requested : 50, searchPageSize))

    if (enhanced) {
      let start = 0
      if (typeof params.nextPageToken === 'string' && params.nextPageToken !== '') {
        let token: { offset?: unknown; jql?: unknown }
        try {
          token = JSON.parse(Buffer.from(params.nextPageToken, 'base64url').toString('utf8')) as typeof token
        } catch {
          return send(res, 400, errorBody('Invalid nextPageToken.'))
        }
        if (token.jql !== jql || typeof token.offset !== 'number') {
          return send(res, 400, errorBody('Invalid nextPageToken.'))
        }
        start = token.offset
      }
      const page = found.slice(start, start + pageSize)
      const more = start + pageSize < found.length
      const body: Record<string, unknown> = {
        issues: page.map(i => issueJson(i, fields, expand, searchEmbeddedLimit)),
        isLast: !more
      }
      if (more)
        body.nextPageToken = Buffer.from(JSON.stringify({ offset: start + pageSize, jql })).toString(
          'base64url'
        )
      return send(res, 200, body)
    }

    const startAt = Math.max(0, Number(params.startAt ?? 0) || 0)
    const page = found.slice(startAt, startAt + pageSize)
    const body: Record<string, unknown> = {
      expand: 'schema,names',
      startAt,
      maxResults: pageSize,
      total: found.length,
      issues: page.map(i => issueJson(i, fields, expand, searchEmbeddedLimit))
    }
    if (missingMessages.length > 0) body.warningMessages = missingMessages
    return send(res, 200, body)
  }

  function changelogPage(res: ServerResponse, key: string, query: Record<string, string>): number {
    const issue = issues.get(key.toUpperCase())
    if (!issue)
      return send(res, 404, errorBody('Issue does not exist or you do not have permission to see it.'))
    const startAt = Math.max(0, Number(query.startAt ?? 0) || 0)
    const requested = Number(query.maxResults ?? changelogPageSize)
    const size = Math.max(
      1,
      Math.min(Number.isFinite(requested) ? requested : changelogPageSize, changelogPageSize)
    )
    const all = issue.def.histories.map((h, i) => historyJson(h, i, issue.id))
    const values = all.slice(startAt, startAt + size)
    const isLast = startAt + size >= all.length
    const self = `${baseUrl}/rest/api/3/issue/${key}/changelog?maxResults=${size}&startAt=${startAt}`
    const body: Record<string, unknown> = {
      self,
      maxResults: size,
      startAt,
      total: all.length,
      isLast,
      values
    }
    if (!isLast)
      body.nextPage = `${baseUrl}/rest/api/3/issue/${key}/changelog?maxResults=${size}&startAt=${startAt + size}`
    return send(res, 200, body)
  }

  function getIssue(res: ServerResponse, key: string, query: Record<string, string>): number {
    const issue = issues.get(key.toUpperCase())
    if (!issue)
      return send(res, 404, errorBody('Issue does not exist or you do not have permission to see it.'))
    const fields = query.fields === undefined ? ['*all'] : splitList(query.fields)
    return send(res, 200, issueJson(issue, fields, splitList(query.expand), embeddedLimit))
  }

  function isAdfDocument(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false
    const doc = value as { type?: unknown; version?: unknown; content?: unknown }
    return doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content)
  }

  function createIssue(res: ServerResponse, body: unknown, version: 2 | 3): number {
    const fields =
      typeof body === 'object' && body !== null && typeof (body as { fields?: unknown }).fields === 'object'
        ? ((body as { fields: Record<string, unknown> }).fields ?? {})
        : null
    if (!fields) return send(res, 400, errorBody('Can not deserialize the request: no fields.'))
    const errors: Record<string, string> = {}
    const project = (fields.project as { key?: unknown } | undefined)?.key
    if (typeof project !== 'string' || !projects.has(project)) errors.project = 'valid project is required'
    const issueType = (fields.issuetype as { name?: unknown } | undefined)?.name
    if (typeof issueType !== 'string' || !issueTypes.includes(issueType)) {
      errors.issuetype = 'Specify a valid issue type'
    }
    const summary = fields.summary
    if (typeof summary !== 'string' || summary.trim() === '')
      errors.summary = 'You must specify a summary of the issue.'
    else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.'
    else if (/[\r\n]/.test(summary))
      errors.summary = 'The summary is invalid because it contains newline characters.'
    if ('description' in fields) {
      const d = fields.description
      if (version === 3 && !isAdfDocument(d))
        errors.description =
          'Operation value must be an Atlassian Document (see the Atlassian Document Format)'
      if (version === 2 && typeof d !== 'string') errors.description = 'Operation value must be a string'
    }
    if ('duedate' in fields && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.duedate))) {
      errors.duedate = 'Error parsing date string: ' + String(fields.duedate)
    }
    if ('labels' in fields) {
      const labels = fields.labels
      if (!Array.isArray(labels) || labels.some(l => typeof l !== 'string' || /\s/.test(l) || l === '')) {
        errors.labels = 'The label must not contain spaces.'
      }
    }
    for (const f of Object.keys(fields)) {
      if (notOnScreen.has(f))
        errors[f] = `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`
    }
    if (Object.keys(errors).length > 0) return send(res, 400, { errorMessages: [], errors })

    const n = (projectCounters.get(project as string) ?? 0) + 1
    projectCounters.set(project as string, n)
    const key = `${project as string}-${n}`
    const id = String(nextIssueId++)
    created.push({ key, id, apiVersion: version, fields })
    issues.set(key, {
      id,
      def: {
        key,
        project: project as string,
        summary: summary as string,
        createdAt: new Date().toISOString(),
        status: 'To Do',
        histories: []
      }
    })
    return send(res, 201, { id, key, self: `${baseUrl}/rest/api/${version}/issue/${id}` })
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, body: unknown): Promise<number> {
    const method = req.method ?? 'GET'
    const path = url.pathname
    const query = queryOf(url)

    if (delayMs > 0) await new Promise(resolve => setTimeout(resolve, delayMs))

    const faultIndex = faults.findIndex(f => !f.pathPrefix || path.startsWith(f.pathPrefix))
    if (faultIndex >= 0) {
      const fault = faults[faultIndex]!
      fault.times -= 1
      if (fault.times <= 0) faults.splice(faultIndex, 1)
      let faultBody = fault.body ?? defaultFaultBody(fault.status)
      if (fault.echoAuthorization) {
        const auth = req.headers.authorization ?? ''
        const decoded = /^Basic /i.test(auth) ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : ''
        faultBody = errorBody(`Rejected request with Authorization: ${auth} (${decoded})`)
      }
      return send(res, fault.status, faultBody, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {})
    }

    const auth = authOf(req)
    if (!auth.valid) {
      return send(res, 401, errorBody('Client must be authenticated to access this resource.'), {
        'www-authenticate': flavour === 'cloud' ? 'Basic realm="protected-area"' : 'Bearer realm="Jira"'
      })
    }

    const searchParams =
      method === 'POST' && typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)
        : query
    const issueMatch = /^\/rest\/api\/([23])\/issue\/([^/]+)(\/changelog)?$/.exec(path)

    if (flavour === 'cloud') {
      if (path === '/rest/api/3/search/jql' && (method === 'GET' || method === 'POST')) {
        return search(res, searchParams, true)
      }
      if (/^\/rest\/api\/[23]\/search$/.test(path)) {
        return send(
          res,
          410,
          errorBody(
            'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046'
          )
        )
      }
      if (issueMatch && method === 'GET' && issueMatch[3])
        return changelogPage(res, decodeURIComponent(issueMatch[2]!), query)
    } else {
      if (path.startsWith('/rest/api/3/')) return send(res, 404, errorBody(`null for uri: ${baseUrl}${path}`))
      if (path === '/rest/api/2/search' && (method === 'GET' || method === 'POST'))
        return search(res, searchParams, false)
    }
    if (issueMatch && method === 'GET' && !issueMatch[3])
      return getIssue(res, decodeURIComponent(issueMatch[2]!), query)
    if (/^\/rest\/api\/[23]\/issue$/.test(path) && method === 'POST') {
      return createIssue(res, body, path.includes('/api/3/') ? 3 : 2)
    }
    return send(res, 404, errorBody(`null for uri: ${baseUrl}${path}`))
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', baseUrl)
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown = undefined
      if (text) {
        try {
          body = JSON.parse(text)
        } catch {
          body = text
        }
      }
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: queryOf(url),
        body,
        auth: authOf(req).kind,
        status: 0
      }
      requests.push(record)
      route(req, res, url, body).then(
        status => {
          record.status = status
        },
        (error: unknown) => {
          record.status = 500
          if (!res.headersSent) send(res, 500, errorBody(`stand-in failure: ${String(error)}`))
        }
      )
    })
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    url: baseUrl,
    flavour,
    email,
    apiToken,
    pat,
    requests,
    created,
    inject(fault) {
      faults.push({ ...fault, times: fault.times ?? 1 })
    },
    addTicket,
    resolve(key, at, status = 'Done') {
      const issue = issues.get(key)
      if (!issue) throw new Error(`the stand-in has no issue ${key}`)
      issue.def.histories.push({
        at,
        author: 'Jira Admin',
        items: [
          { field: 'status', fieldtype: 'jira', fieldId: 'status', fromString: issue.def.status, toString: status }
        ]
      })
      issue.def.status = status
      issue.def.resolvedAt = at
    },
    setDelay(ms) {
      delayMs = ms
    },
    reset() {
      requests.length = 0
      faults.length = 0
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
