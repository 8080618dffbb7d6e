import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonl, removeDir, runCli, tempDir, writeLedger } from './support/ledger.js'
import { apply, build, recordSpec, tamper } from './support/tamper.js'

/**
 * SPEC §5: "Changing, removing, reordering or inserting any record is detectable." For random chains and a
 * random single tampering, `deploy-gate verify` must exit 1. The one change a hash chain cannot show by
 * itself, removing the last record, is caught by the branch history walk (git-history tests).
 */

let dir: string
beforeAll(() => {
  dir = tempDir()
})
afterAll(() => removeDir(dir))

describe('deploy-gate verify detects any single tampering', () => {
  it('passes every untampered chain (the property below is not vacuous)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordSpec, { minLength: 1, maxLength: 6 }), async specs => {
        writeLedger(dir, { production: build(specs) })
        expect((await runCli(['verify', '--dir', dir])).code).toBe(0)
      }),
      { numRuns: 60 }
    )
  })

  it('fails on any single edit, deletion (but of the last), swap or insertion (but at the end)', async () => {
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.array(recordSpec, { minLength: 2, maxLength: 6 }), tamper, async (specs, t) => {
        const records = build(specs)
        const lines = apply(records, t)
        fc.pre(lines !== null)
        seen.add(t.kind)
        writeLedger(dir, { production: jsonl(lines) })
        const run = await runCli(['verify', '--dir', dir])
        expect(run.code).toBe(1)
        expect(run.stdout).toMatch(/BROKEN {2}"production": ledger\/production\.jsonl line \d+: /)
      }),
      { numRuns: 300 }
    )
    expect([...seen].sort()).toEqual(['delete', 'edit', 'insert-copy', 'insert-forged', 'swap'])
  })
})
