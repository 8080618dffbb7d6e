import { describe, expect, it } from 'vitest'
import { evaluateEmergency, validateJustification } from '../../src/gate/emergency.js'
import { sha } from '../support/builders.js'

describe('validateJustification', () => {
  it.each([
    'Payment API down since 09:12, rolling forward the fix for INC-4521',
    'Emergency: checkout returns 500 for every EU customer, hotfix PAY-88',
    'Revert the cache change that broke login',
    'Certificate expires in 2 hours; rotating it',
    '   Database failover left writes disabled; re-enabling them   '
  ])('accepts %j', text => {
    expect(validateJustification(text)).toBeNull()
  })

  it.each([
    { text: '', why: 'empty' },
    { text: '      \n\t  ', why: 'whitespace' },
    { text: 'too short', why: 'under 20 characters' },
    { text: 'n/a', why: 'a placeholder' },
    { text: 'N/A N/A N/A N/A N/A N/A N/A', why: 'a repeated placeholder' },
    { text: 'test test test test test test', why: 'a repeated placeholder word' },
    { text: 'emergency emergency emergency!!!', why: 'the word emergency' },
    { text: 'Emergency - urgent - ASAP - please deploy', why: 'only placeholders' },
    { text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', why: 'one repeated character' },
    { text: '..............................', why: 'punctuation only' },
    { text: 'abababababababababababababab', why: 'a repeated pattern' },
    { text: 'fix it fix it fix it fix it fix it', why: 'repeated words' },
    { text: 'a b c d e f g h i j k l m n o p', why: 'single letters' },
    { text: 'asdf asdf qwerty asdf qwerty asdf', why: 'keyboard mashing' },
    { text: 'xxxxxxxxxx yyyyyyyyyy zzzzzzzzzz', why: 'runs of letters' }
  ])('rejects $why', ({ text }) => {
    const problem = validateJustification(text)
    expect(problem).not.toBeNull()
    expect(problem).toMatch(/real text|empty/)
  })

  it('says how much real text it counted', () => {
    expect(validateJustification('fix prod')).toContain('has 8 character(s) of real text; at least 20')
  })
})

describe('evaluateEmergency', () => {
  const deployed = sha('deployed')
  it.each([
    { name: 'actor in the allowlist', actor: 'alice', approvers: ['alice', 'bob'], allowed: true, warns: [] },
    {
      name: 'logins compare case-insensitively',
      actor: 'Alice',
      approvers: ['ALICE'],
      allowed: true,
      warns: []
    },
    { name: 'actor not in the allowlist', actor: 'mallory', approvers: ['alice'], allowed: false, warns: [] },
    {
      name: 'no allowlist: anyone, with a warning',
      actor: 'mallory',
      approvers: [],
      allowed: true,
      warns: ['emergency-approvers-empty']
    }
  ])('$name', ({ actor, approvers, allowed, warns }) => {
    const outcome = evaluateEmergency({ actor, justification: 'x', approvers }, ['ci-failed'], deployed)
    expect(outcome.verdict !== null).toBe(allowed)
    expect(outcome.results.filter(r => r.status === 'fail').map(r => r.code)).toEqual(
      allowed ? [] : ['emergency-not-allowed']
    )
    expect(outcome.results.filter(r => r.status === 'warn').map(r => r.code)).toEqual(warns)
  })

  it('lists the failing reasons as bypassed', () => {
    const outcome = evaluateEmergency(
      { actor: 'alice', justification: 'Payment API down; shipping the fix', approvers: ['alice'] },
      ['insufficient-approvals', 'ci-failed'],
      deployed
    )
    expect(outcome.verdict).toEqual({
      actor: 'alice',
      justification: 'Payment API down; shipping the fix',
      bypassed: ['insufficient-approvals', 'ci-failed']
    })
    expect(outcome.results[0]?.detail).toContain('bypassing insufficient-approvals, ci-failed')
  })

  it('records an emergency on a passing change set with nothing bypassed', () => {
    const outcome = evaluateEmergency({ actor: 'alice', justification: 'j', approvers: [] }, [], deployed)
    expect(outcome.verdict?.bypassed).toEqual([])
    expect(outcome.results[0]?.detail).toContain('with every rule passing')
  })

  it('names the actor, the commit and who may invoke it when refused', () => {
    const outcome = evaluateEmergency(
      { actor: 'mallory', justification: 'j', approvers: ['alice', 'bob'] },
      [],
      deployed
    )
    expect(outcome.results[0]?.detail).toContain('mallory')
    expect(outcome.results[0]?.detail).toContain(deployed.slice(0, 7))
    expect(outcome.results[0]?.detail).toContain('alice, bob')
  })
})
