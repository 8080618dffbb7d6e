/**
 * Time as data: the gate never reads the clock. Services answer with ISO 8601 strings in several shapes
 * (GitHub `2024-06-01T04:05:00Z`, Jira Cloud `2024-06-01T04:05:00.000+0000`, Data Center `+0200`).
 */

/** Milliseconds since the epoch, or NaN for text that is not a time (comparisons with NaN are false). */
export function toMillis(iso: string | null | undefined): number {
  if (iso === null || iso === undefined) return Number.NaN
  // `+0000` (no colon) is ISO 8601's basic offset form; normalise it rather than rely on a lenient parser.
  const normalised = iso.trim().replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(normalised)) return Number.NaN
  return Date.parse(normalised)
}

/** `a` happened at or before `b`; false when either is unknown (fail closed). */
export function isAtOrBefore(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = toMillis(a)
  const y = toMillis(b)
  return !Number.isNaN(x) && !Number.isNaN(y) && x <= y
}

/** The seven-character form people recognise in GitHub's UI. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}
