/**
 * Decisions end to end, beyond one rule at a time: how merge styles, branch topologies, review histories,
 * check kinds, deploy branches, server layouts, outages and long ranges reach the decision, through the
 * bundled `dist/index.js` exactly as the runner starts it (SPEC §2–§4, §7).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { scenario, type Scenario } from '../support/github-scenario.js'
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in.js'
import { codes, stage, type Stage, type StageOptions } from '../support/stage.js'

let current: Stage | null = null
let jira: JiraStandIn | null = null
afterEach(async () => {
  await current?.close()
  await jira?.close()
  current = null
  jira = null
})

async function open(s: Scenario, options: StageOptions = {}): Promise<Stage> {
  await current?.close()
  current = await stage(s, options)
  return current
}

/**
 * A pull request from an existing branch (e.g. `develop`) into `into`, as GitHub lists it: its commits are
 * every commit of `from` not yet on `into`, oldest first. Returns its number.
 */
function branchPullRequest(s: Scenario, from: string, into: string, author: string): number {
  const onInto = new Set<string>()
  const walk = (sha: string, into: Set<string>) => {
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (into.has(next)) continue
      into.add(next)
      stack.push(...(s.data.commits[next]?.parents ?? []))
    }
  }
  walk(s.head(into), onInto)
  const commits: string[] = []
  const seen = new Set<string>()
  const visit = (sha: string) => {
    if (seen.has(sha) || onInto.has(sha)) return
    seen.add(sha)
    for (const parent of s.data.commits[sha]?.parents ?? []) visit(parent)
    commits.push(sha)
  }
  visit(s.head(from))
  const number = s.data.nextNumber++
  s.account(author)
  s.data.pullRequests.push({
    number,
    title: `Release ${from} into ${into}`,
    body: '',
    author,
    headRefName: from,
    baseRefName: into,
    headRefOid: s.head(from),
    baseRefOid: s.head(into),
    createdAt: s.tick(),
    commits,
    state: 'OPEN',
    mergedAt: null,
    mergedBy: null,
    mergeCommit: null,
    landed: [],
    reviews: [],
    forcePushes: [],
    closes: []
  })
  return number
}

describe('merge styles in an incremental range', () => {
  it('maps every commit of a merge-commit PR, its merge commit and every rebased copy to their PRs', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    expect((await st.run()).outputs.decision).toBe('allow')

    const merged = s.pullRequest({
      author: 'carol',
      commits: 3,
      merge: 'merge',
      mergedBy: 'dave',
      approvals: ['dave']
    })
    const rebased = s.pullRequest({ author: 'erin', commits: 2, merge: 'rebase', approvals: ['bob'] })
    const run = await st.run({ sha: s.head() })
    expect(codes(run, 'reasons')).toEqual([])
    expect(run.outputs.decision).toBe('allow')
    const record = st.records()[1]!
    expect(record.range).toBe('incremental')
    // 3 PR commits + the merge commit + 2 rebased copies, newest first.
    expect(record.commits).toHaveLength(6)
    expect(record.commits[0]).toBe(rebased.mergeSha)
    expect(record.commits).toContain(merged.mergeSha)
    for (const sha of merged.commits) expect(record.commits).toContain(sha)
    expect(record.changes.map(c => c.number).sort()).toEqual([merged.number, rebased.number].sort())
    expect(record.changes.find(c => c.number === rebased.number)?.headSha).toBe(rebased.headSha)
  })

  it('blocks a rebase-merged PR whose rebased commits were never approved on its head', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    await st.run()
    const pr = s.openPullRequest({ author: 'carol', commits: 2 })
    s.approve(pr, 'dave')
    s.pushToPullRequest(pr, { message: 'after the review' })
    s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
    s.merge(pr, { style: 'rebase', by: 'carol' })
    s.checkRun(s.head(), { name: 'ci' })
    const run = await st.run({ sha: s.head() })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['stale-approval'])
    expect(st.records()[1]?.commits).toHaveLength(3)
  })
})

