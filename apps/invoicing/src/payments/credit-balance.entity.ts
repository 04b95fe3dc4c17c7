import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Currency } from '@clientfees/domain';

/**
 * Money a client paid beyond what their invoice had open (liikasuoritus / överbetalning): one
 * row per payment that left an excess. The client's credit balance is the sum of their rows.
 */
@Entity({ name: 'credit_balance' })
export class CreditBalance {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'client_number', type: 'text' })
  clientNumber!: string;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: number;

  @Column({ type: 'text' })
  currency!: Currency;

  /** The payment the excess came from. */
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  /** The invoice the payment was meant for. */
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  invoiceId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
