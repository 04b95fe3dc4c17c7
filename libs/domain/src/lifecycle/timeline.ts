import { nextBankingDayOnOrAfter } from '../calendar/banking-days';
import { dueDate } from '../calendar/due-date';
import { nextMonthlyRunDay, nextWeeklyRunDay } from '../calendar/schedules';
import type { Country } from '../country';
import { LocalDate, addDays, parseLocalDate } from '../dates/local-date';
import { ClosedDayPolicy, TimelineTerms, TransferSchedule, timelineTerms } from './terms';

/** The dates an invoice goes through if nobody pays it (seed 000, "Esimerkki"). */
export interface InvoiceTimeline {
  readonly invoiceDate: LocalDate;
  /** eräpäivä / förfallodag */
  readonly dueDate: LocalDate;
  /** The first day the invoice may go to the agency: due date + transferAfterDaysOverdue. */
  readonly transferEligibleDate: LocalDate;
  /** The transfer run that takes it; the agency sends the reminder (maksumuistutus) that day. */
  readonly transferRunDate: LocalDate;
  /** Not paid by this day → collection (perintä / inkasso). */
  readonly reminderDueDate: LocalDate;
}

/** The first scheduled transfer run on or after `eligibleDate`. */
export function transferRunDate(
  country: Country,
  eligibleDate: LocalDate,
  schedule: TransferSchedule,
  closedDays: ClosedDayPolicy = 'as-scheduled',
): LocalDate {
  const run = schedule.kind === 'weekly' ? nextWeeklyRunDay(eligibleDate, schedule.isoWeekday) : nextMonthlyRunDay(eligibleDate, schedule.dayOfMonth);
  return closedDays === 'next-banking-day' ? nextBankingDayOnOrAfter(country, run) : run;
}

/**
 * The timeline of an unpaid invoice under `terms` (defaults where left out).
 *
 * Seed 000: invoice 25.7.2017 → due Fri 11.8.2017 → eligible Mon 28.8.2017 → transferred and
 * reminded on the Tuesday run 29.8.2017 → reminder due 12.9.2017.
 */
export function invoiceTimeline(country: Country, invoiceDate: LocalDate, terms: Partial<TimelineTerms> = {}): InvoiceTimeline {
  const checked = timelineTerms(terms);
  const issued = parseLocalDate(invoiceDate, 'invoiceDate');
  const due = dueDate(country, issued, { paymentTermDays: checked.paymentTermDays, bankingDays: checked.bankingDays });
  const eligible = addDays(due, checked.transferAfterDaysOverdue);
  const run = transferRunDate(country, eligible, checked.transferSchedule, checked.closedDays);
  const reminderDue = addDays(run, checked.reminderDueDays);
  return Object.freeze({
    invoiceDate: issued,
    dueDate: due,
    transferEligibleDate: eligible,
    transferRunDate: run,
    reminderDueDate: checked.closedDays === 'next-banking-day' ? nextBankingDayOnOrAfter(country, reminderDue) : reminderDue,
  });
}
