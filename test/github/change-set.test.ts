import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, UpstreamError } from '../../src/errors.js'
import type { ChangeSetFacts, PullRequestFacts } from '../../src/gate/facts.js'
import { startGitHubAdapter, type GitHubAdapterUnderTest } from '../support/github-adapter.js'
import { scenario, type Scenario } from '../support/github-scenario.js'

let running: GitHubAdapterUnderTest | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

async function adapter(s: Scenario): Promise<GitHubAdapterUnderTest> {
  running = await startGitHubAdapter(s)
  return running
}

async function changeSet(
  s: Scenario,
  request: { base: string | null; sha: string; deployBranch?: string | null; withClosingIssues?: boolean }
): Promise<ChangeSetFacts> {
  const gh = await adapter(s)
  return gh.facts.fetchChangeSet({
    base: request.base,
    sha: request.sha,
    deployBranch: request.deployBranch ?? null,
    withClosingIssues: request.withClosingIssues ?? false
  })
}

function pull(facts: ChangeSetFacts, number: number): PullRequestFacts {
  const pr = facts.pullRequests.find(p => p.number === number)
  if (!pr) throw new Error(`pull request #${number} is not in the change set`)
  return pr
}

describe('fetchChangeSet: which pull requests carried each commit', () => {
  it('initial range: the squash-merged pull request that produced sha, with all its facts', async () => {
    const s = scenario()
    const pr = s.pullRequest({
      author: 'alice',
      title: 'PROJ-7 Add login',
      body: 'Closes nothing',
      approvals: ['bob']
    })
    const sha = pr.mergeSha as string
    const facts = await changeSet(s, { base: null, sha })

    expect(facts).toMatchObject({ repository: 'acme/app', deployBranch: 'main', sha })
    expect(facts.commits).toEqual([{ sha, pullRequests: [pr.number] }])
    const prFacts = pull(facts, pr.number)
    const merged = s.pull(pr.number)
    expect(prFacts).toMatchObject({
      number: pr.number,
      title: 'PROJ-7 Add login',
      body: 'Closes nothing',
      url: `https://github.com/acme/app/pull/${pr.number}`,
      author: { login: 'alice', isBot: false },
      headRefName: merged.headRefName,
      baseRefName: 'main',
      headSha: pr.headSha,
      mergedAt: merged.mergedAt,
      mergedBy: 'alice'
    })
    expect(prFacts.commits).toEqual([
      expect.objectContaining({
        sha: pr.headSha,
        participants: ['alice'],
        unresolvedParticipants: [],
        isBaseMerge: false
      })
    ])
    expect(prFacts.reviews).toEqual([
      {
        author: { login: 'bob', isBot: false },
        state: 'APPROVED',
        submittedAt: merged.reviews[0]?.submittedAt,
        commitSha: pr.headSha
      }
    ])
    expect(prFacts.checks).toEqual([
      expect.objectContaining({ name: 'ci', kind: 'check-run', conclusion: 'success' })
    ])
    expect(facts.deployedChecks).toEqual([expect.objectContaining({ name: 'ci', conclusion: 'success' })])
    // No compare for the initial range: one query for the pull requests, one for their details.
    expect(running?.standIn.requests.map(r => r.operation ?? r.route)).toEqual([
      'DgAssociatedPullRequests',
      'DgPullRequests'
    ])
  })

  it('a range of merge-commit merges: the merge commit and every commit of the pull request map to it', async () => {
    const s = scenario()
    const base = s.head()
    const pr = s.pullRequest({ author: 'alice', commits: 3, merge: 'merge', mergedBy: 'bob' })
    const facts = await changeSet(s, { base, sha: pr.mergeSha as string })

    expect(facts.commits).toEqual(
      [pr.mergeSha, ...[...pr.commits].reverse()].map(sha => ({ sha, pullRequests: [pr.number] }))
    )
    expect(pull(facts, pr.number).mergedBy).toBe('bob')
    expect(pull(facts, pr.number).commits.map(c => c.sha)).toEqual(pr.commits)
  })

  it('a rebase merge: the rebased copies on the branch map to the pull request', async () => {
    const s = scenario()
    const base = s.head()
    const pr = s.pullRequest({ author: 'alice', commits: 2, merge: 'rebase' })
    const facts = await changeSet(s, { base, sha: pr.mergeSha as string })

    expect(facts.commits).toHaveLength(2)
    expect(facts.commits.every(c => c.pullRequests.length === 1 && c.pullRequests[0] === pr.number)).toBe(
      true
    )
    expect(facts.commits.map(c => c.sha)).not.toContain(pr.headSha)
  })

  it('a direct push has no pull request; the pull requests around it keep theirs, newest first', async () => {
    const s = scenario()
    const base = s.head()
    const first = s.pullRequest({ author: 'alice' })
    const direct = s.commit({ author: 'mallory', message: 'hotfix straight to main' })
    const second = s.pullRequest({ author: 'carol' })
    const facts = await changeSet(s, { base, sha: second.mergeSha as string })

    expect(facts.commits).toEqual([
      { sha: second.mergeSha, pullRequests: [second.number] },
      { sha: direct, pullRequests: [] },
      { sha: first.mergeSha, pullRequests: [first.number] }
    ])
    expect(facts.pullRequests.map(p => p.number)).toEqual([second.number, first.number])
  })

  it('a commit whose pull request was merged into another branch is not credited to it', async () => {
    const s = scenario()
    const base = s.head()
    s.branch('develop')
    const pr = s.pullRequest({ author: 'alice', base: 'develop', merge: 'merge', commits: 2 })
    // develop reaches main without a pull request into main
    const merge = s.commit({
      parents: [s.head(), s.head('develop')],
      branch: 'main',
      author: 'mallory',
      message: 'Merge develop'
    })
    const facts = await changeSet(s, { base, sha: merge })

    expect(facts.commits.map(c => c.sha).sort()).toEqual([merge, pr.mergeSha, ...pr.commits].sort())
    expect(facts.commits.every(c => c.pullRequests.length === 0)).toBe(true)
    expect(facts.pullRequests).toEqual([])
  })

  it('a non-default deploy branch: pull requests into it count, resolved without the default branch', async () => {
    const s = scenario()
    const start = s.branch('release')
    const intoRelease = s.pullRequest({ author: 'alice', base: 'release' })
    s.pullRequest({ author: 'carol' }) // into main: not part of release
    const facts = await changeSet(s, {
      base: start,
      sha: intoRelease.mergeSha as string,
      deployBranch: 'release'
    })

    expect(facts.deployBranch).toBe('release')
    expect(facts.commits).toEqual([{ sha: intoRelease.mergeSha, pullRequests: [intoRelease.number] }])
  })

  it('an open pull request containing a commit is not credited with it', async () => {
    const s = scenario()
    s.branch('release')
    const pr = s.openPullRequest({ author: 'alice', base: 'release' })
    const head = s.pull(pr).headRefOid
    // the commit reaches release directly while its pull request is still open
    s.data.branches.release = head
    const facts = await changeSet(s, { base: null, sha: head, deployBranch: 'release' })
    expect(facts.commits).toEqual([{ sha: head, pullRequests: [] }])
  })

  it('an empty range (sha already deployed) still reads the deployed commit’s checks', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice' })
    const sha = pr.mergeSha as string
    const facts = await changeSet(s, { base: sha, sha })
    expect(facts.commits).toEqual([])
    expect(facts.pullRequests).toEqual([])
    expect(facts.deployedChecks.map(c => c.name)).toEqual(['ci'])
    // No compare of the commit with itself: its answer is known to be empty.
    expect(running?.standIn.requests.map(r => r.operation ?? r.route)).toEqual(['DgAssociatedPullRequests'])
  })
})

