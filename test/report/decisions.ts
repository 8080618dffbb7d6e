/** Builders of gate decisions for the report tests: what the gate would hand the report. */
import type { Decision, PullRequestVerdict, RuleResult } from '../../src/gate/decision.js'
import { at, sha } from '../support/builders.js'

export function aResult(overrides: Partial<RuleResult> = {}): RuleResult {
  return {
    rule: 'independent-approvals',
    status: 'pass',
    code: null,
    detail: '#1 has 1 independent approval (bob), 1 required.',
    pullRequest: 1,
    commit: null,
    ...overrides
  }
}

export function aFailure(overrides: Partial<RuleResult> = {}): RuleResult {
  return aResult({
    status: 'fail',
    code: 'insufficient-approvals',
    detail: '#1 has 0 independent approvals, 1 required.',
    ...overrides
  })
}

export function aVerdict(overrides: Partial<PullRequestVerdict> = {}): PullRequestVerdict {
  return {
    number: 1,
    approvals: [{ login: 'bob', submittedAt: at(10), commitSha: sha('commit') }],
    ticket: {
      key: 'PAY-1',
      url: 'https://jira.example.test/browse/PAY-1',
      status: 'Approved',
      approvedAt: '2024-06-02T09:00:00.000+0000'
    },
    ...overrides
  }
}

export function aDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    decision: 'allow',
    range: 'incremental',
    reasons: [],
    warnings: [],
    results: [aResult(), aResult({ rule: 'ci', detail: 'CI on the head of #1 succeeded before the merge.' })],
    pullRequests: [aVerdict()],
    emergency: null,
    ...overrides
  }
}
