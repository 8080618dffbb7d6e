import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeText, flattenText, formatTime, link, safeHref, shortSha } from '../../src/report/escape.js'

/** Decodes the entities escapeText writes, as an HTML parser would. */
function decode(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

describe('escapeText', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt;'],
    ['| col |', '&#124; col &#124;'],
    ['[link](javascript:alert(1))', '&#91;link&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;'],
    ['@org/team', '@&#8203;org/team'],
    [
      '**bold** _it_ `code` ~~gone~~',
      '&#42;&#42;bold&#42;&#42; &#95;it&#95; &#96;code&#96; &#126;&#126;gone&#126;&#126;'
    ],
    ['line one\n\n# heading\r\n- item', 'line one &#35; heading &#45; item'],
    ['a &amp; b', 'a &amp;amp; b'],
    ['\u202eevil\u202c txt\u200b', 'evil txt'],
    ['$$x$$ \\', '&#36;&#36;x&#36;&#36; &#92;']
  ])('%j → %j', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped)
  })

  it('truncates long text to the given number of characters', () => {
    expect(escapeText('abcdef', 4)).toBe('abc…')
    expect(flattenText('😀'.repeat(10), 3)).toBe('😀😀…')
  })

  it('leaves nothing Markdown or HTML could read, and loses no visible text (any input)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), text => {
        const escaped = escapeText(text, 1000)
        // Outside entities, only characters without meaning in Markdown or HTML remain.
        expect(escaped.replace(/&(#\d+|amp|lt|gt|quot);/g, '')).not.toMatch(
          /[<>&"'|[\]()`*_~\\#!$:=+{}\n\r-]/
        )
        // An `@` is always followed by a zero-width space: no mention.
        expect(escaped).not.toMatch(/@(?!&#8203;)/)
        expect(decode(escaped).replace(/@\u200b/g, '@')).toBe(flattenText(text, 1000))
      })
    )
  })
})

describe('safeHref and link', () => {
  it.each([
    ['https://github.example/acme/shop/pull/1', 'https://github.example/acme/shop/pull/1'],
    ['http://127.0.0.1:3000/x?a=1&b="2"', 'http://127.0.0.1:3000/x?a=1&amp;b=%222%22'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//evil.example', null],
    ['https://user:pw@evil.example', null],
    ['', null]
  ])('%j → %j', (url, href) => {
    expect(safeHref(url)).toBe(href)
  })

  it('links only safe URLs and always escapes the text', () => {
    expect(link('https://x.example/1', '#1')).toBe('<a href="https://x.example/1">&#35;1</a>')
    expect(link('javascript:alert(1)', '<b>')).toBe('&lt;b&gt;')
  })
})

describe('formatTime and shortSha', () => {
  it.each([
    ['2024-06-01T04:05:00.000+0000', '2024-06-01 04:05:00 UTC'],
    ['2024-06-01T06:05:00+02:00', '2024-06-01 04:05:00 UTC'],
    ['not a <date>', 'not a &lt;date&gt;'],
    [null, '—']
  ])('formatTime(%j) → %j', (value, shown) => {
    expect(formatTime(value)).toBe(shown)
  })

  it.each([
    ['0123456789ABCDEF0123456789abcdef01234567', '0123456'],
    ['<svg onload=alert(1)>', '&lt;svg onload…'],
    [null, '—']
  ])('shortSha(%j) → %j', (value, shown) => {
    expect(shortSha(value)).toBe(shown)
  })
})
