import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyStatus } from '@clientfees/contracts';

/**
 * A status report the agency delivered to the callback. Keyed by the agency's reportId, so a
 * report the agency sends again (its retry after a lost answer) is stored once.
 */
@Entity({ name: 'agency_report' })
export class AgencyReport {
  @PrimaryColumn({ name: 'report_id', type: 'text' })
  reportId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @Column({ type: 'text' })
  status!: AgencyStatus;

  @Column({ name: 'amount_cents', type: 'bigint', nullable: true })
  amountCents!: number | null;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn!: string;

  /** The token subject that delivered it. */
  @Column({ name: 'received_by', type: 'text' })
  receivedBy!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

}
