import { describe, expect, it } from 'vitest'
import { checkDeployedCi, checkPullRequestCi, evaluateCi } from '../../src/gate/checks.js'
import type { CheckFacts } from '../../src/gate/facts.js'
import { aCheck, aPullRequest, at, sha } from '../support/builders.js'

const MERGED = at(30)

interface Case {
  name: string
  checks: CheckFacts[]
  required?: string[]
  deadline?: string | null
  code: string | null
}

const cases: Case[] = [
  // Every present check decides (required-checks empty).
  { name: 'one successful check run', checks: [aCheck()], code: null },
  { name: 'no checks at all', checks: [], code: 'ci-missing' },
  {
    name: 'success, neutral and skipped all pass',
    checks: [
      aCheck(),
      aCheck({ name: 'lint', conclusion: 'neutral' }),
      aCheck({ name: 'e2e', conclusion: 'skipped' })
    ],
    code: null
  },
  {
    name: 'a successful commit status',
    checks: [aCheck({ kind: 'status', name: 'ci/jenkins' })],
    code: null
  },
  {
    name: 'one failure among successes',
    checks: [aCheck(), aCheck({ name: 'lint', conclusion: 'failure' })],
    code: 'ci-failed'
  },
  {
    name: 'a failing commit status',
    checks: [aCheck(), aCheck({ kind: 'status', name: 'ci/x', conclusion: 'error' })],
    code: 'ci-failed'
  },
  ...(['cancelled', 'timed_out', 'action_required', 'stale', 'startup_failure'] as const).map(conclusion => ({
    name: `conclusion ${conclusion} fails`,
    checks: [aCheck({ conclusion })],
    code: 'ci-failed'
  })),
  {
    name: 'a pending check',
    checks: [aCheck(), aCheck({ name: 'e2e', conclusion: 'pending', completedAt: null })],
    code: 'ci-pending'
  },
  {
    name: 'failed outranks pending',
    checks: [
      aCheck({ conclusion: 'pending', completedAt: null }),
      aCheck({ name: 'lint', conclusion: 'failure' })
    ],
    code: 'ci-failed'
  },
  // Named required checks decide; others are recorded only.
  { name: 'the required check succeeded', checks: [aCheck()], required: ['build'], code: null },
  {
    name: 'a failing check that is not required does not decide',
    checks: [aCheck(), aCheck({ name: 'lint', conclusion: 'failure' })],
    required: ['build'],
    code: null
  },
  {
    name: 'a required check is missing',
    checks: [aCheck({ name: 'lint' })],
    required: ['build'],
    code: 'ci-missing'
  },
  {
    name: 'required names match exactly',
    checks: [aCheck({ name: 'Build' })],
    required: ['build'],
    code: 'ci-missing'
  },
  {
    name: 'one of two required checks missing',
    checks: [aCheck()],
    required: ['build', 'test'],
    code: 'ci-missing'
  },
  {
    name: 'a required commit status',
    checks: [aCheck({ kind: 'status', name: 'ci/jenkins' })],
    required: ['ci/jenkins'],
    code: null
  },
  {
    name: 'a required check failed',
    checks: [aCheck({ conclusion: 'failure' })],
    required: ['build'],
    code: 'ci-failed'
  },
  {
    name: 'a required check skipped did not succeed',
    checks: [aCheck({ conclusion: 'skipped' })],
    required: ['build'],
    code: 'ci-failed'
  },
  {
    name: 'a required check neutral did not succeed',
    checks: [aCheck({ conclusion: 'neutral' })],
    required: ['build'],
    code: 'ci-failed'
  },
  {
    name: 'a required check pending',
    checks: [aCheck({ conclusion: 'pending', completedAt: null })],
    required: ['build'],
    code: 'ci-pending'
  },
  {
    name: 'a required name carried by a passing and a failing check: every one must succeed',
    checks: [aCheck(), aCheck({ kind: 'status', conclusion: 'failure' })],
    required: ['build'],
    code: 'ci-failed'
  },
  {
    name: 'missing outranks pending',
    checks: [aCheck({ conclusion: 'pending', completedAt: null })],
    required: ['build', 'test'],
    code: 'ci-missing'
  },
  // PR heads: finished successfully before the merge.
  {
    name: 'finished before the merge',
    checks: [aCheck({ completedAt: at(29) })],
    deadline: MERGED,
    code: null
  },
  {
    name: 'finished at the second of the merge',
    checks: [aCheck({ completedAt: MERGED })],
    deadline: MERGED,
    code: null
  },
  {
    name: 'finished after the merge',
    checks: [aCheck({ completedAt: at(31) })],
    deadline: MERGED,
    code: 'ci-pending'
  },
  {
    name: 'a success with an unknown finish time',
    checks: [aCheck({ completedAt: null })],
    deadline: MERGED,
    code: 'ci-pending'
  },
  {
    name: 'a required check finished after the merge',
    checks: [aCheck({ completedAt: at(31) }), aCheck({ name: 'lint', completedAt: at(35) })],
    required: ['build'],
    deadline: MERGED,
    code: 'ci-pending'
  },
  {
    name: 'a check not required finishing after the merge does not decide',
    checks: [aCheck(), aCheck({ name: 'lint', completedAt: at(35) })],
    required: ['build'],
    deadline: MERGED,
    code: null
  },
  {
    name: 'a failure after the merge is a failure',
    checks: [aCheck({ conclusion: 'failure', completedAt: at(35) })],
    deadline: MERGED,
    code: 'ci-failed'
  },
  {
    name: 'Jira-style offsets compare as times',
    checks: [aCheck({ completedAt: '2024-06-03T12:29:00.000+0200' })],
    deadline: MERGED,
    code: null
  }
]

