import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Currency } from '@clientfees/domain';

export const PAYMENT_SOURCES = ['rest', 'camt054'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/**
 * - `allocated`: all of it went to the invoice its reference names;
 * - `refund-proposed`: some or all of it was more than the invoice had open, and the excess sits
 *   on the client's credit balance with a refund proposal;
 * - `unmatched`: no invoice found; waits in the finance centre's queue for manual allocation.
 */
export const PAYMENT_STATUSES = ['allocated', 'refund-proposed', 'unmatched'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Money received from a client (suoritus / inbetalning), from a bank file or entered by hand. */
@Entity({ name: 'payment' })
export class Payment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ type: 'text' })
  source!: PaymentSource;

  /** The bank's archive id or the caller's id: unique per organisation and source. */
  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  /** The bank file that brought it (camt.054), if any. */
  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId!: string | null;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: number;

  @Column({ type: 'text' })
  currency!: Currency;

  @Column({ name: 'booking_date', type: 'date' })
  bookingDate!: string;

  /** The day the money counts as paid (arvopäivä / valutadag); null when the bank gave none. */
  @Column({ name: 'value_date', type: 'date', nullable: true })
  valueDate!: string | null;

  /** As the payer or bank gave it. */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  /** The form the organisation's invoices store; null when the reference is missing or invalid. */
  @Column({ name: 'normalised_reference', type: 'text', nullable: true })
  normalisedReference!: string | null;

  @Column({ name: 'debtor_name', type: 'text', nullable: true })
  debtorName!: string | null;

  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId!: string | null;

  @Column({ type: 'text' })
  status!: PaymentStatus;

  /** Why it could not be matched; shown in the unmatched queue. */
  @Column({ name: 'unmatched_reason', type: 'text', nullable: true })
  unmatchedReason!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The day the workflow counts the payment on. */
  get paidOn(): string {
    return this.valueDate ?? this.bookingDate;
  }
}
