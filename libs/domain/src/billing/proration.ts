import { LocalDate, compareLocalDates, daysBetween, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { Money } from '../money/money';
import { UNPLANNED_ABSENCE_DAYS_PER_MONTH } from '../absences/absences';

/** Both ends included. */
export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** A range from `from` to `to` (null: open-ended, i.e. to `openEnd`), checked. */
export function rangeOf(from: LocalDate, to: LocalDate | null, openEnd: LocalDate, fields: { from: string; to: string }): DateRange {
  const start = parseLocalDate(from, fields.from);
  const end = to === null ? openEnd : parseLocalDate(to, fields.to);
  if (to !== null && compareLocalDates(end, start) < 0) throw new DomainValidationError(`must not be before ${fields.from} (${start})`, fields.to);
  return { from: start, to: end };
}

/** The days both ranges cover, or null when they do not meet. */
export function intersect(a: DateRange, b: DateRange): DateRange | null {
  const from = compareLocalDates(a.from, b.from) >= 0 ? a.from : b.from;
  const to = compareLocalDates(a.to, b.to) <= 0 ? a.to : b.to;
  return compareLocalDates(from, to) <= 0 ? { from, to } : null;
}

export function dayCount(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}

export interface Proration {
  readonly amount: Money;
  readonly lines: readonly string[];
}

/**
 * A monthly fee for a service valid only part of the month: the full fee when every day of the
 * month is covered, otherwise fee × days / 30 (the fee rules' 30-day month, as in the
 * unplanned-absence rule), at most the full fee, divided once and rounded half up to the cent.
 */
export function prorateMonthlyFee(monthlyFee: Money, coveredDays: number, daysInMonth: number, covered: DateRange): Proration {
  if (coveredDays >= daysInMonth) return { amount: monthlyFee, lines: [] };
  const share = monthlyFee.multiply(coveredDays, 'HALF_UP').divide(UNPLANNED_ABSENCE_DAYS_PER_MONTH, 'HALF_UP');
  const amount = Money.min(share, monthlyFee);
  const lines = [
    `valid ${covered.from} … ${covered.to}: ${coveredDays} of ${daysInMonth} days of the month`,
    `${monthlyFee.toString()} × ${coveredDays} / ${UNPLANNED_ABSENCE_DAYS_PER_MONTH} = ${share.toString()} (rounded half up to the cent)`,
  ];
  if (!amount.equals(share)) lines.push(`at most the full monthly fee: ${amount.toString()}`);
  return { amount, lines };
}
