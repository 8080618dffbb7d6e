/**
 * `run(deps)` with the real adapters where they are cheap (GitHub adapter against the stand-in, the file
 * store) and fakes at the edges that are hard to reach end to end: a ledger that fails, a webhook that
 * refuses, branch protection of a ledger on the GitHub server.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config } from '../src/config.js'
import { LedgerIntegrityError } from '../src/errors.js'
import { createFileStore } from '../src/evidence/file-store.js'
import type { LedgerStore } from '../src/evidence/ledger.js'
import { readConfig } from '../src/inputs.js'
import { run, type Deps } from '../src/main.js'
import { startGitHubAdapter, type GitHubAdapterUnderTest } from './support/github-adapter.js'
import { scenario, type Scenario } from './support/github-scenario.js'

let github: GitHubAdapterUnderTest | null = null
afterEach(async () => {
  await github?.close()
  github = null
})

interface Observed {
  outputs: Record<string, string>
  failed: string[]
  notices: string[]
  warnings: string[]
  summary: string
}

async function harness(
  s: Scenario,
  inputs: Record<string, string> = {},
  edges: {
    ledger?: (config: Config) => LedgerStore
    branchProtection?: 'protected' | 'unprotected' | 'unknown'
    /** Replaces the adapter's change-set read (an answer deploy-gate does not expect). */
    fetchChangeSet?: () => Promise<never>
  } & Partial<Pick<Deps, 'postRecord'>> = {}
): Promise<{ deps: Deps; observed: Observed; dir: string }> {
  github = await startGitHubAdapter(s)
  const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-main-'))
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_ACTOR: 'deployer',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.standIn.url,
    GITHUB_GRAPHQL_URL: github.standIn.graphqlUrl,
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': github.standIn.token,
    INPUT_ENVIRONMENT: 'production',
    INPUT_SHA: s.head(),
    'INPUT_TICKET-SOURCE': 'none',
    'INPUT_EVIDENCE-STORE': 'file',
    'INPUT_EVIDENCE-DIR': dir,
    'INPUT_UPLOAD-ARTIFACT': 'false'
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const observed: Observed = { outputs: {}, failed: [], notices: [], warnings: [], summary: '' }
  const gh = github
  const facts = {
    ...gh.facts,
    ...(edges.branchProtection && { branchProtection: async () => edges.branchProtection! }),
    ...(edges.fetchChangeSet && { fetchChangeSet: edges.fetchChangeSet })
  }
  const deps: Deps = {
    readConfig: () => readConfig(env),
    github: async () => ({ facts, issues: gh.issues }),
    jira: async () => {
      throw new Error('Jira is not used in these tests')
    },
    ledger: async config => (edges.ledger ? edges.ledger(config) : createFileStore({ dir })),
    postRecord: edges.postRecord ?? (async () => ({ ok: true, status: 200, attempts: 1 })),
    uploadArtifact: async input => ({ status: 'skipped', name: 'x', message: `not uploaded: ${input.path}` }),
    now: () => new Date('2026-11-26T12:00:00Z'),
    core: {
      setOutput: (name: string, value: unknown) => void (observed.outputs[name] = String(value)),
      setFailed: (message: string | Error) => void observed.failed.push(String(message)),
      error: () => undefined,
      warning: (message: string | Error) => void observed.warnings.push(String(message)),
      notice: (message: string | Error) => void observed.notices.push(String(message)),
      info: () => undefined,
      writeSummary: async markdown => void (observed.summary = markdown)
    }
  }
  return { deps, observed, dir }
}

function cleanChange(): Scenario {
  const s = scenario()
  s.pullRequest({ author: 'alice', approvals: ['bob'] })
  return s
}

function ledgerLines(dir: string): string[] {
  return readFileSync(join(dir, 'ledger', 'production.jsonl'), 'utf8')
    .trim()
    .split('\n')
}

