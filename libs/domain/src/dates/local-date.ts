import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';

/**
 * A calendar date without a time zone, as an ISO 8601 string `YYYY-MM-DD` (years 0001-9999).
 *
 * A plain string rather than a Date: invoice, due and period dates are civil dates, and a Date
 * would silently pick up the host's time zone. Strings also survive JSON (HTTP, Temporal
 * payloads, the database's `date` type) unchanged and sort chronologically as text.
 * Every function here checks its input, so a malformed string fails loudly.
 */
export type LocalDate = string;

export interface LocalDateParts {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const FORMAT_REASON = 'must be a date in the form YYYY-MM-DD';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  requireInteger(month, 'month', 1, 12);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checkParts(year: number, month: number, day: number, field: string | undefined): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new DomainValidationError('year must be between 0001 and 9999', field);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new DomainValidationError('month must be between 01 and 12', field);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new DomainValidationError(`day ${day} does not exist in ${format(year, month, 1).slice(0, 7)}`, field);
  }
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// A billing month checks the same few dozen dates hundreds of thousands of times (a what-if run
// of 100,000 clients): texts once found valid are remembered, up to a bound, so that the check
// is a set lookup. Validity never changes, so the memory cannot give a different answer.
const KNOWN_VALID = new Set<string>();
const KNOWN_VALID_LIMIT = 10_000;

/**
 * Strict: exactly `YYYY-MM-DD`, and the date must exist (2025-02-29 does not). A valid text is
 * its own canonical form (the pattern fixes every digit's place), so it is returned as given.
 */
export function parseLocalDate(text: string, field?: string): LocalDate {
  if (!KNOWN_VALID.has(text)) partsTuple(text, field);
  return text;
}

function partsTuple(text: string, field: string | undefined): [number, number, number] {
  if (KNOWN_VALID.has(text)) return [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const match = typeof text === 'string' ? PATTERN.exec(text) : null;
  if (!match) throw new DomainValidationError(FORMAT_REASON, field);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  checkParts(year, month, day, field);
  if (KNOWN_VALID.size >= KNOWN_VALID_LIMIT) KNOWN_VALID.clear();
  KNOWN_VALID.add(text);
  return [year, month, day];
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  try {
    partsTuple(value, undefined);
    return true;
  } catch {
    return false;
  }
}

export function localDateOf(year: number, month: number, day: number): LocalDate {
  checkParts(year, month, day, undefined);
  return format(year, month, day);
}

export function localDateParts(date: LocalDate): LocalDateParts {
  const [year, month, day] = partsTuple(date, 'date');
  return { year, month, day };
}

// Days since 1970-01-01 by Howard Hinnant's civil-calendar algorithms: plain integer arithmetic
// in the proleptic Gregorian calendar, so no host time zone or DST can shift a date.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(epochDay: number): [number, number, number] {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export const MIN_EPOCH_DAY = daysFromCivil(1, 1, 1);
export const MAX_EPOCH_DAY = daysFromCivil(9999, 12, 31);

/** Days since 1970-01-01 (negative before it). */
export function toEpochDay(date: LocalDate): number {
  return daysFromCivil(...partsTuple(date, 'date'));
}

export function fromEpochDay(epochDay: number): LocalDate {
  requireInteger(epochDay, 'epochDay');
  if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    throw new DomainValidationError('date is outside the supported range 0001-01-01 … 9999-12-31', 'epochDay');
  }
  return format(...civilFromDays(epochDay));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + requireInteger(days, 'days'));
}

/** Calendar months; a day that the target month lacks clamps to its end (31.1. + 1 → 28.2. or 29.2.). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = partsTuple(date, 'date');
  const index = year * 12 + (month - 1) + requireInteger(months, 'months');
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new DomainValidationError('date is outside the supported range 0001-01-01 … 9999-12-31', 'months');
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** `to − from` in days: positive when `to` is later. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function dayOfWeek(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  const zeroBasedFromMonday = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return (zeroBasedFromMonday + 1) as IsoWeekday;
}

/** −1, 0 or 1, usable as an `Array.prototype.sort` comparator. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  // Validated `YYYY-MM-DD` strings with four-digit years order chronologically as text.
  const left = parseLocalDate(a, 'date');
  const right = parseLocalDate(b, 'date');
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return compareLocalDates(a, b) < 0;
}

export function isAfter(a: LocalDate, b: LocalDate): boolean {
  return compareLocalDates(a, b) > 0;
}

export function isOnOrBefore(a: LocalDate, b: LocalDate): boolean {
  return compareLocalDates(a, b) <= 0;
}

export function isOnOrAfter(a: LocalDate, b: LocalDate): boolean {
  return compareLocalDates(a, b) >= 0;
}

export function firstDayOfMonth(date: LocalDate): LocalDate {
  const [year, month] = partsTuple(date, 'date');
  return format(year, month, 1);
}

export function lastDayOfMonth(date: LocalDate): LocalDate {
  const [year, month] = partsTuple(date, 'date');
  return format(year, month, daysInMonth(year, month));
}
