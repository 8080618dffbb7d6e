import { loginKey } from './accounts.js'
import type { ReasonCode } from './codes.js'
import type { EmergencyVerdict, RuleResult } from './decision.js'
import { shortSha } from './time.js'

export interface EmergencyRequest {
  /** `github.actor`: who started the run. */
  actor: string
  justification: string
  /** Logins allowed to invoke the override; empty: anyone, with a warning. */
  approvers: readonly string[]
}

export const MIN_JUSTIFICATION_LENGTH = 20

/** Words that fill the field without explaining anything. */
// prettier-ignore
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'n/a', 'na', 'none', 'nothing', 'nil', 'null', 'undefined', 'test', 'tests', 'testing', 'tmp', 'temp', 'todo',
  'tbd', 'wip', 'xxx', 'asdf', 'qwerty', 'foo', 'bar', 'baz', 'lorem', 'ipsum', 'placeholder', 'emergency',
  'urgent', 'asap', 'yes', 'ok', 'okay', 'please', 'deploy', 'justification', 'reason', 'because', 'whatever'
])

/**
 * The problem with an emergency justification, or null when it is acceptable: at least 20 characters of
 * real text. Placeholders ("n/a", "test", "emergency"), words of fewer than two letters or digits, runs
 * of one character or one short pattern ("aaaa", "abababab") and repeated words do not count toward the
 * 20. The break-glass record is the auditor's only account of why the controls were bypassed.
 * inputs.ts calls this before any request and turns a problem into a ConfigError naming the input.
 */
export function validateJustification(text: string): string | null {
  const words = text.split(/\s+/).filter(w => w !== '')
  if (words.length === 0) return 'is empty; describe why the deploy cannot wait (incident, impact, ticket)'
  const real: string[] = []
  const seen = new Set<string>()
  for (const word of words) {
    const lower = word.toLowerCase()
    const bare = lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (PLACEHOLDERS.has(lower) || PLACEHOLDERS.has(bare)) continue
    // Collapse "aaaa" → "a" and "abababab" → "ab": keyboard mashing is not text.
    const collapsed = bare.replace(/(.+?)\1{2,}/gu, '$1')
    if ((collapsed.match(/[\p{L}\p{N}]/gu) ?? []).length < 2 || seen.has(collapsed)) continue
    seen.add(collapsed)
    real.push(collapsed)
  }
  const length = real.join(' ').length
  const letters = new Set(real.join('').replace(/[^\p{L}]/gu, ''))
  if (length >= MIN_JUSTIFICATION_LENGTH && letters.size >= 5) return null
  return (
    `has ${length} character(s) of real text; at least ${MIN_JUSTIFICATION_LENGTH} are required ` +
    '(placeholders such as "n/a", "test" or "emergency", repeated characters and repeated words do not count)'
  )
}

export interface EmergencyOutcome {
  /** The override's own rule results: `emergency` (pass/fail) and, when no allowlist is set, a warning. */
  results: RuleResult[]
  /** Set when the override allows the deploy; `bypassed` lists the failing reasons it let through. */
  verdict: EmergencyVerdict | null
}

/**
 * The break-glass override. Every rule has already been evaluated and recorded; this only decides whether
 * the actor may let the failing ones through. Logins compare case-insensitively, as GitHub's do.
 */
export function evaluateEmergency(
  request: EmergencyRequest,
  failing: readonly ReasonCode[],
  sha: string
): EmergencyOutcome {
  const base = { rule: 'emergency', pullRequest: null, commit: sha }
  const allowlist = request.approvers.map(loginKey).filter(l => l !== '')
  if (allowlist.length > 0 && !allowlist.includes(loginKey(request.actor))) {
    return {
      results: [
        {
          ...base,
          status: 'fail',
          code: 'emergency-not-allowed',
          detail: `${request.actor} invoked the emergency override for ${shortSha(sha)} but is not in emergency-approvers; ask one of ${request.approvers.join(', ')} to run it.`
        }
      ],
      verdict: null
    }
  }
  const bypassed = failing.filter(code => code !== 'emergency-not-allowed')
  const what = bypassed.length > 0 ? `bypassing ${bypassed.join(', ')}` : 'with every rule passing'
  const results: RuleResult[] = [
    {
      ...base,
      status: 'pass',
      code: null,
      detail: `${request.actor} deployed ${shortSha(sha)} under the emergency override, ${what}; complete the retrospective within 24 hours.`
    }
  ]
  if (allowlist.length === 0) {
    results.push({
      ...base,
      rule: 'emergency-approvers',
      status: 'warn',
      code: 'emergency-approvers-empty',
      detail: `The emergency override for ${shortSha(sha)} was open to anyone because emergency-approvers is empty; set it to the people allowed to break glass.`
    })
  }
  return {
    results,
    verdict: { actor: request.actor, justification: request.justification, bypassed: [...bypassed] }
  }
}
