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

/**
 * The login behind an identity GitHub did not resolve (`Name <email>`), when its e-mail is a GitHub
 * no-reply address (`12345+login@users.noreply.github.com` or `login@users.noreply.github.com`); null
 * otherwise. Other addresses cannot be tied to a login, so they cannot disqualify a reviewer.
 */
export function loginFromIdentity(identity: string): string | null {
  const email = /<([^<>]+)>\s*$/.exec(identity)?.[1] ?? identity
  const match = /^\s*(?:\d+\+)?([A-Za-z0-9-]+(?:\[bot\])?)@users\.noreply\.github\.com\s*$/i.exec(email)
  return match?.[1] ?? null
}
