import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { Currency } from '@clientfees/domain';
import type { InvoiceState } from '@clientfees/contracts';
import { InvoiceRow } from './invoice-row.entity';
import { InvoiceEvent } from './invoice-event.entity';
import type { InvoiceRecipient } from './invoice-recipient';

/** An invoice to a client (lasku / faktura). Amounts are integer cents. */
@Entity({ name: 'invoice' })
export class Invoice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  /** Gapless per organisation (laskunumero / fakturanummer). */
  @Column({ name: 'invoice_number', type: 'bigint' })
  invoiceNumber!: number;

  /** FI creditor reference (viitenumero) or SE OCR reference, derived from the number. */
  @Column({ name: 'payment_reference', type: 'text' })
  paymentReference!: string;

  /** FI: the RF creditor reference for SEPA payments; SE: null. */
  @Column({ name: 'payment_reference_international', type: 'text', nullable: true })
  paymentReferenceInternational!: string | null;

  /** Who the invoice goes to, as they were when it was issued (a later change never rewrites it). */
  @Column({ type: 'jsonb' })
  recipient!: InvoiceRecipient;

  /** The organisation's client number (asiakasnumero); never a personal identity code. */
  @Column({ name: 'client_number', type: 'text' })
  clientNumber!: string;

  @Column({ type: 'text' })
  currency!: Currency;

  @Column({ name: 'total_cents', type: 'bigint' })
  totalCents!: number;

  @Column({ name: 'invoice_date', type: 'date' })
  invoiceDate!: string;

  /** Set by the lifecycle workflow from the organisation's payment terms. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** Due date + the organisation's days before transfer: the first run that may take it. */
  @Column({ name: 'transfer_eligible_date', type: 'date', nullable: true })
  transferEligibleDate!: string | null;

  @Column({ type: 'text' })
  state!: InvoiceState;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  /** False until the invoice's lifecycle workflow is known to run; the service retries until it does. */
  @Column({ name: 'lifecycle_started', type: 'boolean', default: false })
  lifecycleStarted!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => InvoiceRow, (row) => row.invoice, { cascade: ['insert'] })
  rows!: InvoiceRow[];

  @OneToMany(() => InvoiceEvent, (event) => event.invoice, { cascade: ['insert'] })
  events!: InvoiceEvent[];
}
