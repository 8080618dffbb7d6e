import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { chainRecord } from '../../src/evidence/hash.js'
import { postRecord } from '../../src/evidence/webhook.js'
import { anUnchainedRecord } from './support/records.js'

const TOKEN = 'whk_secret_token_0123456789abcdef'
const record = chainRecord(anUnchainedRecord(), null)
const fast = { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 }

interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

let server: Server | null = null
afterEach(async () => {
  const s = server
  server = null
  if (s) {
    s.closeAllConnections()
    await new Promise<void>(resolve => s.close(() => resolve()))
  }
})

/** A receiver answering the n-th request with `answers[n]` (the last one repeats). */
async function receiver(
  answers: Array<(res: ServerResponse) => void>,
  host = '127.0.0.1'
): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString('utf8')))
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      const answer = answers[Math.min(received.length, answers.length) - 1]!
      answer(res)
    })
  })
  await new Promise<void>(resolve => server!.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://${host}:${port}/hooks/evidence`, received }
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  (res: ServerResponse) =>
    res.writeHead(code, headers).end(code < 300 ? '{"ok":true}' : 'nope')

describe('postRecord', () => {
  it('POSTs the record as JSON with the bearer token and the record id as idempotency key', async () => {
    const { url, received } = await receiver([status(202)])
    const result = await postRecord({ url, token: TOKEN }, record, fast)

    expect(result).toEqual({ ok: true, status: 202, attempts: 1 })
    expect(received).toHaveLength(1)
    const [req] = received
    expect(req).toMatchObject({ method: 'POST', url: '/hooks/evidence' })
    expect(req!.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(req!.headers['content-type']).toBe('application/json')
    expect(req!.headers['idempotency-key']).toBe(record.id)
    expect(JSON.parse(req!.body)).toEqual(record)
  })

  it('sends no Authorization header without a token', async () => {
    const { url, received } = await receiver([status(200)])
    expect((await postRecord({ url, token: null }, record, fast)).ok).toBe(true)
    expect(received[0]!.headers.authorization).toBeUndefined()
  })

  it('retries a 503 and succeeds on the next attempt, sending the same body', async () => {
    const { url, received } = await receiver([status(503), status(200)])
    const result = await postRecord({ url, token: TOKEN }, record, fast)
    expect(result).toEqual({ ok: true, status: 200, attempts: 2 })
    expect(received).toHaveLength(2)
    expect(received[1]!.body).toBe(received[0]!.body)
  })

  it('retries a 429 after its Retry-After', async () => {
    const { url, received } = await receiver([status(429, { 'retry-after': '0' }), status(201)])
    expect(await postRecord({ url, token: TOKEN }, record, fast)).toEqual({
      ok: true,
      status: 201,
      attempts: 2
    })
    expect(received).toHaveLength(2)
  })

  it('gives up after the bounded retries on a persistent 500, with a message free of the token', async () => {
    const { url, received } = await receiver([status(500)])
    const result = await postRecord({ url: `${url}?token=${TOKEN}`, token: TOKEN }, record, {
      ...fast,
      maxRetries: 2
    })
    expect(result.ok).toBe(false)
    expect(received).toHaveLength(3)
    if (result.ok) return
    expect(result).toMatchObject({ status: 500, attempts: 3 })
    expect(result.message).toMatch(/answered HTTP 500 \(3 attempts\); the ledger record is kept/)
    // The webhook URL is a secret (its path may be the credential): only its origin is named.
    expect(result.message).toContain(`evidence webhook ${new URL(url).origin}/… (path hidden) answered`)
    expect(result.message).not.toContain('/hooks/evidence')
    expect(result.message).not.toContain(TOKEN)
  })

  it('does not retry a refusal such as 401', async () => {
    const { url, received } = await receiver([status(401)])
    const result = await postRecord({ url, token: TOKEN }, record, fast)
    expect(result).toMatchObject({ ok: false, status: 401, attempts: 1 })
    expect(received).toHaveLength(1)
  })

  it('does not follow a redirect (the token would go elsewhere)', async () => {
    const { url, received } = await receiver([status(307, { location: 'http://127.0.0.1:1/steal' })])
    const result = await postRecord({ url, token: TOKEN }, record, fast)
    expect(result).toMatchObject({ ok: false, status: 307 })
    expect(received).toHaveLength(1)
  })

  it('times out on a receiver that never answers, and returns instead of throwing', async () => {
    const { url } = await receiver([() => undefined])
    const started = Date.now()
    const result = await postRecord({ url, token: TOKEN }, record, { ...fast, timeoutMs: 300 })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result).toMatchObject({ ok: false, status: null })
    if (!result.ok) expect(result.message).toMatch(/did not answer within 300 ms/)
  })

  it('reports a receiver that cannot be reached after retrying the connection', async () => {
    const { url } = await receiver([status(200)])
    const s = server!
    server = null
    await new Promise<void>(resolve => s.close(() => resolve()))
    const result = await postRecord({ url, token: TOKEN }, record, { ...fast, maxRetries: 1 })
    expect(result).toMatchObject({ ok: false, status: null, attempts: 2 })
    if (!result.ok) expect(result.message).toMatch(/could not be reached \(ECONNREFUSED\)/)
  })

  it('sends over plain http to any loopback address the evidence-webhook input accepts', async () => {
    const { url, received } = await receiver([status(202)], '127.0.0.2')
    expect(await postRecord({ url, token: TOKEN }, record, fast)).toEqual({
      ok: true,
      status: 202,
      attempts: 1
    })
    expect(received).toHaveLength(1)
  })

  it('refuses to send a token over plain http to another host, without any request', async () => {
    for (const url of ['http://siem.example.test/in', 'ftp://127.0.0.1/x', 'not a url']) {
      const result = await postRecord({ url, token: TOKEN }, record, fast)
      expect(result).toMatchObject({ ok: false, attempts: 0 })
      if (!result.ok) expect(result.message).not.toContain(TOKEN)
    }
  })
})
