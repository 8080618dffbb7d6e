import { describe, expect, it } from 'vitest'
import { LedgerIntegrityError } from '../../src/errors.js'
import { chainRecord } from '../../src/evidence/hash.js'
import { ledgerFile, serializeRecord, verifyLedgerText } from '../../src/evidence/ledger.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { sha } from '../support/builders.js'
import { anUnchainedRecord, foreignLedger } from './support/records.js'

function chain(
  deploys: Array<{ label: string; decision: 'allow' | 'block'; environment?: string }>
): EvidenceRecord[] {
  const out: EvidenceRecord[] = []
  for (const d of deploys) {
    const previous = out.at(-1)
    out.push(
      chainRecord(
        anUnchainedRecord({
          sha: sha(d.label),
          decision: d.decision,
          environment: d.environment ?? 'production'
        }),
        previous ? { id: previous.id, seq: previous.seq } : null
      )
    )
  }
  return out
}
const text = (records: unknown[]) => records.map(r => `${JSON.stringify(r)}\n`).join('')

describe('ledgerFile', () => {
  it.each([
    ['production', 'ledger/production.jsonl'],
    ['prod eu', 'ledger/prod%20eu.jsonl'],
    ['team/prod', 'ledger/team%2Fprod.jsonl'],
    ['..', 'ledger/...jsonl'],
    ['Ümlaut', 'ledger/%C3%9Cmlaut.jsonl']
  ])('%s → %s', (environment, path) => expect(ledgerFile(environment)).toBe(path))
})

describe('verifyLedgerText', () => {
  it('returns the empty view for an empty file', () => {
    expect(verifyLedgerText('', 'production', 'x')).toMatchObject({ records: 0, tip: null, lastAllow: null })
  })

  it('finds the tip, the last allow record and every allowed sha', () => {
    const records = chain([
      { label: 'a', decision: 'allow' },
      { label: 'b', decision: 'allow' },
      { label: 'c', decision: 'block' }
    ])
    const view = verifyLedgerText(text(records), 'production', 'x')
    expect(view.records).toBe(3)
    expect(view.tip).toEqual({ id: records[2]!.id, seq: 3 })
    expect(view.lastAllow).toEqual(records[1])
    expect([...view.allowedShas].sort()).toEqual([sha('a'), sha('b')].sort())
  })

  it("accepts a final line without a newline, and a foreign writer's formatting", () => {
    const foreign = foreignLedger('production', 3)
    expect(verifyLedgerText(foreign.text.slice(0, -1), 'production', 'x').tip).toEqual({
      id: foreign.ids[2],
      seq: 3
    })
  })

  const broken: Array<{ name: string; content: (r: EvidenceRecord[]) => string; message: RegExp }> = [
    {
      name: 'a blank line',
      content: r => `${text(r.slice(0, 1))}\n${text(r.slice(1))}`,
      message: /line 2: not valid JSON/
    },
    {
      name: 'a record of another environment',
      content: r => text([r[0], { ...r[1], environment: 'staging' }]),
      message: /line 2: record of another environment/
    },
    {
      name: 'a missing field',
      content: r => text([r[0], { ...r[1], commits: undefined }]),
      message: /line 2: required field "commits" is missing/
    },
    {
      name: 'an unknown schema',
      content: r => text([{ ...r[0], schema: 'v0' }]),
      message: /line 1: unknown schema/
    },
    {
      name: 'a changed field',
      content: r => text([r[0], { ...r[1], actor: 'mallory' }]),
      message: /line 2: id is not the hash of the record/
    }
  ]
  for (const b of broken) {
    it(`names file, line, field, expected and found for ${b.name}`, () => {
      const records = chain([
        { label: 'a', decision: 'allow' },
        { label: 'b', decision: 'allow' }
      ])
      const attempt = () =>
        verifyLedgerText(b.content(records), 'production', 'ledger/production.jsonl on branch e')
      expect(attempt).toThrow(LedgerIntegrityError)
      expect(attempt).toThrow(b.message)
      expect(attempt).toThrow(
        /^The evidence ledger ledger\/production\.jsonl on branch e is broken and will not be extended: /
      )
    })
  }
})

describe('serializeRecord', () => {
  it('writes one line that hashes back to the id', () => {
    const [record] = chain([{ label: 'a', decision: 'allow' }])
    const line = serializeRecord(record!, 'production')
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toEqual(record)
  })

  it('refuses a record of another environment', () => {
    const [record] = chain([{ label: 'a', decision: 'allow', environment: 'staging' }])
    expect(() => serializeRecord(record!, 'production')).toThrow(/cannot be appended to "production"/)
  })
})
