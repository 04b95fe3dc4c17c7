import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Currency } from '@clientfees/domain';

export const REFUND_PROPOSAL_STATUSES = ['proposed', 'approved'] as const;
export type RefundProposalStatus = (typeof REFUND_PROPOSAL_STATUSES)[number];

/**
 * A proposal to pay a credit balance back to the client, for the finance centre to approve.
 * Approval records the decision only; the refund itself is paid outside this service.
 */
@Entity({ name: 'refund_proposal' })
export class RefundProposal {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'text' })
  organisationId!: string;

  @Column({ name: 'client_number', type: 'text' })
  clientNumber!: string;

  @Column({ name: 'credit_balance_id', type: 'uuid' })
  creditBalanceId!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: number;

  @Column({ type: 'text' })
  currency!: Currency;

  @Column({ type: 'text' })
  status!: RefundProposalStatus;

  @Column({ name: 'approved_by', type: 'text', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
