/** A mistake the user can fix in the workflow: names the input, the value and what is accepted. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

export type Service = 'GitHub' | 'Jira' | 'ledger' | 'webhook' | 'deploy-gate'

/** A service the gate depends on could not answer: the gate cannot establish a fact, so it blocks. */
export class UpstreamError extends Error {
  override name = 'UpstreamError'
  readonly service: Service
  readonly status: number | null

  constructor(service: Service, message: string, status: number | null = null) {
    super(message)
    this.service = service
    this.status = status
  }
}

/** The ledger exists but its chain is broken: it must not be extended. */
export class LedgerIntegrityError extends Error {
  override name = 'LedgerIntegrityError'
}

export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}