describe('fetchChangeSet: pull request facts', () => {
  it('co-authors resolved by GitHub are participants; unresolved identities are kept as name <email>', async () => {
    const s = scenario()
    const pr = s.pullRequest({
      author: 'alice',
      commits: [
        { message: 'pairing', coAuthors: ['carol', { name: 'Zed Outside', email: 'zed@example.com' }] },
        { message: 'applied by dave', committer: 'dave' }
      ]
    })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })
    const [paired, applied] = pull(facts, pr.number).commits
    expect(paired).toMatchObject({
      participants: ['alice', 'carol'],
      unresolvedParticipants: ['Zed Outside <zed@example.com>']
    })
    expect(paired?.message).toContain('Co-authored-by: carol')
    expect(applied).toMatchObject({ participants: ['alice', 'dave'], unresolvedParticipants: [] })
  })

  it('bots: a bot author and a bot reviewer are marked, with their [bot] login', async () => {
    const s = scenario()
    const pr = s.pullRequest({
      author: 'dependabot[bot]',
      approvals: ['renovate[bot]', 'bob'],
      mergedBy: 'bob'
    })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })
    const prFacts = pull(facts, pr.number)
    expect(prFacts.author).toEqual({ login: 'dependabot[bot]', isBot: true })
    expect(prFacts.reviews.map(r => r.author)).toEqual([
      { login: 'renovate[bot]', isBot: true },
      { login: 'bob', isBot: false }
    ])
    // A bot is not a User: GitHub does not resolve its commits to an account.
    expect(prFacts.commits[0]?.participants).toEqual([])
    expect(prFacts.commits[0]?.unresolvedParticipants).toEqual([
      expect.stringMatching(/^dependabot <.*dependabot\[bot\]@users\.noreply\.github\.com>$/)
    ])
  })

  it('a stale approval followed by a base merge: the merge is marked, the approval keeps its commit', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    const approved = s.pull(pr).headRefOid
    s.approve(pr, 'bob')
    s.pullRequest({ author: 'erin' }) // main moves on
    const baseMerge = s.mergeBaseIntoPullRequest(pr)
    s.checkRun(baseMerge, 'ci')
    const sha = s.merge(pr, { by: 'bob' })
    const facts = await changeSet(s, { base: null, sha })

    const prFacts = pull(facts, pr)
    expect(prFacts.headSha).toBe(baseMerge)
    expect(prFacts.reviews.map(r => r.commitSha)).toEqual([approved])
    expect(prFacts.commits.map(c => [c.sha, c.isBaseMerge])).toEqual([
      [approved, false],
      [baseMerge, true]
    ])
    expect(prFacts.commits[1]?.parents).toEqual([approved, expect.any(String)])
    expect(running?.standIn.requests.map(r => r.operation)).toEqual([
      'DgAssociatedPullRequests',
      'DgPullRequests',
      'DgBranchContains'
    ])
  })

  it('a merge of another feature branch into the pull request is not a base merge', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.branch('feature/other')
    s.commit({ branch: 'feature/other', author: 'mallory', message: 'unreviewed elsewhere' })
    const merge = s.mergeIntoPullRequest(pr, 'feature/other')
    const sha = s.merge(pr)
    const facts = await changeSet(s, { base: null, sha })
    expect(pull(facts, pr).commits.find(c => c.sha === merge)?.isBaseMerge).toBe(false)
  })

  it('check runs and commit statuses on the head and on the deployed commit', async () => {
    const s = scenario()
    const pr = s.pullRequest({
      author: 'alice',
      checks: [
        { name: 'build', conclusion: 'failure' },
        { name: 'lint', status: 'in_progress' },
        { name: 'queued-job', status: 'queued' },
        { name: 'docs', conclusion: 'skipped' },
        'test'
      ],
      statuses: [
        { context: 'ci/jenkins', state: 'success' },
        { context: 'deploy/preview', state: 'pending' }
      ],
      baseChecks: [{ name: 'build', conclusion: 'timed_out' }]
    })
    s.checkRun(pr.headSha, { name: 'test', conclusion: 'failure' }) // a re-run: the latest counts
    s.commitStatus(pr.mergeSha as string, { context: 'security/scan', state: 'error' })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })

    const checks = pull(facts, pr.number).checks
    const by = (name: string) => checks.find(c => c.name === name)
    expect(checks).toHaveLength(7)
    expect(by('build')).toEqual({
      name: 'build',
      kind: 'check-run',
      conclusion: 'failure',
      completedAt: expect.any(String)
    })
    expect(by('lint')).toEqual({ name: 'lint', kind: 'check-run', conclusion: 'pending', completedAt: null })
    expect(by('queued-job')?.conclusion).toBe('pending')
    expect(by('docs')?.conclusion).toBe('skipped')
    expect(by('test')?.conclusion).toBe('failure')
    expect(by('ci/jenkins')).toEqual({
      name: 'ci/jenkins',
      kind: 'status',
      conclusion: 'success',
      completedAt: expect.any(String)
    })
    expect(by('deploy/preview')).toEqual({
      name: 'deploy/preview',
      kind: 'status',
      conclusion: 'pending',
      completedAt: null
    })
    expect(facts.deployedChecks).toEqual([
      expect.objectContaining({ name: 'build', kind: 'check-run', conclusion: 'timed_out' }),
      expect.objectContaining({ name: 'security/scan', kind: 'status', conclusion: 'error' })
    ])
  })

  it('no checks at all is an empty list, not an error', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice', checks: [] })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })
    expect(pull(facts, pr.number).checks).toEqual([])
    expect(facts.deployedChecks).toEqual([])
  })

  it('lastPushedAt: the head commit’s time, or a later force push', async () => {
    const s = scenario()
    const plain = s.pullRequest({ author: 'alice' })
    const pr = s.openPullRequest({ author: 'carol' })
    s.tick(3600)
    s.forcePushPullRequest(pr, { at: '2024-06-03T15:00:00Z' })
    s.approve(pr, 'bob')
    const sha = s.merge(pr)
    const facts = await changeSet(s, {
      base: s.data.commits[plain.mergeSha as string]?.parents[0] as string,
      sha
    })

    expect(pull(facts, plain.number).lastPushedAt).toBe(s.data.commits[plain.headSha]?.committer.date)
    expect(pull(facts, pr).lastPushedAt).toBe('2024-06-03T15:00:00.000Z')
  })

  it('untrusted text passes through verbatim, as data', async () => {
    const s = scenario()
    const hostile = '<img src=x onerror=alert(1)> | **bold** `code` ${{ secrets.TOKEN }}\n\n@everyone'
    const pr = s.pullRequest({
      author: 'alice',
      title: hostile,
      body: hostile,
      branch: 'feature/"; rm -rf / #',
      commits: [{ message: hostile }]
    })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })
    const prFacts = pull(facts, pr.number)
    expect(prFacts.title).toBe(hostile)
    expect(prFacts.body).toBe(hostile)
    expect(prFacts.headRefName).toBe('feature/"; rm -rf / #')
    expect(prFacts.commits[0]?.message).toBe(hostile)
  })

  it('a deleted account shows as ghost', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice', approvals: ['bob'] })
    delete s.data.accounts.alice
    delete s.data.accounts.bob
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })
    expect(pull(facts, pr.number).author).toEqual({ login: 'ghost', isBot: false })
    expect(pull(facts, pr.number).reviews[0]?.author).toEqual({ login: 'ghost', isBot: false })
  })

  it('review states, including changes requested and dismissed, in order', async () => {
    const s = scenario()
    const pr = s.pullRequest({
      author: 'alice',
      approvals: [],
      reviews: [
        { by: 'bob', state: 'CHANGES_REQUESTED' },
        { by: 'carol', state: 'COMMENTED' },
        { by: 'dave', state: 'DISMISSED' },
        { by: 'bob', state: 'APPROVED' }
      ]
    })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string })
    expect(pull(facts, pr.number).reviews.map(r => [r.author.login, r.state])).toEqual([
      ['bob', 'CHANGES_REQUESTED'],
      ['carol', 'COMMENTED'],
      ['dave', 'DISMISSED'],
      ['bob', 'APPROVED']
    ])
  })
})

