import { describe, expect, it } from 'vitest'
import type { TicketFacts, TicketLookup } from '../../src/gate/facts.js'
import { computeApprovedAt, evaluateTicket, findTicketKey, locateTicketKey } from '../../src/gate/tickets.js'
import { aCommit, aPolicy, aPullRequest, aTicket, at, ticketsFound } from '../support/builders.js'

function pr(fields: { title?: string; branch?: string; body?: string; messages?: string[] }) {
  return aPullRequest({
    title: fields.title ?? 'Improve things',
    headRefName: fields.branch ?? 'improve-things',
    body: fields.body ?? '',
    commits: (fields.messages ?? []).map((message, i) => aCommit({ message, sha: `${i}`.padStart(40, 'c') }))
  })
}

describe('findTicketKey', () => {
  it.each([
    // Real-world titles
    { title: 'PAY-123 Fix refund rounding', key: 'PAY-123' },
    { title: '[ABC-12] Add audit log export', key: 'ABC-12' },
    { title: 'feat(checkout): support SEPA (PAY-981)', key: 'PAY-981' },
    { title: 'PAY-12: hotfix for null cart', key: 'PAY-12' },
    { title: 'Fix PAY-7, PAY-8 and PAY-9', key: 'PAY-7' },
    { title: 'Revert "OPS-44 Raise pool size"', key: 'OPS-44' },
    { title: 'DATA2-5 Backfill the ledger', key: 'DATA2-5' },
    { title: 'MY_TEAM-77 rename', key: 'MY_TEAM-77' },
    { title: 'Merge PAY-123/OPS-1 fixes', key: 'PAY-123' },
    { title: 'ABC-DEF-123 nested prefix', key: 'DEF-123' },
    // Not keys
    { title: 'Bump lodash from 4.17.20 to 4.17.21', key: null },
    { title: 'Patch CVE-2024-1234 in the image', key: null },
    { title: 'Switch checksums to SHA-256', key: null },
    { title: 'Read files as UTF-8', key: null },
    { title: 'Map controls to ISO-27001 and SOC-2', key: null },
    { title: 'Upgrade to x86-64 runners', key: null },
    { title: 'Upgrade to node-20', key: null },
    { title: 'Lowercase pay-12 in prose is not a key', key: null },
    { title: 'PAY-0 is not an issue number', key: null },
    { title: 'PAY-0123 has a leading zero', key: null },
    { title: 'PAY-123abc is glued to letters', key: null },
    { title: 'XPAY-12 is its own project', key: 'XPAY-12' },
    { title: 'P-12 has a one-letter project', key: null },
    { title: '1PAY-12 starts with a digit', key: null },
    { title: 'PAY_12 uses the wrong separator', key: null },
    { title: 'PAY 12 uses a space', key: null },
    // Real-world branch names: lower case is how people write them there
    { branch: 'feature/PAY-123-fix', key: 'PAY-123' },
    { branch: 'feature/pay-123-fix-refunds', key: 'PAY-123' },
    { branch: 'bugfix/Pay-77', key: 'PAY-77' },
    { branch: 'PAY-5', key: 'PAY-5' },
    { branch: 'alice/ops-9/raise-pool', key: 'OPS-9' },
    { branch: 'hotfix/PAY-12_null-cart', key: 'PAY-12' },
    { branch: 'release/2024-06', key: null },
    { branch: 'fix/utf-8-decoding', key: null },
    { branch: 'security/cve-2024-1234', key: null },
    // Order: title, branch, body, commit messages
    { title: 'PAY-1 title', branch: 'feature/PAY-2', body: 'PAY-3', messages: ['PAY-4'], key: 'PAY-1' },
    { title: 'No key', branch: 'feature/PAY-2', body: 'PAY-3', messages: ['PAY-4'], key: 'PAY-2' },
    { title: 'No key', branch: 'feature/x', body: 'Closes PAY-3', messages: ['PAY-4'], key: 'PAY-3' },
    {
      title: 'No key',
      branch: 'feature/x',
      body: 'none',
      messages: ['wip', 'PAY-4: fix', 'PAY-5'],
      key: 'PAY-4'
    },
    { title: 'Uses SHA-256 now', branch: 'x', body: 'See OPS-9', key: 'OPS-9' },
    { title: 'No key', branch: 'x', body: '', messages: [], key: null }
  ])('$title $branch → $key', ({ title, branch, body, messages, key }) => {
    expect(findTicketKey(pr({ title, branch, body, messages }), [])).toBe(key)
  })

  it.each([
    { title: 'OPS-1 then PAY-2', projects: ['PAY'], key: 'PAY-2' },
    { title: 'OPS-1 only', projects: ['PAY'], key: null },
    { title: 'Lowercase pay-12 counts when PAY is listed', projects: ['PAY'], key: 'PAY-12' },
    { title: 'Lowercase ops-12 does not when only PAY is', projects: ['PAY'], key: null },
    { title: 'Certify ISO-27001 (listed)', projects: ['ISO'], key: 'ISO-27001' },
    { title: 'Fix CVE-2024-1234', projects: ['CVE'], key: 'CVE-2024' },
    { title: 'listed in lower case: PAY-3', projects: ['pay'], key: 'PAY-3' },
    { title: 'Patch CVE-2024-1234 for PAY-4', projects: ['PAY', 'OPS'], key: 'PAY-4' }
  ])('with jira-projects $projects: $title → $key', ({ title, projects, key }) => {
    expect(findTicketKey(pr({ title }), projects)).toBe(key)
  })

  it('says where the key was found', () => {
    expect(locateTicketKey(pr({ branch: 'feature/pay-4-x' }), [])).toEqual({ key: 'PAY-4', source: 'branch' })
    expect(locateTicketKey(pr({ messages: ['OPS-2 fix'] }), [])).toEqual({
      key: 'OPS-2',
      source: 'commit message'
    })
  })
})

