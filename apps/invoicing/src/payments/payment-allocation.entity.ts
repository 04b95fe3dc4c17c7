import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The part of a payment put on an invoice; its signal to the invoice's lifecycle is in the signal outbox. */
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

}
