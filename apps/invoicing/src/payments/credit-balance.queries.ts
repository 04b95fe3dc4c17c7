import type { Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export const REFUND_PROPOSAL_STATUSES = ['proposed', 'approved'] as const;
export type RefundProposalStatus = (typeof REFUND_PROPOSAL_STATUSES)[number];

/**
 * Money a client paid beyond what their invoice had open (liikasuoritus / överbetalning): one
 * row per payment that left an excess. The client's credit balance is the sum of their rows.
 */
export interface CreditBalance {
  id: string;
  organisationId: string;
  clientNumber: string;
  amountCents: number;
  currency: Currency;
  /** The payment the excess came from. */
  paymentId: string;
  /** The invoice the payment was meant for. */
  invoiceId: string | null;
  createdAt: Date;
}

/**
 * A proposal to pay a credit balance back to the client, for the finance centre to approve.
 * Approval records the decision only; the refund itself is paid outside this service.
 */
export interface RefundProposal {
  id: string;
  organisationId: string;
  clientNumber: string;
  creditBalanceId: string;
  paymentId: string;
  amountCents: number;
  currency: Currency;
  status: RefundProposalStatus;
  approvedBy: string | null;
  approvedAt: Date | null;
  createdAt: Date;
}

interface CreditBalanceRow {
  id: string;
  organisation_id: string;
  client_number: string;
  amount_cents: number;
  currency: Currency;
  payment_id: string;
  invoice_id: string | null;
  created_at: Date;
}

interface RefundProposalRow {
  id: string;
  organisation_id: string;
  client_number: string;
  credit_balance_id: string;
  payment_id: string;
  amount_cents: number;
  currency: Currency;
  status: RefundProposalStatus;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: Date;
}

function rowToCredit(row: CreditBalanceRow): CreditBalance {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    clientNumber: row.client_number,
    amountCents: row.amount_cents,
    currency: row.currency,
    paymentId: row.payment_id,
    invoiceId: row.invoice_id,
    createdAt: row.created_at,
  };
}

function rowToRefund(row: RefundProposalRow): RefundProposal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    clientNumber: row.client_number,
    creditBalanceId: row.credit_balance_id,
    paymentId: row.payment_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    status: row.status,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    createdAt: row.created_at,
  };
}

/** The excess of a payment on the client's credit balance, with the refund proposed from it. */
export async function insertCreditWithRefundProposal(
  tx: Tx,
  excess: { creditBalanceId: string; refundProposalId: string; organisationId: string; clientNumber: string; amountCents: number; currency: Currency; paymentId: string; invoiceId: string },
): Promise<void> {
  const e = excess;
  await tx.query(
    `INSERT INTO credit_balance (id, organisation_id, client_number, amount_cents, currency, payment_id, invoice_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.creditBalanceId, e.organisationId, e.clientNumber, e.amountCents, e.currency, e.paymentId, e.invoiceId],
  );
  await tx.query(
    `INSERT INTO refund_proposal (id, organisation_id, client_number, credit_balance_id, payment_id, amount_cents, currency, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed')`,
    [e.refundProposalId, e.organisationId, e.clientNumber, e.creditBalanceId, e.paymentId, e.amountCents, e.currency],
  );
}

/** An organisation's credit rows (of one client, if asked), by client and age. */
export async function creditBalances(tx: Tx, query: { organisationId: string; clientNumber?: string }): Promise<CreditBalance[]> {
  const rows = await tx.query<CreditBalanceRow>(
    `SELECT * FROM credit_balance WHERE organisation_id = $1 AND ($2::text IS NULL OR client_number = $2) ORDER BY client_number, created_at, id`,
    [query.organisationId, query.clientNumber ?? null],
  );
  return rows.map(rowToCredit);
}

export async function creditBalancesOfPayments(tx: Tx, paymentIds: readonly string[]): Promise<CreditBalance[]> {
  return (await tx.query<CreditBalanceRow>('SELECT * FROM credit_balance WHERE payment_id = ANY($1::uuid[])', [[...paymentIds]])).map(rowToCredit);
}

export async function refundProposalsOf(tx: Tx, of: { creditBalanceIds?: readonly string[]; paymentIds?: readonly string[] }): Promise<RefundProposal[]> {
  const rows = await tx.query<RefundProposalRow>('SELECT * FROM refund_proposal WHERE credit_balance_id = ANY($1::uuid[]) OR payment_id = ANY($2::uuid[])', [
    [...(of.creditBalanceIds ?? [])],
    [...(of.paymentIds ?? [])],
  ]);
  return rows.map(rowToRefund);
}

/** An organisation's refund proposals (in one status, if asked), oldest first. */
export async function refundProposals(tx: Tx, query: { organisationId: string; status?: RefundProposalStatus }): Promise<RefundProposal[]> {
  const rows = await tx.query<RefundProposalRow>(
    'SELECT * FROM refund_proposal WHERE organisation_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at, id LIMIT 1000',
    [query.organisationId, query.status ?? null],
  );
  return rows.map(rowToRefund);
}

/** Approves a proposed refund; approving again keeps the first approval. Answers the proposal, if there is one. */
export async function approveRefundProposal(tx: Tx, id: string, actor: string): Promise<RefundProposal | null> {
  await tx.query(`UPDATE refund_proposal SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1 AND status = 'proposed'`, [id, actor]);
  const [row] = await tx.query<RefundProposalRow>('SELECT * FROM refund_proposal WHERE id = $1', [id]);
  return row ? rowToRefund(row) : null;
}
