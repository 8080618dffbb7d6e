/**
 * Escaping for text that comes out of the ledger: titles, logins, check names, justifications were written
 * by whoever opened a pull request or ran a deploy, so to an export they are untrusted.
 */
import { flatten } from '../text.js'

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
