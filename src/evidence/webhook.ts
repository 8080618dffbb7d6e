import { Agent, interceptors, request, type Dispatcher } from 'undici'
import { getErrorMessage } from '../errors.js'
import { isLoopback } from '../http-url.js'
import type { EvidenceRecord } from './record.js'
import { scrubSecrets, secretUrlOrigin } from './redact.js'

export interface WebhookTarget {
  url: string
  /** Sent as `Authorization: Bearer <token>`; null: no Authorization header. */
  token: string | null
}

export interface WebhookOptions {
  /** Per attempt: how long to wait for the response headers (and between body chunks). Default 10 s. */
  timeoutMs?: number
  /** Retries after the first attempt on 5xx/429 and connection errors. Default 3. */
  maxRetries?: number
  /** Backoff before the first retry, doubled each time, capped by maxDelayMs (also caps Retry-After). */
  minDelayMs?: number
  maxDelayMs?: number
  /** Upper bound for the whole delivery, retries included. Default 60 s. */
  deadlineMs?: number
}

export type WebhookResult =
  | { ok: true; status: number; attempts: number }
  /** `message` names the endpoint by its origin only (no path, query or credentials) and never contains the token. */
  | { ok: false; status: number | null; attempts: number; message: string }

const RETRY_STATUS = [429, 500, 502, 503, 504]

/**
 * Forwards one ledger record to `evidence-webhook` (a SIEM or compliance platform) as a JSON POST.
 * The git/file ledger stays the source of truth: this never throws, and a failure is only a
 * `webhook-failed` warning. Retries (5xx, 429 honouring Retry-After, connection errors) are undici's
 * own retry interceptor; redirects are not followed, so the token goes nowhere but `url`. The record id
 * is sent as `Idempotency-Key` so a receiver can drop a retried duplicate.
 */
export async function postRecord(
  target: WebhookTarget,
  record: EvidenceRecord,
  options: WebhookOptions = {}
): Promise<WebhookResult> {
  // The URL is a secret too (SPEC §3 lists it with the masked inputs): only its origin is ever shown.
  const secrets = [target.url, ...(target.token ? [target.token] : [])]
  const shown = secretUrlOrigin(target.url)
  let attempts = 0
  const refused = checkUrl(target.url)
  if (refused) return { ok: false, status: null, attempts, message: `evidence webhook ${shown}: ${refused}` }

  const timeoutMs = options.timeoutMs ?? 10_000
  const agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs })
  const counting: Dispatcher.DispatcherComposeInterceptor = dispatch => (opts, handler) => {
    attempts += 1
    return dispatch(opts, handler)
  }
  // compose(a, b): a request goes through b first, so every retry the retry interceptor issues is counted.
  const dispatcher = agent.compose(
    counting,
    interceptors.retry({
      maxRetries: options.maxRetries ?? 3,
      minTimeout: options.minDelayMs ?? 500,
      maxTimeout: options.maxDelayMs ?? 5_000,
      timeoutFactor: 2,
      methods: ['POST'],
      statusCodes: RETRY_STATUS,
      retryAfter: true
    })
  )
  try {
    const response = await request(target.url, {
      dispatcher,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'deploy-gate',
        'idempotency-key': record.id,
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {})
      },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(options.deadlineMs ?? 60_000)
    })
    await response.body.dump()
    if (response.statusCode >= 200 && response.statusCode < 300) {
      return { ok: true, status: response.statusCode, attempts }
    }
    return failure(response.statusCode, `answered HTTP ${response.statusCode}`)
  } catch (error) {
    const status = statusOf(error)
    return failure(status, status === null ? describeError(error, timeoutMs) : `answered HTTP ${status}`)
  } finally {
    await agent.destroy().catch(() => undefined)
  }

  function failure(status: number | null, what: string): WebhookResult {
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
    return {
      ok: false,
      status,
      attempts,
      message: scrubSecrets(
        `evidence webhook ${shown} ${what} (${tries}); the ledger record is kept`,
        secrets
      )
    }
  }
}

/** A token goes over TLS, or over plain http to this machine only. */
function checkUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not a URL'
  }
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol === 'http:' && isLoopback(parsed)) return null
  return 'only https URLs (or plain http to a loopback address) receive evidence'
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode
  return typeof status === 'number' ? status : null
}

function describeError(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: unknown } | null)?.code
  const name = (error as { name?: unknown } | null)?.name
  if (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return `did not answer within ${timeoutMs} ms`
  }
  if (name === 'TimeoutError' || name === 'AbortError') return 'did not accept the record before the deadline'
  return `could not be reached (${typeof code === 'string' ? code : getErrorMessage(error)})`
}
