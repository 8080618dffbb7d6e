import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { uploadEvidenceArtifact, type ArtifactUploader } from '../../src/evidence/artifact.js'
import { buildRecord } from '../../src/evidence/build-record.js'
import {
  evidenceName,
  writeEvidenceFile,
  type RunEvidence,
  type RunEvidenceInput
} from '../../src/evidence/evidence-file.js'
import { chainRecord } from '../../src/evidence/hash.js'
import type { Decision } from '../../src/gate/decision.js'
import { changeSet, sha } from '../support/builders.js'
import { removeDir, tempDir } from './support/git.js'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => removeDir(dir))

const decision: Decision = {
  decision: 'allow',
  range: 'incremental',
  reasons: [],
  warnings: ['rubber-stamp-suspected'],
  results: [
    {
      rule: 'independent-approvals',
      status: 'pass',
      code: null,
      detail: 'bob approved',
      pullRequest: 1,
      commit: null
    },
    {
      rule: 'rubber-stamp',
      status: 'warn',
      code: 'rubber-stamp-suspected',
      detail: '12 s after the push',
      pullRequest: 1,
      commit: null
    }
  ],
  pullRequests: [{ number: 1, approvals: [], ticket: null }],
  emergency: null
}
const facts = changeSet()
const record = chainRecord(
  buildRecord({
    decision,
    facts,
    environment: 'prod/eu',
    repository: 'acme/shop',
    sha: facts.sha,
    previousSha: sha('before'),
    actor: 'carol',
    decidedAt: '2024-06-03T10:00:00Z',
    run: { id: '77', attempt: '3', url: 'https://github.example.test/run/77', workflow: 'deploy' },
    followUp: null
  }),
  null
)

function input(overrides: Partial<RunEvidenceInput> = {}): RunEvidenceInput {
  return {
    environment: 'prod/eu',
    runId: '77',
    runAttempt: '3',
    record,
    decision,
    plan: { range: 'incremental', base: sha('before'), previousSha: sha('before'), warnings: [] },
    facts,
    tickets: [{ found: false, key: 'PAY-404' }],
    warnings: ['webhook-failed'],
    ledger: {
      location: 'ledger/prod%2Feu.jsonl on branch deploy-evidence of https://github.com/acme/ledger.git',
      attempts: 2,
      commit: sha('ledger'),
      error: null
    },
    webhook: {
      ok: false,
      status: 503,
      attempts: 4,
      message: 'evidence webhook https://siem.test/in answered HTTP 503 (4 attempts)'
    },
    ...overrides
  }
}

describe('evidence file', () => {
  it('names the file and artifact deploy-evidence-<environment>-<run id>-<attempt>, encoding only unsafe characters', () => {
    expect(evidenceName('production', '77', '1')).toBe('deploy-evidence-production-77-1')
    expect(evidenceName('prod eu', '77', '1')).toBe('deploy-evidence-prod eu-77-1')
    expect(evidenceName('team/prod:1?', '77', '2')).toBe('deploy-evidence-team%2Fprod%3A1%3F-77-2')
    expect(evidenceName('100%', '1', '1')).toBe('deploy-evidence-100%25-1-1')
  })

  it.each([
    ['ASCII', 'a'.repeat(255)],
    ['escaped', '/'.repeat(255)],
    ['two-byte', 'é'.repeat(255)],
    ['four-byte', '🚀'.repeat(255)]
  ])(
    'cuts a %s environment name that would not fit a file name, keeping names apart by a hash',
    async (_, env) => {
      const name = evidenceName(env, '77', '1')
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200)
      expect(name).toMatch(/^deploy-evidence-.+~[0-9a-f]{12}-77-1$/)
      expect(name).not.toMatch(/%[0-9A-F]?~/)
      expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
      expect(evidenceName(`${env}b`, '77', '1')).not.toBe(name)
      const path = await writeEvidenceFile(
        join(dir, 'runner-temp'),
        input({ environment: env, runAttempt: '1' })
      )
      expect(path).toBe(join(dir, 'runner-temp', `${name}.json`))
      expect(readdirSync(join(dir, 'runner-temp'))).toEqual([`${name}.json`])
    }
  )

  it('writes the record, the facts, every rule result and every warning of the run as JSON', async () => {
    const path = await writeEvidenceFile(join(dir, 'runner-temp'), input())
    expect(path).toBe(join(dir, 'runner-temp', 'deploy-evidence-prod%2Feu-77-3.json'))
    expect(readdirSync(join(dir, 'runner-temp'))).toEqual(['deploy-evidence-prod%2Feu-77-3.json'])
    const written = JSON.parse(readFileSync(path, 'utf8')) as RunEvidence
    expect(written).toMatchObject({
      schema: 'deploy-gate/run-evidence/v1',
      environment: 'prod/eu',
      run: { id: '77', attempt: '3' },
      record,
      unrecorded: null,
      results: decision.results,
      // The record's warnings plus those found after it was appended.
      warnings: ['rubber-stamp-suspected', 'webhook-failed'],
      ledger: { attempts: 2, error: null },
      webhook: { ok: false, status: 503 },
      tickets: [{ found: false, key: 'PAY-404' }]
    })
    expect(written.facts).toEqual(facts)
  })

  it('keeps what was decided when the record could not be appended', async () => {
    const { id: _id, prev: _prev, seq: _seq, ...unchained } = record
    const path = await writeEvidenceFile(
      dir,
      input({
        record: null,
        unrecorded: unchained,
        ledger: { location: 'x', attempts: null, commit: null, error: 'push refused' }
      })
    )
    const written = JSON.parse(readFileSync(path, 'utf8')) as RunEvidence
    expect(written.record).toBeNull()
    expect(written.unrecorded).toEqual(unchained)
    expect(written.ledger.error).toBe('push refused')
  })
})