describe('a pull request into another branch, that branch merged into the deploy branch', () => {
  function developScenario(releaseAuthor: string, releaseApprover: string) {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const deployed = s.head()
    s.branch('develop')
    const feature = s.pullRequest({ author: 'alice', base: 'develop', approvals: ['bob'], merge: 'merge' })
    const release = branchPullRequest(s, 'develop', 'main', releaseAuthor)
    s.checkRun(s.head('develop'), { name: 'ci' })
    s.approve(release, releaseApprover)
    s.merge(release, { style: 'merge', by: releaseAuthor })
    s.checkRun(s.head(), { name: 'ci' })
    return { s, deployed, feature, release }
  }

  it('the release PR into the deploy branch carries every commit; the PR into develop is not evaluated', async () => {
    const { s, deployed, feature, release } = developScenario('carol', 'dave')
    const st = await open(s)
    const run = await st.run({ 'since-sha': deployed })
    expect(codes(run, 'reasons')).toEqual([])
    expect(run.outputs.decision).toBe('allow')
    const record = st.records()[0]!
    expect(record.range).toBe('baseline')
    // The release merge, the develop merge commit and the feature's commit.
    expect(record.commits).toHaveLength(3)
    expect(record.commits).toContain(feature.mergeSha)
    expect(record.changes.map(c => c.number)).toEqual([release])
  })

  it('an approval of the release PR by an author of a commit it carries is a self-approval', async () => {
    const { s, deployed } = developScenario('carol', 'alice')
    const st = await open(s)
    const run = await st.run({ 'since-sha': deployed })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['self-approval'])
  })

  it('develop merged into main without a PR: every commit is a direct push', async () => {
    const s = scenario()
    const deployed = s.head()
    s.branch('develop')
    s.pullRequest({ author: 'alice', base: 'develop', approvals: ['bob'] })
    s.commit({
      parents: [s.head(), s.head('develop')],
      branch: 'main',
      author: 'mallory',
      message: 'Merge develop'
    })
    s.checkRun(s.head(), { name: 'ci' })
    const st = await open(s)
    const run = await st.run({ 'since-sha': deployed })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['no-pull-request'])
    expect(st.records()[0]?.changes).toEqual([])
  })
})

describe('review histories', () => {
  it('required-approvals 2 with one stale approval: only stale-approval fails', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.approve(pr, 'carol')
    s.pushToPullRequest(pr, { message: 'address review' })
    s.approve(pr, 'bob')
    s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
    s.merge(pr)
    s.checkRun(s.head(), { name: 'ci' })
    const st = await open(s)
    const run = await st.run({ 'required-approvals': 2 })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['stale-approval'])
    expect(st.records()[0]?.changes[0]?.approvals.map(a => a.login)).toEqual(['bob'])
    // With one approval required, bob's on the head is enough.
    const one = await (await open(s)).run({ 'required-approvals': 1 })
    expect(one.outputs.decision).toBe('allow')
  })

  it('allow-bot-approvals: a bot approval counts for a human PR, a bot PR still needs a human', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['review-bot[bot]'] })
    const off = await (await open(s)).run()
    expect(codes(off, 'reasons')).toEqual(['insufficient-approvals'])
    expect(codes(off, 'warnings')).toContain('bot-approval-ignored')
    const on = await (await open(s)).run({ 'allow-bot-approvals': true })
    expect(on.outputs.decision).toBe('allow')
    expect(codes(on, 'warnings')).not.toContain('bot-approval-ignored')
    expect(current?.records()[0]?.changes[0]?.approvals.map(a => a.login)).toEqual(['review-bot[bot]'])

    const t = scenario()
    t.pullRequest({ author: 'dependabot[bot]', approvals: ['review-bot[bot]'] })
    const botPr = await (await open(t)).run({ 'allow-bot-approvals': true })
    expect(botPr.outputs.decision).toBe('block')
    expect(codes(botPr, 'reasons')).toEqual(['insufficient-approvals'])
  })

  it('a dismissed approval does not count', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice', approvals: ['bob'] })
    s.pull(pr.number).reviews[0]!.state = 'DISMISSED'
    const run = await (await open(s)).run()
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['insufficient-approvals'])
  })

  it('a reviewer who requested changes and then approved is an approval, not an objection', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      approvals: [],
      reviews: [
        { by: 'dave', state: 'CHANGES_REQUESTED' },
        { by: 'dave', state: 'COMMENTED' },
        { by: 'dave', state: 'APPROVED' }
      ]
    })
    const run = await (await open(s)).run()
    expect(codes(run, 'reasons')).toEqual([])
    expect(run.outputs.decision).toBe('allow')
  })

  it('an approval followed by a base merge and a normal commit is stale', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.approve(pr, 'bob')
    s.commit({ author: 'erin', message: 'meanwhile on main' })
    s.mergeBaseIntoPullRequest(pr)
    s.pushToPullRequest(pr, { message: 'and one more change' })
    s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
    s.merge(pr)
    s.checkRun(s.head(), { name: 'ci' })
    const run = await (await open(s)).run()
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['stale-approval'])
  })
})

