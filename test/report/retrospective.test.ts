import { describe, expect, it } from 'vitest'
import { MAX_ISSUE_BODY, composeGitHubRetrospective } from '../../src/report/retrospective.js'
import type { RetrospectiveFacts } from '../../src/tickets/retrospective.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

function facts(overrides: Partial<RetrospectiveFacts> = {}): RetrospectiveFacts {
  return {
    project: '',
    repository: 'acme/deploy-gate_app',
    environment: 'prod-eu_1',
    sha: SHA,
    actor: 'on-call_lead',
    justification: 'Payment outage: hotfix for the checkout timeout, reviewers asleep',
    bypassed: [
      { code: 'ci-failed', pullRequest: 12, commit: 'fedcba9876543210', detail: 'CI check "test" failed.' }
    ],
    runUrl: 'https://github.com/acme/deploy-gate_app/actions/runs/42/attempts/1',
    decidedAt: '2024-06-01T10:00:00.000Z',
    ...overrides
  }
}

/** Backtick code spans of a Markdown text (their content is shown literally: entities are not decoded). */
function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\n]+)`/g)].map(m => m[1]!)
}

describe('composeGitHubRetrospective', () => {
  it('puts escaped text only where Markdown decodes entities, never in a code span', () => {
    const { body } = composeGitHubRetrospective(facts())
    for (const span of codeSpans(body)) expect(span).not.toMatch(/&#?\w+;/)
    expect(body).toContain('<code>acme/deploy&#45;gate&#95;app</code>')
    expect(body).toContain(`<code>${SHA}</code>`)
    expect(body).toContain('<code>ci-failed</code> (#12, commit fedcba9)')
  })

  it('stays under GitHub’s body limit when hostile details expand under escaping', () => {
    const hostile = '<'.repeat(500)
    const bypassed = Array.from({ length: 400 }, (_, i) => ({
      code: 'insufficient-approvals' as const,
      pullRequest: i + 1,
      commit: null,
      detail: `${hostile} ${i}`
    }))
    const { body } = composeGitHubRetrospective(facts({ bypassed, justification: '|'.repeat(4000) }))
    expect(body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY)
    expect(body).toMatch(/^- … and \d+ more, listed in the run's evidence file$/m)
    expect(body).toContain('### To close this retrospective')
    expect(body).toContain('(#1): &lt;')
  })

  it('cuts a long title between characters, not inside a surrogate pair', () => {
    const { title } = composeGitHubRetrospective(facts({ environment: `x${'🚀'.repeat(300)}` }))
    expect(title.length).toBeLessThanOrEqual(500)
    expect([...title]).toHaveLength(250)
    expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  })
})
