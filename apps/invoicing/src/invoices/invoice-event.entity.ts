import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { InvoiceState } from '@clientfees/contracts';
import { Invoice } from './invoice.entity';

/** One state change of an invoice: when, by whom and why. The invoice's timeline. */
@Entity({ name: 'invoice_event' })
export class InvoiceEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: number;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @Column({ type: 'text' })
  state!: InvoiceState;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** Makes a retried activity record its change once: the workflow run and activity id. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @ManyToOne(() => Invoice, (invoice) => invoice.events, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Relation<Invoice>;
}