describe('CI', () => {
  it('blocks a PR whose CI finished only after the merge', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.approve(pr, 'bob')
    const head = s.pull(pr).headRefOid
    s.merge(pr)
    s.checkRun(head, { name: 'ci' })
    s.checkRun(s.head(), { name: 'ci' })
    const run = await (await open(s)).run()
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['ci-pending'])
    expect(run.errors.join('\n')).toMatch(/after the merge/)
  })

  it('required-checks satisfied by commit statuses, and a failing status blocks', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', checks: [], statuses: [{ context: 'ci/jenkins', state: 'success' }] })
    const ok = await (await open(s)).run({ 'required-checks': 'ci/jenkins' })
    expect(codes(ok, 'reasons')).toEqual([])
    expect(current?.records()[0]?.changes[0]?.checks).toEqual([
      expect.objectContaining({ name: 'ci/jenkins', conclusion: 'success' })
    ])
    const all = await (await open(s)).run()
    expect(all.outputs.decision).toBe('allow')

    const t = scenario()
    t.pullRequest({
      author: 'alice',
      checks: ['build'],
      statuses: [{ context: 'ci/jenkins', state: 'failure' }]
    })
    const failed = await (await open(t)).run({ 'required-checks': 'ci/jenkins' })
    expect(codes(failed, 'reasons')).toEqual(['ci-failed'])
    const other = await (await open(t)).run({ 'required-checks': 'build' })
    expect(other.outputs.decision).toBe('allow')
  })
})

describe('branches, servers and ranges', () => {
  it('deploy-branch: PRs into that branch count, PRs into the default branch do not', async () => {
    const s = scenario()
    s.branch('release')
    const intoRelease = s.pullRequest({ author: 'alice', base: 'release' })
    const st = await open(s)
    const ok = await st.run({ sha: intoRelease.mergeSha!, 'deploy-branch': 'release' })
    expect(ok.outputs.decision).toBe('allow')
    expect(st.records()[0]?.changes.map(c => c.number)).toEqual([intoRelease.number])

    const intoMain = s.pullRequest({ author: 'carol' })
    const wrong = await (await open(s)).run({ sha: intoMain.mergeSha!, 'deploy-branch': 'release' })
    expect(wrong.outputs.decision).toBe('block')
    expect(codes(wrong, 'reasons')).toEqual(['no-pull-request'])
  })

  it('runs against the GitHub Enterprise Server layout (/api/v3 and /api/graphql)', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s, { ghes: true })
    expect(st.github.url).toMatch(/\/api\/v3$/)
    expect(st.github.graphqlUrl).toMatch(/\/api\/graphql$/)
    const run = await st.run()
    expect(run.outputs.decision).toBe('allow')
    expect(st.github.requests.length).toBeGreaterThan(0)
    expect(st.github.requests.every(r => r.status === 200)).toBe(true)
    expect(st.github.requests.some(r => r.path === '/api/graphql')).toBe(true)
  })

  it('re-deploying the deployed sha is an empty incremental change set, still checked for CI', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    await st.run()
    const again = await st.run()
    expect(again.outputs.decision).toBe('allow')
    expect(st.records()[1]).toMatchObject({
      range: 'incremental',
      previousSha: s.head(),
      commits: [],
      changes: [],
      decision: 'allow'
    })
    s.checkRun(s.head(), { name: 'ci', conclusion: 'failure' })
    const failing = await st.run()
    expect(codes(failing, 'reasons')).toEqual(['ci-failed'])
  })

  it('a change set over 100 commits is read completely (compare and lookups paged)', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    await st.run()
    const early = s.commit({ author: 'mallory', message: 'unreviewed, early in the range' })
    const big = s.pullRequest({ author: 'carol', commits: 120, merge: 'merge', approvals: ['dave'] })
    const run = await st.run({ sha: s.head() })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['no-pull-request'])
    expect(run.errors.join('\n')).toContain(early.slice(0, 7))
    const record = st.records()[1]!
    expect(record.commits).toHaveLength(122)
    expect(record.commits.at(-1)).toBe(early)
    expect(record.changes.map(c => c.number)).toEqual([big.number])
  })

  it('since-sha not an ancestor of sha: the change set is everything since their merge base', async () => {
    const s = scenario()
    const root = s.head()
    s.branch('side')
    const side = s.commit({ branch: 'side', author: 'carol', message: 'on a side branch' })
    const pr = s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const direct = s.commit({ author: 'mallory', message: 'direct' })
    s.checkRun(s.head(), { name: 'ci' })
    const st = await open(s)
    const run = await st.run({ 'since-sha': side })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['no-pull-request'])
    expect(st.records()[0]).toMatchObject({ range: 'baseline', commits: [direct, pr.mergeSha] })
    expect(st.records()[0]?.commits).not.toContain(root)
  })

  it('a redeploy whose ancestry GitHub cannot answer still records the environment’s last deploy', async () => {
    const s = scenario()
    const first = s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    await st.run()
    s.pullRequest({ author: 'carol', approvals: ['bob'] })
    await st.run({ sha: s.head() })
    const deployed = s.head()
    // Going back to `first` asks GitHub whether it is an ancestor (a rollback); that question fails.
    st.github.failAll({
      status: 401,
      message: 'Bad credentials',
      route: 'GET /repos/{owner}/{repo}/compare/{basehead}'
    })
    const run = await st.run({ sha: first.mergeSha!, 'since-sha': first.mergeSha! })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['upstream-error'])
    expect(codes(run, 'warnings')).toEqual(['since-sha-ignored'])
    expect(st.records()[2]).toMatchObject({
      seq: 3,
      decision: 'block',
      range: 'incremental',
      previousSha: deployed,
      warnings: ['since-sha-ignored']
    })
  })

  it('a since-sha GitHub does not know blocks with upstream-error', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    const run = await st.run({ 'since-sha': 'f'.repeat(40) })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['upstream-error'])
    expect(st.records()[0]).toMatchObject({ decision: 'block', range: 'baseline' })
  })
})

