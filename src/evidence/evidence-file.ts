import { createHash } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { WARNING_CODES, inContractOrder, type WarningCode } from '../gate/codes.js'
import type { Decision, RuleResult } from '../gate/decision.js'
import type { ChangeSetFacts, TicketLookup } from '../gate/facts.js'
import type { RangePlan } from './range.js'
import type { EvidenceRecord, UnchainedRecord } from './record.js'
import { encodeNamePart } from './redact.js'
import type { WebhookResult } from './webhook.js'

export const RUN_EVIDENCE_SCHEMA = 'deploy-gate/run-evidence/v1'

export interface RunEvidenceInput {
  environment: string
  runId: string
  runAttempt: string
  /** The appended ledger record; null when it could not be appended (then `unrecorded` says what was decided). */
  record: EvidenceRecord | null
  unrecorded?: UnchainedRecord | null
  decision: Decision
  plan: RangePlan | null
  /** The facts the decision was made on (already trimmed to the fields the gate uses). */
  facts: ChangeSetFacts | null
  tickets?: readonly TicketLookup[]
  /** Every warning of the run, including those found after the record was appended (`webhook-failed`). */
  warnings: readonly WarningCode[]
  ledger: { location: string; attempts: number | null; commit: string | null; error: string | null }
  webhook: WebhookResult | null
  /** Messages of what went wrong around the decision (scrubbed), e.g. the upstream error that blocked. */
  errors?: readonly string[]
}

/** This run's evidence (SPEC §5): one JSON document an auditor can read without the ledger. */
export interface RunEvidence {
  schema: typeof RUN_EVIDENCE_SCHEMA
  environment: string
  run: { id: string; attempt: string }
  record: EvidenceRecord | null
  unrecorded: UnchainedRecord | null
  range: RangePlan | null
  results: RuleResult[]
  warnings: WarningCode[]
  ledger: RunEvidenceInput['ledger']
  webhook: WebhookResult | null
  errors: string[]
  facts: ChangeSetFacts | null
  tickets: TicketLookup[]
}

/**
 * Most bytes of the environment part of an evidence name. File names are limited to 255 bytes, and the
 * file is first written as `<name>.json.<pid>.partial`; GitHub environment names may be 255 characters.
 */
export const MAX_NAME_ENVIRONMENT_BYTES = 160

/**
 * `deploy-evidence-<environment>-<run id>-<attempt>`: the artifact name, and the file name without `.json`.
 * An environment name too long for a file name is cut, and the first 12 hex digits of its SHA-256 are added
 * so that two long names never share a file; the evidence inside names the environment in full.
 */
export function evidenceName(environment: string, runId: string, runAttempt: string): string {
  let part = encodeNamePart(environment)
  if (Buffer.byteLength(part) > MAX_NAME_ENVIRONMENT_BYTES) {
    const hash = createHash('sha256').update(environment, 'utf8').digest('hex').slice(0, 12)
    const chars = [...part]
    while (Buffer.byteLength(chars.join('')) > MAX_NAME_ENVIRONMENT_BYTES - hash.length - 1) chars.pop()
    // Never end on half of a `%XX` escape.
    part = `${chars.join('').replace(/%[0-9A-F]?$/, '')}~${hash}`
  }
  return `deploy-evidence-${part}-${encodeNamePart(runId)}-${encodeNamePart(runAttempt)}`
}

function buildRunEvidence(input: RunEvidenceInput): RunEvidence {
  const warnings = new Set([...(input.record?.warnings ?? []), ...input.warnings])
  return {
    schema: RUN_EVIDENCE_SCHEMA,
    environment: input.environment,
    run: { id: input.runId, attempt: input.runAttempt },
    record: input.record,
    unrecorded: input.record ? null : (input.unrecorded ?? null),
    range: input.plan,
    results: input.decision.results,
    warnings: inContractOrder(WARNING_CODES, warnings),
    ledger: input.ledger,
    webhook: input.webhook,
    errors: [...(input.errors ?? [])],
    facts: input.facts,
    tickets: [...(input.tickets ?? [])]
  }
}

/**
 * Writes the run's evidence as `<dir>/deploy-evidence-<env>-<run>-<attempt>.json` (dir: RUNNER_TEMP)
 * and returns its path. Written to a temporary name and renamed, so a reader never sees half a file.
 */
export async function writeEvidenceFile(dir: string, input: RunEvidenceInput): Promise<string> {
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${evidenceName(input.environment, input.runId, input.runAttempt)}.json`)
  const partial = `${path}.${process.pid}.partial`
  await writeFile(partial, `${JSON.stringify(buildRunEvidence(input), null, 2)}\n`, 'utf8')
  await rename(partial, path)
  return path
}
