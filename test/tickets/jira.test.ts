import { afterEach, describe, expect, it } from 'vitest'
import type { JiraConfig } from '../../src/config.js'
import { ConfigError, UpstreamError } from '../../src/errors.js'
import type { TicketLookup } from '../../src/gate/facts.js'
import { createJiraClient, type JiraClientOptions } from '../../src/tickets/jira.js'
import {
  startJiraStandIn,
  ticket,
  type JiraStandIn,
  type JiraStandInOptions,
  type RecordedRequest
} from '../support/jira-stand-in.js'

const FLAVOURS = [
  { flavour: 'cloud', search: '/rest/api/3/search/jql', auth: 'basic', offset: '+0000' },
  { flavour: 'data-center', search: '/rest/api/2/search', auth: 'bearer', offset: '+0200' }
] as const

let standIns: JiraStandIn[] = []

afterEach(async () => {
  await Promise.all(standIns.map(s => s.close()))
  standIns = []
})

async function standIn(options: JiraStandInOptions): Promise<JiraStandIn> {
  const s = await startJiraStandIn(options)
  standIns.push(s)
  return s
}

function configFor(s: JiraStandIn): JiraConfig {
  return {
    baseUrl: s.url,
    auth:
      s.flavour === 'cloud'
        ? { kind: 'basic', email: s.email, apiToken: s.apiToken }
        : { kind: 'pat', token: s.pat }
  }
}

/** A client whose waits are recorded instead of slept. */
function clientFor(s: JiraStandIn, options: JiraClientOptions = {}, config: JiraConfig = configFor(s)) {
  const waits: number[] = []
  const client = createJiraClient(config, {
    strictSchemas: true, // every answer of the stand-in must match jira.js's schema of the real API
    retryDelaysMs: [100, 200],
    sleep: async ms => {
      waits.push(ms)
    },
    ...options
  })
  return { client, waits }
}

function found(lookup: TicketLookup | undefined) {
  if (!lookup?.found) throw new Error(`expected a found ticket, got ${JSON.stringify(lookup)}`)
  return lookup.ticket
}

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(UpstreamError)
  return error as UpstreamError
}

/** The JSON body of a search POST. */
function searchBody(r: RecordedRequest | undefined): Record<string, unknown> {
  return (r?.body ?? {}) as Record<string, unknown>
}

function manyKeys(n: number, project = 'PAY'): string[] {
  return Array.from({ length: n }, (_, i) => `${project}-${i + 1}`)
}

function approvedTickets(keys: string[]) {
  return keys.map(k =>
    ticket(k).created('2024-06-01T08:00:00Z').moved('To Do', 'Approved', '2024-06-02T08:00:00Z')
  )
}

