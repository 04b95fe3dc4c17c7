import { LocalDate, addMonths, daysInMonth, localDateOf, localDateParts, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import type { BillingPeriod } from './types';

// A billing period (laskutuskausi / debiteringsperiod) is one calendar month, 'YYYY-MM'.

const PERIOD = /^(\d{4})-(\d{2})$/;

function parts(period: BillingPeriod, field: string): { year: number; month: number } {
  const match = typeof period === 'string' ? PERIOD.exec(period) : null;
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!match || year < 1 || month < 1 || month > 12) throw new DomainValidationError('must be a month as YYYY-MM, e.g. 2024-06', field);
  return { year, month };
}

function format(year: number, month: number): BillingPeriod {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Checks 'YYYY-MM' (a real month) and returns it; the error names `field`. */
export function parseBillingPeriod(text: string, field = 'period'): BillingPeriod {
  const { year, month } = parts(text, field);
  return format(year, month);
}

export function firstDayOfPeriod(period: BillingPeriod): LocalDate {
  const { year, month } = parts(period, 'period');
  return localDateOf(year, month, 1);
}

export function lastDayOfPeriod(period: BillingPeriod): LocalDate {
  const { year, month } = parts(period, 'period');
  return localDateOf(year, month, daysInMonth(year, month));
}

export function daysInPeriod(period: BillingPeriod): number {
  const { year, month } = parts(period, 'period');
  return daysInMonth(year, month);
}

export function nextPeriod(period: BillingPeriod): BillingPeriod {
  return periodOf(addMonths(firstDayOfPeriod(period), 1));
}

export function previousPeriod(period: BillingPeriod): BillingPeriod {
  return periodOf(addMonths(firstDayOfPeriod(period), -1));
}

/** The period a date falls in. */
export function periodOf(date: LocalDate): BillingPeriod {
  const { year, month } = localDateParts(parseLocalDate(date, 'date'));
  return format(year, month);
}

/**
 * When a new invoice address or recipient saved on `today` takes effect: the first day of the
 * period after the current one (docs/domain.md §3 — the current period may already be calculated or
 * invoiced to the old address, and recipients are end-dated, never rewritten).
 */
export function settingsEffectiveFrom(today: LocalDate): LocalDate {
  return firstDayOfPeriod(nextPeriod(periodOf(today)));
}
