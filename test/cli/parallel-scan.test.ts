import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanChain } from '../../src/cli/chain-scan.js'
import type { LedgerFile } from '../../src/cli/ledger-files.js'
import { planParts, scanChainParallel } from '../../src/cli/parallel-scan.js'
import { ChainVerifier } from '../../src/evidence/chain.js'
import { aRecord, at, chain, jsonl, removeDir, tempDir } from './support/ledger.js'
import { apply, build, recordSpec, tamper } from './support/tamper.js'

let dir: string
let file: LedgerFile
beforeAll(() => {
  dir = tempDir()
  file = { environment: 'production', name: 'ledger/production.jsonl', path: join(dir, 'production.jsonl') }
})
afterAll(() => removeDir(dir))

describe('planParts', () => {
  it('cuts at line starts, each part after the link its previous line claims', async () => {
    const records = chain(Array.from({ length: 10 }, (_, i) => aRecord({ decidedAt: at(i) })))
    const text = jsonl(records)
    writeFileSync(file.path, text)
    const parts = await planParts(file.path, Buffer.byteLength(text), 4)
    expect(parts).toHaveLength(4)
    expect(parts[0]).toEqual({ range: { start: 0, end: parts[1]?.range.start }, after: null })
    for (const part of parts.slice(1)) {
      expect(text[part.range.start - 1]).toBe('\n')
      const before = text.slice(0, part.range.start).trimEnd().split('\n').pop() as string
      const claimed = JSON.parse(before) as { id: string; seq: number }
      expect(part.after).toEqual({ id: claimed.id, seq: claimed.seq })
    }
    expect(parts[parts.length - 1]?.range.end).toBe(Buffer.byteLength(text))
  })

  it('gives no link after a line that is not a record, and one part for one long line', async () => {
    const [a, b] = chain([aRecord({ decidedAt: at(0) }), aRecord({ decidedAt: at(1) })])
    const text = `${JSON.stringify(a)}\n${'x'.repeat(2000)}\n${JSON.stringify(b)}\n`
    writeFileSync(file.path, text)
    const parts = await planParts(file.path, text.length, 2)
    expect(parts.map(p => p.after)).toEqual([null, null])
    writeFileSync(file.path, 'y'.repeat(5000))
    expect(await planParts(file.path, 5000, 3)).toEqual([{ range: { start: 0, end: 5000 }, after: null }])
  })
})

describe('ChainVerifier after a given link', () => {
  it('continues a chain from the record before the first line fed', () => {
    const records = chain(Array.from({ length: 3 }, (_, i) => aRecord({ decidedAt: at(i) })))
    const [first, second, third] = records
    const verifier = new ChainVerifier('production', { id: first?.id as string, seq: 1 })
    expect(verifier.push(JSON.stringify(second))).not.toBeNull()
    expect(verifier.push(JSON.stringify(third))).not.toBeNull()
    expect(verifier.tip).toEqual({ id: third?.id, seq: 3 })
    const wrong = new ChainVerifier('production', { id: 'f'.repeat(64), seq: 1 })
    expect(wrong.push(JSON.stringify(second))).toBeNull()
    expect(wrong.firstBreak).toMatchObject({ line: 1, field: 'prev' })
  })
})

describe('scanChainParallel', () => {
  it('gives exactly the single pass’s result, for intact and tampered chains, wherever the cuts fall', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordSpec, { minLength: 2, maxLength: 12 }),
        fc.option(tamper, { nil: null }),
        fc.integer({ min: 2, max: 5 }),
        async (specs, t, workers) => {
          const records = build(specs)
          const lines = t === null ? records : apply(records, t)
          fc.pre(lines !== null)
          writeFileSync(file.path, jsonl(lines))
          const single = await scanChain(file)
          const parallel = await scanChainParallel(file, { workers, minBytes: 0, fallback: false })
          expect(parallel).toEqual(single)
        }
      ),
      { numRuns: 25 }
    )
  })

  it('reports a problem in a later part at its line in the whole file', async () => {
    const records = chain(Array.from({ length: 40 }, (_, i) => aRecord({ decidedAt: at(i) })))
    writeFileSync(
      file.path,
      jsonl([...records.slice(0, 33), { ...records[33], actor: 'mallory' }, ...records.slice(34)])
    )
    const result = await scanChainParallel(file, { workers: 4, minBytes: 0, fallback: false })
    expect(result).toMatchObject({ records: 33, problem: { line: 34, field: 'id' }, tip: { seq: 33 } })
  })
})
