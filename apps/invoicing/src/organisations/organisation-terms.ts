import { addDays, LifecycleTerms, lifecycleTerms, Money, startOfDayInZone, transferSchedule } from '@clientfees/domain';
import type { InvoiceDueDate } from '@clientfees/contracts';
import type { Organisation } from './organisation.queries';

/** The organisation's lifecycle settings as the domain's checked terms (caps and limits applied). */
export function termsOf(organisation: Organisation): LifecycleTerms {
  return lifecycleTerms(organisation.country, {
    paymentTermDays: organisation.paymentTermDays,
    bankingDays: organisation.dueDateBankingDays,
    transferAfterDaysOverdue: organisation.transferAfterDaysOverdue,
    transferSchedule: transferSchedule(organisation.transferScheduleKind, organisation.transferScheduleDay, {
      kind: 'transferScheduleKind',
      day: 'transferScheduleDay',
    }),
    reminderDueDays: organisation.reminderDueDays,
    fees: organisation.reminderFeeCents === null ? {} : { reminder: Money.ofMinor(organisation.reminderFeeCents, organisation.currency) },
    deferralLimits: { officerMonths: organisation.deferralOfficerMonths, supervisorMonths: organisation.deferralSupervisorMonths },
  });
}

/** A due date with the instant it ends: 00:00 of the next day in the organisation's time zone. */
export function dueDateIn(organisation: Pick<Organisation, 'timeZone'>, dueDate: string): InvoiceDueDate {
  return { dueDate, dueDateEndsAtMs: startOfDayInZone(addDays(dueDate, 1), organisation.timeZone) };
}
