import type { Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export const REVERSAL_STATUSES = ['applied', 'unresolved'] as const;
export type ReversalStatus = (typeof REVERSAL_STATUSES)[number];

/**
 * A bank's reversal of a payment (camt.054 `RvslInd`, a returned credit transfer, a refunded
 * direct debit). `applied`: the original was found and taken back; `unresolved`: no single
 * original was found, and a person finds it (the reason says why).
 */
export interface PaymentReversal {
  id: string;
  organisationId: string;
  fileId: string;
  externalId: string;
  account: string | null;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  references: string[];
  returnReason: string | null;
  reversesPaymentId: string | null;
  foundBy: 'bank-reference' | 'amount-reference-date' | null;
  status: ReversalStatus;
  /** Why it is unresolved, or what a person must still do about an applied one. */
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

interface ReversalRow {
  id: string;
  organisation_id: string;
  file_id: string;
  external_id: string;
  account: string | null;
  amount_cents: number;
  currency: Currency;
  booking_date: string;
  references: string[];
  return_reason: string | null;
  reverses_payment_id: string | null;
  found_by: 'bank-reference' | 'amount-reference-date' | null;
  status: ReversalStatus;
  note: string | null;
  created_by: string;
  created_at: Date;
}

function rowToReversal(row: ReversalRow): PaymentReversal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    fileId: row.file_id,
    externalId: row.external_id,
    account: row.account,
    amountCents: row.amount_cents,
    currency: row.currency,
    bookingDate: row.booking_date,
    references: row.references,
    returnReason: row.return_reason,
    reversesPaymentId: row.reverses_payment_id,
    foundBy: row.found_by,
    status: row.status,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Records a reversal once per (organisation, external id); answers false when it was recorded before. */
export async function insertReversal(tx: Tx, reversal: Omit<PaymentReversal, 'createdAt'>): Promise<boolean> {
  const r = reversal;
  const inserted = await tx.query(
    `INSERT INTO payment_reversal (id, organisation_id, file_id, external_id, account, amount_cents, currency, booking_date, "references",
                                   return_reason, reverses_payment_id, found_by, status, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12, $13, $14, $15)
     ON CONFLICT (organisation_id, external_id) DO NOTHING RETURNING id`,
    [r.id, r.organisationId, r.fileId, r.externalId, r.account, r.amountCents, r.currency, r.bookingDate, r.references, r.returnReason, r.reversesPaymentId, r.foundBy, r.status, r.note, r.createdBy],
  );
  return inserted.length > 0;
}

export async function findReversalByExternalId(tx: Tx, organisationId: string, externalId: string): Promise<PaymentReversal | null> {
  const [row] = await tx.query<ReversalRow>('SELECT * FROM payment_reversal WHERE organisation_id = $1 AND external_id = $2', [organisationId, externalId]);
  return row ? rowToReversal(row) : null;
}

/** An organisation's reversals (in one status, if asked), oldest first. */
export async function listReversals(tx: Tx, query: { organisationId: string; status?: ReversalStatus; limit: number }): Promise<PaymentReversal[]> {
  const rows = await tx.query<ReversalRow>(
    `SELECT * FROM payment_reversal WHERE organisation_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at, id LIMIT $3`,
    [query.organisationId, query.status ?? null, query.limit],
  );
  return rows.map(rowToReversal);
}
