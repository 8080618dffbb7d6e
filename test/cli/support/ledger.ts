/**
 * Ledgers for the CLI tests: record builders, chains written with the project's own `chainRecord`, ledger
 * folders, and `main()` run in-process with captured output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src/cli/index.js'
import { chainRecord } from '../../../src/evidence/hash.js'
import {
  EVIDENCE_SCHEMA,
  type EvidenceChange,
  type EvidenceEmergency,
  type EvidenceRecord,
  type UnchainedRecord
} from '../../../src/evidence/record.js'

export function sha(label: string | number): string {
  const hex = Buffer.from(String(label)).toString('hex')
  return (hex + '0'.repeat(40)).slice(0, 40)
}

/** 2024-06-03 (a Monday) 10:00 UTC plus `hours`. */
export function at(hours: number): string {
  return new Date(Date.UTC(2024, 5, 3, 10) + hours * 3_600_000).toISOString()
}

export function aChange(overrides: Partial<EvidenceChange> = {}): EvidenceChange {
  const number = overrides.number ?? 12
  return {
    number,
    title: `Change ${number}`,
    url: `https://github.com/acme/shop/pull/${number}`,
    author: 'bob',
    mergedAt: at(-1),
    mergedBy: 'bob',
    headSha: sha(`head-${number}`),
    approvals: [{ login: 'carol', submittedAt: at(-2), commitSha: sha(`head-${number}`) }],
    checks: [
      { name: 'build', conclusion: 'success', completedAt: at(-3) },
      { name: 'test', conclusion: 'success', completedAt: at(-3) }
    ],
    ticket: {
      key: 'OPS-1',
      url: 'https://acme.atlassian.net/browse/OPS-1',
      status: 'Approved',
      approvedAt: at(-4)
    },
    ...overrides
  }
}

export function anEmergency(
  overrides: Partial<EvidenceEmergency> = {},
  decidedAt = at(0)
): EvidenceEmergency {
  return {
    actor: 'dave',
    justification: 'Checkout is down for every customer; hotfix cannot wait for review.',
    bypassed: ['insufficient-approvals'],
    followUp: {
      url: 'https://github.com/acme/shop/issues/77',
      dueAt: new Date(Date.parse(decidedAt) + 24 * 3_600_000).toISOString()
    },
    ...overrides
  }
}

export function aRecord(overrides: Partial<UnchainedRecord> = {}): UnchainedRecord {
  return {
    schema: EVIDENCE_SCHEMA,
    environment: 'production',
    repository: 'acme/shop',
    sha: sha('deployed'),
    previousSha: null,
    range: 'incremental',
    decision: 'allow',
    reasons: [],
    warnings: [],
    emergency: null,
    actor: 'alice',
    decidedAt: at(0),
    run: {
      id: '100',
      attempt: '1',
      url: 'https://github.com/acme/shop/actions/runs/100',
      workflow: 'deploy'
    },
    changes: [aChange()],
    commits: [sha('deployed')],
    ...overrides
  }
}

/** Chains the records in order with the project's writer (`chainRecord`). */
export function chain(records: UnchainedRecord[]): EvidenceRecord[] {
  const out: EvidenceRecord[] = []
  for (const record of records) {
    const last = out[out.length - 1]
    out.push(chainRecord(record, last ? { id: last.id, seq: last.seq } : null))
  }
  return out
}

export function jsonl(records: readonly unknown[]): string {
  return records.map(r => `${typeof r === 'string' ? r : JSON.stringify(r)}\n`).join('')
}

export function tempDir(prefix = 'deploy-gate-cli-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** Writes `<root>/ledger/<encodeURIComponent(env)>.jsonl` for each entry: records or raw file text. */
export function writeLedger(root: string, ledgers: Record<string, readonly unknown[] | string>): string {
  mkdirSync(join(root, 'ledger'), { recursive: true })
  for (const [environment, content] of Object.entries(ledgers)) {
    const text = typeof content === 'string' ? content : jsonl(content)
    writeFileSync(join(root, 'ledger', `${encodeURIComponent(environment)}.jsonl`), text)
  }
  return root
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `deploy-gate <args>` in-process. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: text => {
      stdout += text
    },
    stderr: text => {
      stderr += text
    },
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }
  })
  return { code, stdout, stderr }
}
