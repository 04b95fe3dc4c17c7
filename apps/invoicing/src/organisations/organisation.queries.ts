import type { Country, Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/**
 * A wellbeing services county or municipality that bills client fees, with the payment terms it
 * has set. (FI hyvinvointialue, SV kommun.)
 */
export interface Organisation {
  id: string;
  name: string;
  country: Country;
  currency: Currency;
  /** IANA zone in which the organisation's calendar dates are read, e.g. Europe/Helsinki. */
  timeZone: string;
  /** Calendar days from the invoice date before the banking days are added (seed 000: 14). */
  paymentTermDays: number;
  /** Banking days added after the payment term (seed 000: 3). */
  dueDateBankingDays: number;
  /** How far past the original due date a client-fee officer may defer (seed 000: 3 months). */
  deferralOfficerMonths: number;
  /** How far the billing supervisor may defer (seed 000: 12 months). */
  deferralSupervisorMonths: number;
  /** Banking days a long deferral may wait for the supervisor before they are reminded. */
  deferralApprovalReminderBankingDays: number;
  /** Days after the due date before the agency's reminder service may take the invoice (seed 000: 17). */
  transferAfterDaysOverdue: number;
  /** Transfer runs: weekly (seed 000: Tuesdays) or monthly (seed 004: the 15th). */
  transferScheduleKind: 'weekly' | 'monthly';
  /** ISO weekday (weekly) or day of the month (monthly). */
  transferScheduleDay: number;
  /** Days from the reminder to its own due date (seed 000: 14). */
  reminderDueDays: number;
  /** Null: the country's default fee. */
  reminderFeeCents: number | null;
}

interface OrganisationRow {
  id: string;
  name: string;
  country: Country;
  currency: Currency;
  time_zone: string;
  payment_term_days: number;
  due_date_banking_days: number;
  deferral_officer_months: number;
  deferral_supervisor_months: number;
  deferral_approval_reminder_banking_days: number;
  transfer_after_days_overdue: number;
  transfer_schedule_kind: 'weekly' | 'monthly';
  transfer_schedule_day: number;
  reminder_due_days: number;
  reminder_fee_cents: number | null;
}

function rowToOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    currency: row.currency,
    timeZone: row.time_zone,
    paymentTermDays: row.payment_term_days,
    dueDateBankingDays: row.due_date_banking_days,
    deferralOfficerMonths: row.deferral_officer_months,
    deferralSupervisorMonths: row.deferral_supervisor_months,
    deferralApprovalReminderBankingDays: row.deferral_approval_reminder_banking_days,
    transferAfterDaysOverdue: row.transfer_after_days_overdue,
    transferScheduleKind: row.transfer_schedule_kind,
    transferScheduleDay: row.transfer_schedule_day,
    reminderDueDays: row.reminder_due_days,
    reminderFeeCents: row.reminder_fee_cents,
  };
}

export async function findOrganisation(tx: Tx, id: string): Promise<Organisation | null> {
  const [row] = await tx.query<OrganisationRow>('SELECT * FROM organisation WHERE id = $1', [id]);
  return row ? rowToOrganisation(row) : null;
}

export async function listOrganisations(tx: Tx): Promise<Organisation[]> {
  return (await tx.query<OrganisationRow>('SELECT * FROM organisation ORDER BY id')).map(rowToOrganisation);
}

/** Creates the organisation or replaces every setting of it. */
export async function upsertOrganisation(tx: Tx, organisation: Organisation): Promise<void> {
  const o = organisation;
  await tx.query(
    `INSERT INTO organisation (id, name, country, currency, time_zone, payment_term_days, due_date_banking_days, deferral_officer_months,
                               deferral_supervisor_months, deferral_approval_reminder_banking_days, transfer_after_days_overdue,
                               transfer_schedule_kind, transfer_schedule_day, reminder_due_days, reminder_fee_cents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, country = EXCLUDED.country, currency = EXCLUDED.currency, time_zone = EXCLUDED.time_zone,
       payment_term_days = EXCLUDED.payment_term_days, due_date_banking_days = EXCLUDED.due_date_banking_days,
       deferral_officer_months = EXCLUDED.deferral_officer_months, deferral_supervisor_months = EXCLUDED.deferral_supervisor_months,
       deferral_approval_reminder_banking_days = EXCLUDED.deferral_approval_reminder_banking_days,
       transfer_after_days_overdue = EXCLUDED.transfer_after_days_overdue, transfer_schedule_kind = EXCLUDED.transfer_schedule_kind,
       transfer_schedule_day = EXCLUDED.transfer_schedule_day, reminder_due_days = EXCLUDED.reminder_due_days,
       reminder_fee_cents = EXCLUDED.reminder_fee_cents`,
    [
      o.id,
      o.name,
      o.country,
      o.currency,
      o.timeZone,
      o.paymentTermDays,
      o.dueDateBankingDays,
      o.deferralOfficerMonths,
      o.deferralSupervisorMonths,
      o.deferralApprovalReminderBankingDays,
      o.transferAfterDaysOverdue,
      o.transferScheduleKind,
      o.transferScheduleDay,
      o.reminderDueDays,
      o.reminderFeeCents,
    ],
  );
}