describe.each(FLAVOURS)('Jira $flavour through jira.js', ({ flavour, search, auth, offset }) => {
  it('reads status, creation time and the status history, oldest first, in UTC', async () => {
    const s = await standIn({
      flavour,
      utcOffset: offset,
      tickets: [
        ticket('PAY-1')
          .created('2024-06-01T08:00:00Z')
          .moved('To Do', 'In Review', '2024-06-02T08:00:00Z')
          .edited('summary', '2024-06-02T09:00:00Z', 'old', 'new')
          .edited('customfield_10010', '2024-06-02T09:30:00Z', null, 'x')
          .moved('In Review', 'Approved', '2024-06-03T10:15:30Z'),
        ticket('OPS-7').created('2024-05-01T00:00:00Z')
      ]
    })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(['PAY-1', 'OPS-7'])

    expect(found(result.get('PAY-1'))).toEqual({
      key: 'PAY-1',
      url: `${s.url}/browse/PAY-1`,
      statuses: ['Approved'],
      createdAt: '2024-06-01T08:00:00.000Z',
      history: [
        { at: '2024-06-02T08:00:00.000Z', from: ['To Do'], to: ['In Review'] },
        { at: '2024-06-03T10:15:30.000Z', from: ['In Review'], to: ['Approved'] }
      ]
    })
    expect(found(result.get('OPS-7'))).toMatchObject({ statuses: ['To Do'], history: [] })
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0]).toMatchObject({ method: 'POST', path: search, auth, status: 200 })
    expect(searchBody(s.requests[0])).toMatchObject({
      jql: 'key in ("PAY-1", "OPS-7")',
      fields: ['status', 'created'],
      expand: flavour === 'cloud' ? 'changelog' : ['changelog']
    })
  })

  it('writes the server offset the way Jira does (the stand-in is honest about it)', async () => {
    const s = await standIn({
      flavour,
      utcOffset: offset,
      tickets: [ticket('PAY-1').created('2024-06-01T08:00:00Z')]
    })
    const res = await fetch(`${s.url}${search}?jql=key%20%3D%20PAY-1&fields=created`, {
      headers: {
        authorization:
          flavour === 'cloud'
            ? `Basic ${Buffer.from(`${s.email}:${s.apiToken}`).toString('base64')}`
            : `Bearer ${s.pat}`
      }
    })
    const body = (await res.json()) as { issues: Array<{ fields: { created: string } }> }
    expect(body.issues[0]!.fields.created).toBe(
      offset === '+0000' ? '2024-06-01T08:00:00.000+0000' : '2024-06-01T10:00:00.000+0200'
    )
  })

  it('reports one missing key among several as not found and the others as found', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1', 'PAY-2']) })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(['PAY-1', 'PAY-404', 'PAY-2'])

    expect(found(result.get('PAY-1')).statuses).toEqual(['Approved'])
    expect(found(result.get('PAY-2')).statuses).toEqual(['Approved'])
    expect(result.get('PAY-404')).toEqual({ found: false, key: 'PAY-404' })
    // Cloud rejects the JQL naming a missing key (400) and is asked again without it; Data Center is told
    // not to validate the query, so its missing key is only a warning.
    expect(s.requests.map(r => r.status)).toEqual(flavour === 'cloud' ? [400, 200] : [200])
    expect(searchBody(s.requests.at(-1)).jql).toBe(
      flavour === 'cloud' ? 'key in ("PAY-1", "PAY-2")' : 'key in ("PAY-1", "PAY-404", "PAY-2")'
    )
  })

  it('reports every key as not found when none exists', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(['NOPE-1', 'PAY-99'])

    expect([...result]).toEqual([
      ['NOPE-1', { found: false, key: 'NOPE-1' }],
      ['PAY-99', { found: false, key: 'PAY-99' }]
    ])
    expect(s.requests).toHaveLength(1)
  })

  it('pages through a search answer larger than a page', async () => {
    const keys = manyKeys(150)
    const s = await standIn({ flavour, tickets: approvedTickets(keys) })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(keys)

    expect([...result.values()].filter(l => l.found)).toHaveLength(150)
    expect(s.requests.map(r => r.path)).toEqual([search, search])
    if (flavour === 'cloud') {
      expect(searchBody(s.requests[0]).nextPageToken).toBeUndefined()
      expect(searchBody(s.requests[1]).nextPageToken).toEqual(expect.any(String))
    } else {
      expect(s.requests.map(r => searchBody(r).startAt)).toEqual([0, 100])
    }
  })

  it('follows pages when Jira returns fewer issues than asked', async () => {
    const keys = manyKeys(50)
    const s = await standIn({ flavour, searchPageSize: 20, tickets: approvedTickets(keys) })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(keys)

    expect(keys.every(k => result.get(k)?.found)).toBe(true)
    expect(s.requests).toHaveLength(3)
  })

  it('reads the whole status history when the embedded changelog holds only the newest 100', async () => {
    const s = await standIn({
      flavour,
      // Data Center embeds everything in an issue; here its search answer is cut as Cloud's is.
      ...(flavour === 'data-center' ? { searchChangelogLimit: 100 } : {}),
      tickets: [
        ticket('PAY-1')
          .created('2024-06-01T08:00:00Z')
          .moved('To Do', 'Approved', '2024-06-01T09:00:00Z')
          .editedMany(230, '2024-06-02T00:00:00Z')
          .moved('Approved', 'Done', '2024-06-09T00:00:00Z')
      ]
    })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(['PAY-1'])

    expect(found(result.get('PAY-1')).history).toEqual([
      { at: '2024-06-01T09:00:00.000Z', from: ['To Do'], to: ['Approved'] },
      { at: '2024-06-09T00:00:00.000Z', from: ['Approved'], to: ['Done'] }
    ])
    if (flavour === 'cloud') {
      expect(s.requests.map(r => `${r.path}?${r.query.startAt ?? ''}`)).toEqual([
        `${search}?`,
        '/rest/api/3/issue/PAY-1/changelog?0',
        '/rest/api/3/issue/PAY-1/changelog?100',
        '/rest/api/3/issue/PAY-1/changelog?200'
      ])
    } else {
      expect(s.requests.map(r => r.path)).toEqual([search, '/rest/api/2/issue/PAY-1'])
    }
  })

  it('makes one request per decision for 1, 10 and 50 tickets', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(manyKeys(50)) })
    const { client } = clientFor(s)
    const counts: number[] = []
    for (const n of [1, 10, 50]) {
      s.reset()
      const result = await client.fetchTickets(manyKeys(n))
      expect([...result.values()].every(l => l.found)).toBe(true)
      counts.push(s.requests.length)
    }
    expect(counts).toEqual([1, 1, 1])
  })

  it('blocks on rejected credentials with a message naming the inputs, never the secret', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    const wrong: JiraConfig = {
      baseUrl: s.url,
      auth:
        flavour === 'cloud'
          ? { kind: 'basic', email: s.email, apiToken: 'wrong-token-value-123' }
          : { kind: 'pat', token: 'wrong-pat-value-123' }
    }
    const { client } = clientFor(s, {}, wrong)

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.service).toBe('Jira')
    expect(error.status).toBe(401)
    expect(error.message).toContain('Jira rejected the credentials')
    expect(error.message).toContain(flavour === 'cloud' ? 'jira-email/jira-api-token' : 'jira-pat')
    expect(JSON.stringify({ m: error.message, s: error.stack })).not.toContain('wrong-')
    expect(s.requests).toHaveLength(1) // a 401 is not retried
  })

  it('blocks on 403 naming the Browse projects permission', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 403 })
    const { client } = clientFor(s)

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.status).toBe(403)
    expect(error.message).toMatch(/HTTP 403.*"Browse projects" permission/)
    expect(error.message).toContain('You do not have the permission to see the specified issue.')
  })

  it('retries a transient 502 and succeeds', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 502 })
    const { client, waits } = clientFor(s)

    const result = await client.fetchTickets(['PAY-1'])

    expect(found(result.get('PAY-1')).statuses).toEqual(['Approved'])
    expect(s.requests.map(r => r.status)).toEqual([502, 200])
    expect(waits).toEqual([100])
  })

  it('gives up on a persistent 502 after the retries with an upstream error naming Jira', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 502, times: Infinity })
    const { client, waits } = clientFor(s)

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.service).toBe('Jira')
    expect(error.status).toBe(502)
    expect(error.message).toBe('Jira failed while searching the tickets (HTTP 502) after 3 attempts.')
    expect(s.requests).toHaveLength(3)
    expect(waits).toEqual([100, 200])
  })

  it('waits out a 429 for as long as Retry-After asks', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 429, retryAfter: '3' })
    const { client, waits } = clientFor(s)

    const result = await client.fetchTickets(['PAY-1'])

    expect(result.get('PAY-1')?.found).toBe(true)
    expect(waits).toEqual([3000])
    expect(s.requests.map(r => r.status)).toEqual([429, 200])
  })

  it('does not wait out a Retry-After longer than allowed', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 429, retryAfter: '600' })
    const { client, waits } = clientFor(s, { maxRetryAfterMs: 10_000 })

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.status).toBe(429)
    expect(error.message).toContain('rate-limiting')
    expect(waits).toEqual([])
  })

  it('bounds the total time spent waiting between attempts', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 429, retryAfter: '5', times: Infinity })
    const { client, waits } = clientFor(s, { retryDelaysMs: [100, 100, 100, 100], maxTotalWaitMs: 12_000 })

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.message).toBe(
      'Jira kept rate-limiting requests while searching the tickets (HTTP 429) after 3 attempts. Jira said: Rate limit exceeded.'
    )
    expect(waits).toEqual([5000, 5000])
    expect(s.requests).toHaveLength(3)
  })

  it('keeps the credentials out of errors even when a proxy echoes them back', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    const secrets =
      flavour === 'cloud' ? [s.apiToken, Buffer.from(`${s.email}:${s.apiToken}`).toString('base64')] : [s.pat]
    for (const status of [400, 403, 500]) {
      s.reset()
      s.inject({ status, echoAuthorization: true, times: Infinity })
      const { client } = clientFor(s)
      const error = await rejection(client.fetchTickets(['PAY-1']))
      expect(error.message).toContain('***') // the echoed header was there, and was redacted
      const everything = JSON.stringify({ message: error.message, stack: error.stack, error })
      for (const secret of secrets) expect(everything).not.toContain(secret)
    }
  })

  it('blocks when Jira does not answer in time', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.setDelay(2_000)
    const { client } = clientFor(s, { requestTimeoutMs: 100 })

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.message).toBe('Jira did not answer within 0.1 s while searching the tickets.')
  })

  it('blocks on an answer that is not a search result', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 200, body: { unexpected: true } })
    const { client } = clientFor(s)

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.message).toMatch(/^Jira answered with a malformed result: the search result has no issues/)
  })

  it('queries only strings that can be issue keys, and keys the answer by the key as asked', async () => {
    const s = await standIn({ flavour, tickets: approvedTickets(['PAY-1']) })
    const { client } = clientFor(s)

    const result = await client.fetchTickets(['pay-1', 'PAY-1', 'PAY-1") OR project = "SECRET', 'PAY-0'])

    expect(found(result.get('pay-1')).key).toBe('PAY-1')
    expect(found(result.get('PAY-1')).key).toBe('PAY-1')
    expect(result.get('PAY-1") OR project = "SECRET')?.found).toBe(false)
    expect(result.get('PAY-0')?.found).toBe(false)
    expect(s.requests).toHaveLength(1)
    expect(searchBody(s.requests[0]).jql).toBe('key in ("PAY-1")')
  })

  it('makes no request for no keys', async () => {
    const s = await standIn({ flavour })
    const { client } = clientFor(s)
    expect((await client.fetchTickets([])).size).toBe(0)
    expect(s.requests).toHaveLength(0)
  })

  it('names the flavour mismatch when the server has no such search API', async () => {
    const other = flavour === 'cloud' ? 'data-center' : 'cloud'
    const s = await standIn({ flavour: other, tickets: approvedTickets(['PAY-1']) })
    s.inject({ status: 404, body: { errorMessages: ['null for uri'], errors: {} }, times: Infinity })
    const config: JiraConfig = {
      baseUrl: s.url,
      auth:
        flavour === 'cloud'
          ? { kind: 'basic', email: 'a@b.example', apiToken: 'tok-123456' }
          : { kind: 'pat', token: 'pat-123456' }
    }
    const { client } = clientFor(s, {}, config)

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.status).toBe(404)
    expect(error.message).toContain(`check that jira-base-url (${s.url}) is the Jira site`)
    expect(error.message).toContain(
      flavour === 'cloud' ? 'a Data Center server needs jira-pat' : 'Jira Cloud needs jira-email'
    )
  })
})