describe('fetchChangeSet: closing issues as tickets', () => {
  it('labels are the statuses; the history is rebuilt from label events, oldest first', async () => {
    const s = scenario()
    const issue = s.issue({ title: 'Ship the login page', labels: ['triage'] })
    s.label(issue, 'approved', { at: '2024-06-03T10:00:00Z' })
    s.unlabel(issue, 'triage', { at: '2024-06-03T10:05:00Z' })
    s.unlabel(issue, 'approved', { at: '2024-06-03T10:10:00Z' })
    s.label(issue, 'approved', { at: '2024-06-03T10:20:00Z' })
    const other = s.issue({ repository: 'acme/tickets', labels: ['approved'] })
    const pr = s.pullRequest({ author: 'alice', closes: [issue, `acme/tickets#${other}`] })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string, withClosingIssues: true })

    const [local, remote] = pull(facts, pr.number).closingIssues
    const created = s.data.issues.find(i => i.number === issue)?.createdAt
    expect(local).toEqual({
      key: `#${issue}`,
      url: `https://github.com/acme/app/issues/${issue}`,
      statuses: ['approved'],
      createdAt: created,
      history: [
        { at: expect.any(String), from: [], to: ['triage'] },
        { at: '2024-06-03T10:00:00.000Z', from: ['triage'], to: ['approved', 'triage'] },
        { at: '2024-06-03T10:05:00.000Z', from: ['approved', 'triage'], to: ['approved'] },
        { at: '2024-06-03T10:10:00.000Z', from: ['approved'], to: [] },
        { at: '2024-06-03T10:20:00.000Z', from: [], to: ['approved'] }
      ]
    })
    expect(remote).toMatchObject({
      key: `acme/tickets#${other}`,
      url: `https://github.com/acme/tickets/issues/${other}`,
      statuses: ['approved']
    })
  })

  it('without closing issues requested, none are read (issues permission not needed)', async () => {
    const s = scenario()
    const issue = s.issue({ labels: ['approved'] })
    const pr = s.pullRequest({ author: 'alice', closes: [issue] })
    s.permissions({ issues: 'none' })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string, withClosingIssues: false })
    expect(pull(facts, pr.number).closingIssues).toEqual([])

    const failing = running?.facts.fetchChangeSet({
      base: null,
      sha: pr.mergeSha as string,
      deployBranch: null,
      withClosingIssues: true
    })
    await expect(failing).rejects.toThrow(/lacks a permission .*issues: read/)
  })

  it('a pull request that closes nothing has no tickets', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice' })
    const facts = await changeSet(s, { base: null, sha: pr.mergeSha as string, withClosingIssues: true })
    expect(pull(facts, pr.number).closingIssues).toEqual([])
  })
})

