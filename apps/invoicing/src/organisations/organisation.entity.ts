import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Country, Currency } from '@clientfees/domain';

/**
 * A wellbeing services county or municipality that bills client fees, with the payment terms it
 * has set. (FI hyvinvointialue, SV kommun.)
 */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  country!: Country;

  @Column({ type: 'text' })
  currency!: Currency;

  /** IANA zone in which the organisation's calendar dates are read, e.g. Europe/Helsinki. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** Calendar days from the invoice date before the banking days are added (seed 000: 14). */
  @Column({ name: 'payment_term_days', type: 'int' })
  paymentTermDays!: number;

  /** Banking days added after the payment term (seed 000: 3). */
  @Column({ name: 'due_date_banking_days', type: 'int' })
  dueDateBankingDays!: number;

  /** How far past the original due date a client-fee officer may defer (seed 000: 3 months). */
  @Column({ name: 'deferral_officer_months', type: 'int' })
  deferralOfficerMonths!: number;

  /** How far the billing supervisor may defer (seed 000: 12 months). */
  @Column({ name: 'deferral_supervisor_months', type: 'int' })
  deferralSupervisorMonths!: number;

  /** Banking days a long deferral may wait for the supervisor before they are reminded. */
  @Column({ name: 'deferral_approval_reminder_banking_days', type: 'int' })
  deferralApprovalReminderBankingDays!: number;

  /** Days after the due date before the agency's reminder service may take the invoice (seed 000: 17). */
  @Column({ name: 'transfer_after_days_overdue', type: 'int' })
  transferAfterDaysOverdue!: number;

  /** Transfer runs: weekly (seed 000: Tuesdays) or monthly (seed 004: the 15th). */
  @Column({ name: 'transfer_schedule_kind', type: 'text' })
  transferScheduleKind!: 'weekly' | 'monthly';

  /** ISO weekday (weekly) or day of the month (monthly). */
  @Column({ name: 'transfer_schedule_day', type: 'int' })
  transferScheduleDay!: number;

  /** Days from the reminder to its own due date (seed 000: 14). */
  @Column({ name: 'reminder_due_days', type: 'int' })
  reminderDueDays!: number;

  /** Null: the country's default fee (in Sweden none unless `reminderFeeBasis` is recorded). */
  @Column({ name: 'reminder_fee_cents', type: 'int', nullable: true })
  reminderFeeCents!: number | null;

  /**
   * SE: where the client agreed to the reminder fee when the debt arose (lag 1981:739 2 §), e.g.
   * the fee decision's terms of payment; null when none is on record, and then no fee is charged.
   */
  @Column({ name: 'reminder_fee_basis', type: 'text', nullable: true })
  reminderFeeBasis!: string | null;
}