describe('artifact upload', () => {
  const runner = { ACTIONS_RUNTIME_TOKEN: 'runtime-token', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' }
  const file = {
    path: '/tmp/runner/deploy-evidence-prod-77-3.json',
    environment: 'prod',
    runId: '77',
    runAttempt: '3'
  }

  it('is skipped with a message when the runner has no artifact service, without loading the client', async () => {
    let loaded = false
    const outcome = await uploadEvidenceArtifact(file, {
      env: {},
      loadUploader: async () => {
        loaded = true
        throw new Error('should not load')
      }
    })
    expect(outcome).toMatchObject({ status: 'skipped', name: 'deploy-evidence-prod-77-3' })
    if (outcome.status === 'skipped') expect(outcome.message).toMatch(/artifact service is not available/)
    expect(loaded).toBe(false)
  })

  it('uploads the one file under the artifact name', async () => {
    const calls: Array<[string, string[], string]> = []
    const uploader: ArtifactUploader = {
      uploadArtifact: async (name, files, root) => {
        calls.push([name, files, root])
        return { id: 12, size: 345 }
      }
    }
    const outcome = await uploadEvidenceArtifact(file, { env: runner, loadUploader: async () => uploader })
    expect(outcome).toEqual({ status: 'uploaded', name: 'deploy-evidence-prod-77-3', id: 12, size: 345 })
    expect(calls).toEqual([['deploy-evidence-prod-77-3', [file.path], '/tmp/runner']])
  })

  it('reports a failed upload instead of throwing', async () => {
    const outcome = await uploadEvidenceArtifact(file, {
      env: runner,
      loadUploader: async () => ({
        uploadArtifact: async () => {
          throw new Error('Failed to CreateArtifact: 403')
        }
      })
    })
    expect(outcome.status).toBe('failed')
    if (outcome.status === 'failed')
      expect(outcome.message).toMatch(
        /could not be uploaded: Failed to CreateArtifact: 403; the ledger record is kept/
      )
  })

  it('is skipped on GitHub Enterprise Server, where the artifact client does not work', async () => {
    const ghes = Object.assign(
      new Error('@actions/artifact v2.0.0+ ... are not currently supported on GHES.'),
      {
        name: 'GHESNotSupportedError'
      }
    )
    const outcome = await uploadEvidenceArtifact(file, {
      env: runner,
      loadUploader: async () => ({
        uploadArtifact: async () => {
          throw ghes
        }
      })
    })
    expect(outcome).toMatchObject({ status: 'skipped', name: 'deploy-evidence-prod-77-3' })
    if (outcome.status === 'skipped') expect(outcome.message).toMatch(/not currently supported on GHES/)
  })

  it('reports a failure of the real client against an unreachable results service', async () => {
    const path = await writeEvidenceFile(dir, {
      environment: 'prod',
      runId: '77',
      runAttempt: '3',
      record,
      decision,
      plan: null,
      facts: null,
      warnings: [],
      ledger: { location: 'x', attempts: 1, commit: null, error: null },
      webhook: null
    })
    const token = `x.${Buffer.from(JSON.stringify({ scp: 'Actions.Results:run-1:job-1' })).toString('base64url')}.y`
    // The client reads the runner's variables itself.
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', token)
    vi.stubEnv('ACTIONS_RESULTS_URL', 'http://127.0.0.1:1/')
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com')
    try {
      const outcome = await uploadEvidenceArtifact({
        path,
        environment: 'prod',
        runId: '77',
        runAttempt: '3'
      })
      expect(outcome.status).toBe('failed')
      if (outcome.status === 'failed')
        expect(outcome.message).toMatch(/could not be uploaded: .*CreateArtifact.*ECONNREFUSED/s)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
