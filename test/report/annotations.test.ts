import * as core from '@actions/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { annotationsFor, emitAnnotations, type Annotation } from '../../src/report/annotations.js'
import { aPullRequest, changeSet, sha } from '../support/builders.js'
import { aDecision, aFailure, aResult } from './decisions.js'

const DEPLOYED = sha('deployed')
const facts = changeSet([
  aPullRequest({ number: 12, headSha: sha('head of 12') }),
  aPullRequest({ number: 13 })
])

afterEach(() => {
  vi.restoreAllMocks()
})

describe('annotationsFor', () => {
  const blocked = aDecision({
    decision: 'block',
    reasons: ['insufficient-approvals', 'ci-failed', 'no-pull-request'],
    results: [
      aResult({ pullRequest: 12 }),
      aFailure({ pullRequest: 12, detail: '#12 has 0 independent approvals,\n1 required.' }),
      aFailure({
        rule: 'ci',
        code: 'ci-failed',
        pullRequest: 13,
        commit: sha('c13'),
        detail: 'build failed.'
      }),
      aFailure({
        rule: 'merged-pull-request',
        code: 'no-pull-request',
        pullRequest: null,
        commit: sha('direct')
      }),
      aFailure({
        rule: 'ci',
        code: 'ci-pending',
        pullRequest: null,
        commit: null,
        detail: 'CI still running.'
      }),
      aResult({
        status: 'warn',
        code: 'rubber-stamp-suspected',
        pullRequest: 13,
        detail: 'approved 5 s after the push'
      })
    ]
  })

  it('writes one error per failing rule naming the pull request, the commit and the rule', () => {
    const annotations = annotationsFor(blocked, { sha: DEPLOYED, mode: 'enforce', facts })
    expect(annotations).toEqual<Annotation[]>([
      {
        level: 'error',
        title: 'deploy-gate: insufficient-approvals (rule independent-approvals)',
        message: `Rule independent-approvals failed for pull request #12, commit ${sha('head of 12')}: #12 has 0 independent approvals, 1 required.`
      },
      {
        level: 'error',
        title: 'deploy-gate: ci-failed (rule ci)',
        message: `Rule ci failed for pull request #13, commit ${sha('c13')}: build failed.`
      },
      {
        level: 'error',
        title: 'deploy-gate: no-pull-request (rule merged-pull-request)',
        message: `Rule merged-pull-request failed for commit ${sha('direct')} (no pull request): #1 has 0 independent approvals, 1 required.`
      },
      {
        level: 'error',
        title: 'deploy-gate: ci-pending (rule ci)',
        message: `Rule ci failed for the deployed commit ${DEPLOYED}: CI still running.`
      },
      {
        level: 'warning',
        title: 'deploy-gate: rubber-stamp-suspected (rule independent-approvals)',
        message: `Rule independent-approvals warns for pull request #13, commit ${sha('commit')}: approved 5 s after the push`
      }
    ])
    expect(annotations.filter(a => a.level === 'error')).toHaveLength(
      blocked.results.filter(r => r.status === 'fail').length
    )
  })

  it('names a pull request without facts by number only', () => {
    const [first] = annotationsFor(blocked, { sha: DEPLOYED, mode: 'enforce', facts: null })
    expect(first?.message).toBe(
      'Rule independent-approvals failed for pull request #12: #12 has 0 independent approvals, 1 required.'
    )
  })

  it('writes nothing for a clean allow', () => {
    expect(annotationsFor(aDecision(), { sha: DEPLOYED, mode: 'enforce', facts })).toEqual([])
  })

  it('downgrades failures to warnings in report mode and under an emergency override', () => {
    const report = annotationsFor(blocked, { sha: DEPLOYED, mode: 'report', facts })
    expect(report.map(a => a.level)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning'])
    expect(report[0]?.title).toBe(
      'deploy-gate: insufficient-approvals (rule independent-approvals) (report mode)'
    )

    const emergency = annotationsFor(
      {
        ...blocked,
        decision: 'allow',
        emergency: { actor: 'alice', justification: 'x', bypassed: blocked.reasons }
      },
      { sha: DEPLOYED, mode: 'enforce', facts }
    )
    expect(emergency.map(a => a.level)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning'])
    expect(emergency[1]?.title).toBe('deploy-gate: ci-failed (rule ci) (bypassed by the emergency override)')
  })
})

describe('emitAnnotations', () => {
  it('hands each annotation to the sink at its level', () => {
    const calls: string[] = []
    emitAnnotations(
      [
        { level: 'error', title: 'T1', message: 'M1' },
        { level: 'warning', title: 'T2', message: 'M2' }
      ],
      {
        error: (message, props) => calls.push(`error ${props?.title} ${message}`),
        warning: (message, props) => calls.push(`warning ${props?.title} ${message}`)
      }
    )
    expect(calls).toEqual(['error T1 M1', 'warning T2 M2'])
  })

  it('writes workflow commands through @actions/core, one line each', () => {
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    const decision = aDecision({
      decision: 'block',
      results: [aFailure({ pullRequest: 12, detail: 'line one\nline two: 100%' })]
    })
    emitAnnotations(annotationsFor(decision, { sha: DEPLOYED, mode: 'enforce', facts }), core)
    expect(lines.join('').trim().split('\n')).toEqual([
      `::error title=deploy-gate%3A insufficient-approvals (rule independent-approvals)::Rule independent-approvals failed for pull request #12, commit ${sha('head of 12')}: line one line two: 100%25`
    ])
  })
})
