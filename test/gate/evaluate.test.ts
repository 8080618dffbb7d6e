import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REASON_CODES, WARNING_CODES } from '../../src/gate/codes.js'
import { blockedByUpstream, evaluate, ticketKeysToFetch, type GateInput } from '../../src/gate/evaluate.js'
import type { ChangeSetFacts, PullRequestFacts, TicketLookup } from '../../src/gate/facts.js'
import {
  aBot,
  aCheck,
  aCommit,
  anApproval,
  aPolicy,
  aPullRequest,
  aReview,
  aTicket,
  at,
  changeSet,
  sha,
  ticketsFound
} from '../support/builders.js'

function input(overrides: Partial<GateInput> = {}): GateInput {
  return {
    facts: changeSet(),
    range: 'incremental',
    policy: aPolicy(),
    tickets: ticketsFound(aTicket()),
    emergency: null,
    ...overrides
  }
}

/** A change set of one PR built with these overrides. */
function onePr(overrides: Partial<PullRequestFacts>): ChangeSetFacts {
  return changeSet([aPullRequest(overrides)])
}

const A = sha('A')
const B = sha('B')
const twoCommits = [aCommit({ sha: A }), aCommit({ sha: B, parents: [A] })]

describe('evaluate', () => {
  it('allows a clean change set and reports every rule, passes included', () => {
    const decision = evaluate(input())
    expect(decision).toMatchObject({
      decision: 'allow',
      range: 'incremental',
      reasons: [],
      warnings: [],
      emergency: null
    })
    expect(decision.results.map(r => r.rule)).toEqual([
      'pull-request',
      'independent-approvals',
      'approvals-on-head',
      'approvals-before-merge',
      'changes-requested',
      'bot-approvals',
      'rubber-stamp',
      'ci',
      'ticket-linked',
      'ticket-exists',
      'ticket-approved',
      'ticket-approved-before-merge',
      'deployed-ci'
    ])
    expect(decision.results.every(r => r.status === 'pass')).toBe(true)
    expect(decision.pullRequests).toEqual([
      {
        number: 1,
        approvals: [{ login: 'bob', submittedAt: at(10), commitSha: sha('commit') }],
        ticket: {
          key: 'PAY-1',
          url: 'https://jira.example.test/browse/PAY-1',
          status: 'Approved',
          approvedAt: '2024-06-02T09:00:00.000Z'
        }
      }
    ])
  })

  const inProgress = ticketsFound(aTicket({ statuses: ['In Progress'], history: [] }))
  const lateTicket = ticketsFound(aTicket({ history: [{ at: at(45), from: ['Open'], to: ['Approved'] }] }))
  const notFound = new Map<string, TicketLookup>([['PAY-1', { found: false, key: 'PAY-1' }]])

  it.each([
    {
      name: 'direct push',
      over: { facts: changeSet([], { commits: [{ sha: sha('push'), pullRequests: [] }] }) },
      reasons: ['no-pull-request']
    },
    { name: 'no approval', over: { facts: onePr({ reviews: [] }) }, reasons: ['insufficient-approvals'] },
    {
      name: 'self approval',
      over: { facts: onePr({ reviews: [anApproval({ by: 'alice' })] }) },
      reasons: ['self-approval']
    },
    {
      name: 'stale approval',
      over: { facts: onePr({ commits: twoCommits, reviews: [anApproval({ commitSha: A })] }) },
      reasons: ['stale-approval']
    },
    {
      name: 'approval after merge',
      over: { facts: onePr({ reviews: [anApproval({ submittedAt: at(31) })] }) },
      reasons: ['approval-after-merge']
    },
    {
      name: 'changes requested',
      over: {
        facts: onePr({ reviews: [anApproval(), aReview({ by: 'carol', state: 'CHANGES_REQUESTED' })] })
      },
      reasons: ['changes-requested']
    },
    {
      name: 'PR CI failed',
      over: { facts: onePr({ checks: [aCheck({ conclusion: 'failure' })] }) },
      reasons: ['ci-failed']
    },
    {
      name: 'PR merged before CI finished',
      over: { facts: onePr({ checks: [aCheck({ completedAt: at(31) })] }) },
      reasons: ['ci-pending']
    },
    { name: 'PR without CI', over: { facts: onePr({ checks: [] }) }, reasons: ['ci-missing'] },
    {
      name: 'deployed commit CI failed',
      over: { facts: changeSet(undefined, { deployedChecks: [aCheck({ conclusion: 'failure' })] }) },
      reasons: ['ci-failed']
    },
    {
      name: 'deployed commit CI pending',
      over: {
        facts: changeSet(undefined, {
          deployedChecks: [aCheck({ conclusion: 'pending', completedAt: null })]
        })
      },
      reasons: ['ci-pending']
    },
    {
      name: 'deployed commit without CI',
      over: { facts: changeSet(undefined, { deployedChecks: [] }) },
      reasons: ['ci-missing']
    },
    {
      name: 'required check missing on both',
      over: { policy: aPolicy({ requiredChecks: ['e2e'] }) },
      reasons: ['ci-missing']
    },
    { name: 'no ticket', over: { facts: onePr({ title: 'Fix rounding' }) }, reasons: ['ticket-missing'] },
    { name: 'ticket not found', over: { tickets: notFound }, reasons: ['ticket-not-found'] },
    { name: 'ticket not approved', over: { tickets: inProgress }, reasons: ['ticket-not-approved'] },
    {
      name: 'ticket approved after merge',
      over: { tickets: lateTicket },
      reasons: ['ticket-approved-after-merge']
    },
    { name: 'ticket never looked up', over: { tickets: new Map() }, reasons: ['upstream-error'] },
    {
      name: 'ticket-source none needs no ticket',
      over: { tickets: new Map(), policy: aPolicy({ ticketSource: 'none' }) },
      reasons: []
    },
    {
      name: 'emergency by someone not allowed',
      over: {
        emergency: {
          actor: 'mallory',
          justification: 'Payment API is down for everyone',
          approvers: ['alice']
        }
      },
      reasons: ['emergency-not-allowed']
    }
  ])('$name → $reasons', ({ over, reasons }) => {
    const decision = evaluate(input(over))
    expect(decision.reasons).toEqual(reasons)
    expect(decision.decision).toBe(reasons.length === 0 ? 'allow' : 'block')
  })

  it.each([
    {
      name: 'bot approval ignored',
      facts: onePr({ reviews: [anApproval(), anApproval({ author: aBot('ci-bot') })] }),
      warnings: ['bot-approval-ignored']
    },
    { name: 'rubber stamp', facts: onePr({ lastPushedAt: at(9, 45) }), warnings: ['rubber-stamp-suspected'] },
    {
      name: 'both, in WARNING_CODES order',
      facts: onePr({
        lastPushedAt: at(9, 45),
        reviews: [anApproval(), anApproval({ author: aBot('ci-bot') })]
      }),
      warnings: ['bot-approval-ignored', 'rubber-stamp-suspected']
    }
  ])('warns: $name, and still allows', ({ facts, warnings }) => {
    const decision = evaluate(input({ facts }))
    expect(decision).toMatchObject({ decision: 'allow', reasons: [], warnings })
  })

  it('lists each reason once, in REASON_CODES order, across pull requests', () => {
    const facts = changeSet([
      aPullRequest({ number: 1, title: 'Fix', checks: [aCheck({ conclusion: 'failure' })] }),
      aPullRequest({ number: 2, reviews: [] }),
      aPullRequest({ number: 3, title: 'Also no ticket', reviews: [] })
    ])
    const decision = evaluate(input({ facts }))
    expect(decision.reasons).toEqual(['insufficient-approvals', 'ci-failed', 'ticket-missing'])
    const failing = decision.results.filter(r => r.status === 'fail').map(r => [r.pullRequest, r.code])
    expect(failing).toEqual([
      [1, 'ci-failed'],
      [1, 'ticket-missing'],
      [2, 'insufficient-approvals'],
      [3, 'insufficient-approvals'],
      [3, 'ticket-missing']
    ])
  })

  it('ignores pull requests into other branches', () => {
    // The commit of #2 into develop reached main only through #1's merge, which carries it.
    const facts = changeSet(
      [aPullRequest({ number: 1 }), aPullRequest({ number: 2, baseRefName: 'develop', reviews: [] })],
      {
        commits: [
          { sha: sha('merge of #1'), pullRequests: [1] },
          { sha: sha('develop work'), pullRequests: [2, 1] }
        ]
      }
    )
    const decision = evaluate(input({ facts }))
    expect(decision.reasons).toEqual([])
    expect(decision.pullRequests.map(pr => pr.number)).toEqual([1])
  })

  it('fails a commit carried only by a pull request into another branch', () => {
    const facts = changeSet([
      aPullRequest({ number: 1 }),
      aPullRequest({ number: 2, baseRefName: 'develop' })
    ])
    const decision = evaluate(input({ facts }))
    expect(decision.reasons).toEqual(['no-pull-request'])
    expect(decision.results.find(r => r.code === 'no-pull-request')?.commit).toBe(sha('merge of #2'))
  })

  it('allows an empty change set (a redeploy of the same commit) on the deployed commit CI alone', () => {
    const decision = evaluate(input({ facts: changeSet([], { sha: sha('same') }) }))
    expect(decision.decision).toBe('allow')
    expect(decision.results.map(r => r.rule)).toEqual(['deployed-ci'])
  })

  describe('rollback', () => {
    const failingPr = onePr({ reviews: [], title: 'No ticket', checks: [] })

    it('applies no pull request or ticket rule', () => {
      const decision = evaluate(input({ range: 'rollback', facts: failingPr, tickets: new Map() }))
      expect(decision).toMatchObject({ decision: 'allow', range: 'rollback', reasons: [], pullRequests: [] })
      expect(decision.results.map(r => r.rule)).toEqual(['deployed-ci'])
    })

    it('still requires CI on the deployed commit', () => {
      const facts = { ...failingPr, deployedChecks: [aCheck({ conclusion: 'failure' })] }
      const decision = evaluate(input({ range: 'rollback', facts }))
      expect(decision).toMatchObject({ decision: 'block', reasons: ['ci-failed'] })
    })
  })

  describe('emergency', () => {
    const justification = 'Checkout is down for every EU customer; shipping the fix'
    const failing = onePr({ reviews: [], checks: [aCheck({ conclusion: 'failure' })] })

    it('lets an allowed actor through, recording the bypassed reasons', () => {
      const decision = evaluate(
        input({ facts: failing, emergency: { actor: 'alice', justification, approvers: ['alice'] } })
      )
      expect(decision).toMatchObject({
        decision: 'allow',
        reasons: ['insufficient-approvals', 'ci-failed'],
        warnings: [],
        emergency: { actor: 'alice', justification, bypassed: ['insufficient-approvals', 'ci-failed'] }
      })
      // Every rule is still evaluated and recorded.
      expect(decision.results.filter(r => r.status === 'fail').map(r => r.code)).toEqual([
        'insufficient-approvals',
        'ci-failed'
      ])
      expect(decision.results.at(-1)).toMatchObject({ rule: 'emergency', status: 'pass' })
    })

    it('blocks an actor outside the allowlist, adding emergency-not-allowed to the failing reasons', () => {
      const decision = evaluate(
        input({ facts: failing, emergency: { actor: 'mallory', justification, approvers: ['alice'] } })
      )
      expect(decision).toMatchObject({
        decision: 'block',
        reasons: ['insufficient-approvals', 'ci-failed', 'emergency-not-allowed'],
        emergency: null
      })
    })

    it('lets anyone through without an allowlist, with a warning', () => {
      const decision = evaluate(
        input({ facts: failing, emergency: { actor: 'mallory', justification, approvers: [] } })
      )
      expect(decision).toMatchObject({ decision: 'allow', warnings: ['emergency-approvers-empty'] })
      expect(decision.emergency?.bypassed).toEqual(['insufficient-approvals', 'ci-failed'])
    })

    it('records an emergency on a passing change set with nothing bypassed', () => {
      const decision = evaluate(input({ emergency: { actor: 'alice', justification, approvers: ['alice'] } }))
      expect(decision).toMatchObject({ decision: 'allow', reasons: [], emergency: { bypassed: [] } })
    })

    it('blocks an actor outside the allowlist even when every rule passes', () => {
      const decision = evaluate(
        input({ emergency: { actor: 'mallory', justification, approvers: ['alice'] } })
      )
      expect(decision).toMatchObject({
        decision: 'block',
        reasons: ['emergency-not-allowed'],
        emergency: null
      })
    })
  })

  it('does not modify its input', () => {
    const frozen = input({
      facts: onePr({ reviews: [aReview({ submittedAt: at(20) }), anApproval({ submittedAt: at(5) })] })
    })
    const before = structuredClone({ ...frozen, tickets: [...frozen.tickets] })
    evaluate(frozen)
    expect({ ...frozen, tickets: [...frozen.tickets] }).toEqual(before)
  })

  it('always lists reasons and warnings uniquely in code order; allows only with no reason or an allowed emergency', () => {
    const pr = fc.record({
      reviews: fc.subarray([
        anApproval({ by: 'bob' }),
        anApproval({ by: 'alice' }),
        anApproval({ by: 'carol', submittedAt: at(40) }),
        anApproval({ by: 'dave', commitSha: null }),
        anApproval({ author: aBot('ci-bot') }),
        aReview({ by: 'erin', state: 'CHANGES_REQUESTED' })
      ]),
      checks: fc.subarray([
        aCheck(),
        aCheck({ name: 'lint', conclusion: 'failure' }),
        aCheck({ name: 'e2e', completedAt: at(31) })
      ]),
      title: fc.constantFrom('PAY-1 Fix', 'Fix'),
      lastPushedAt: fc.constantFrom(at(0), at(9, 50))
    })
    fc.assert(
      fc.property(
        fc.array(pr, { maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom<GateInput['range']>('incremental', 'initial', 'baseline', 'rollback'),
        fc.option(fc.constantFrom([], ['alice'], ['bob']), { nil: null }),
        (prs, requiredApprovals, range, approvers) => {
          const facts = changeSet(prs.map((p, i) => aPullRequest({ ...p, number: i + 1 })))
          const emergency =
            approvers === null ? null : { actor: 'alice', justification: 'x'.repeat(30), approvers }
          const d = evaluate(input({ facts, range, policy: aPolicy({ requiredApprovals }), emergency }))
          expect(d.reasons).toEqual(REASON_CODES.filter(c => d.reasons.includes(c)))
          expect(d.warnings).toEqual(WARNING_CODES.filter(c => d.warnings.includes(c)))
          const failing = new Set(d.results.filter(r => r.status === 'fail').map(r => r.code))
          expect(new Set(d.reasons)).toEqual(failing)
          expect(d.decision).toBe(d.reasons.length === 0 || d.emergency !== null ? 'allow' : 'block')
          if (d.emergency !== null) expect(d.emergency.bypassed).toEqual(d.reasons)
          expect(d.pullRequests).toHaveLength(range === 'rollback' ? 0 : prs.length)
        }
      )
    )
  })
})

describe('ticketKeysToFetch', () => {
  it.each([
    {
      name: 'one key per PR, deduplicated, in PR order',
      prs: [
        aPullRequest({ number: 1, title: 'OPS-2 a' }),
        aPullRequest({ number: 2, title: 'PAY-1 b' }),
        aPullRequest({ number: 3, headRefName: 'feature/ops-2-again', title: 'c' })
      ],
      policy: aPolicy(),
      keys: ['OPS-2', 'PAY-1']
    },
    {
      name: 'none when a PR names no key',
      prs: [aPullRequest({ title: 'Fix' })],
      policy: aPolicy(),
      keys: []
    },
    {
      name: 'only listed projects',
      prs: [aPullRequest({ title: 'OPS-2 then PAY-1' })],
      policy: aPolicy({ jiraProjects: ['PAY'] }),
      keys: ['PAY-1']
    },
    {
      name: 'not for PRs into other branches',
      prs: [aPullRequest({ baseRefName: 'develop' })],
      policy: aPolicy(),
      keys: []
    },
    {
      name: 'not for github-issues',
      prs: [aPullRequest()],
      policy: aPolicy({ ticketSource: 'github-issues' }),
      keys: []
    },
    { name: 'not for none', prs: [aPullRequest()], policy: aPolicy({ ticketSource: 'none' }), keys: [] }
  ])('$name', ({ prs, policy, keys }) => {
    expect(ticketKeysToFetch(changeSet(prs), policy)).toEqual(keys)
  })
})

describe('blockedByUpstream', () => {
  it('blocks with upstream-error, naming the service', () => {
    const decision = blockedByUpstream(
      'incremental',
      'Jira',
      'GET /rest/api/3/search/jql answered 503 after 3 attempts'
    )
    expect(decision).toMatchObject({
      decision: 'block',
      range: 'incremental',
      reasons: ['upstream-error'],
      emergency: null
    })
    expect(decision.results).toEqual([
      {
        rule: 'upstream',
        status: 'fail',
        code: 'upstream-error',
        detail: 'Jira: GET /rest/api/3/search/jql answered 503 after 3 attempts.',
        pullRequest: null,
        commit: null
      }
    ])
  })

  it('does not name the service twice', () => {
    const decision = blockedByUpstream('initial', 'GitHub', 'GitHub GraphQL timed out.', null, sha('d'))
    expect(decision.results[0]).toMatchObject({ detail: 'GitHub GraphQL timed out.', commit: sha('d') })
  })

  it.each([
    'request failed with Authorization: Bearer abc123def456ghi789',
    'git push to https://x-access-token:s3cr3tvalue@github.example.test/acme/shop.git failed',
    'token ghp_0123456789abcdefghijABCDEFGHIJ0123 was rejected',
    'token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz was rejected'
  ])('keeps credentials out of the detail: %s', message => {
    const detail = blockedByUpstream('incremental', 'GitHub', message).results[0]?.detail ?? ''
    expect(detail).toContain('***')
    expect(detail).not.toMatch(/abc123def456|s3cr3tvalue|ghp_0123|github_pat_11/)
  })

  it('a service unavailable while the GitHub facts were read: upstream-error, every other rule still judged', () => {
    const facts = onePr({ reviews: [] })
    const decision = evaluate(
      input({ facts, tickets: new Map(), unavailable: [{ service: 'Jira', message: 'Jira answered 503' }] })
    )
    expect(decision.decision).toBe('block')
    expect(decision.reasons).toEqual(['insufficient-approvals', 'upstream-error'])
    const upstream = decision.results.filter(r => r.code === 'upstream-error')
    expect(upstream.map(r => r.rule)).toEqual(['ticket-exists', 'upstream'])
    expect(upstream[1]?.detail).toBe('Jira answered 503.')
  })

  it('can be bypassed by an allowed emergency, which records upstream-error as bypassed', () => {
    const emergency = {
      actor: 'alice',
      justification: 'GitHub API outage, shipping the hotfix',
      approvers: ['alice']
    }
    const decision = blockedByUpstream('incremental', 'GitHub', 'compare answered 502', emergency, sha('d'))
    expect(decision).toMatchObject({
      decision: 'allow',
      reasons: ['upstream-error'],
      emergency: { actor: 'alice', bypassed: ['upstream-error'] }
    })
  })

  it('is still blocked when the emergency actor is not allowed', () => {
    const emergency = {
      actor: 'mallory',
      justification: 'GitHub API outage, shipping the hotfix',
      approvers: ['alice']
    }
    const decision = blockedByUpstream('incremental', 'GitHub', 'compare answered 502', emergency)
    expect(decision).toMatchObject({
      decision: 'block',
      reasons: ['emergency-not-allowed', 'upstream-error']
    })
  })
})
