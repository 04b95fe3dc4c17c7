import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Currency } from '@clientfees/domain';

export const AGENCY_CASE_STATUSES = ['transferred-to-reminder', 'in-collection', 'recalled', 'paid', 'payment-plan', 'returned'] as const;
export type AgencyCaseStatus = (typeof AGENCY_CASE_STATUSES)[number];

/** An invoice's case at the collection agency (perintätoimisto / inkassobolag); one per invoice. */
@Entity({ name: 'agency_case' })
export class AgencyCase {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  /** The agency's own id for the case. */
  @Column({ name: 'case_id', type: 'text', unique: true })
  caseId!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ type: 'text' })
  currency!: Currency;

  @Column({ type: 'text' })
  status!: AgencyCaseStatus;

  /** Set by a recall: the case went to the agency in error and the client pays no collection costs. */
  @Column({ name: 'collection_costs_waived', type: 'boolean', default: false })
  collectionCostsWaived!: boolean;

  /** When the invoice went to the agency's reminder service. */
  @Column({ name: 'transferred_at', type: 'timestamptz' })
  transferredAt!: Date;

  @Column({ name: 'collection_transfer_date', type: 'date', nullable: true })
  collectionTransferDate!: string | null;

  @Column({ name: 'collection_started_at', type: 'timestamptz', nullable: true })
  collectionStartedAt!: Date | null;

  @Column({ name: 'recalled_at', type: 'timestamptz', nullable: true })
  recalledAt!: Date | null;

  @Column({ name: 'recall_reason', type: 'text', nullable: true })
  recallReason!: string | null;

  @Column({ name: 'recalled_by', type: 'text', nullable: true })
  recalledBy!: string | null;

  @Column({ name: 'last_report_id', type: 'text', nullable: true })
  lastReportId!: string | null;

  /** For a `paid` report: what the agency collected of the principal. */
  @Column({ name: 'collected_cents', type: 'bigint', nullable: true })
  collectedCents!: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
