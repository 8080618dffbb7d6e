import { describe, expect, it } from 'vitest'
import { REASON_CODES, WARNING_CODES, inContractOrder } from '../../src/gate/codes.js'

describe('inContractOrder', () => {
  it('keeps each code once, in the order of its contract list, and drops anything else', () => {
    expect(
      inContractOrder(WARNING_CODES, [
        'webhook-failed',
        'since-sha-ignored',
        'webhook-failed',
        null,
        'ci-failed'
      ])
    ).toEqual(['since-sha-ignored', 'webhook-failed'])
    expect(inContractOrder(REASON_CODES, new Set(['upstream-error', 'no-pull-request']))).toEqual([
      'no-pull-request',
      'upstream-error'
    ])
    expect(inContractOrder(REASON_CODES, [])).toEqual([])
  })
})
