import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Country, Currency } from '@clientfees/domain';

/**
 * The reminder (maksumuistutus / betalningspåminnelse) the agency sent for an invoice. At most one
 * per invoice: the unique invoice_id is what makes a retried sendReminder harmless.
 */
@Entity({ name: 'reminder' })
export class Reminder {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'invoice_id', type: 'uuid', unique: true })
  invoiceId!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ type: 'text' })
  country!: Country;

  @Column({ type: 'text' })
  currency!: Currency;

  @Column({ name: 'invoice_number', type: 'bigint' })
  invoiceNumber!: number;

  /** The organisation's client number; never a personal identity code. */
  @Column({ name: 'client_number', type: 'text' })
  clientNumber!: string;

  @Column({ name: 'payment_reference', type: 'text' })
  paymentReference!: string;

  @Column({ name: 'invoice_due_date', type: 'date' })
  invoiceDueDate!: string;

  /** What was unpaid of the principal when the reminder went out. */
  @Column({ name: 'open_cents', type: 'bigint' })
  openCents!: number;

  @Column({ name: 'reminder_date', type: 'date' })
  reminderDate!: string;

  /** The reminder's own due date. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** First and last day of late-payment interest, both counted. */
  @Column({ name: 'interest_from', type: 'date' })
  interestFrom!: string;

  @Column({ name: 'interest_to', type: 'date' })
  interestTo!: string;

  @Column({ name: 'fee_cents', type: 'bigint' })
  feeCents!: number;

  @Column({ name: 'interest_cents', type: 'bigint' })
  interestCents!: number;

  /** open + fee + interest: what the reminder asks the client to pay. */
  @Column({ name: 'total_cents', type: 'bigint' })
  totalCents!: number;

  @Column({ name: 'agency_case_id', type: 'text' })
  agencyCaseId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
