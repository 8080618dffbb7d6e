import { describe, expect, it } from 'vitest'
import { isBotAccount, loginFromIdentity, loginKey } from '../../src/gate/accounts.js'

describe('loginKey', () => {
  it.each([
    ['alice', 'alice'],
    ['Alice', 'alice'],
    [' alice ', 'alice'],
    ['dependabot[bot]', 'dependabot'],
    ['Renovate[BOT]', 'renovate']
  ])('%s → %s', (login, key) => {
    expect(loginKey(login)).toBe(key)
  })
})

describe('isBotAccount', () => {
  it.each([
    [{ login: 'ci-app', isBot: true }, true],
    [{ login: 'dependabot[bot]', isBot: false }, true],
    [{ login: 'bot-lover', isBot: false }, false],
    [{ login: 'alice', isBot: false }, false]
  ])('%j → %s', (account, bot) => {
    expect(isBotAccount(account)).toBe(bot)
  })
})

describe('loginFromIdentity', () => {
  it.each([
    ['Erin <4242+erin@users.noreply.github.com>', 'erin'],
    ['Erin <erin@users.noreply.github.com>', 'erin'],
    ['41898282+github-actions[bot]@users.noreply.github.com', 'github-actions[bot]'],
    ['Erin <erin@example.test>', null],
    ['Erin <erin@users.noreply.github.com.evil.test>', null],
    ['no email at all', null]
  ])('%s → %s', (identity, login) => {
    expect(loginFromIdentity(identity)).toBe(login)
  })
})
