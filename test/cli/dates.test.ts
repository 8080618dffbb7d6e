import { describe, expect, it } from 'vitest'
import { inPeriod, parseDateArgument, periodBounds, periodText, toPeriod } from '../../src/cli/dates.js'

describe('parseDateArgument', () => {
  it.each([
    ['2024-06-30', '2024-06-30T00:00:00.000Z', true],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', true],
    ['2024-06-30T17:00:00Z', '2024-06-30T17:00:00.000Z', false],
    ['2024-06-30T19:00:00+02:00', '2024-06-30T17:00:00.000Z', false],
    ['2024-06-30T17:00Z', '2024-06-30T17:00:00.000Z', false],
    ['2024-06-30T17:00:00.123456Z', '2024-06-30T17:00:00.123Z', false]
  ])('reads %s', (text, iso, wholeDay) => {
    const parsed = parseDateArgument(text)
    expect(new Date(parsed.at).toISOString()).toBe(iso)
    expect(parsed.wholeDay).toBe(wholeDay)
  })

  it.each([
    ['2023-02-29', /There is no day 2023-02-29/],
    ['2024-13-01', /There is no day 2024-13-01/],
    ['2024-06-30T24:00:00Z', /out of range/],
    ['2024-06-30T17:00:00', /with a zone/],
    ['30/06/2024', /Expected a date \(YYYY-MM-DD, UTC\)/],
    ['yesterday', /Expected a date/],
    ['', /Expected a date/]
  ])('refuses %j', (text, message) => {
    expect(() => parseDateArgument(text)).toThrow(message)
  })
})

describe('toPeriod', () => {
  const at = (iso: string) => Date.parse(iso)
  it('includes the whole --until day, and an --until time itself', () => {
    const days = toPeriod(parseDateArgument('2024-06-01'), parseDateArgument('2024-06-30'))
    expect(inPeriod(days, at('2024-06-01T00:00:00Z'))).toBe(true)
    expect(inPeriod(days, at('2024-05-31T23:59:59.999Z'))).toBe(false)
    expect(inPeriod(days, at('2024-06-30T23:59:59.999Z'))).toBe(true)
    expect(inPeriod(days, at('2024-07-01T00:00:00Z'))).toBe(false)
    const times = toPeriod(undefined, parseDateArgument('2024-06-30T12:00:00Z'))
    expect(inPeriod(times, at('2024-06-30T12:00:00Z'))).toBe(true)
    expect(inPeriod(times, at('2024-06-30T12:00:00.001Z'))).toBe(false)
    expect(inPeriod(toPeriod(undefined, undefined), 0)).toBe(true)
  })
})

describe('periodBounds and periodText', () => {
  it('shows a period by its first and last instants, `until` as a date ending with that day', () => {
    const bounds = periodBounds(toPeriod(parseDateArgument('2024-06-01'), parseDateArgument('2024-06-30')))
    expect(bounds).toEqual({ from: '2024-06-01T00:00:00.000Z', until: '2024-06-30T23:59:59.999Z' })
    expect(periodText(bounds)).toBe('2024-06-01T00:00:00.000Z to 2024-06-30T23:59:59.999Z')
  })

  it('names an open end', () => {
    const until = periodBounds(toPeriod(undefined, parseDateArgument('2024-06-30T17:00:00Z')))
    expect(until).toEqual({ from: null, until: '2024-06-30T17:00:00.000Z' })
    expect(periodText(until)).toBe('the start of the ledger to 2024-06-30T17:00:00.000Z')
    const since = periodBounds(toPeriod(parseDateArgument('2024-06-01'), undefined))
    expect(periodText(since)).toBe('2024-06-01T00:00:00.000Z to the end of the ledger')
    expect(periodText(periodBounds(toPeriod(undefined, undefined)))).toBe('the whole ledger')
  })
})
