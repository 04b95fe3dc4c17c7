import type { Country } from '../country';
import { LocalDate, addDays, dayOfWeek, parseLocalDate } from '../dates/local-date';
import { requireInteger } from '../internal/integers';
import { isClosedHoliday } from './closed-days';

/** Monday to Friday and not a closed holiday of the country. */
export function isBankingDay(country: Country, date: LocalDate): boolean {
  return dayOfWeek(date) <= 5 && !isClosedHoliday(country, date);
}

/** `date` itself if it is a banking day, else the first banking day after it. */
export function nextBankingDayOnOrAfter(country: Country, date: LocalDate): LocalDate {
  let day = parseLocalDate(date, 'date');
  while (!isBankingDay(country, day)) day = addDays(day, 1);
  return day;
}

/** `date` itself if it is a banking day, else the last banking day before it. */
export function previousBankingDayOnOrBefore(country: Country, date: LocalDate): LocalDate {
  let day = parseLocalDate(date, 'date');
  while (!isBankingDay(country, day)) day = addDays(day, -1);
  return day;
}

/**
 * The `n`-th banking day after `date`, counting only days strictly after it, whether or not
 * `date` itself is a banking day: Friday + 1 is Monday, Saturday + 1 is also Monday.
 *
 * `n = 0` returns `date` unchanged, even on a weekend or holiday, so that
 * addBankingDays(addBankingDays(d, a), b) = addBankingDays(d, a + b). To land on a banking day,
 * use nextBankingDayOnOrAfter.
 */
export function addBankingDays(country: Country, date: LocalDate, n: number): LocalDate {
  requireInteger(n, 'bankingDays', 0);
  let day = parseLocalDate(date, 'date');
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isBankingDay(country, day)) counted++;
  }
  return day;
}
