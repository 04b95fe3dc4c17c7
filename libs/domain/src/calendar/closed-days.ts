import Holidays from 'date-holidays';
import type { Country } from '../country';
import { DomainValidationError } from '../errors';
import { LocalDate, parseLocalDate } from '../dates/local-date';
import { requireInteger } from '../internal/integers';

/** A weekday-or-weekend holiday on which banks are closed. */
export interface ClosedDay {
  readonly date: LocalDate;
  /** English name, e.g. "Midsummer Eve"; two holidays on one date are joined with " / ". */
  readonly name: string;
  /** Finnish or Swedish name, e.g. "juhannusaatto", "midsommarafton". */
  readonly localName: string;
}

export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2199;

interface Override {
  /** `MM-DD` */
  readonly monthDay: string;
  readonly why: string;
}

interface CountryRules {
  readonly language: string;
  /** date-holidays entries that are nevertheless banking days. */
  readonly open: readonly Override[];
}

/**
 * date-holidays' `public` and `bank` holidays are the base (they carry the moving feasts:
 * Easter, Ascension, Midsummer, All Saints'); these rules correct it where it disagrees with the
 * banks' own calendars (docs/reference.md, "Banking days"). The spec file pins the result year by
 * year, so a change in date-holidays' data shows up as a failing test, not a wrong due date.
 *
 * - FI: New Year's Eve is a (short) banking day, but date-holidays marks it `bank`.
 *   Maundy Thursday is a banking day; date-holidays does not list it.
 * - SE: Midsummer Eve, Christmas Eve and New Year's Eve are `bank` in date-holidays, i.e. closed,
 *   as they should be; the half-days (Twelfth Night eve, Walpurgis, All Saints' Eve) and Whit
 *   Monday (no longer a holiday since 2005) are not `public`/`bank` there, so they stay open.
 */
const RULES: Record<Country, CountryRules> = {
  FI: { language: 'fi', open: [{ monthDay: '12-31', why: "New Year's Eve is a banking day in Finland" }] },
  SE: { language: 'sv', open: [] },
};

const CLOSING_TYPES = new Set(['public', 'bank']);

const calendars = new Map<Country, Holidays>();
const cache = new Map<string, { readonly days: readonly ClosedDay[]; readonly dates: ReadonlySet<LocalDate> }>();

function calendarOf(country: Country): Holidays {
  let calendar = calendars.get(country);
  if (!calendar) {
    if (!(country in RULES)) throw new DomainValidationError('must be FI or SE', 'country');
    calendar = new Holidays(country);
    calendars.set(country, calendar);
  }
  return calendar;
}

function holidaysIn(country: Country, year: number, language: string): Map<LocalDate, string[]> {
  const byDate = new Map<LocalDate, string[]>();
  for (const holiday of calendarOf(country).getHolidays(year, language)) {
    if (!CLOSING_TYPES.has(holiday.type)) continue;
    // The `date` text is the holiday's own calendar date (`YYYY-MM-DD hh:mm:ss`); the Date
    // objects beside it are instants that shift with the host's time zone.
    const date = parseLocalDate(holiday.date.slice(0, 10));
    if (RULES[country].open.some((override) => date.endsWith(`-${override.monthDay}`))) continue;
    byDate.set(date, [...(byDate.get(date) ?? []), holiday.name]);
  }
  return byDate;
}

function load(country: Country, year: number) {
  requireInteger(year, 'year', MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR);
  const key = `${country}:${year}`;
  let entry = cache.get(key);
  if (!entry) {
    const english = holidaysIn(country, year, 'en');
    const local = holidaysIn(country, year, RULES[country].language);
    const days = [...english.keys()].sort().map((date) => ({
      date,
      name: (english.get(date) ?? []).join(' / '),
      localName: (local.get(date) ?? []).join(' / '),
    }));
    entry = { days: Object.freeze(days.map((day) => Object.freeze(day))), dates: new Set(days.map((day) => day.date)) };
    cache.set(key, entry);
  }
  return entry;
}

/**
 * The holidays of `year` on which banks in `country` are closed, in date order, including those
 * that fall on a weekend (which are closed anyway). Ordinary Saturdays and Sundays are not listed.
 */
export function closedDays(country: Country, year: number): readonly ClosedDay[] {
  return load(country, year).days;
}

/** Whether `date` is one of the closed holidays (weekends aside). */
export function isClosedHoliday(country: Country, date: LocalDate): boolean {
  const valid = parseLocalDate(date, 'date');
  return load(country, Number(valid.slice(0, 4))).dates.has(valid);
}