describe('evaluateCi', () => {
  it.each(cases)('$name → $code', ({ checks, required = [], deadline = null, code }) => {
    expect(evaluateCi(checks, required, deadline).code).toBe(code)
  })

  it('lists every problem, not only the most serious', () => {
    const verdict = evaluateCi(
      [aCheck({ conclusion: 'failure' }), aCheck({ name: 'e2e', conclusion: 'pending', completedAt: null })],
      ['build', 'e2e', 'deploy-preview'],
      null
    )
    expect(verdict).toEqual({
      code: 'ci-failed',
      problems: ['build: failure', 'e2e: still pending', 'deploy-preview: missing']
    })
  })
})

describe('checkPullRequestCi', () => {
  it('passes a PR whose checks finished before the merge', () => {
    const r = checkPullRequestCi(aPullRequest({ number: 7 }), [])
    expect(r).toMatchObject({ rule: 'ci', status: 'pass', code: null, pullRequest: 7, commit: sha('commit') })
  })

  it('fails a PR merged before its checks finished, naming the PR, head and check', () => {
    const r = checkPullRequestCi(aPullRequest({ number: 7, checks: [aCheck({ completedAt: at(45) })] }), [])
    expect(r).toMatchObject({ rule: 'ci', status: 'fail', code: 'ci-pending', pullRequest: 7 })
    expect(r.detail).toContain('#7')
    expect(r.detail).toContain(sha('commit').slice(0, 7))
    expect(r.detail).toContain('build: finished at')
  })
})

describe('checkDeployedCi', () => {
  it('judges the deployed commit at gate time: a check that finished any time counts', () => {
    const r = checkDeployedCi(sha('deployed'), [aCheck({ completedAt: at(500) })], [])
    expect(r).toMatchObject({
      rule: 'deployed-ci',
      status: 'pass',
      pullRequest: null,
      commit: sha('deployed')
    })
  })

  it.each([
    { checks: [], code: 'ci-missing' },
    { checks: [aCheck({ conclusion: 'failure' })], code: 'ci-failed' },
    { checks: [aCheck({ conclusion: 'pending', completedAt: null })], code: 'ci-pending' }
  ])('fails with $code', ({ checks, code }) => {
    const r = checkDeployedCi(sha('deployed'), checks, [])
    expect(r).toMatchObject({ status: 'fail', code })
    expect(r.detail).toContain(sha('deployed').slice(0, 7))
  })
})
