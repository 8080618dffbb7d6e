/**
 * The bundled action, end to end: `node dist/index.js` on Node 24 with INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY, against the GitHub stand-in (GraphQL executed against GitHub's schema) and a real
 * ledger. One scenario per rule of SPEC §2 (issue 2's list).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { scenario, type Scenario } from '../support/github-scenario.js'
import { codes, stage, type Stage } from '../support/stage.js'

let current: Stage | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

async function gate(s: Scenario, inputs: Record<string, string | number | boolean> = {}) {
  current = await stage(s)
  const run = await current.run(inputs)
  return { run, stage: current }
}

describe('the gate end to end (dist/index.js on Node 24)', () => {
  it('allows a clean change: independent approval on the head, CI green, and records it', async () => {
    const s = scenario()
    const pr = s.pullRequest({ author: 'alice', title: 'Add login', approvals: ['bob'] })
    const { run, stage } = await gate(s)
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('allow')
    expect(codes(run, 'reasons')).toEqual([])
    expect(run.outputs.emergency).toBe('false')
    expect(run.outputs.sha).toBe(s.head())
    const [record] = stage.records()
    expect(record).toMatchObject({ seq: 1, prev: null, decision: 'allow', range: 'initial', sha: s.head() })
    expect(record?.id).toBe(run.outputs['record-id'])
    expect(record?.changes).toHaveLength(1)
    expect(record?.changes[0]).toMatchObject({ number: pr.number, author: 'alice', headSha: pr.headSha })
    expect(record?.changes[0]?.approvals.map(a => a.login)).toEqual(['bob'])
    expect(run.summary).toContain('ALLOWED')
    expect(run.outputs['evidence-file']).toMatch(/deploy-evidence-production-1001-1\.json$/)
  })

  it('blocks a self-approved pull request', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['alice'] })
    const { run, stage } = await gate(s)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['self-approval'])
    expect(run.errors.some(e => e.includes('self-approval') || e.includes('#1'))).toBe(true)
    expect(stage.records()[0]).toMatchObject({ decision: 'block', reasons: ['self-approval'] })
  })

  it('does not count the approval of a co-author of a commit in the pull request', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      commits: [{ message: 'pair work', coAuthors: ['bob'] }],
      approvals: ['bob']
    })
    const { run } = await gate(s)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['self-approval'])
  })

  it('blocks an approval given before the last push (stale)', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.approve(pr, 'bob')
    s.pushToPullRequest(pr, { message: 'one more thing' })
    s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
    s.merge(pr, { by: 'alice' })
    s.checkRun(s.head(), { name: 'ci' })
    const { run } = await gate(s)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toContain('stale-approval')
  })

  it('keeps an approval followed only by a merge from the base branch', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.approve(pr, 'bob')
    s.commit({ author: 'erin', message: 'meanwhile on main' })
    s.mergeBaseIntoPullRequest(pr)
    s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
    s.merge(pr, { by: 'alice' })
    s.checkRun(s.head(), { name: 'ci' })
    const { run } = await gate(s)
    expect(codes(run, 'reasons')).toEqual([])
    expect(run.outputs.decision).toBe('allow')
  })

  it('blocks when the only approval was given after the merge', async () => {
    const s = scenario()
    const pr = s.openPullRequest({ author: 'alice' })
    s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
    s.merge(pr, { by: 'alice' })
    s.checkRun(s.head(), { name: 'ci' })
    s.approve(pr, 'bob')
    const { run } = await gate(s)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toContain('approval-after-merge')
  })

  it('blocks when a reviewer still requests changes', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      approvals: ['bob'],
      reviews: [{ by: 'dave', state: 'CHANGES_REQUESTED' }]
    })
    const { run } = await gate(s)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['changes-requested'])
  })

  it.each([
    ['ci-failed', [{ name: 'ci', conclusion: 'failure' }]],
    ['ci-pending', [{ name: 'ci', status: 'in_progress' as const }]],
    ['ci-missing', []]
  ])('blocks %s on the pull request head', async (code, checks) => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'], checks, baseChecks: ['ci'] })
    const { run } = await gate(s)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual([code])
  })

  it('checks CI on the deployed commit itself', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      approvals: ['bob'],
      checks: ['ci'],
      baseChecks: [{ name: 'ci', conclusion: 'failure' }]
    })
    const { run } = await gate(s)
    expect(codes(run, 'reasons')).toEqual(['ci-failed'])
  })

  it('blocks when a required check is absent, and ignores other checks when names are given', async () => {
    const s = scenario()
    s.pullRequest({
      author: 'alice',
      approvals: ['bob'],
      checks: ['build', { name: 'lint', conclusion: 'failure' }],
      baseChecks: ['build', 'e2e']
    })
    const missing = await gate(s, { 'required-checks': 'build,e2e' })
    expect(missing.run.outputs.decision).toBe('block')
    expect(codes(missing.run, 'reasons')).toEqual(['ci-missing'])
    await current?.close()
    const only = await gate(s, { 'required-checks': 'build' })
    expect(only.run.outputs.decision).toBe('allow')
  })

  it('blocks a bot pull request approved only by a bot, allows it with a human approval', async () => {
    const s = scenario()
    s.pullRequest({ author: 'dependabot[bot]', approvals: ['renovate[bot]'] })
    const botOnly = await gate(s)
    expect(botOnly.run.outputs.decision).toBe('block')
    expect(codes(botOnly.run, 'reasons')).toEqual(['insufficient-approvals'])
    expect(codes(botOnly.run, 'warnings')).toContain('bot-approval-ignored')
    await current?.close()

    const t = scenario()
    t.pullRequest({ author: 'dependabot[bot]', approvals: ['renovate[bot]', 'bob'] })
    const human = await gate(t)
    expect(human.run.outputs.decision).toBe('allow')
  })

  it('warns about an approval submitted seconds after the last push', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: [{ by: 'bob', after: 5 }] })
    const { run } = await gate(s, { 'rubber-stamp-seconds': 60 })
    expect(run.outputs.decision).toBe('allow')
    expect(codes(run, 'warnings')).toContain('rubber-stamp-suspected')
  })

  it('blocks a direct push (a commit with no pull request) in the change set', async () => {
    const s = scenario()
    const since = s.head()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    s.commit({ author: 'mallory', message: 'hotfix straight to main' })
    s.checkRun(s.head(), { name: 'ci' })
    const { run, stage } = await gate(s, { 'since-sha': since })
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['no-pull-request'])
    expect(stage.records()[0]).toMatchObject({ range: 'baseline', commits: [s.head(), expect.any(String)] })
  })

  it('fails closed on a persistent GitHub 502, naming GitHub and the status, and records the block', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    current.github.failAll({ status: 502, message: 'Bad Gateway' })
    const run = await current.run()
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('block')
    expect(codes(run, 'reasons')).toEqual(['upstream-error'])
    expect(run.stdout).toMatch(/GitHub[^\n]*502/)
    expect(current.records()[0]).toMatchObject({ decision: 'block', reasons: ['upstream-error'] })
  })

  it('retries a transient GitHub 502 and decides normally', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    current.github.failNext(1, { status: 502 })
    const run = await current.run()
    expect(run.outputs.decision).toBe('allow')
    expect(current.github.requests.filter(r => r.status === 502)).toHaveLength(1)
  })

  it('in report mode records and reports a block but does not fail the step', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['alice'] })
    const { run, stage } = await gate(s, { mode: 'report' })
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('block')
    expect(stage.records()[0]?.decision).toBe('block')
  })

  it('stops on a bad input before any request, naming the input, and records nothing', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const { run, stage } = await gate(s, { 'required-approvals': 'two' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("'required-approvals'")
    expect(run.stdout).toContain('"two"')
    expect(stage.github.count()).toBe(0)
    expect(stage.records()).toEqual([])
  })

  it('never prints the token', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    current.github.failAll({ status: 401, message: 'Bad credentials' })
    const run = await current.run()
    expect(run.outputs.decision).toBe('block')
    const printed = (run.stdout + run.stderr + run.summary).replace(/^::add-mask::.*$/gm, '')
    expect(printed).not.toContain(current.github.token)
    expect(run.stdout).toMatch(/401/)
  })
})