describe('run()', () => {
  it('allows a clean change and appends exactly one record', async () => {
    const { deps, observed, dir } = await harness(cleanChange())
    await run(deps)
    expect(observed.failed).toEqual([])
    expect(observed.outputs.decision).toBe('allow')
    expect(ledgerLines(dir)).toHaveLength(1)
    expect(JSON.parse(ledgerLines(dir)[0]!).id).toBe(observed.outputs['record-id'])
  })

  it('warns ledger-unprotected when the ledger branch on the GitHub server can be force-pushed', async () => {
    const store = (dir: string) => createFileStore({ dir })
    const s = cleanChange()
    const { deps, observed, dir } = await harness(
      s,
      {
        'evidence-store': 'git',
        'evidence-dir': '',
        'evidence-remote': 'https://github.com/acme/evidence.git'
      },
      { branchProtection: 'unprotected', ledger: () => store(dir) }
    )
    await run(deps)
    expect(JSON.parse(observed.outputs.warnings!)).toContain('ledger-unprotected')
    expect(JSON.parse(ledgerLines(dir)[0]!).warnings).toContain('ledger-unprotected')
  })

  it('only notices when the branch protection cannot be read', async () => {
    const s = cleanChange()
    let dir = ''
    const h = await harness(
      s,
      { 'evidence-store': 'git', 'evidence-dir': '' },
      { branchProtection: 'unknown', ledger: () => createFileStore({ dir }) }
    )
    dir = h.dir
    await run(h.deps)
    expect(JSON.parse(h.observed.outputs.warnings!)).toEqual([])
    expect(h.observed.notices.join('\n')).toMatch(/deploy-evidence of acme\/app/)
  })

  it('blocks and fails the step when the record cannot be appended: no deploy goes out unrecorded', async () => {
    const { deps, observed, dir } = await harness(
      cleanChange(),
      {},
      {
        ledger: () => {
          const real = createFileStore({ dir: mkdtempSync(join(tmpdir(), 'deploy-gate-main-ledger-')) })
          return {
            describe: (environment: string) => real.describe(environment),
            read: (environment: string) => real.read(environment),
            append: async () => Promise.reject(new Error('disk full'))
          }
        }
      }
    )
    await run(deps)
    expect(observed.outputs.decision).toBe('block')
    expect(observed.outputs['record-id']).toBe('')
    expect(JSON.parse(observed.outputs.reasons!)).toEqual(['upstream-error'])
    expect(observed.failed.join('\n')).toMatch(/could not append the record: disk full/)
    const evidence = JSON.parse(readFileSync(observed.outputs['evidence-file']!, 'utf8'))
    expect(evidence.ledger.error).toMatch(/disk full/)
    expect(dir).not.toBe('')
  })

  it('records a block when deploy-gate itself fails while deciding: every decision is recorded', async () => {
    const { deps, observed, dir } = await harness(
      cleanChange(),
      {},
      {
        fetchChangeSet: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'nodes')")
        }
      }
    )
    await run(deps)
    expect(observed.outputs.decision).toBe('block')
    expect(JSON.parse(observed.outputs.reasons!)).toEqual(['upstream-error'])
    const [line] = ledgerLines(dir)
    const record = JSON.parse(line!)
    expect(observed.outputs['record-id']).toBe(record.id)
    expect(record.decision).toBe('block')
    expect(record.reasons).toEqual(['upstream-error'])
    expect(observed.failed.join('\n')).toMatch(/blocked: upstream-error/)
    const evidence = JSON.parse(readFileSync(observed.outputs['evidence-file']!, 'utf8'))
    expect(evidence.errors.join('\n')).toMatch(/deploy-gate failed while deciding: Cannot read properties/)
  })

  it('blocks without asking GitHub when the ledger chain is broken', async () => {
    const { deps, observed } = await harness(
      cleanChange(),
      {},
      {
        ledger: () => ({
          describe: () => 'test ledger',
          read: async () =>
            Promise.reject(new LedgerIntegrityError('ledger/production.jsonl line 3: id is not the hash')),
          append: async () => Promise.reject(new Error('must not be called'))
        })
      }
    )
    await run(deps)
    expect(observed.outputs.decision).toBe('block')
    expect(observed.failed.join('\n')).toMatch(/could not read the ledger: ledger\/production.jsonl line 3/)
    expect(github!.standIn.count()).toBe(0)
  })

  it('records a webhook failure as a warning of the run, never in the ledger record, never a block', async () => {
    const { deps, observed, dir } = await harness(
      cleanChange(),
      { 'evidence-webhook': 'https://siem.example/ingest' },
      {
        postRecord: async () => ({
          ok: false,
          status: 503,
          attempts: 4,
          message: 'evidence webhook https://siem.example/…: HTTP 503'
        })
      }
    )
    await run(deps)
    expect(observed.outputs.decision).toBe('allow')
    expect(JSON.parse(observed.outputs.warnings!)).toEqual(['webhook-failed'])
    expect(JSON.parse(ledgerLines(dir)[0]!).warnings).toEqual([])
    const evidence = JSON.parse(readFileSync(observed.outputs['evidence-file']!, 'utf8'))
    expect(evidence.warnings).toContain('webhook-failed')
    expect(evidence.webhook).toMatchObject({ ok: false, status: 503 })
  })

  it('fails on a bad input before creating any adapter', async () => {
    const { deps, observed } = await harness(cleanChange(), { mode: 'loud' })
    let created = 0
    const counting: Deps = {
      ...deps,
      github: async c => (created++, deps.github(c)),
      ledger: async c => (created++, deps.ledger(c))
    }
    await run(counting)
    expect(created).toBe(0)
    expect(observed.outputs.decision).toBe('block')
    expect(observed.failed.join('\n')).toContain("Invalid input 'mode'")
  })

  it("refuses a shared ledger's chain that records another repository's deploys, and writes nothing", async () => {
    const s = cleanChange()
    const { deps, observed, dir } = await harness(s)
    await run(deps)
    const before = ledgerLines(dir)
    const other: Deps = {
      ...deps,
      readConfig: () => ({
        ...deps.readConfig(),
        context: { ...deps.readConfig().context, repository: 'acme/other' }
      })
    }
    observed.failed.length = 0
    await run(other)
    expect(observed.outputs.decision).toBe('block')
    expect(observed.failed.join('\n')).toMatch(/records deploys of acme\/app, not acme\/other/)
    expect(ledgerLines(dir)).toEqual(before)
  })
})