describe('an emergency while GitHub is down', () => {
  it('is allowed with upstream-error bypassed and says the follow-up could not be opened', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const st = await open(s)
    st.github.failAll({ status: 503, message: 'Service Unavailable' })
    const run = await st.run(
      {
        emergency: true,
        'emergency-justification': 'GitHub is down and checkout is broken for every customer; INC-9001.',
        'emergency-approvers': 'deployer'
      },
      { GITHUB_ACTOR: 'deployer' }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('allow')
    expect(run.outputs.emergency).toBe('true')
    expect(codes(run, 'reasons')).toEqual(['upstream-error'])
    expect(codes(run, 'warnings')).toContain('follow-up-not-opened')
    const record = st.records()[0]!
    expect(record.emergency).toMatchObject({ actor: 'deployer', bypassed: ['upstream-error'] })
    expect(record.emergency?.followUp.url).toBeNull()
  }, 120_000)
})

describe('Jira unavailable', () => {
  it('blocks with upstream-error naming Jira, and still judges and records every GitHub rule', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      title: 'PAY-12 Retry card captures',
      approvals: ['bob'],
      checks: [{ name: 'ci', conclusion: 'failure' }],
      baseChecks: ['ci']
    })
    jira = await startJiraStandIn({ tickets: [] })
    const st = await open(s)
    const inputs = {
      'ticket-source': 'jira',
      'jira-base-url': jira.url,
      'jira-email': jira.email,
      'jira-api-token': 'not-the-right-token-42'
    }
    const run = await st.run(inputs)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['ci-failed', 'upstream-error'])
    expect(run.stdout).toMatch(/Jira[^\n]*(401|credentials)/)
    expect(st.records()[0]?.changes[0]?.approvals.map(a => a.login)).toEqual(['bob'])

    // Break glass: the retrospective and the record name every rule bypassed, not only the outage.
    const emergency = await st.run({
      ...inputs,
      emergency: true,
      'emergency-justification': 'Card captures failing in production since 09:12, see INC-5521.',
      retrospective: 'none'
    })
    expect(emergency.outputs.decision).toBe('allow')
    expect(st.records()[1]?.emergency?.bypassed).toEqual(['ci-failed', 'upstream-error'])
  })
})
