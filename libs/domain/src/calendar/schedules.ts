import { IsoWeekday, LocalDate, addDays, dayOfWeek, daysInMonth, localDateOf, localDateParts } from '../dates/local-date';
import { requireInteger } from '../internal/integers';

/** The first date on or after `date` that falls on `isoWeekday` (1 = Monday … 7 = Sunday); e.g. weekly Tuesday transfers. */
export function nextWeeklyRunDay(date: LocalDate, isoWeekday: IsoWeekday): LocalDate {
  requireInteger(isoWeekday, 'isoWeekday', 1, 7);
  return addDays(date, (isoWeekday - dayOfWeek(date) + 7) % 7);
}

/**
 * The first date on or after `date` whose day of month is `dayOfMonth` (1-31). A month too short
 * for the day runs on its last day instead: with dayOfMonth 31, 10.2.2025 → 28.2.2025.
 */
export function nextMonthlyRunDay(date: LocalDate, dayOfMonth: number): LocalDate {
  requireInteger(dayOfMonth, 'dayOfMonth', 1, 31);
  const { year, month, day } = localDateParts(date);
  const thisMonth = Math.min(dayOfMonth, daysInMonth(year, month));
  if (thisMonth >= day) return localDateOf(year, month, thisMonth);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return localDateOf(nextYear, nextMonth, Math.min(dayOfMonth, daysInMonth(nextYear, nextMonth)));
}
