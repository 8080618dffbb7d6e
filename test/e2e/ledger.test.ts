/**
 * The ledger end to end: several deploys of one environment through `node dist/index.js`, the evidence
 * in a bare git repository reached by a file:// URL (the `git` store as on a runner, minus the network).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { computeRecordId } from '../../src/evidence/hash.js'
import { scenario } from '../support/github-scenario.js'
import { codes, stage, type Stage } from '../support/stage.js'

let current: Stage | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

function ledgerCommits(st: Stage): string[] {
  return execFileSync('git', ['--git-dir', st.ledgerPath, 'log', '--format=%s', 'deploy-evidence'], {
    encoding: 'utf8'
  })
    .trim()
    .split('\n')
}

describe('the ledger across deploys (git store on a file:// remote)', () => {
  it('checks every commit since the last allowed deploy, blocks a direct push in the middle, then records a rollback', async () => {
    const s = scenario()
    const first = s.pullRequest({ author: 'alice', title: 'First', approvals: ['bob'] })
    current = await stage(s, { store: 'git' })

    const initial = await current.run()
    expect(initial.outputs.decision).toBe('allow')

    const second = s.pullRequest({ author: 'carol', title: 'Second', approvals: ['bob'] })
    const direct = s.commit({ author: 'mallory', message: 'quick fix on main' })
    const third = s.pullRequest({ author: 'dave', title: 'Third', approvals: ['erin'] })
    const blocked = await current.run({ sha: s.head() })
    expect(blocked.outputs.decision).toBe('block')
    expect(codes(blocked, 'reasons')).toEqual(['no-pull-request'])
    expect(blocked.errors.join('\n')).toContain(direct)

    let records = current.records()
    expect(records).toHaveLength(2)
    expect(records[1]).toMatchObject({
      seq: 2,
      prev: records[0]?.id,
      range: 'incremental',
      previousSha: first.mergeSha
    })
    expect(records[1]?.commits).toEqual([third.mergeSha, direct, second.mergeSha])
    expect(records[1]?.changes.map(c => c.number).sort()).toEqual([second.number, third.number])

    // The blocked deploy did not move the environment: the next try is still checked from `first`.
    const retry = await current.run({ sha: second.mergeSha! })
    expect(retry.outputs.decision).toBe('allow')
    records = current.records()
    expect(records[2]).toMatchObject({
      seq: 3,
      range: 'incremental',
      previousSha: first.mergeSha,
      commits: [second.mergeSha]
    })

    // Back to the first deploy: an ancestor of the running commit with its own allow record.
    const rollback = await current.run({ sha: first.mergeSha! })
    expect(rollback.outputs.decision).toBe('allow')
    records = current.records()
    expect(records[3]).toMatchObject({ seq: 4, range: 'rollback', previousSha: second.mergeSha, changes: [] })

    // Every record's id is the hash of its content, every link holds, one commit per record.
    for (const [i, r] of records.entries()) {
      expect(r.id).toBe(computeRecordId(r as unknown as Record<string, unknown>))
      expect(r.prev).toBe(i === 0 ? null : records[i - 1]?.id)
    }
    expect(ledgerCommits(current)).toHaveLength(4)
    const evidence = JSON.parse(readFileSync(rollback.outputs['evidence-file']!, 'utf8'))
    expect(evidence.record.id).toBe(records[3]?.id)
  })

  it('checks a deploy from a diverged history against the merge base', async () => {
    const s = scenario()
    const base = s.head()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s, { store: 'git' })
    expect((await current.run()).outputs.decision).toBe('allow')
    const deployed = s.head()

    // A release branch cut before that deploy, with its own reviewed change.
    s.branch('release', base)
    const fix = s.pullRequest({ author: 'carol', base: 'release', approvals: ['dave'] })
    const run = await current.run({ sha: fix.mergeSha!, 'deploy-branch': 'release' })
    expect(run.outputs.decision).toBe('allow')
    const record = current.records()[1]
    expect(record).toMatchObject({ range: 'incremental', previousSha: deployed, commits: [fix.mergeSha] })
    expect(record?.changes.map(c => c.number)).toEqual([fix.number])
  })

  it('ignores since-sha once the environment has a record, with a warning', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    await current.run()
    const since = s.head()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    const run = await current.run({ sha: s.head(), 'since-sha': since })
    expect(codes(run, 'warnings')).toContain('since-sha-ignored')
    expect(current.records()[1]?.warnings).toContain('since-sha-ignored')
  })

  it('refuses to extend a tampered ledger and blocks with a message naming the line', async () => {
    const s = scenario()
    s.pullRequest({ author: 'alice', approvals: ['bob'] })
    current = await stage(s)
    await current.run()
    const file = `${current.ledgerPath}/ledger/production.jsonl`
    const text = readFileSync(file, 'utf8').replace('"decision":"allow"', '"decision":"block"')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, text)
    const run = await current.run()
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('block')
    expect(run.stdout).toMatch(/line 1/)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})
