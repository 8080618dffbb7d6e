import { afterEach, describe, expect, it } from 'vitest'
import type { ChangeSetFacts } from '../../src/gate/facts.js'
import { startGitHubAdapter, type GitHubAdapterUnderTest } from '../support/github-adapter.js'
import { scenario, type Scenario } from '../support/github-scenario.js'

let running: GitHubAdapterUnderTest | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

async function changeSet(
  s: Scenario,
  request: { base: string | null; sha: string; withClosingIssues?: boolean }
): Promise<ChangeSetFacts> {
  running = await startGitHubAdapter(s)
  return running.facts.fetchChangeSet({
    ...request,
    deployBranch: null,
    withClosingIssues: request.withClosingIssues ?? false
  })
}

const operations = () => running?.standIn.requests.map(r => r.operation ?? r.route)

describe('request budget', () => {
  it.each([1, 10, 50])(
    '%i pull requests (squash merged, with closing issues) take 3 requests',
    async count => {
      const s = scenario()
      const base = s.head()
      const numbers: number[] = []
      for (let i = 0; i < count; i++) {
        const issue = s.issue({ labels: ['approved'] })
        numbers.push(s.pullRequest({ author: i % 2 ? 'alice' : 'carol', closes: [issue] }).number)
      }
      const facts = await changeSet(s, { base, sha: s.head(), withClosingIssues: true })

      expect(facts.pullRequests.map(p => p.number).sort((a, b) => a - b)).toEqual(numbers)
      expect(facts.pullRequests.every(p => p.closingIssues.length === 1 && p.checks.length === 1)).toBe(true)
      expect(operations()).toEqual([
        'GET /repos/{owner}/{repo}/compare/{basehead}',
        'DgAssociatedPullRequests',
        'DgPullRequests'
      ])
    }
  )

  it('51 to 100 pull requests take one more details query', async () => {
    const s = scenario()
    const base = s.head()
    for (let i = 0; i < 60; i++) s.pullRequest({ author: 'alice' })
    const facts = await changeSet(s, { base, sha: s.head() })
    expect(facts.pullRequests).toHaveLength(60)
    expect(operations()).toEqual([
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      'DgAssociatedPullRequests',
      'DgPullRequests',
      'DgPullRequests'
    ])
  })
})

describe('pagination', () => {
  it('a change set beyond 100 commits: the comparison and the pull request lookup are paged', async () => {
    const s = scenario()
    const base = s.head()
    const pushed: string[] = []
    for (let i = 0; i < 230; i++) pushed.push(s.commit({ author: 'mallory' }))
    const pr = s.pullRequest({ author: 'alice' })
    const facts = await changeSet(s, { base, sha: s.head() })

    expect(facts.commits.map(c => c.sha)).toEqual([pr.mergeSha, ...pushed.reverse()])
    expect(facts.commits[0]?.pullRequests).toEqual([pr.number])
    expect(facts.commits.slice(1).every(c => c.pullRequests.length === 0)).toBe(true)
    expect(operations()).toEqual([
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      'DgAssociatedPullRequests',
      'DgAssociatedPullRequests',
      'DgAssociatedPullRequests',
      'DgPullRequests'
    ])
  })

  it('a pull request with more than 100 commits and 100 reviews: follow-up pages, fetched together', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice', commits: 130 })
    for (let i = 0; i < 120; i++) s.review(pr, `reviewer${i}`, i % 3 === 0 ? 'APPROVED' : 'COMMENTED')
    const sha = s.merge(pr)
    const facts = await changeSet(s, { base: null, sha })

    const prFacts = facts.pullRequests[0]
    expect(prFacts?.commits.map(c => c.sha)).toEqual(s.pull(pr).commits)
    expect(prFacts?.reviews.map(r => r.author.login)).toEqual(s.pull(pr).reviews.map(r => r.author))
    expect(prFacts?.reviews).toHaveLength(120)
    expect(operations()).toEqual(['DgAssociatedPullRequests', 'DgPullRequests', 'DgPages'])
  })

  it('a commit with more co-authors than the first page, and a head with more than 100 checks', async () => {
    const s = scenario()
    const coAuthors = Array.from({ length: 14 }, (_, i) => `pair${i}`)
    const checks = Array.from({ length: 105 }, (_, i) => `check-${i}`)
    const pr = s.pullRequest({ author: 'alice', commits: [{ message: 'mob session', coAuthors }], checks })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })

    expect(facts.pullRequests[0]?.commits[0]?.participants.sort()).toEqual(['alice', ...coAuthors].sort())
    expect(facts.pullRequests[0]?.checks.map(c => c.name)).toEqual(checks)
    expect(facts.deployedChecks).toHaveLength(105)
    // The deployed commit's checks page comes with the first round; the head's and the authors' together.
    expect(operations()).toEqual(['DgAssociatedPullRequests', 'DgPages', 'DgPullRequests', 'DgPages'])
  })

  it('an issue with more than 100 label events and 50 labels: the history is complete', async () => {
    const s = scenario()
    const issue = s.issue({ labels: Array.from({ length: 55 }, (_, i) => `area-${i}`) })
    for (let i = 0; i < 30; i++) {
      s.label(issue, 'approved')
      s.unlabel(issue, 'approved')
    }
    s.label(issue, 'approved')
    const pr = s.pullRequest({ author: 'alice', closes: [issue] })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string, withClosingIssues: true })

    const ticket = facts.pullRequests[0]?.closingIssues[0]
    expect(ticket?.statuses).toHaveLength(56)
    expect(ticket?.history).toHaveLength(55 + 61)
    expect(ticket?.history[0]).toEqual({ at: expect.any(String), from: [], to: ['area-0'] })
    expect(ticket?.history.at(-1)?.to).toContain('approved')
    expect(ticket?.history.at(-2)?.to).not.toContain('approved')
    // Each entry's `to` is the next entry's `from`.
    ticket?.history.slice(1).forEach((entry, i) => expect(entry.from).toEqual(ticket.history[i]?.to))
    expect(operations()).toEqual(['DgAssociatedPullRequests', 'DgPullRequests', 'DgPages'])
  })
})
