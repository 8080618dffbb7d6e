import { describe, expect, it } from 'vitest'
import type { LedgerView } from '../../src/evidence/ledger.js'
import { planRange, type RangePlan } from '../../src/evidence/range.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { sha } from '../support/builders.js'

/** A ledger view: `deploys` are the environment's records, oldest first. */
function view(deploys: Array<{ label: string; decision: 'allow' | 'block' }>): LedgerView {
  const allows = deploys.filter(d => d.decision === 'allow')
  const last = allows.at(-1)
  return {
    records: deploys.length,
    tip: deploys.length ? { id: 'f'.repeat(64), seq: deploys.length } : null,
    lastAllow: last ? ({ sha: sha(last.label), decision: 'allow' } as EvidenceRecord) : null,
    allowedShas: new Set(allows.map(d => sha(d.label)))
  }
}

/** History: v1 <- v2 <- v3 (v3 newest); `side` diverged from v1. */
const ancestors: Record<string, string[]> = {
  [sha('v3')]: [sha('v1'), sha('v2')],
  [sha('v2')]: [sha('v1')],
  [sha('side')]: [sha('v1')]
}
const isAncestor = async (a: string, d: string) => ancestors[d]?.includes(a) ?? false

const cases: Array<{
  name: string
  deploys: Array<{ label: string; decision: 'allow' | 'block' }>
  sha: string
  sinceSha?: string
  expected: RangePlan
}> = [
  {
    name: 'first deploy without since-sha: the pull request that produced sha',
    deploys: [],
    sha: 'v1',
    expected: { range: 'initial', base: null, previousSha: null, warnings: [] }
  },
  {
    name: 'first deploy with since-sha: every commit since it',
    deploys: [],
    sha: 'v3',
    sinceSha: 'v1',
    expected: { range: 'baseline', base: sha('v1'), previousSha: null, warnings: [] }
  },
  {
    name: 'a later deploy: everything since the last allow record',
    deploys: [
      { label: 'v1', decision: 'allow' },
      { label: 'v2', decision: 'block' }
    ],
    sha: 'v3',
    expected: { range: 'incremental', base: sha('v1'), previousSha: sha('v1'), warnings: [] }
  },
  {
    name: 'since-sha once the ledger has records: ignored with a warning',
    deploys: [{ label: 'v2', decision: 'allow' }],
    sha: 'v3',
    sinceSha: 'v1',
    expected: {
      range: 'incremental',
      base: sha('v2'),
      previousSha: sha('v2'),
      warnings: ['since-sha-ignored']
    }
  },
  {
    name: 'only blocked attempts so far: still the first deploy, and since-sha cannot narrow it',
    deploys: [{ label: 'v2', decision: 'block' }],
    sha: 'v3',
    sinceSha: 'v2',
    expected: { range: 'initial', base: null, previousSha: null, warnings: ['since-sha-ignored'] }
  },
  {
    name: 'back to a deployed ancestor: rollback',
    deploys: [
      { label: 'v1', decision: 'allow' },
      { label: 'v3', decision: 'allow' }
    ],
    sha: 'v1',
    expected: { range: 'rollback', base: sha('v3'), previousSha: sha('v3'), warnings: [] }
  },
  {
    name: 'back to an ancestor that was never deployed: not a rollback',
    deploys: [{ label: 'v3', decision: 'allow' }],
    sha: 'v2',
    expected: { range: 'incremental', base: sha('v3'), previousSha: sha('v3'), warnings: [] }
  },
  {
    name: 'back to a commit that was only blocked: not a rollback',
    deploys: [
      { label: 'v2', decision: 'block' },
      { label: 'v3', decision: 'allow' }
    ],
    sha: 'v2',
    expected: { range: 'incremental', base: sha('v3'), previousSha: sha('v3'), warnings: [] }
  },
  {
    name: 'a deployed commit that is not an ancestor (diverged history): incremental',
    deploys: [
      { label: 'side', decision: 'allow' },
      { label: 'v3', decision: 'allow' }
    ],
    sha: 'side',
    expected: { range: 'incremental', base: sha('v3'), previousSha: sha('v3'), warnings: [] }
  },
  {
    name: 'the deployed commit again: incremental with an empty change set',
    deploys: [{ label: 'v3', decision: 'allow' }],
    sha: 'v3',
    expected: { range: 'incremental', base: sha('v3'), previousSha: sha('v3'), warnings: [] }
  }
]

describe('planRange (SPEC §2)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const plan = await planRange({
        view: view(c.deploys),
        sha: sha(c.sha),
        sinceSha: c.sinceSha === undefined ? null : sha(c.sinceSha),
        isAncestor
      })
      expect(plan).toEqual(c.expected)
    })
  }

  it('treats an empty since-sha as not given', async () => {
    expect(await planRange({ view: view([]), sha: sha('v1'), sinceSha: '  ', isAncestor })).toMatchObject({
      range: 'initial'
    })
  })

  it('compares shas without regard to case', async () => {
    const plan = await planRange({
      view: view([
        { label: 'v1', decision: 'allow' },
        { label: 'v3', decision: 'allow' }
      ]),
      sha: sha('v1').toUpperCase(),
      sinceSha: null,
      isAncestor: async (a, d) => isAncestor(a.toLowerCase(), d)
    })
    expect(plan.range).toBe('rollback')
  })

  it('asks about ancestry only for a sha that has its own allow record', async () => {
    const asked: Array<[string, string]> = []
    const spy = async (a: string, d: string) => {
      asked.push([a, d])
      return isAncestor(a, d)
    }
    await planRange({
      view: view([{ label: 'v1', decision: 'allow' }]),
      sha: sha('v3'),
      sinceSha: null,
      isAncestor: spy
    })
    expect(asked).toEqual([])
  })
})
