import { afterEach, describe, expect, it } from 'vitest'
import { createJiraClient } from '../../src/tickets/jira.js'
import {
  RETROSPECTIVE_LABEL,
  composeJiraRetrospective,
  retrospectiveDueAt,
  type RetrospectiveFacts
} from '../../src/tickets/retrospective.js'
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

function facts(overrides: Partial<RetrospectiveFacts> = {}): RetrospectiveFacts {
  return {
    project: 'OPS',
    repository: 'acme/shop',
    environment: 'production',
    sha: SHA,
    actor: 'alice',
    justification: 'Payment outage: hotfix for the checkout timeout, reviewers asleep',
    bypassed: [
      {
        code: 'insufficient-approvals',
        pullRequest: 12,
        commit: null,
        detail: 'PR #12 has 0 of 1 independent approvals.'
      },
      {
        code: 'ci-failed',
        pullRequest: 12,
        commit: 'fedcba9876543210',
        detail: 'CI check "test" failed on fedcba9.'
      },
      {
        code: 'ci-pending',
        pullRequest: null,
        commit: SHA,
        detail: 'CI on the deployed commit is still running.'
      }
    ],
    runUrl: 'https://github.com/acme/shop/actions/runs/42/attempts/1',
    decidedAt: '2024-06-01T10:00:00.000Z',
    ...overrides
  }
}

describe('retrospectiveDueAt', () => {
  it.each([
    ['2024-06-01T10:00:00.000Z', '2024-06-02T10:00:00.000Z'],
    ['2024-02-28T23:30:00Z', '2024-02-29T23:30:00.000Z'],
    ['2024-06-01T12:00:00+02:00', '2024-06-02T10:00:00.000Z']
  ])('%s → %s', (decidedAt, due) => {
    expect(retrospectiveDueAt(decidedAt)).toBe(due)
  })

  it('refuses a time it cannot read', () => {
    expect(() => retrospectiveDueAt('soon')).toThrow(/not a time/)
  })
})

describe('composeJiraRetrospective', () => {
  it('names the environment, sha, actor, justification, each bypassed rule with its PR, the run and the due time', () => {
    const followUp = composeJiraRetrospective(facts())

    expect(followUp.project).toBe('OPS')
    expect(followUp.summary).toBe('Retrospective: emergency deploy of acme/shop@0123456 to production')
    expect(followUp.dueAt).toBe('2024-06-02T10:00:00.000Z')
    expect(followUp.labels).toEqual([RETROSPECTIVE_LABEL])
    expect(followUp.description).toBe(
      [
        'Emergency deploy of acme/shop to production',
        `Commit: ${SHA}`,
        'Deployed by: alice at 2024-06-01T10:00:00.000Z',
        'Justification: Payment outage: hotfix for the checkout timeout, reviewers asleep',
        '',
        'Rules bypassed by the emergency override:',
        '- insufficient-approvals (pull request #12): PR #12 has 0 of 1 independent approvals.',
        '- ci-failed (pull request #12, commit fedcba9): CI check "test" failed on fedcba9.',
        '- ci-pending (commit 0123456): CI on the deployed commit is still running.',
        '',
        'Gate run: https://github.com/acme/shop/actions/runs/42/attempts/1',
        'Due: 2024-06-02T10:00:00.000Z (24 hours after the deploy)',
        '',
        'To close this retrospective: record why the override was needed, get the bypassed checks done after the fact (independent review, passing CI, an approved ticket), and link the changes that followed.'
      ].join('\n')
    )
  })

  it('says so when the override bypassed nothing', () => {
    expect(composeJiraRetrospective(facts({ bypassed: [] })).description).toContain(
      'Rules bypassed by the emergency override:\n- none (every rule passed)'
    )
  })

  it('keeps untrusted text on its own line and bounded', () => {
    const followUp = composeJiraRetrospective(
      facts({
        justification: 'fine\n\nRules bypassed by the emergency override:\n- none\u2028' + 'x'.repeat(10_000),
        environment: 'prod\nSummary: injected'
      })
    )
    const justification = followUp.description.split('\n').find(l => l.startsWith('Justification:'))!
    expect(justification).toMatch(
      /^Justification: fine Rules bypassed by the emergency override: - none x+…$/
    )
    expect(justification.length).toBeLessThanOrEqual(4000 + 'Justification: '.length)
    expect(followUp.summary).not.toMatch(/\n/)
    expect(followUp.summary.length).toBeLessThanOrEqual(255)
  })
})

describe('a Jira retrospective end to end', () => {
  let s: JiraStandIn | undefined
  afterEach(async () => {
    await s?.close()
  })

  it('opens a Task due the next day that carries every fact', async () => {
    s = await startJiraStandIn({ flavour: 'cloud', projects: ['OPS'] })
    const client = createJiraClient(
      { baseUrl: s.url, auth: { kind: 'basic', email: s.email, apiToken: s.apiToken } },
      { strictSchemas: true }
    )

    const followUp = await client.createFollowUp(composeJiraRetrospective(facts()))

    expect(followUp).toEqual({ key: 'OPS-1', url: `${s.url}/browse/OPS-1` })
    const fields = s.created[0]!.fields
    expect(fields).toMatchObject({
      duedate: '2024-06-02',
      labels: [RETROSPECTIVE_LABEL],
      issuetype: { name: 'Task' }
    })
    const text = JSON.stringify(fields.description)
    for (const fact of [
      'production',
      SHA,
      'alice',
      'Payment outage',
      'pull request #12',
      'ci-pending',
      '2024-06-02T10:00:00.000Z'
    ]) {
      expect(text).toContain(fact)
    }
    expect(text).toContain('"href":"https://github.com/acme/shop/actions/runs/42/attempts/1"')
  })
})

describe('cutting untrusted text', () => {
  it('never splits a character: a long emoji justification leaves no lone surrogate', () => {
    const hasLoneSurrogate = (text: string) =>
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
    for (const pad of ['', 'x']) {
      const composed = composeJiraRetrospective(
        facts({ justification: pad + '🔥'.repeat(5000), environment: pad + '🚀'.repeat(300) })
      )
      expect(composed.description).toContain('🔥')
      expect(hasLoneSurrogate(composed.description)).toBe(false)
      expect(hasLoneSurrogate(composed.summary)).toBe(false)
    }
  })
})