const approved = ['Approved']
function ticket(
  statuses: string[],
  history: TicketFacts['history'],
  createdAt = '2024-06-01T08:00:00.000+0000'
) {
  return aTicket({ statuses, history, createdAt })
}

describe('computeApprovedAt', () => {
  it.each([
    {
      name: 'Jira: moved into Approved once',
      ticket: ticket(
        ['Approved'],
        [{ at: '2024-06-02T09:00:00.000+0000', from: ['In Review'], to: ['Approved'] }]
      ),
      statuses: approved,
      approvedAt: '2024-06-02T09:00:00.000Z'
    },
    {
      name: 'Jira: a Data Center offset is converted to UTC',
      ticket: ticket(
        ['Approved'],
        [{ at: '2024-06-02T11:00:00.000+0200', from: ['Open'], to: ['Approved'] }]
      ),
      statuses: approved,
      approvedAt: '2024-06-02T09:00:00.000Z'
    },
    {
      name: 'Jira: Approved → Done with both listed keeps the earlier time',
      ticket: ticket(
        ['Done'],
        [
          { at: '2024-06-02T09:00:00.000+0000', from: ['In Review'], to: ['Approved'] },
          { at: '2024-06-04T09:00:00.000+0000', from: ['Approved'], to: ['Done'] }
        ]
      ),
      statuses: ['Approved', 'Done'],
      approvedAt: '2024-06-02T09:00:00.000Z'
    },
    {
      name: 'Jira: Approved → In Progress → Approved restarts it',
      ticket: ticket(
        ['Approved'],
        [
          { at: '2024-06-02T09:00:00.000+0000', from: ['In Review'], to: ['Approved'] },
          { at: '2024-06-03T09:00:00.000+0000', from: ['Approved'], to: ['In Progress'] },
          { at: '2024-06-04T09:00:00.000+0000', from: ['In Progress'], to: ['Approved'] }
        ]
      ),
      statuses: approved,
      approvedAt: '2024-06-04T09:00:00.000Z'
    },
    {
      name: 'Jira: history out of order is read by time',
      ticket: ticket(
        ['Approved'],
        [
          { at: '2024-06-04T09:00:00.000+0000', from: ['In Progress'], to: ['Approved'] },
          { at: '2024-06-02T09:00:00.000+0000', from: ['In Review'], to: ['Approved'] },
          { at: '2024-06-03T09:00:00.000+0000', from: ['Approved'], to: ['In Progress'] }
        ]
      ),
      statuses: approved,
      approvedAt: '2024-06-04T09:00:00.000Z'
    },
    {
      name: 'Jira: status names compare case-insensitively',
      ticket: ticket(
        ['APPROVED'],
        [{ at: '2024-06-02T09:00:00.000+0000', from: ['open'], to: ['APPROVED'] }]
      ),
      statuses: ['approved'],
      approvedAt: '2024-06-02T09:00:00.000Z'
    },
    {
      name: 'Jira: created approved, never changed',
      ticket: ticket(['Approved'], []),
      statuses: approved,
      approvedAt: '2024-06-01T08:00:00.000Z'
    },
    {
      name: 'Jira: created approved, then Approved → Done (both listed)',
      ticket: ticket(['Done'], [{ at: '2024-06-02T09:00:00.000+0000', from: ['Approved'], to: ['Done'] }]),
      statuses: ['Approved', 'Done'],
      approvedAt: '2024-06-01T08:00:00.000Z'
    },
    {
      name: 'Jira: not approved now',
      ticket: ticket(
        ['In Progress'],
        [{ at: '2024-06-02T09:00:00.000+0000', from: ['Approved'], to: ['In Progress'] }]
      ),
      statuses: approved,
      approvedAt: null
    },
    {
      name: 'Jira: approved now but the history never shows it arriving (truncated)',
      ticket: ticket(
        ['Approved'],
        [{ at: '2024-06-02T09:00:00.000+0000', from: ['Open'], to: ['In Review'] }]
      ),
      statuses: approved,
      approvedAt: null
    },
    {
      name: 'Jira: an unreadable history time',
      ticket: ticket(['Approved'], [{ at: 'last week', from: ['Open'], to: ['Approved'] }]),
      statuses: approved,
      approvedAt: null
    },
    {
      name: 'labels: the approved label added to other labels',
      ticket: ticket(
        ['bug', 'Approved'],
        [
          { at: '2024-06-02T08:00:00Z', from: [], to: ['bug'] },
          { at: '2024-06-02T09:00:00Z', from: ['bug'], to: ['bug', 'Approved'] }
        ]
      ),
      statuses: approved,
      approvedAt: '2024-06-02T09:00:00.000Z'
    },
    {
      name: 'labels: another label added later keeps the time',
      ticket: ticket(
        ['Approved', 'p1'],
        [
          { at: '2024-06-02T09:00:00Z', from: [], to: ['Approved'] },
          { at: '2024-06-03T09:00:00Z', from: ['Approved'], to: ['Approved', 'p1'] }
        ]
      ),
      statuses: approved,
      approvedAt: '2024-06-02T09:00:00.000Z'
    },
    {
      name: 'labels: removed and added again restarts',
      ticket: ticket(
        ['approved'],
        [
          { at: '2024-06-02T09:00:00Z', from: [], to: ['approved'] },
          { at: '2024-06-03T09:00:00Z', from: ['approved'], to: [] },
          { at: '2024-06-04T09:00:00Z', from: [], to: ['approved'] }
        ]
      ),
      statuses: ['Approved'],
      approvedAt: '2024-06-04T09:00:00.000Z'
    },
    {
      name: 'labels: a second approved label while approved keeps the time',
      ticket: ticket(
        ['cab-approved'],
        [
          { at: '2024-06-02T09:00:00Z', from: [], to: ['approved'] },
          { at: '2024-06-03T09:00:00Z', from: ['approved'], to: ['approved', 'cab-approved'] },
          { at: '2024-06-04T09:00:00Z', from: ['approved', 'cab-approved'], to: ['cab-approved'] }
        ]
      ),
      statuses: ['approved', 'cab-approved'],
      approvedAt: '2024-06-02T09:00:00.000Z'
    }
  ])('$name', ({ ticket, statuses, approvedAt }) => {
    expect(computeApprovedAt(ticket, statuses)).toBe(approvedAt)
  })
})

