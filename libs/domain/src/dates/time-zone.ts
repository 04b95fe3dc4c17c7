import { DomainValidationError } from '../errors';
import { LocalDate, fromEpochDay, localDateOf, toEpochDay } from './local-date';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat is slow; zones are few, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new DomainValidationError('not a known IANA time zone', 'timeZone');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall-clock reading at an instant, expressed as millis since 1970-01-01T00:00 wall time. */
function wallClockMillis(epochMillis: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMillis))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const day = toEpochDay(localDateOf(fields.year, fields.month, fields.day));
  // Some ICU versions still print midnight as hour 24 despite h23.
  const hour = fields.hour === 24 ? 0 : fields.hour;
  const millisOfSecond = ((epochMillis % 1000) + 1000) % 1000;
  return day * DAY_MS + hour * 3_600_000 + fields.minute * MINUTE_MS + fields.second * 1000 + millisOfSecond;
}

function offsetAt(epochMillis: number, timeZone: string): number {
  return wallClockMillis(epochMillis, timeZone) - epochMillis;
}

function requireInstant(epochMillis: number): void {
  if (!Number.isSafeInteger(epochMillis)) throw new DomainValidationError('must be whole epoch milliseconds', 'epochMillis');
}

/** The calendar date that a wall clock in `timeZone` shows at the instant. */
export function localDateInZone(epochMillis: number, timeZone: string): LocalDate {
  requireInstant(epochMillis);
  return fromEpochDay(Math.floor(wallClockMillis(epochMillis, timeZone) / DAY_MS));
}

/**
 * The first instant of `date` in `timeZone`, as epoch millis: normally 00:00 local time.
 *
 * The zone's UTC offset is looked up rather than assumed, so DST changes are handled: when
 * midnight happens twice (clocks turned back to 00:00) the earlier one is returned, and when
 * midnight is skipped (clocks jump forward at 00:00) the day starts at the jump.
 */
export function startOfDayInZone(date: LocalDate, timeZone: string): number {
  const wallMidnight = toEpochDay(date) * DAY_MS;
  const offsetBefore = offsetAt(wallMidnight - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMidnight + DAY_MS, timeZone);
  const candidates = [wallMidnight - offsetBefore, wallMidnight - offsetAfter].sort((a, b) => a - b);
  for (const instant of candidates) {
    if (wallClockMillis(instant, timeZone) === wallMidnight) return instant;
  }
  // Midnight fell into a DST gap: find the transition, the first instant that belongs to `date`.
  let notYet = Math.min(...candidates);
  let already = Math.max(...candidates);
  while (already - notYet > 1000) {
    const middle = notYet + Math.floor((already - notYet) / 2000) * 1000;
    if (wallClockMillis(middle, timeZone) >= wallMidnight) already = middle;
    else notYet = middle;
  }
  return already;
}
