/**
 * Escaping for text that comes from pull requests, tickets and API answers (titles, branch names, logins,
 * check names, ticket statuses, justifications). A pull request title is written by whoever opened it:
 * rendered raw in the job summary it could fake a passing verdict, hide rows or link to a phishing page.
 *
 * The summary is written as HTML blocks, in which GitHub's Markdown does not apply; escaped text is
 * additionally inert as Markdown, in case it ever lands outside such a block.
 */
import { safeHttpUrl } from '../http-url.js'
import { flatten, truncate } from '../text.js'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '\\': '&#92;',
  '#': '&#35;',
  '!': '&#33;',
  $: '&#36;',
  ':': '&#58;',
  '=': '&#61;',
  '+': '&#43;',
  '-': '&#45;',
  '{': '&#123;',
  '}': '&#125;',
  // A zero-width space after `@` keeps `@org/team` from becoming a mention (GitHub links mentions in
  // rendered text, after entities are decoded, so an entity alone would not do).
  '@': '@&#8203;'
}
const SPECIAL = /[&<>"'|[\]()`*_~\\#!$:=+\-{}@]/g

/** One line of plain text: invisible characters removed, line breaks and runs of spaces collapsed. */
export function flattenText(text: string, maxLength: number): string {
  return truncate(flatten(text), maxLength)
}

/** Untrusted text as HTML element content or a quoted attribute value; inert as Markdown too. */
export function escapeText(text: string, maxLength = 300): string {
  return flattenText(text, maxLength).replace(SPECIAL, ch => ENTITIES[ch] ?? ch)
}

/** An href for a URL the API returned, or null when it is not plain http(s) (javascript:, data:, …). */
export function safeHref(url: string | null | undefined): string | null {
  return safeHttpUrl(url)?.replace(/[&<>"']/g, ch => ENTITIES[ch] ?? ch) ?? null
}

/** A link to `url` with escaped `text`, or just the escaped text when the URL is not safe to link. */
export function link(url: string | null | undefined, text: string): string {
  const href = safeHref(url)
  return href === null ? escapeText(text) : `<a href="${href}">${escapeText(text)}</a>`
}

/** A time as `2024-06-01 12:00:05 UTC`; anything that is not a date is shown escaped, as given. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—'
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) return escapeText(value, 40)
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** A commit SHA as the first 7 hex digits, or escaped text when it is not hex. */
export function shortSha(sha: string | null | undefined): string {
  if (!sha) return '—'
  return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : escapeText(sha, 12)
}
