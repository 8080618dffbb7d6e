import { describe, expect, it } from 'vitest'
import type { CommitFacts } from '../../src/gate/facts.js'
import {
  checkCommitsCarriedByPullRequests,
  pullRequestsIntoDeployBranch
} from '../../src/gate/pull-requests.js'
import { aPullRequest, changeSet, sha } from '../support/builders.js'

describe('checkCommitsCarriedByPullRequests', () => {
  const intoMain = aPullRequest({ number: 1 })
  const intoDevelop = aPullRequest({ number: 2, baseRefName: 'develop' })
  const commit = (pullRequests: number[]): CommitFacts[] => [{ sha: sha('c'), pullRequests }]

  it.each([
    { name: 'carried by a PR into the deploy branch', commits: commit([1]), status: 'pass', code: null },
    { name: 'carried by two PRs', commits: commit([2, 1]), status: 'pass', code: null },
    { name: 'a direct push', commits: commit([]), status: 'fail', code: 'no-pull-request' },
    { name: 'only a PR into another branch', commits: commit([2]), status: 'fail', code: 'no-pull-request' },
    {
      name: 'a PR GitHub named but did not describe',
      commits: commit([9]),
      status: 'fail',
      code: 'upstream-error'
    }
  ])('$name → $code', ({ commits, status, code }) => {
    const [result, ...rest] = checkCommitsCarriedByPullRequests(
      changeSet([intoMain, intoDevelop], { commits })
    )
    expect(rest).toEqual([])
    expect(result).toMatchObject({ rule: 'pull-request', status, code, commit: sha('c') })
    expect(result?.detail).toContain(sha('c').slice(0, 7))
  })

  it('judges every commit of the change set', () => {
    const facts = changeSet([intoMain], {
      commits: [
        { sha: sha('newest'), pullRequests: [1] },
        { sha: sha('pushed'), pullRequests: [] },
        { sha: sha('oldest'), pullRequests: [1] }
      ]
    })
    expect(checkCommitsCarriedByPullRequests(facts).map(r => [r.commit, r.code, r.pullRequest])).toEqual([
      [sha('newest'), null, 1],
      [sha('pushed'), 'no-pull-request', null],
      [sha('oldest'), null, 1]
    ])
  })
})

describe('pullRequestsIntoDeployBranch', () => {
  it('keeps only pull requests merged into the deploy branch', () => {
    const facts = changeSet([
      aPullRequest({ number: 1 }),
      aPullRequest({ number: 2, baseRefName: 'develop' })
    ])
    expect(pullRequestsIntoDeployBranch(facts).map(pr => pr.number)).toEqual([1])
  })
})

describe('pullRequestsIntoDeployBranch, duplicates', () => {
  it('evaluates a pull request listed twice once', () => {
    const facts = changeSet([aPullRequest({ number: 1 }), aPullRequest({ number: 1 })])
    expect(pullRequestsIntoDeployBranch(facts)).toHaveLength(1)
  })
})
