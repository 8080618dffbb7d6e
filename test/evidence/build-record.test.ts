import { describe, expect, it } from 'vitest'
import { buildRecord, type RecordInput } from '../../src/evidence/build-record.js'
import { ChainVerifier } from '../../src/evidence/chain.js'
import { chainRecord } from '../../src/evidence/hash.js'
import type { Decision } from '../../src/gate/decision.js'
import { aCheck, aPullRequest, aUser, at, changeSet, sha } from '../support/builders.js'
import { independentId } from './support/records.js'

function aDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    decision: 'allow',
    range: 'incremental',
    reasons: [],
    warnings: [],
    results: [],
    pullRequests: [
      {
        number: 1,
        approvals: [{ login: 'bob', submittedAt: at(10), commitSha: sha('commit') }],
        ticket: {
          key: 'PAY-1',
          url: 'https://jira.example.test/browse/PAY-1',
          status: 'Approved',
          approvedAt: at(-60)
        }
      }
    ],
    emergency: null,
    ...overrides
  }
}

function input(overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    decision: aDecision(),
    facts: changeSet(),
    environment: 'production',
    repository: 'acme/shop',
    sha: sha('merge of #1'),
    previousSha: sha('previous'),
    actor: 'carol',
    decidedAt: '2024-06-03T12:00:00+02:00',
    run: {
      id: '42',
      attempt: '2',
      url: 'https://github.example.test/acme/shop/actions/runs/42',
      workflow: 'deploy'
    },
    followUp: null,
    ...overrides
  }
}

