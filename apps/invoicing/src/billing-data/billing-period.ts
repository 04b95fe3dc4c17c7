import { LocalDate, localDateInZone, settingsEffectiveFrom } from '@clientfees/domain';

/** A billing period is a calendar month, 'YYYY-MM' (the rules are libs/domain/src/billing/period.ts). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Today's calendar date in the organisation's time zone. */
export function todayIn(timeZone: string, nowMs: number = Date.now()): LocalDate {
  return localDateInZone(nowMs, timeZone);
}

/** The first day of the billing period after the current one, in the organisation's time zone. */
export function nextBillingPeriodStart(timeZone: string, nowMs: number = Date.now()): LocalDate {
  return settingsEffectiveFrom(todayIn(timeZone, nowMs));
}
