import { mkdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LedgerIntegrityError, UpstreamError } from '../../src/errors.js'
import { ChainVerifier } from '../../src/evidence/chain.js'
import { createFileStore } from '../../src/evidence/file-store.js'
import { computeRecordId } from '../../src/evidence/hash.js'
import { openLedger } from '../../src/evidence/open-ledger.js'
import type { EvidenceRecord } from '../../src/evidence/record.js'
import { sha } from '../support/builders.js'
import { runWriters } from '../../scripts/bench-ledger.js'
import { removeDir, tempDir } from './support/git.js'
import { anUnchainedRecord, foreignLedger } from './support/records.js'

let dir: string
const fileOf = (environment = 'production') => join(dir, 'ledger', `${encodeURIComponent(environment)}.jsonl`)
const linesOf = (environment = 'production') =>
  readFileSync(fileOf(environment), 'utf8').slice(0, -1).split('\n')

beforeEach(() => {
  dir = tempDir()
})
afterEach(() => removeDir(dir))

describe('file store', () => {
  it('creates ledger/<env>.jsonl on the first append and appends one line per record', async () => {
    const s = createFileStore({ dir })
    expect(await s.read('production')).toMatchObject({ records: 0, tip: null })
    const first = await s.append('production', () => anUnchainedRecord({ sha: sha('one') }))
    const second = await s.append('production', v =>
      anUnchainedRecord({ sha: sha('two'), previousSha: v.lastAllow!.sha })
    )

    expect(first).toMatchObject({ attempts: 1, commit: null, record: { seq: 1, prev: null } })
    expect(second.record).toMatchObject({ seq: 2, prev: first.record.id, previousSha: sha('one') })
    expect(linesOf()).toEqual([JSON.stringify(first.record), JSON.stringify(second.record)])
    expect(await s.read('production')).toMatchObject({ records: 2, tip: { id: second.record.id, seq: 2 } })
    expect(s.describe('prod/eu')).toBe(join(dir, 'ledger', 'prod%2Feu.jsonl'))
  })

  it('is what openLedger returns for `evidence-store: file`', async () => {
    const s = openLedger({ store: 'file', dir }, { actor: 'alice' })
    await s.append('staging', () => anUnchainedRecord({ environment: 'staging' }))
    expect(existsSync(fileOf('staging'))).toBe(true)
  })

  it('reports a missing evidence-dir instead of starting a new chain somewhere else', async () => {
    const s = createFileStore({ dir: join(dir, 'not-mounted') })
    for (const attempt of [s.read('production'), s.append('production', () => anUnchainedRecord())]) {
      const error = await attempt.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UpstreamError)
      expect((error as Error).message).toMatch(/not-mounted does not exist/)
    }
    expect(existsSync(join(dir, 'not-mounted'))).toBe(false)
  })

  it('refuses to extend a broken chain and leaves the file as it was', async () => {
    const s = createFileStore({ dir })
    for (const label of ['a', 'b', 'c'])
      await s.append('production', () => anUnchainedRecord({ sha: sha(label) }))
    const lines = linesOf()
    const edited = JSON.parse(lines[1]!) as Record<string, unknown>
    edited.actor = 'mallory'
    edited.id = computeRecordId(edited)
    const tampered = `${[lines[0], JSON.stringify(edited), lines[2]].join('\n')}\n`
    writeFileSync(fileOf(), tampered)

    const error = await s.append('production', () => anUnchainedRecord()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LedgerIntegrityError)
    expect((error as Error).message).toContain(`${fileOf()} is broken`)
    expect((error as Error).message).toMatch(/line 3: prev does not link/)
    expect(readFileSync(fileOf(), 'utf8')).toBe(tampered)
    await expect(s.read('production')).rejects.toBeInstanceOf(LedgerIntegrityError)
  })

  it('reads and extends a ledger written by another implementation', async () => {
    const foreign = foreignLedger('production', 2)
    mkdirSync(join(dir, 'ledger'))
    writeFileSync(fileOf(), foreign.text)
    const { record } = await createFileStore({ dir }).append('production', () => anUnchainedRecord())
    expect(record).toMatchObject({ seq: 3, prev: foreign.ids[1] })
    expect(readFileSync(fileOf(), 'utf8')).toBe(`${foreign.text}${JSON.stringify(record)}\n`)
  })

  it('serializes concurrent appends in one process', async () => {
    const stores = Array.from({ length: 6 }, () => createFileStore({ dir }))
    const results = await Promise.all(
      stores.map((s, i) => s.append('production', () => anUnchainedRecord({ sha: sha(`p${i}`) })))
    )
    expect(results.map(r => r.record.seq).sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(results.some(r => r.attempts > 1)).toBe(true)
    assertIntactChain(linesOf(), 6)
  })

  it('8 writer processes at once end with exactly 8 records, seq 1..8, links intact', async () => {
    const markers = Array.from({ length: 8 }, (_, i) => `file-writer-${i + 1}`)
    const reports = await runWriters(
      markers.map(marker => ['--store', 'file', '--target', dir, '--marker', marker])
    )
    const records = assertIntactChain(linesOf(), 8)
    expect(records.map(r => r.run.id).sort()).toEqual([...markers].sort())
    for (const r of reports) expect(records[r.seq - 1]).toMatchObject({ id: r.id, run: { id: r.marker } })
    // They really contended for the lock.
    expect(reports.some(r => r.attempts > 1)).toBe(true)
  })

  it('takes over the lock of a writer that died holding it', async () => {
    mkdirSync(join(dir, 'ledger'))
    const lock = `${fileOf()}.lock`
    mkdirSync(lock)
    const old = new Date(Date.now() - 60_000)
    utimesSync(lock, old, old)
    const { record } = await createFileStore({ dir }).append('production', () => anUnchainedRecord())
    expect(record.seq).toBe(1)
    expect(existsSync(lock)).toBe(false)
  })

  it('gives up, with a message, when a live writer keeps the lock', async () => {
    mkdirSync(join(dir, 'ledger'))
    writeFileSync(fileOf(), '')
    mkdirSync(`${fileOf()}.lock`)
    const s = createFileStore({ dir }, { lockTimeoutMs: 200 })
    const error = await s.append('production', () => anUnchainedRecord()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect((error as Error).message).toMatch(/stayed locked by another writer for 200 ms/)
    expect(readFileSync(fileOf(), 'utf8')).toBe('')
  })
})

function assertIntactChain(lines: string[], count: number): EvidenceRecord[] {
  expect(lines).toHaveLength(count)
  const verifier = new ChainVerifier('production')
  const records = lines.map(l => verifier.push(l) as unknown as EvidenceRecord)
  expect(verifier.firstBreak).toBeNull()
  expect(records.map(r => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
  expect(new Set(records.map(r => r.id)).size).toBe(count)
  return records
}
