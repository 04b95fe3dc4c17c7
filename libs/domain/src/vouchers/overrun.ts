import { LocalDate, addDays, dayOfWeek, firstDayOfMonth, lastDayOfMonth, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';

/**
 * The amount a voucher content grants (myönnetty määrä): so many units a month or a week, in
 * the content's base units (days, minutes, visits). Seed 003 §4.3.5.6: "10 tuntia / vko".
 */
export const GRANT_PERIODS = ['month', 'week'] as const;
export type GrantPeriod = (typeof GRANT_PERIODS)[number];

export interface Grant {
  readonly quantity: number;
  readonly per: GrantPeriod;
}

export function isGrantPeriod(value: unknown): value is GrantPeriod {
  return typeof value === 'string' && (GRANT_PERIODS as readonly string[]).includes(value);
}

/** The calendar month, or the ISO week (Monday-Sunday), that a date's events count towards. */
export function grantPeriodOf(date: LocalDate, per: GrantPeriod): { from: LocalDate; to: LocalDate } {
  const day = parseLocalDate(date, 'date');
  if (per === 'month') return { from: firstDayOfMonth(day), to: lastDayOfMonth(day) };
  if (per !== 'week') throw new DomainValidationError(`must be one of ${GRANT_PERIODS.join(', ')}`, 'per');
  const monday = addDays(day, 1 - dayOfWeek(day));
  return { from: monday, to: addDays(monday, 6) };
}

export interface OverrunCheck {
  /** The event takes the period's recorded amount past the grant: it waits for manual approval. */
  readonly exceeds: boolean;
  /** By how much the period's total exceeds the grant with this event (0 when within). */
  readonly overBy: number;
}

/**
 * Seed 003 §4.3.5.6 ("Ylittynyt kirjaus"): the event with which the recorded amount of the
 * period passes the granted amount goes to the municipality's manual approval — the whole
 * event, not only the part above the grant. `recordedBefore` is what the period's other events
 * (not rejected) already hold.
 */
export function checkOverrun(grant: Grant, recordedBefore: number, quantity: number): OverrunCheck {
  requireInteger(grant.quantity, 'grantedQuantity', 0);
  requireInteger(recordedBefore, 'recordedBefore', 0);
  requireInteger(quantity, 'quantity', 0);
  const overBy = Math.max(0, recordedBefore + quantity - grant.quantity);
  return { exceeds: overBy > 0, overBy };
}
