import { addMonths, DomainValidationError, firstDayOfMonth, LocalDate, lastDayOfMonth, localDateInZone } from '@clientfees/domain';

/** A billing period is a calendar month, 'YYYY-MM'. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Today's calendar date in the organisation's time zone. */
export function todayIn(timeZone: string, nowMs: number = Date.now()): LocalDate {
  return localDateInZone(nowMs, timeZone);
}

/**
 * "A change takes effect from the billing period after the current one" (domain.md §3): the
 * first day of next month, read in the organisation's time zone.
 */
export function nextBillingPeriodStart(timeZone: string, nowMs: number = Date.now()): LocalDate {
  return addMonths(firstDayOfMonth(todayIn(timeZone, nowMs)), 1);
}

/** The billing period a date belongs to. */
export function periodOf(date: LocalDate): string {
  return date.slice(0, 7);
}

export function parsePeriod(text: unknown, field = 'period'): string {
  if (typeof text !== 'string' || !PERIOD_PATTERN.test(text)) throw new DomainValidationError('must be a month YYYY-MM', field);
  return text;
}

export function periodFirstDay(period: string): LocalDate {
  return `${parsePeriod(period)}-01`;
}

export function periodLastDay(period: string): LocalDate {
  return lastDayOfMonth(periodFirstDay(period));
}

/** The period after `period` ('2027-12' → '2028-01'). */
export function nextPeriod(period: string): string {
  return periodOf(addMonths(periodFirstDay(period), 1));
}
