import { type Currency, Money } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** A fee correction (maksukorjaus / avgiftskorrigering): a signed amount with its invoice text. */
export interface Correction {
  id: string;
  clientId: string;
  /** The billing period it concerns; billed on the client's next invoice. */
  period: string;
  amountCents: number;
  currency: Currency;
  text: string;
  itemCode: string | null;
  madeBy: string;
  madeByRole: string;
  /** The invoice that carried it; a billed correction is never deleted. */
  billedInvoiceId: string | null;
  createdAt: Date;
}

interface CorrectionRow {
  id: string;
  client_id: string;
  period: string;
  amount_cents: number;
  currency: Currency;
  text: string;
  item_code: string | null;
  made_by: string;
  made_by_role: string;
  billed_invoice_id: string | null;
  created_at: Date;
}

function rowToCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    clientId: row.client_id,
    period: row.period,
    amountCents: row.amount_cents,
    currency: row.currency,
    text: row.text,
    itemCode: row.item_code,
    madeBy: row.made_by,
    madeByRole: row.made_by_role,
    billedInvoiceId: row.billed_invoice_id,
    createdAt: row.created_at,
  };
}

/** The correction's amount as the calculation reads it. */
export const correctionAmount = (correction: { amountCents: number; currency: Currency }) => Money.ofMinor(correction.amountCents, correction.currency).toDecimalString();

const SELECT_CORRECTION = `SELECT k.*, o.currency FROM correction k JOIN client c ON c.id = k.client_id JOIN organisation o ON o.id = c.organisation_id`;

export async function insertCorrection(
  tx: Tx,
  correction: { id: string; clientId: string; period: string; amountCents: number; text: string; itemCode: string | null; madeBy: string; madeByRole: string },
): Promise<void> {
  const k = correction;
  await tx.query('INSERT INTO correction (id, client_id, period, amount_cents, text, item_code, made_by, made_by_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    k.id,
    k.clientId,
    k.period,
    k.amountCents,
    k.text,
    k.itemCode,
    k.madeBy,
    k.madeByRole,
  ]);
}

/** The correction; `lock` takes its row FOR UPDATE until the transaction ends. */
export async function findCorrection(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Correction | null> {
  const [row] = await tx.query<CorrectionRow>(`${SELECT_CORRECTION} WHERE k.id = $1${options.lock ? ' FOR UPDATE OF k' : ''}`, [id]);
  return row ? rowToCorrection(row) : null;
}

/** The client's corrections, billed and unbilled, by period. */
export async function correctionsOf(tx: Tx, clientId: string): Promise<Correction[]> {
  return (await tx.query<CorrectionRow>(`${SELECT_CORRECTION} WHERE k.client_id = $1 ORDER BY k.period, k.created_at`, [clientId])).map(rowToCorrection);
}

export async function deleteCorrection(tx: Tx, id: string): Promise<void> {
  await tx.query('DELETE FROM correction WHERE id = $1', [id]);
}

/** The corrections a billing run's batch invoiced are billed on those invoices (and never deleted after). */
export async function markBatchCorrectionsBilled(tx: Tx, runId: string, batch: number, invoiceIds: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE correction k SET billed_invoice_id = x.invoice_id
       FROM (SELECT c.invoice_id, unnest(c.correction_ids) AS correction_id FROM billing_run_client c
              WHERE c.run_id = $1 AND c.batch = $3 AND c.invoice_id = ANY($2::uuid[])) AS x
      WHERE k.id = x.correction_id AND k.billed_invoice_id IS NULL`,
    [runId, [...invoiceIds], batch],
  );
}

/** An invoice remade: its corrections are unbilled again, for the remade invoice to carry. */
export async function unbillCorrections(tx: Tx, invoiceId: string): Promise<void> {
  await tx.query('UPDATE correction SET billed_invoice_id = NULL WHERE billed_invoice_id = $1', [invoiceId]);
}
