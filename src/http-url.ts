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

/**
 * The URL (normalised) if it is plain http(s) and carries no credentials, for use as a link target;
 * otherwise null. A URL with credentials in it is never made a link (nor shown as one).
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  const parsed = parseHttpUrl(url)
  if (!parsed || parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}

/** Whether `url` points at this machine: localhost, [::1] or any 127.x.x.x address. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
