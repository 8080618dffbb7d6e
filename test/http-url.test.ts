import { describe, expect, it } from 'vitest'
import { isLoopback, parseHttpUrl, safeHttpUrl } from '../src/http-url.js'
import { safeHref } from '../src/report/escape.js'

describe('links from untrusted URLs', () => {
  it.each([
    ['https://github.com/acme/app/pull/1', true],
    ['http://127.0.0.1:8080/browse/PAY-1', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['not a url', false],
    ['', false],
    [null, false]
  ])('parseHttpUrl(%j) is a URL: %s', (url, ok) => {
    expect(parseHttpUrl(url) !== null).toBe(ok)
  })

  it.each([
    ['http://127.0.0.1:8080/', true],
    ['http://127.0.0.2/', true],
    ['http://localhost/', true],
    ['http://[::1]:9000/', true],
    ['http://128.0.0.1/', false],
    ['http://127.0.0.1.example.test/', false],
    ['http://siem.example.test/', false]
  ])('isLoopback(%s) is %s', (url, loopback) => {
    expect(isLoopback(new URL(url))).toBe(loopback)
  })

  it('never makes a link of a URL that carries credentials, in the summary or the exports', () => {
    const url = 'https://x-access-token:ghs_secret@github.com/acme/app/issues/4'
    expect(safeHref(url)).toBeNull()
    expect(safeHttpUrl(url)).toBeNull()
    expect(safeHttpUrl('https://github.com/acme/app/issues/4')).toBe('https://github.com/acme/app/issues/4')
  })
})
