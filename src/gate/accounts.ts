import type { Account } from './facts.js'

/**
 * The identity used to compare logins. GitHub logins are case-insensitive, and the same App appears as
 * `name[bot]` over REST and as a bare `name` over GraphQL: both normalise to `name`.
 */
export function loginKey(login: string): string {
  return login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '')
}

export function isBotAccount(account: Account): boolean {
  return account.isBot || /\[bot\]$/i.test(account.login.trim())
}
