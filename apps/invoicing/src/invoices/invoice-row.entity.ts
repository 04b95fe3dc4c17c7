import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Invoice } from './invoice.entity';

@Entity({ name: 'invoice_row' })
export class InvoiceRow {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @PrimaryColumn({ name: 'line_number', type: 'int' })
  lineNumber!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: number;

  @ManyToOne(() => Invoice, (invoice) => invoice.rows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Relation<Invoice>;
}
