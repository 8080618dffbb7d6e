import { describe, expect, it } from 'vitest'
import { evaluateApprovals, isApprovalFresh } from '../../src/gate/approvals.js'
import type { RuleResult } from '../../src/gate/decision.js'
import type { PullRequestFacts } from '../../src/gate/facts.js'
import {
  aBot,
  aCommit,
  anApproval,
  aPolicy,
  aPullRequest,
  aReview,
  aUser,
  at,
  sha
} from '../support/builders.js'

const A = sha('A')
const B = sha('B')
const C = sha('C')
const M = sha('merge of main')
const commitA = aCommit({ sha: A, parents: [sha('base')], committedAt: at(0) })
const commitB = aCommit({ sha: B, parents: [A], committedAt: at(5) })
const commitC = aCommit({ sha: C, parents: [B], committedAt: at(8) })
const baseMerge = aCommit({ sha: M, parents: [B, sha('main tip')], committedAt: at(8), isBaseMerge: true })
const afterBaseMerge = aCommit({ sha: C, parents: [M], committedAt: at(9) })

function codes(results: RuleResult[], status: 'fail' | 'warn'): string[] {
  return results.filter(r => r.status === status).map(r => r.code ?? '')
}

interface Case {
  name: string
  pr: PullRequestFacts
  policy?: Parameters<typeof aPolicy>[0]
  fails: string[]
  warns?: string[]
  counted: string[]
}

