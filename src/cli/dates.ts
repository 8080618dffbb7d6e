import { InvalidArgumentError } from 'commander'

/** An instant given on the command line, and whether it was a whole day. */
export interface DateArgument {
  /** Milliseconds since the epoch: the start of the day for a date, the instant for a time. */
  at: number
  /** A `YYYY-MM-DD` date (a whole UTC day) rather than an instant. */
  wholeDay: boolean
  text: string
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// A time needs a zone: `2024-06-01T10:00` would mean a different instant on every auditor's laptop.
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * Parses `--since`, `--until` and `--now`: `YYYY-MM-DD` (UTC) or an ISO 8601 time with a zone. A date that
 * does not exist (2024-02-30) is refused, not rolled over. Throws commander's InvalidArgumentError, which
 * commander reports with the option's name.
 */
export function parseDateArgument(text: string): DateArgument {
  const date = DATE.exec(text)
  const time = date ? null : TIME.exec(text)
  const parts = date ?? time
  if (!parts) {
    throw new InvalidArgumentError(
      'Expected a date (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone (2024-06-30T17:00:00Z, 2024-06-30T19:00:00+02:00).'
    )
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new InvalidArgumentError(`There is no day ${parts[1]}-${parts[2]}-${parts[3]}.`)
  }
  if (time && (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59)) {
    throw new InvalidArgumentError('The time of day is out of range.')
  }
  const at = date ? probe.getTime() : Date.parse(text)
  if (Number.isNaN(at)) throw new InvalidArgumentError('Not a valid time.')
  return { at, wholeDay: date !== null, text }
}

/** The period `[since, until]` as epoch milliseconds; `until` as a date includes that whole day. */
export interface Period {
  from: number | null
  /** Exclusive upper bound. */
  before: number | null
}

const DAY_MS = 24 * 60 * 60 * 1000

export function toPeriod(since: DateArgument | undefined, until: DateArgument | undefined): Period {
  const from = since?.at ?? null
  const before = until ? (until.wholeDay ? until.at + DAY_MS : until.at + 1) : null
  return { from, before }
}

/** A period as reports show it: its first and last instants (ISO 8601 UTC, both included); null when open. */
export interface PeriodBounds {
  from: string | null
  until: string | null
}

export function periodBounds(period: Period): PeriodBounds {
  return {
    from: period.from === null ? null : new Date(period.from).toISOString(),
    until: period.before === null ? null : new Date(period.before - 1).toISOString()
  }
}

/** `2024-06-01T00:00:00.000Z to the end of the ledger`; `the whole ledger` when open at both ends. */
export function periodText(bounds: PeriodBounds): string {
  if (bounds.from === null && bounds.until === null) return 'the whole ledger'
  return `${bounds.from ?? 'the start of the ledger'} to ${bounds.until ?? 'the end of the ledger'}`
}

export function inPeriod(period: Period, at: number): boolean {
  return (period.from === null || at >= period.from) && (period.before === null || at < period.before)
}
