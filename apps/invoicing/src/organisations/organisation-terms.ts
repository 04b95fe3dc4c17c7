import { LifecycleTerms, lifecycleTerms, Money, transferSchedule } from '@clientfees/domain';
import type { Organisation } from './organisation.entity';

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
    reminderFeeBasis: organisation.reminderFeeBasis,
    fees: organisation.reminderFeeCents === null ? {} : { reminder: Money.ofMinor(organisation.reminderFeeCents, organisation.currency) },
    deferralLimits: { officerMonths: organisation.deferralOfficerMonths, supervisorMonths: organisation.deferralSupervisorMonths },
  });
}