const cases: Case[] = [
  { name: 'one independent approval on the head', pr: aPullRequest(), fails: [], counted: ['bob'] },
  {
    name: 'no reviews at all',
    pr: aPullRequest({ reviews: [] }),
    fails: ['insufficient-approvals'],
    counted: []
  },
  {
    name: 'only comments',
    pr: aPullRequest({ reviews: [aReview({ state: 'COMMENTED' })] }),
    fails: ['insufficient-approvals'],
    counted: []
  },
  {
    name: 'a pending approval does not count',
    pr: aPullRequest({ reviews: [anApproval({ state: 'PENDING', submittedAt: null })] }),
    fails: ['insufficient-approvals'],
    counted: []
  },
  {
    name: 'the author approving their own PR',
    pr: aPullRequest({ reviews: [anApproval({ by: 'alice' })] }),
    fails: ['self-approval'],
    counted: []
  },
  {
    name: 'the author with different letter case',
    pr: aPullRequest({ reviews: [anApproval({ by: 'ALICE' })] }),
    fails: ['self-approval'],
    counted: []
  },
  {
    name: 'a committer of a PR commit approving',
    pr: aPullRequest({
      commits: [aCommit({ participants: ['alice', 'carol'] })],
      reviews: [anApproval({ by: 'carol' })]
    }),
    fails: ['self-approval'],
    counted: []
  },
  {
    name: 'a co-author of an earlier commit approving',
    pr: aPullRequest({
      commits: [
        { ...commitA, participants: ['alice', 'dave'] },
        { ...commitB, participants: ['alice'] }
      ],
      reviews: [anApproval({ by: 'dave', commitSha: B })]
    }),
    fails: ['self-approval'],
    counted: []
  },
  {
    name: 'an unresolved co-author with a GitHub no-reply address approving',
    pr: aPullRequest({
      commits: [aCommit({ unresolvedParticipants: ['Erin Example <4242+erin@users.noreply.github.com>'] })],
      reviews: [anApproval({ by: 'Erin' })]
    }),
    fails: ['self-approval'],
    counted: []
  },
  {
    name: 'an unresolved co-author with another address cannot be tied to a reviewer',
    pr: aPullRequest({
      commits: [aCommit({ unresolvedParticipants: ['Erin Example <erin@example.test>'] })],
      reviews: [anApproval({ by: 'erin' })]
    }),
    fails: [],
    counted: ['erin']
  },
  {
    name: 'self-approval and one independent approval, two required: short, not self-approval',
    pr: aPullRequest({ reviews: [anApproval({ by: 'alice' }), anApproval({ by: 'bob' })] }),
    policy: { requiredApprovals: 2 },
    fails: ['insufficient-approvals'],
    counted: ['bob']
  },
  {
    name: 'two approvals by one person count once',
    pr: aPullRequest({ reviews: [anApproval({ submittedAt: at(10) }), anApproval({ submittedAt: at(12) })] }),
    policy: { requiredApprovals: 2 },
    fails: ['insufficient-approvals'],
    counted: ['bob']
  },
  {
    name: 'two distinct reviewers, two required',
    pr: aPullRequest({ reviews: [anApproval({ by: 'bob' }), anApproval({ by: 'carol' })] }),
    policy: { requiredApprovals: 2 },
    fails: [],
    counted: ['bob', 'carol']
  },
  {
    name: 'no approvals required',
    pr: aPullRequest({ reviews: [] }),
    policy: { requiredApprovals: 0 },
    fails: [],
    counted: []
  },
  {
    name: 'a bot approval is ignored by default',
    pr: aPullRequest({ reviews: [anApproval({ author: aBot('review-app') })] }),
    fails: ['insufficient-approvals'],
    warns: ['bot-approval-ignored'],
    counted: []
  },
  {
    name: 'a REST-style [bot] login is a bot even without the flag',
    pr: aPullRequest({ reviews: [anApproval({ author: aUser('renovate[bot]') })] }),
    fails: ['insufficient-approvals'],
    warns: ['bot-approval-ignored'],
    counted: []
  },
  {
    name: 'a bot approval counts with allow-bot-approvals',
    pr: aPullRequest({ reviews: [anApproval({ author: aBot('review-app') })] }),
    policy: { allowBotApprovals: true },
    fails: [],
    counted: ['review-app']
  },
  {
    name: 'a human approval beside an ignored bot approval',
    pr: aPullRequest({ reviews: [anApproval({ author: aBot('review-app') }), anApproval({ by: 'bob' })] }),
    fails: [],
    warns: ['bot-approval-ignored'],
    counted: ['bob']
  },
  {
    name: 'a Dependabot PR approved by a human',
    pr: aPullRequest({
      author: aBot('dependabot[bot]'),
      commits: [aCommit({ participants: ['dependabot[bot]'] })]
    }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'a Dependabot PR approved only by a bot, bot approvals allowed: still needs a human',
    pr: aPullRequest({
      author: aBot('dependabot[bot]'),
      commits: [aCommit({ participants: ['dependabot[bot]'] })],
      reviews: [anApproval({ author: aBot('review-app') })]
    }),
    policy: { allowBotApprovals: true },
    fails: ['insufficient-approvals'],
    counted: ['review-app']
  },
  {
    name: 'a Dependabot PR approved by the same app over GraphQL (bare login) is a self-approval',
    pr: aPullRequest({
      author: aBot('dependabot[bot]'),
      commits: [aCommit({ participants: ['dependabot[bot]'] })],
      reviews: [anApproval({ author: aBot('dependabot') })]
    }),
    policy: { allowBotApprovals: true },
    fails: ['self-approval'],
    counted: []
  },
  {
    name: 'approval on an earlier commit, a normal commit after it: stale',
    pr: aPullRequest({ commits: [commitA, commitB], reviews: [anApproval({ commitSha: A })] }),
    fails: ['stale-approval'],
    counted: []
  },
  {
    name: 'approval followed only by a merge from the base branch: fresh',
    pr: aPullRequest({ commits: [commitA, commitB, baseMerge], reviews: [anApproval({ commitSha: B })] }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'approval followed by a base merge and then a normal commit: stale',
    pr: aPullRequest({
      commits: [commitA, commitB, baseMerge, afterBaseMerge],
      reviews: [anApproval({ commitSha: B })]
    }),
    fails: ['stale-approval'],
    counted: []
  },
  {
    name: 'approval on a commit force-pushed out of the PR: stale',
    pr: aPullRequest({ commits: [commitA, commitB], reviews: [anApproval({ commitSha: sha('gone') })] }),
    fails: ['stale-approval'],
    counted: []
  },
  {
    name: 'approval on an unknown commit: stale',
    pr: aPullRequest({ reviews: [anApproval({ commitSha: null })] }),
    fails: ['stale-approval'],
    counted: []
  },
  {
    name: 'two required, one of two approvals stale: only stale-approval',
    pr: aPullRequest({
      commits: [commitA, commitB],
      reviews: [anApproval({ by: 'bob', commitSha: A }), anApproval({ by: 'carol', commitSha: B })]
    }),
    policy: { requiredApprovals: 2 },
    fails: ['stale-approval'],
    counted: ['carol']
  },
  {
    name: 'two required, a single stale approval: short and stale',
    pr: aPullRequest({ commits: [commitA, commitB], reviews: [anApproval({ commitSha: A })] }),
    policy: { requiredApprovals: 2 },
    fails: ['insufficient-approvals', 'stale-approval'],
    counted: []
  },
  {
    name: 'one required, one fresh and one stale approval: the fresh one suffices',
    pr: aPullRequest({
      commits: [commitA, commitB],
      reviews: [anApproval({ by: 'bob', commitSha: A }), anApproval({ by: 'carol', commitSha: B })]
    }),
    fails: [],
    counted: ['carol']
  },
  {
    name: 're-approval on the head after a new commit is fresh',
    pr: aPullRequest({
      commits: [commitA, commitB],
      reviews: [
        anApproval({ commitSha: A, submittedAt: at(3) }),
        anApproval({ commitSha: B, submittedAt: at(10) })
      ]
    }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'approval submitted after the merge',
    pr: aPullRequest({ reviews: [anApproval({ submittedAt: at(31) })] }),
    fails: ['approval-after-merge'],
    counted: []
  },
  {
    name: 'approval submitted at the second of the merge counts',
    pr: aPullRequest({ reviews: [anApproval({ submittedAt: at(30) })] }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'approval with an unreadable time does not count',
    pr: aPullRequest({ reviews: [anApproval({ submittedAt: 'yesterday' })] }),
    fails: ['approval-after-merge'],
    counted: []
  },
  {
    name: 'approved before the merge and again after it: the first approval stands',
    pr: aPullRequest({ reviews: [anApproval({ submittedAt: at(10) }), anApproval({ submittedAt: at(45) })] }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'two required, one before and one after the merge: only approval-after-merge',
    pr: aPullRequest({
      reviews: [
        anApproval({ by: 'bob', submittedAt: at(10) }),
        anApproval({ by: 'carol', submittedAt: at(45) })
      ]
    }),
    policy: { requiredApprovals: 2 },
    fails: ['approval-after-merge'],
    counted: ['bob']
  },
  {
    name: 'changes requested by another reviewer',
    pr: aPullRequest({
      reviews: [
        anApproval({ by: 'bob' }),
        aReview({ by: 'carol', state: 'CHANGES_REQUESTED', submittedAt: at(12) })
      ]
    }),
    fails: ['changes-requested'],
    counted: ['bob']
  },
  {
    name: 'changes requested, then only a comment: still requested',
    pr: aPullRequest({
      reviews: [
        anApproval({ by: 'bob' }),
        aReview({ by: 'carol', state: 'CHANGES_REQUESTED', submittedAt: at(12) }),
        aReview({ by: 'carol', state: 'COMMENTED', submittedAt: at(14) })
      ]
    }),
    fails: ['changes-requested'],
    counted: ['bob']
  },
  {
    name: 'changes requested, then approved by the same reviewer: cleared',
    pr: aPullRequest({
      reviews: [
        aReview({ by: 'carol', state: 'CHANGES_REQUESTED', submittedAt: at(8) }),
        anApproval({ by: 'carol', submittedAt: at(14) })
      ]
    }),
    fails: [],
    counted: ['carol']
  },
  {
    name: 'a dismissed change request is cleared',
    pr: aPullRequest({
      reviews: [anApproval({ by: 'bob' }), aReview({ by: 'carol', state: 'DISMISSED', submittedAt: at(12) })]
    }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'a dismissed approval does not count',
    pr: aPullRequest({ reviews: [aReview({ by: 'bob', state: 'DISMISSED' })] }),
    fails: ['insufficient-approvals'],
    counted: []
  },
  {
    name: 'approved, then changes requested by the same reviewer',
    pr: aPullRequest({
      reviews: [
        anApproval({ submittedAt: at(10) }),
        aReview({ state: 'CHANGES_REQUESTED', submittedAt: at(12) })
      ]
    }),
    fails: ['insufficient-approvals', 'changes-requested'],
    counted: []
  },
  {
    name: 'approved, then a comment: the approval stands',
    pr: aPullRequest({ reviews: [anApproval({ submittedAt: at(10) }), aReview({ submittedAt: at(12) })] }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'reviews listed out of order are read by time',
    pr: aPullRequest({
      reviews: [
        anApproval({ submittedAt: at(14) }),
        aReview({ state: 'CHANGES_REQUESTED', submittedAt: at(8) })
      ]
    }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'changes requested after the merge',
    pr: aPullRequest({
      reviews: [
        anApproval({ by: 'bob' }),
        aReview({ by: 'carol', state: 'CHANGES_REQUESTED', submittedAt: at(40) })
      ]
    }),
    fails: ['changes-requested'],
    counted: ['bob']
  },
  {
    name: 'merged over changes requested that were approved only after the merge',
    pr: aPullRequest({
      reviews: [
        anApproval({ by: 'bob' }),
        aReview({ by: 'carol', state: 'CHANGES_REQUESTED', submittedAt: at(12) }),
        anApproval({ by: 'carol', submittedAt: at(40) })
      ]
    }),
    fails: ['changes-requested'],
    counted: ['bob']
  },
  {
    name: 'approval 30 s after the last push: rubber stamp suspected',
    pr: aPullRequest({ lastPushedAt: at(10), reviews: [anApproval({ submittedAt: at(10, 30) })] }),
    fails: [],
    warns: ['rubber-stamp-suspected'],
    counted: ['bob']
  },
  {
    name: 'approval exactly rubber-stamp-seconds after the push: not suspected',
    pr: aPullRequest({ lastPushedAt: at(10), reviews: [anApproval({ submittedAt: at(11) })] }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'without a push time the head commit time is used',
    pr: aPullRequest({
      lastPushedAt: null,
      commits: [aCommit({ committedAt: at(9, 50) })],
      reviews: [anApproval({ submittedAt: at(10) })]
    }),
    fails: [],
    warns: ['rubber-stamp-suspected'],
    counted: ['bob']
  },
  {
    name: 'an approval before the last push (a base merge) is not a rubber stamp',
    pr: aPullRequest({
      commits: [commitA, commitB, baseMerge],
      lastPushedAt: at(20),
      reviews: [anApproval({ commitSha: B, submittedAt: at(19, 50) })]
    }),
    fails: [],
    counted: ['bob']
  },
  {
    name: 'rubber-stamp threshold 0 disables the warning',
    pr: aPullRequest({ lastPushedAt: at(10), reviews: [anApproval({ submittedAt: at(10) })] }),
    policy: { rubberStampSeconds: 0 },
    fails: [],
    counted: ['bob']
  }
]

describe('evaluateApprovals', () => {
  it.each(cases)('$name', ({ pr, policy, fails, warns = [], counted }) => {
    const outcome = evaluateApprovals(pr, aPolicy(policy))
    expect(codes(outcome.results, 'fail')).toEqual(fails)
    expect(codes(outcome.results, 'warn')).toEqual(warns)
    expect(outcome.counted.map(a => a.login)).toEqual(counted)
  })

  it('reports one result per approval rule, passes included, naming the PR and its head', () => {
    const outcome = evaluateApprovals(aPullRequest({ number: 42 }), aPolicy())
    expect(outcome.results.map(r => [r.rule, r.status])).toEqual([
      ['independent-approvals', 'pass'],
      ['approvals-on-head', 'pass'],
      ['approvals-before-merge', 'pass'],
      ['changes-requested', 'pass'],
      ['bot-approvals', 'pass'],
      ['rubber-stamp', 'pass']
    ])
    for (const r of outcome.results) {
      expect(r.pullRequest).toBe(42)
      expect(r.commit).toBe(sha('commit'))
      expect(r.detail).toContain('#42')
      expect(r.detail).toContain(sha('commit').slice(0, 7))
    }
  })

  it('records the counted approval with its time and commit', () => {
    const outcome = evaluateApprovals(aPullRequest(), aPolicy())
    expect(outcome.counted).toEqual([{ login: 'bob', submittedAt: at(10), commitSha: sha('commit') }])
  })

  it('names the stale approvals and their commits in the detail', () => {
    const pr = aPullRequest({ commits: [commitA, commitB], reviews: [anApproval({ commitSha: A })] })
    const stale = evaluateApprovals(pr, aPolicy()).results.find(r => r.code === 'stale-approval')
    expect(stale?.detail).toContain(`bob on ${A.slice(0, 7)}`)
  })
})

describe('isApprovalFresh', () => {
  const pr = (commits: PullRequestFacts['commits']) => aPullRequest({ commits })
  it.each([
    { name: 'on the head', commits: [commitA, commitB], approved: B, fresh: true },
    {
      name: 'head sha in another letter case',
      commits: [commitA, commitB],
      approved: B.toUpperCase(),
      fresh: true
    },
    { name: 'one normal commit later', commits: [commitA, commitB], approved: A, fresh: false },
    { name: 'two normal commits later', commits: [commitA, commitB, commitC], approved: A, fresh: false },
    { name: 'only a base merge later', commits: [commitA, commitB, baseMerge], approved: B, fresh: true },
    {
      name: 'a normal commit, then a base merge',
      commits: [commitA, commitB, baseMerge],
      approved: A,
      fresh: false
    },
    {
      name: 'a base merge, then a normal commit',
      commits: [commitA, commitB, baseMerge, afterBaseMerge],
      approved: B,
      fresh: false
    },
    { name: 'not a PR commit', commits: [commitA, commitB], approved: sha('elsewhere'), fresh: false },
    { name: 'unknown commit', commits: [commitA, commitB], approved: null, fresh: false }
  ])('$name → $fresh', ({ commits, approved, fresh }) => {
    expect(isApprovalFresh(pr(commits), approved)).toBe(fresh)
  })
})
