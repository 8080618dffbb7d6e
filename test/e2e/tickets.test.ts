/** Tickets end to end (issue 6): `node dist/index.js` with jira.js against the Jira stand-in, and GitHub issues. */
import { afterEach, describe, expect, it } from 'vitest'
import { scenario, type Scenario } from '../support/github-scenario.js'
import { startJiraStandIn, ticket, type JiraStandIn, type TicketBuilder } from '../support/jira-stand-in.js'
import { codes, stage, type Stage } from '../support/stage.js'

let current: Stage | null = null
let jira: JiraStandIn | null = null
afterEach(async () => {
  await current?.close()
  await jira?.close()
  current = null
  jira = null
})

// The scenario's clock starts at 2024-06-03T09:00:00Z; its pull requests merge minutes later.
const BEFORE = '2024-06-02T15:00:00.000Z'
const AFTER = '2024-06-04T10:00:00.000Z'

function approved(key: string, at = BEFORE): TicketBuilder {
  return ticket(key).created('2024-06-01T09:00:00.000Z').moved('To Do', 'Approved', at)
}

async function gateWithJira(
  s: Scenario,
  tickets: TicketBuilder[],
  inputs: Record<string, string> = {},
  flavour: 'cloud' | 'data-center' = 'cloud'
) {
  jira = await startJiraStandIn({ tickets, flavour })
  current = await stage(s)
  const auth: Record<string, string> =
    flavour === 'cloud'
      ? { 'jira-email': jira.email, 'jira-api-token': jira.apiToken }
      : { 'jira-pat': jira.pat }
  return current.run({ 'ticket-source': 'jira', 'jira-base-url': jira.url, ...auth, ...inputs })
}

describe('Jira tickets end to end', () => {
  it('allows a change whose ticket was approved before the merge, in one Jira request', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'PAY-12 Retry card captures', approvals: ['bob'] })
    const run = await gateWithJira(s, [approved('PAY-12')])
    expect(run.outputs.decision).toBe('allow')
    expect(jira!.requests).toHaveLength(1)
    expect(current!.records()[0]?.changes[0]?.ticket).toEqual({
      key: 'PAY-12',
      url: `${jira!.url}/browse/PAY-12`,
      status: 'Approved',
      approvedAt: BEFORE
    })
    expect(run.summary).toContain('PAY&#45;12')
  })

  it('works with Data Center personal access tokens', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      title: 'Retry card captures',
      branch: 'feature/pay-12-retries',
      approvals: ['bob']
    })
    const run = await gateWithJira(s, [approved('PAY-12')], {}, 'data-center')
    expect(run.outputs.decision).toBe('allow')
    expect(jira!.requests.every(r => r.auth === 'bearer')).toBe(true)
  })

  it.each([
    ['ticket-approved-after-merge', approved('PAY-12', AFTER)],
    ['ticket-not-approved', ticket('PAY-12').moved('To Do', 'In Progress', BEFORE)]
  ])('blocks with %s', async (code, t) => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'PAY-12 Retry card captures', approvals: ['bob'] })
    const run = await gateWithJira(s, [t])
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual([code])
  })

  it('blocks a key that does not exist, and a pull request with no key', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'PAY-404 Something', approvals: ['bob'] })
    s.pullRequest({ author: 'carol', title: 'Tidy up', approvals: ['bob'] })
    const since = s.data.pullRequests[0]!.baseRefOid
    const run = await gateWithJira(s, [approved('PAY-12')], { 'since-sha': since })
    expect(codes(run, 'reasons')).toEqual(['ticket-missing', 'ticket-not-found'])
  })

  it('does not take a CVE identifier for a ticket, unless its project is listed', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'Patch CVE-2024-1234 in the parser', approvals: ['bob'] })
    const run = await gateWithJira(s, [approved('PAY-12')])
    expect(codes(run, 'reasons')).toEqual(['ticket-missing'])
    expect(jira!.requests).toHaveLength(0)
  })

  it('counts only the listed projects with jira-projects', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'OTHER-7 and PAY-12: retries', approvals: ['bob'] })
    const run = await gateWithJira(s, [approved('PAY-12'), approved('OTHER-7', AFTER)], {
      'jira-projects': 'PAY'
    })
    expect(run.outputs.decision).toBe('allow')
    expect(current!.records()[0]?.changes[0]?.ticket?.key).toBe('PAY-12')
  })

  it('blocks a three-PR change set in which one PR has no ticket, naming that PR', async () => {
    const s = scenario()
    const since = s.head()
    s.pullRequest({ author: 'alice', title: 'PAY-1 one', approvals: ['bob'] })
    const lacking = s.pullRequest({ author: 'carol', title: 'two', approvals: ['bob'] })
    s.pullRequest({ author: 'dave', title: 'PAY-3 three', approvals: ['bob'] })
    const run = await gateWithJira(s, [approved('PAY-1'), approved('PAY-3')], { 'since-sha': since })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['ticket-missing'])
    const annotations = run.errors.filter(e => e.includes('ticket-missing (rule'))
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toContain(`pull request #${lacking.number}`)
    expect(jira!.requests).toHaveLength(1)
  })

  it('fails closed when Jira rejects the credentials, naming Jira and never the token', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'PAY-12 x', approvals: ['bob'] })
    jira = await startJiraStandIn({ tickets: [approved('PAY-12')] })
    current = await stage(s)
    const run = await current.run({
      'ticket-source': 'jira',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': 'wrong-token-value-123'
    })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['upstream-error'])
    expect(run.stdout).toMatch(/Jira[^\n]*(401|credentials)/)
    expect((run.stdout + run.summary).replace(/^::add-mask::.*$/gm, '')).not.toContain(
      'wrong-token-value-123'
    )
  })

  it('retries a transient Jira 502, and blocks on a persistent one', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', title: 'PAY-12 x', approvals: ['bob'] })
    jira = await startJiraStandIn({ tickets: [approved('PAY-12')] })
    current = await stage(s)
    const inputs = {
      'ticket-source': 'jira',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': jira.apiToken
    }
    jira.inject({ status: 502, times: 1 })
    expect((await current.run(inputs)).outputs.decision).toBe('allow')

    // Another environment, so that the change set is checked again rather than already deployed.
    jira.inject({ status: 502, times: Infinity })
    const persistent = await current.run({ ...inputs, environment: 'staging' })
    expect(persistent.outputs.decision).toBe('block')
    expect(codes(persistent, 'reasons')).toEqual(['upstream-error'])
    expect(persistent.stdout).toMatch(/Jira[^\n]*502/)
  }, 120_000)
})

describe('GitHub issues as tickets', () => {
  it('allows a PR closing an issue labelled approved before the merge, blocks one labelled after', async () => {
    const s = scenario()
    const since = s.head()
    const early = s.issue({ title: 'Approved change', labels: ['approved'] })
    s.pullRequest({ author: 'alice', title: 'Do the approved thing', approvals: ['bob'], closes: [early] })
    const late = s.issue({ title: 'Approved late' })
    s.pullRequest({ author: 'carol', title: 'Do it anyway', approvals: ['bob'], closes: [late] })
    s.label(late, 'approved')
    current = await stage(s)
    const run = await current.run({
      'ticket-source': 'github-issues',
      'ticket-approved-statuses': 'approved',
      'since-sha': since
    })
    expect(codes(run, 'reasons')).toEqual(['ticket-approved-after-merge'])
    const tickets = current
      .records()[0]
      ?.changes.map(c => c.ticket?.key)
      .sort()
    expect(tickets).toEqual([`#${early}`, `#${late}`])
  })
})
