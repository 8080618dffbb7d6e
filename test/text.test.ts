import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeHttpUrl } from '../src/http-url.js'
import { safeHref } from '../src/report/escape.js'
import { flatten, oneLine, truncate } from '../src/text.js'

// The implementations the shared helpers replaced (cli/text.ts, report/escape.ts, tickets/jira.ts,
// tickets/retrospective.ts), kept here to prove the shared ones give the same bytes.
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
function formerFlattenText(text: string, maxLength: number): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : flat
}
function formerJiraOneLine(text: string, max: number): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = [...flat]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat
}
function formerRetrospectiveFlat(text: string, max: number): string {
  const line = text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = [...line]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line
}
/* eslint-enable no-control-regex */

// Strings rich in the characters the helpers treat specially.
const tricky = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom(
      '\u0000',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u00a0',
      '\u200b',
      '\u200f',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\u3000',
      ' ',
      '😀',
      '\ud800'
    )
  ),
  maxLength: 60
})

describe('shared one-line helpers', () => {
  it('flatten + truncate give what flattenText gave (any input)', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 1, max: 70 }), (text, max) => {
        expect(truncate(flatten(text), max)).toBe(formerFlattenText(text, max))
      })
    )
  })

  it('oneLine gives what the Jira adapter and the retrospective gave (any input)', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 1, max: 70 }), (text, max) => {
        expect(oneLine(text, max)).toBe(formerJiraOneLine(text, max))
        expect(oneLine(text, max)).toBe(formerRetrospectiveFlat(text, max))
      })
    )
  })

  it('truncate cuts between characters, not inside a surrogate pair', () => {
    expect(truncate('😀'.repeat(10), 3)).toBe('😀😀…')
    expect(truncate('abc', 3)).toBe('abc')
  })

  it('safeHref is safeHttpUrl with HTML entities', () => {
    const url = 'http://127.0.0.1:3000/x?a=1&b="2"'
    expect(safeHttpUrl(url)).toBe('http://127.0.0.1:3000/x?a=1&b=%222%22')
    expect(safeHref(url)).toBe('http://127.0.0.1:3000/x?a=1&amp;b=%222%22')
    expect(safeHttpUrl(undefined)).toBeNull()
  })
})