describe('fetchChangeSet: what it cannot establish', () => {
  it('an unknown deployed commit is an upstream error naming GitHub', async () => {
    const s = scenario()
    const error = await changeSet(s, { base: null, sha: 'f'.repeat(40) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect(error).toMatchObject({ service: 'GitHub', status: 404 })
    expect((error as Error).message).toContain('f'.repeat(40))
  })

  it('an unknown base commit is an upstream error from the comparison', async () => {
    const s = scenario()
    const error = await changeSet(s, { base: 'e'.repeat(40), sha: s.head() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect(error).toMatchObject({ service: 'GitHub', status: 404 })
    expect((error as Error).message).toMatch(/GitHub answered HTTP 404 to the comparison/)
  })

  it('a SHA that is not a full commit SHA is refused before any request', async () => {
    const s = scenario()
    const gh = await adapter(s)
    await expect(
      gh.facts.fetchChangeSet({ base: null, sha: 'main', deployBranch: null, withClosingIssues: false })
    ).rejects.toThrow(ConfigError)
    await expect(
      gh.facts.fetchChangeSet({ base: 'HEAD~1', sha: s.head(), deployBranch: null, withClosingIssues: false })
    ).rejects.toThrow(/Invalid base commit 'HEAD~1'/)
    expect(gh.standIn.count()).toBe(0)
  })

  it('a malformed answer (a field missing) fails closed with an upstream error', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice' })
    const gh = await adapter(s)
    gh.standIn.failNext(1, {
      status: 200,
      route: 'POST /graphql',
      body: { data: { repository: { defaultBranchRef: null } } }
    })
    const error = await gh.facts
      .fetchChangeSet({
        base: null,
        sha: pr.mergeSha as string,
        deployBranch: null,
        withClosingIssues: false
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect((error as Error).message).toMatch(/GitHub .*malformed|does not know commit/)
  })

  it('a pull request listed without its merge time fails closed', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice' })
    const gh = await adapter(s)
    ;(s.pull(pr.number) as { mergedAt: string | null }).mergedAt = null
    await expect(
      gh.facts.fetchChangeSet({
        base: null,
        sha: pr.mergeSha as string,
        deployBranch: null,
        withClosingIssues: false
      })
    ).rejects.toThrow(/no merge time/)
  })
})
