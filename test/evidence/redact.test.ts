import { describe, expect, it } from 'vitest'
import { encodeNamePart, redactUrl, scrubSecrets, secretUrlOrigin } from '../../src/evidence/redact.js'

describe('scrubSecrets', () => {
  it.each([
    ['token abc123 and abc123 again', ['abc123'], 'token *** and *** again'],
    ['header eC1hY2Nlc3M=', ['x', 'eC1hY2Nlc3M='], 'header ***'],
    ['nothing to hide', [''], 'nothing to hide'],
    ['long-secret', ['secret', 'long-secret'], '***']
  ])('%s', (text, secrets, expected) => expect(scrubSecrets(text, secrets)).toBe(expected))
})

describe('redactUrl', () => {
  it.each([
    ['https://github.com/acme/ledger.git', 'https://github.com/acme/ledger.git'],
    [
      'https://x-access-token:ghs_abc@github.com/acme/ledger.git',
      'https://github.com/acme/ledger.git (credentials and query hidden)'
    ],
    ['https://siem.test/in?token=abc#frag', 'https://siem.test/in (credentials and query hidden)'],
    ['/srv/ledger.git', '/srv/ledger.git'],
    ['file:///srv/ledger.git', 'file:///srv/ledger.git']
  ])('%s', (url, expected) => expect(redactUrl(url)).toBe(expected))
})

describe('secretUrlOrigin', () => {
  it.each([
    ['https://siem.test', 'https://siem.test'],
    ['https://siem.test/', 'https://siem.test'],
    ['https://siem.test/services/collector/hec-token', 'https://siem.test/… (path hidden)'],
    ['https://siem.test/?token=abc', 'https://siem.test/… (path hidden)'],
    ['HTTPS://user:pw@SIEM.test:8443/x', 'https://siem.test:8443/… (path hidden)'],
    ['not a url hec-token', '(the URL given)'],
    ['ftp://siem.test/hec-token', '(the URL given)']
  ])('%s', (url, expected) => expect(secretUrlOrigin(url)).toBe(expected))
})

describe('encodeNamePart', () => {
  it.each([
    ['production', 'production'],
    ['prod eu', 'prod eu'],
    ['a/b\\c', 'a%2Fb%5Cc'],
    ['x"<>|*?:', 'x%22%3C%3E%7C%2A%3F%3A'],
    ['line\nbreak', 'line%0Abreak'],
    ['50%', '50%25']
  ])('%s', (name, expected) => expect(encodeNamePart(name)).toBe(expected))
})
