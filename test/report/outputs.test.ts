import * as core from '@actions/core'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OUTPUT_NAMES, outputsFor, setOutputs } from '../../src/report/outputs.js'
import { parseOutputFile } from '../support/run-action.js'
import { sha } from '../support/builders.js'
import { aDecision } from './decisions.js'

const SHA = sha('deployed')

describe('outputsFor', () => {
  it.each([
    [
      'a clean allow',
      { decision: aDecision(), warnings: [], recordId: 'abc', evidenceFile: '/t/e.json' },
      {
        decision: 'allow',
        emergency: 'false',
        reasons: '[]',
        warnings: '[]',
        'record-id': 'abc',
        'evidence-file': '/t/e.json'
      }
    ],
    [
      'a block with warnings, in code order and once each',
      {
        decision: aDecision({ decision: 'block', reasons: ['insufficient-approvals', 'ci-failed'] }),
        warnings: ['webhook-failed', 'since-sha-ignored', 'webhook-failed'] as const,
        recordId: 'abc',
        evidenceFile: null
      },
      {
        decision: 'block',
        emergency: 'false',
        reasons: '["insufficient-approvals","ci-failed"]',
        warnings: '["since-sha-ignored","webhook-failed"]',
        'record-id': 'abc',
        'evidence-file': ''
      }
    ],
    [
      'an emergency allow',
      {
        decision: aDecision({
          reasons: ['ci-failed'],
          emergency: { actor: 'alice', justification: 'x', bypassed: ['ci-failed'] }
        }),
        warnings: ['emergency-approvers-empty'] as const,
        recordId: 'abc',
        evidenceFile: '/t/e.json'
      },
      {
        decision: 'allow',
        emergency: 'true',
        reasons: '["ci-failed"]',
        warnings: '["emergency-approvers-empty"]',
        'record-id': 'abc',
        'evidence-file': '/t/e.json'
      }
    ],
    [
      'a block that could not be recorded',
      {
        decision: aDecision({ decision: 'block', reasons: ['upstream-error'] }),
        warnings: [],
        recordId: null,
        evidenceFile: null
      },
      {
        decision: 'block',
        emergency: 'false',
        reasons: '["upstream-error"]',
        warnings: '[]',
        'record-id': '',
        'evidence-file': ''
      }
    ]
  ])('%s', (_name, given, expected) => {
    expect(outputsFor({ ...given, sha: SHA })).toEqual({ ...expected, sha: SHA })
  })
})

describe('setOutputs', () => {
  const saved = process.env.GITHUB_OUTPUT
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT
    else process.env.GITHUB_OUTPUT = saved
  })

  it('writes every output to GITHUB_OUTPUT as the runner reads it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'outputs-')), 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    const outputs = outputsFor({
      decision: aDecision({ decision: 'block', reasons: ['ci-failed'] }),
      warnings: ['ledger-unprotected'],
      sha: SHA,
      recordId: 'f'.repeat(64),
      evidenceFile: '/runner/temp/deploy-evidence.json'
    })
    setOutputs(outputs, core)
    const written = parseOutputFile(readFileSync(file, 'utf8'))
    expect(Object.keys(written)).toEqual([...OUTPUT_NAMES])
    expect(written).toEqual(outputs)
  })
})