describe.each(FLAVOURS)('Jira $flavour: whether a follow-up was resolved', ({ flavour, auth, offset }) => {
  it('reads the resolution date in UTC, and whether the status is in the done category', async () => {
    const s = await standIn({
      flavour,
      utcOffset: offset,
      tickets: [
        ticket('OPS-1').moved('To Do', 'Done', '2024-06-04T10:00:00Z').resolved('2024-06-04T10:00:00Z'),
        ticket('OPS-2').moved('To Do', 'In Progress', '2024-06-04T10:00:00Z'),
        ticket('OPS-3').moved('To Do', 'Done', '2024-06-05T10:00:00Z')
      ]
    })
    const { client } = clientFor(s)

    expect(await client.readResolution('OPS-1')).toEqual({
      found: true,
      key: 'OPS-1',
      resolvedAt: '2024-06-04T10:00:00.000Z',
      done: true
    })
    expect(await client.readResolution('ops-2')).toEqual({
      found: true,
      key: 'OPS-2',
      resolvedAt: null,
      done: false
    })
    // Done without a resolution (a workflow that never sets one): the CLI cannot date it.
    expect(await client.readResolution('OPS-3')).toEqual({
      found: true,
      key: 'OPS-3',
      resolvedAt: null,
      done: true
    })
    expect(await client.readResolution('OPS-404')).toEqual({ found: false, key: 'OPS-404' })
    expect(await client.readResolution('not a key')).toEqual({ found: false, key: 'NOT A KEY' })
    expect(s.requests.map(r => [r.path, r.query.fields, r.auth])).toEqual(
      ['OPS-1', 'OPS-2', 'OPS-3', 'OPS-404'].map(k => [
        `/rest/api/2/issue/${k}`,
        'resolutiondate,status',
        auth
      ])
    )
  })

  it('retries a server error, then names Jira and the status', async () => {
    const s = await standIn({ flavour, tickets: [ticket('OPS-1')] })
    s.inject({ status: 502, times: Infinity })
    const { client, waits } = clientFor(s)
    const error = await rejection(client.readResolution('OPS-1'))
    expect(error.status).toBe(502)
    expect(error.message).toMatch(/Jira failed while reading OPS-1 \(HTTP 502\) after 3 attempts/)
    expect(waits).toEqual([100, 200])
  })
})

