import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A bank notification file, recorded once per organisation by its message id (GrpHdr/MsgId). */
@Entity({ name: 'payment_file' })
export class PaymentFile {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ type: 'text' })
  format!: 'camt054';

  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  /** The XML namespace, which names the message version. */
  @Column({ type: 'text', nullable: true })
  schema!: string | null;

  @Column({ name: 'payment_count', type: 'int' })
  paymentCount!: number;

  @Column({ name: 'ignored_entries', type: 'int' })
  ignoredEntries!: number;

  @Column({ name: 'imported_by', type: 'text' })
  importedBy!: string;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