describe('evaluateTicket', () => {
  const merged = at(30) // 2024-06-03T10:30:00Z
  const jira = aPolicy({ ticketSource: 'jira' })
  const approvedBefore = aTicket({
    key: 'PAY-1',
    history: [{ at: '2024-06-03T10:00:00.000+0000', from: ['In Review'], to: ['Approved'] }]
  })
  const approvedAfter = aTicket({
    key: 'PAY-1',
    history: [{ at: '2024-06-03T10:31:00.000+0000', from: ['In Review'], to: ['Approved'] }]
  })
  const inProgress = aTicket({ key: 'PAY-1', statuses: ['In Progress'], history: [] })
  const notFound = new Map<string, TicketLookup>([['PAY-1', { found: false, key: 'PAY-1' }]])

  it.each([
    {
      name: 'approved before the merge',
      p: jira,
      t: ticketsFound(approvedBefore),
      title: 'PAY-1 x',
      fails: []
    },
    {
      name: 'approved at the second of the merge',
      p: jira,
      title: 'PAY-1 x',
      fails: [],
      t: ticketsFound(aTicket({ history: [{ at: merged, from: ['Open'], to: ['Approved'] }] }))
    },
    { name: 'no key', p: jira, t: ticketsFound(approvedBefore), title: 'Fix', fails: ['ticket-missing'] },
    {
      name: 'key of an unlisted project',
      p: aPolicy({ jiraProjects: ['OPS'] }),
      t: ticketsFound(approvedBefore),
      title: 'PAY-1 x',
      fails: ['ticket-missing']
    },
    {
      name: 'Jira says there is no such ticket',
      p: jira,
      t: notFound,
      title: 'PAY-1 x',
      fails: ['ticket-not-found']
    },
    {
      name: 'Jira was not asked about the key',
      p: jira,
      t: new Map(),
      title: 'PAY-1 x',
      fails: ['upstream-error']
    },
    {
      name: 'not approved',
      p: jira,
      t: ticketsFound(inProgress),
      title: 'PAY-1 x',
      fails: ['ticket-not-approved']
    },
    {
      name: 'approved after the merge',
      p: jira,
      t: ticketsFound(approvedAfter),
      title: 'PAY-1 x',
      fails: ['ticket-approved-after-merge']
    },
    {
      name: 'approved, time unknown',
      p: jira,
      title: 'PAY-1 x',
      fails: ['ticket-approved-after-merge'],
      t: ticketsFound(aTicket({ history: [{ at: '2024-06-02T09:00:00Z', from: ['Open'], to: ['Review'] }] }))
    },
    {
      name: 'ticket-source none',
      p: aPolicy({ ticketSource: 'none' }),
      t: new Map(),
      title: 'Fix',
      fails: []
    }
  ])('$name → $fails', ({ p, t, title, fails }) => {
    const outcome = evaluateTicket(aPullRequest({ title, mergedAt: merged }), p, t)
    expect(outcome.results.filter(r => r.status === 'fail').map(r => r.code)).toEqual(fails)
  })

  it('reports every ticket rule on a pass, with the ticket summary', () => {
    const outcome = evaluateTicket(aPullRequest({ mergedAt: merged }), jira, ticketsFound(approvedBefore))
    expect(outcome.results.map(r => [r.rule, r.status])).toEqual([
      ['ticket-linked', 'pass'],
      ['ticket-exists', 'pass'],
      ['ticket-approved', 'pass'],
      ['ticket-approved-before-merge', 'pass']
    ])
    expect(outcome.results[0]?.detail).toContain('PAY-1 in its title')
    expect(outcome.summary).toEqual({
      key: 'PAY-1',
      url: approvedBefore.url,
      status: 'Approved',
      approvedAt: '2024-06-03T10:00:00.000Z'
    })
  })

  it('reports no ticket for ticket-source none', () => {
    expect(evaluateTicket(aPullRequest(), aPolicy({ ticketSource: 'none' }), new Map())).toEqual({
      results: [],
      summary: null
    })
  })

  describe('GitHub issues', () => {
    const issues = aPolicy({ ticketSource: 'github-issues' })
    const labelled = (key: string, labels: string[], addedAt: string) =>
      aTicket({
        key,
        url: `https://github.example.test/acme/shop/issues/${key.slice(1)}`,
        statuses: labels,
        createdAt: '2024-06-01T08:00:00Z',
        history: [{ at: addedAt, from: [], to: labels }]
      })

    it.each([
      { name: 'no closing issue', closing: [], fails: ['ticket-missing'] },
      {
        name: 'an issue labelled approved before the merge',
        closing: [labelled('#5', ['approved'], at(10))],
        fails: []
      },
      {
        name: 'an issue without the label',
        closing: [labelled('#5', ['bug'], at(10))],
        fails: ['ticket-not-approved']
      },
      {
        name: 'labelled after the merge',
        closing: [labelled('#5', ['Approved'], at(31))],
        fails: ['ticket-approved-after-merge']
      },
      {
        name: 'two issues, the second approved: it links the change',
        closing: [labelled('#5', ['bug'], at(10)), labelled('#6', ['Approved'], at(10))],
        fails: []
      }
    ])('$name → $fails', ({ closing, fails }) => {
      const outcome = evaluateTicket(
        aPullRequest({ closingIssues: closing, mergedAt: merged }),
        issues,
        new Map()
      )
      expect(outcome.results.filter(r => r.status === 'fail').map(r => r.code)).toEqual(fails)
    })

    it('summarises the issue that links the change, labels joined', () => {
      const closing = [labelled('#5', ['bug'], at(10)), labelled('#6', ['Approved', 'p1'], at(10))]
      const outcome = evaluateTicket(aPullRequest({ closingIssues: closing }), issues, new Map())
      expect(outcome.summary).toEqual({
        key: '#6',
        url: 'https://github.example.test/acme/shop/issues/6',
        status: 'Approved, p1',
        approvedAt: '2024-06-03T10:10:00.000Z'
      })
    })
  })
})