describe('Jira follow-ups for emergency retrospectives', () => {
  const input = {
    project: 'OPS',
    summary: 'Retrospective: emergency deploy of acme/shop@abc1234 to production',
    description:
      'Environment: production\nActor: alice\n\nBypassed: ci-failed on #12\nRun: https://github.com/acme/shop/actions/runs/1',
    dueAt: '2024-06-02T22:30:00.000Z',
    labels: ['deploy-gate-retrospective']
  }

  it('creates a Task on Jira Cloud with an Atlassian document, due date and labels', async () => {
    const s = await standIn({ flavour: 'cloud', projects: ['OPS'] })
    const { client } = clientFor(s)

    const followUp = await client.createFollowUp(input)

    expect(followUp).toEqual({ key: 'OPS-1', url: `${s.url}/browse/OPS-1` })
    expect(s.requests.map(r => `${r.method} ${r.path} ${r.auth}`)).toEqual(['POST /rest/api/3/issue basic'])
    const fields = s.created[0]!.fields
    expect(fields).toMatchObject({
      project: { key: 'OPS' },
      issuetype: { name: 'Task' },
      summary: input.summary,
      duedate: '2024-06-02',
      labels: ['deploy-gate-retrospective']
    })
    expect(fields.description).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Environment: production' },
            { type: 'hardBreak' },
            { type: 'text', text: 'Actor: alice' }
          ]
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Bypassed: ci-failed on #12' },
            { type: 'hardBreak' },
            { type: 'text', text: 'Run: ' },
            {
              type: 'text',
              text: 'https://github.com/acme/shop/actions/runs/1',
              marks: [{ type: 'link', attrs: { href: 'https://github.com/acme/shop/actions/runs/1' } }]
            }
          ]
        }
      ]
    })
  })

  it('creates a Task on Data Center through REST v2 with unformatted text', async () => {
    const s = await standIn({ flavour: 'data-center', projects: ['OPS'] })
    const { client } = clientFor(s)

    const followUp = await client.createFollowUp({
      ...input,
      description: 'Justification: *not bold* {code}x{code}'
    })

    expect(followUp).toEqual({ key: 'OPS-1', url: `${s.url}/browse/OPS-1` })
    expect(s.requests.map(r => `${r.method} ${r.path} ${r.auth}`)).toEqual(['POST /rest/api/2/issue bearer'])
    expect(s.created[0]!.fields).toMatchObject({
      issuetype: { name: 'Task' },
      duedate: '2024-06-02',
      description: '{noformat}\nJustification: *not bold* {code}x{code}\n{noformat}'
    })
  })

  it('still opens the follow-up when the project cannot take a due date', async () => {
    const s = await standIn({ flavour: 'cloud', projects: ['OPS'], fieldsNotOnCreateScreen: ['duedate'] })
    const { client } = clientFor(s)

    const followUp = await client.createFollowUp(input)

    expect(followUp.key).toBe('OPS-1')
    expect(s.requests.map(r => r.status)).toEqual([400, 201])
    expect(s.created[0]!.fields).not.toHaveProperty('duedate')
  })

  it('reports what Jira rejected when the project does not exist', async () => {
    const s = await standIn({ flavour: 'cloud', projects: ['OPS'] })
    const { client } = clientFor(s)

    const error = await rejection(client.createFollowUp({ ...input, project: 'NOPE' }))

    expect(error.status).toBe(400)
    expect(error.message).toBe(
      'Jira rejected creating the follow-up issue in project NOPE (HTTP 400). Jira said: project: valid project is required'
    )
  })

  it('names the Create issues permission on 403', async () => {
    const s = await standIn({ flavour: 'data-center', projects: ['OPS'] })
    s.inject({
      status: 403,
      body: {
        errorMessages: [],
        errors: { project: 'You do not have permission to create issues in this project.' }
      }
    })
    const { client } = clientFor(s)

    const error = await rejection(client.createFollowUp(input))

    expect(error.message).toMatch(/HTTP 403.*"Create issues" permission/)
  })

  it('rejects a project that is not a project key before any request', async () => {
    const s = await standIn({ flavour: 'cloud', projects: ['OPS'] })
    const { client } = clientFor(s)

    await expect(client.createFollowUp({ ...input, project: 'OPS"; DROP' })).rejects.toBeInstanceOf(
      ConfigError
    )
    expect(s.requests).toHaveLength(0)
  })
})

describe('Jira unreachable', () => {
  it('blocks with an upstream error after retrying a refused connection', async () => {
    const s = await startJiraStandIn({ flavour: 'cloud' })
    const config = configFor(s)
    await s.close()
    const { client, waits } = clientFor(s, {}, config)

    const error = await rejection(client.fetchTickets(['PAY-1']))

    expect(error.service).toBe('Jira')
    expect(error.message).toMatch(
      /^Could not reach Jira at http:\/\/127\.0\.0\.1:\d+ while searching the tickets after 3 attempts/
    )
    expect(error.message).not.toContain(s.apiToken)
    expect(waits).toEqual([100, 200])
  })
})
