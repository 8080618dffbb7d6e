// One ledger writer process: appends a single record and prints `{"marker","seq","id","attempts","ms"}`.
// The concurrency tests (test/evidence) and the ledger benchmark start several of these at once through
// runWriters() in scripts/bench-ledger.ts, on Node 24: `node --import ./scripts/ts-hooks.mjs
// scripts/ledger-writer.ts --store git --target file:///tmp/x.git --environment production --marker w1
// [--branch B] [--barrier]`. With --barrier it prints `ready` once loaded and appends when a line arrives
// on stdin, so that process start-up (slow and uneven on a busy machine) does not spread the writers out.
import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'
import { buildRecord } from '../src/evidence/build-record.js'
import { openLedger } from '../src/evidence/open-ledger.js'

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'git' },
    target: { type: 'string' },
    branch: { type: 'string', default: 'deploy-evidence' },
    environment: { type: 'string', default: 'production' },
    marker: { type: 'string', default: String(process.pid) },
    barrier: { type: 'boolean', default: false }
  }
})
if (!values.target) throw new Error('--target is required')
const config =
  values.store === 'file'
    ? ({ store: 'file', dir: values.target } as const)
    : ({ store: 'git', remote: values.target, branch: values.branch, token: '' } as const)
const store = openLedger(config, { actor: `writer-${values.marker}` }, { setSecret: () => undefined })

if (values.barrier) {
  process.stdout.write('ready\n')
  await new Promise<void>(resolve => process.stdin.once('data', () => resolve()))
  process.stdin.pause()
}

const sha = createHash('sha1').update(values.marker).digest('hex')
const started = performance.now()
const { record, attempts } = await store.append(values.environment, view =>
  buildRecord({
    decision: {
      decision: 'allow',
      range: 'incremental',
      reasons: [],
      warnings: [],
      results: [],
      pullRequests: [],
      emergency: null
    },
    facts: null,
    environment: values.environment,
    repository: 'acme/app',
    sha,
    previousSha: view.lastAllow?.sha ?? null,
    actor: `writer-${values.marker}`,
    decidedAt: new Date().toISOString(),
    run: {
      id: values.marker,
      attempt: '1',
      url: `https://github.com/acme/app/actions/runs/${values.marker}`,
      workflow: 'deploy'
    },
    followUp: null
  })
)
const ms = performance.now() - started
process.stdout.write(
  `${JSON.stringify({ marker: values.marker, seq: record.seq, id: record.id, attempts, ms })}\n`
)
