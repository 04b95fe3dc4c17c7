import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The part of a payment put on an invoice, and whether the invoice's lifecycle has heard of it. */
@Entity({ name: 'payment_allocation' })
export class PaymentAllocation {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: number;

  /** `system:payments` for automatic matching, else the user who allocated it by hand. */
  @Column({ name: 'allocated_by', type: 'text' })
  allocatedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Null until the lifecycle workflow has the payment signal; the delivery loop retries until then. */
  @Column({ name: 'signalled_at', type: 'timestamptz', nullable: true })
  signalledAt!: Date | null;

  @Column({ name: 'delivery_attempts', type: 'int', default: 0 })
  deliveryAttempts!: number;

  /** Why the last attempt failed, or why delivery was settled without a signal. */
  @Column({ name: 'delivery_note', type: 'text', nullable: true })
  deliveryNote!: string | null;
}