describe('buildRecord', () => {
  it('writes every field of SPEC §5 from the decision and the facts', () => {
    const record = buildRecord(input())
    expect(record).toEqual({
      schema: 'deploy-gate/evidence/v1',
      environment: 'production',
      repository: 'acme/shop',
      sha: sha('merge of #1'),
      previousSha: sha('previous'),
      range: 'incremental',
      decision: 'allow',
      reasons: [],
      warnings: [],
      emergency: null,
      actor: 'carol',
      decidedAt: '2024-06-03T10:00:00.000Z',
      run: {
        id: '42',
        attempt: '2',
        url: 'https://github.example.test/acme/shop/actions/runs/42',
        workflow: 'deploy'
      },
      changes: [
        {
          number: 1,
          title: 'PAY-1 Fix rounding of refunds',
          url: 'https://github.example.test/acme/shop/pull/1',
          author: 'alice',
          mergedAt: at(30),
          mergedBy: 'bob',
          headSha: sha('commit'),
          approvals: [{ login: 'bob', submittedAt: at(10), commitSha: sha('commit') }],
          checks: [{ name: 'build', conclusion: 'success', completedAt: at(5) }],
          ticket: {
            key: 'PAY-1',
            url: 'https://jira.example.test/browse/PAY-1',
            status: 'Approved',
            approvedAt: at(-60)
          }
        }
      ],
      commits: [sha('merge of #1')]
    })
  })

  it('lists one change per pull request, most recently merged first, with the approvals the decision counted', () => {
    const older = aPullRequest({
      number: 7,
      mergedAt: at(5),
      checks: [aCheck({ name: 'lint', conclusion: 'failure' })]
    })
    const newer = aPullRequest({ number: 3, mergedAt: at(50) })
    const facts = changeSet([older, newer, older])
    const decision = aDecision({
      decision: 'block',
      reasons: ['ci-failed', 'insufficient-approvals', 'ci-failed'],
      pullRequests: [
        { number: 3, approvals: [{ login: 'dave', submittedAt: at(45), commitSha: null }], ticket: null },
        { number: 7, approvals: [], ticket: null }
      ]
    })
    const record = buildRecord(input({ decision, facts }))
    expect(
      record.changes.map(c => [c.number, c.approvals.map(a => a.login), c.checks.map(c => c.conclusion)])
    ).toEqual([
      [3, ['dave'], ['success']],
      [7, [], ['failure']]
    ])
    // The gate's order of reasons is the contract's order, whatever order they came in.
    expect(record.reasons).toEqual(['insufficient-approvals', 'ci-failed'])
    // As the facts list them (newest first), each once.
    expect(record.commits).toEqual([sha('merge of #7'), sha('merge of #3')])
  })

  it('keeps the commits newest first and without duplicates', () => {
    const facts = changeSet([aPullRequest()], {
      commits: [
        { sha: sha('c3'), pullRequests: [1] },
        { sha: sha('c2'), pullRequests: [1] },
        { sha: sha('c3'), pullRequests: [1] },
        { sha: sha('c1'), pullRequests: [] }
      ]
    })
    expect(buildRecord(input({ facts })).commits).toEqual([sha('c3'), sha('c2'), sha('c1')])
  })

  it('records empty changes and commits when the gate blocked before the facts were known', () => {
    const decision = aDecision({ decision: 'block', reasons: ['upstream-error'], pullRequests: [] })
    const record = buildRecord(input({ decision, facts: null }))
    expect(record).toMatchObject({ decision: 'block', reasons: ['upstream-error'], changes: [], commits: [] })
  })

  it('merges warnings found outside the gate, once each, in contract order', () => {
    const decision = aDecision({ warnings: ['rubber-stamp-suspected', 'since-sha-ignored'] })
    const record = buildRecord(input({ decision, warnings: ['ledger-unprotected', 'since-sha-ignored'] }))
    expect(record.warnings).toEqual(['since-sha-ignored', 'rubber-stamp-suspected', 'ledger-unprotected'])
  })

  const emergencies: Array<{
    name: string
    followUp: RecordInput['followUp']
    expected: { url: string | null; dueAt: string }
  }> = [
    {
      name: 'with the follow-up that was opened',
      followUp: { url: 'https://github.example.test/acme/shop/issues/9', dueAt: '2024-06-04T10:00:00Z' },
      expected: { url: 'https://github.example.test/acme/shop/issues/9', dueAt: '2024-06-04T10:00:00.000Z' }
    },
    {
      name: 'due 24 hours after the decision when no follow-up could be opened',
      followUp: null,
      expected: { url: null, dueAt: '2024-06-04T10:00:00.000Z' }
    }
  ]
  for (const e of emergencies) {
    it(`records an emergency ${e.name}`, () => {
      const decision = aDecision({
        reasons: ['ci-failed', 'insufficient-approvals'],
        emergency: {
          actor: 'carol',
          justification: 'Payments are down for every customer',
          bypassed: ['ci-failed', 'insufficient-approvals']
        }
      })
      expect(buildRecord(input({ decision, followUp: e.followUp })).emergency).toEqual({
        actor: 'carol',
        justification: 'Payments are down for every customer',
        bypassed: ['insufficient-approvals', 'ci-failed'],
        followUp: e.expected
      })
    })
  }

  it('is pure: the same input gives the same record, and later changes to the facts do not reach it', () => {
    const facts = changeSet()
    const a = buildRecord(input({ facts }))
    facts.pullRequests[0]!.checks[0]!.conclusion = 'failure'
    facts.commits.push({ sha: sha('late'), pullRequests: [] })
    expect(a.changes[0]!.checks[0]!.conclusion).toBe('success')
    expect(a.commits).toHaveLength(1)
    expect(buildRecord(input())).toEqual(a)
  })

  it('builds a record whose chained id is the JCS SHA-256 an independent implementation computes', () => {
    const chained = chainRecord(buildRecord(input()), { id: 'a'.repeat(64), seq: 4 })
    expect(chained).toMatchObject({ seq: 5, prev: 'a'.repeat(64) })
    expect(chained.id).toBe(independentId(JSON.parse(JSON.stringify(chained)) as Record<string, unknown>))
  })

  it('replaces lone surrogates in untrusted text, so the record can always be hashed and verified', () => {
    const facts = changeSet([
      aPullRequest({ title: 'Fix \ud83d (broken emoji) 😀', author: aUser('eve\udc00') })
    ])
    const record = buildRecord(input({ facts }))
    expect(record.changes[0]).toMatchObject({ title: 'Fix \ufffd (broken emoji) 😀', author: 'eve\ufffd' })
    const chained = chainRecord(record, null)
    const verifier = new ChainVerifier('production')
    verifier.push(JSON.stringify(chained))
    expect(verifier.firstBreak).toBeNull()
    expect(chained.id).toBe(independentId(JSON.parse(JSON.stringify(chained)) as Record<string, unknown>))
  })

  it('rejects a decision time that is not a date', () => {
    expect(() => buildRecord(input({ decidedAt: 'yesterday' }))).toThrow(/decidedAt is not a date/)
  })
})
