import { describe, expect, it } from 'vitest'
import { inPeriod, parseDateArgument, toPeriod } from '../../src/cli/dates.js'

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
