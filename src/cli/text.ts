/**
 * Escaping for text that comes out of the ledger: titles, logins, check names, justifications were written
 * by whoever opened a pull request or ran a deploy, so to an export they are untrusted.
 */
import { parseHttpUrl } from '../http-url.js'

// C0/C1 controls and the bidirectional and zero-width formatting characters that make text read otherwise
// than it is ("Trojan Source", CVE-2021-42574).
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
/* eslint-enable no-control-regex */

/** One line: invisible characters removed, line breaks and runs of white space made one space. */
export function flatten(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text as HTML element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return flatten(text).replace(/[&<>"']/g, ch => HTML_ENTITIES[ch] ?? ch)
}

/**
 * Text as the content of a Markdown table cell: HTML is made entities (GitHub renders raw HTML) and each
 * punctuation character with an inline meaning is backslash-escaped, `|` included, so a title can neither
 * end its cell nor become code, a link, an image, emphasis or math. (Block syntax such as `#` or `-` has no
 * meaning inside a table cell.)
 */
export function escapeMarkdown(text: string): string {
  return flatten(text)
    .replace(/[\\`*_[\]()!|~$]/g, ch => `\\${ch}`)
    .replace(/[&<>"]/g, ch => HTML_ENTITIES[ch] ?? ch)
}

/** The URL if it is plain http(s), for use as a link target; otherwise null (javascript:, data:, ...). */
export function safeHttpUrl(url: string | null): string | null {
  const parsed = parseHttpUrl(url)
  // A URL with credentials in it is never made a link (nor shown as one).
  if (!parsed || parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}
