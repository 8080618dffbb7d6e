/** `url` parsed, when it is a plain http(s) URL; null for anything else (javascript:, data:, unparsable). */
export function parseHttpUrl(url: string | null | undefined): URL | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null
}
