/**
 * Keeping secrets out of messages. Every text that leaves the evidence adapters (errors, warnings, the
 * evidence file) passes through these, so a token that a tool echoes back cannot reach a log.
 */

/** Replaces every occurrence of each secret (ignoring empty ones) with `***`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].filter(s => s.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***')
  }
  return out
}

/**
 * A URL as it may be shown: user info, query and fragment removed (they are where credentials hide,
 * e.g. `https://x-access-token:…@host` or `?token=…`). Text that is not a URL (a path) is returned as is.
 */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.protocol === 'file:') return url
  const hidden =
    parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== ''
  parsed.username = ''
  parsed.password = ''
  parsed.search = ''
  parsed.hash = ''
  const shown = parsed.toString()
  return hidden ? `${shown} (credentials and query hidden)` : shown
}

/**
 * A URL that is itself a secret (`evidence-webhook`: SIEM collectors put their credential in the path) as
 * it may be shown: scheme, host and port only. The runner's mask cannot be relied on here, because it
 * matches the text as given, not the URL as normalised, and the evidence file is not masked at all.
 */
export function secretUrlOrigin(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '(the URL given)'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '(the URL given)'
  const more =
    parsed.pathname !== '/' ||
    parsed.search !== '' ||
    parsed.hash !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  return more ? `${parsed.origin}/… (path hidden)` : parsed.origin
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[%"\\/:<>|*?\u0000-\u001f\u007f]/g

/**
 * Environment names go into file and artifact names. Only the characters that a file system or the
 * artifact service refuses (and `%`, so the encoding stays unambiguous) are percent-encoded; the usual
 * names (`production`, `staging eu`) stay readable.
 */
export function encodeNamePart(name: string): string {
  return name.replace(
    UNSAFE_IN_NAMES,
    ch => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
}
