import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeParsedRecordId, computeRecordId } from '../../src/evidence/hash.js'

/**
 * `computeParsedRecordId` (the verifier's fast path) must give exactly `computeRecordId`'s answer for any
 * JSON a ledger line can hold, including the inputs its shortcut cannot handle itself: array-index keys,
 * `__proto__`, lone surrogates, nested `id` keys.
 */
const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    'id',
    '__proto__',
    '0',
    '1',
    '10',
    '01',
    '-1',
    '4294967294',
    '4294967295',
    'a',
    'B',
    'é',
    '\u{1F600}',
    '\ud800'
  )
)
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\ud800', 'x\udc00y', '\\ud800', '"\\')
)
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 1e21, 1e-7, 0.1)
)

/** JSON text built by hand, so that keys such as `__proto__` become own properties when parsed. */
const { json } = fc.letrec<{ json: string; object: string; array: string }>(tie => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', 'false'),
    number.map(n => JSON.stringify(n)),
    text.map(s => JSON.stringify(s)),
    tie('object'),
    tie('array')
  ),
  object: fc
    .array(fc.tuple(key, tie('json')), { maxLength: 5 })
    .map(entries => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('json'), { maxLength: 4 }).map(items => `[${items.join(',')}]`)
}))
const record = fc
  .array(fc.tuple(key, json), { maxLength: 8 })
  .map(entries => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)

function outcome(fn: () => string): string {
  try {
    return fn()
  } catch {
    return 'throws'
  }
}

describe('computeParsedRecordId', () => {
  it('equals computeRecordId on any parsed JSON object, or both refuse it', () => {
    fc.assert(
      fc.property(record, line => {
        const parsed = JSON.parse(line) as Record<string, unknown>
        expect(outcome(() => computeParsedRecordId(parsed))).toBe(outcome(() => computeRecordId(parsed)))
      }),
      { numRuns: 2000 }
    )
  })

  it.each([
    ['array-index keys (V8 lists them first)', '{"b":1,"10":2,"9":3,"a":{"2":0,"1":0}}'],
    ['a __proto__ key', '{"__proto__":{"x":1},"a":1}'],
    ['a nested id', '{"id":"x","changes":[{"id":7}]}'],
    ['a lone surrogate', '{"a":"\\ud800"}'],
    ['a backslash before "ud"', '{"a":"\\\\ud800"}'],
    ['non-ASCII keys in UTF-16 order', '{"\u{1F600}":1,"\uff5e":2,"é":3}']
  ])('handles %s exactly like computeRecordId', (_name, line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>
    expect(outcome(() => computeParsedRecordId(parsed))).toBe(outcome(() => computeRecordId(parsed)))
  })

  it('ignores the record’s own id and is sensitive to every other value', () => {
    const a = computeParsedRecordId({ id: 'one', x: 1, y: [1, 2] })
    expect(computeParsedRecordId({ y: [1, 2], x: 1, id: 'two' })).toBe(a)
    expect(computeParsedRecordId({ id: 'one', x: 1, y: [2, 1] })).not.toBe(a)
  })
})
