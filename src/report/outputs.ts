/** The action's outputs (SPEC §4) as the strings `core.setOutput` writes. */
import { WARNING_CODES, inContractOrder, type WarningCode } from '../gate/codes.js'
import type { Decision } from '../gate/decision.js'

export const OUTPUT_NAMES = [
  'decision',
  'emergency',
  'reasons',
  'warnings',
  'sha',
  'record-id',
  'evidence-file'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

export interface OutputsInput {
  decision: Decision
  /** Every warning of the run (the decision's and those raised after it). */
  warnings: readonly WarningCode[]
  /** The verified commit. */
  sha: string
  /** null when no record was appended. */
  recordId: string | null
  /** null when no evidence file was written. */
  evidenceFile: string | null
}

export function outputsFor(input: OutputsInput): Record<OutputName, string> {
  const { decision } = input
  return {
    decision: decision.decision,
    emergency: String(decision.decision === 'allow' && decision.emergency !== null),
    reasons: JSON.stringify(decision.reasons),
    warnings: JSON.stringify(inContractOrder(WARNING_CODES, input.warnings)),
    sha: input.sha,
    'record-id': input.recordId ?? '',
    'evidence-file': input.evidenceFile ?? ''
  }
}

export function setOutputs(
  outputs: Record<OutputName, string>,
  sink: { setOutput(name: string, value: string): void }
): void {
  for (const name of OUTPUT_NAMES) sink.setOutput(name, outputs[name])
}
