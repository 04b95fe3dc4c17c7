import type { OwnShareInvoiceCredit, OwnShareInvoiceEvent, OwnShareInvoiceRow } from '@clientfees/domain';
import type { OwnShareInvoiceOutcome, OwnShareInvoiceRequest } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

/**
 * The client's own share of a settlement (omavastuu, issue 12 §8): one record per client and
 * settled month, the one writer of `own_share_invoice` (ADR 0011).
 */
export interface OwnShareInvoiceRecord {
  id: string;
  settlementId: string;
  organisationId: string;
  month: string;
  clientId: string;
  clientNumber: string;
  rows: OwnShareInvoiceRow[];
  totalCents: number;
  invoicedCents: number;
  carriedOutCents: number;
  state: 'to-invoice' | 'invoiced' | 'nothing-to-invoice';
  invoiceId: string | null;
  invoiceNumber: number | null;
  invoicedAt: Date | null;
  problem: string | null;
}

const SELECT = `SELECT id, settlement_id AS "settlementId", organisation_id AS "organisationId", month, client_id AS "clientId", client_number AS "clientNumber", rows,
                       total_cents AS "totalCents", invoiced_cents AS "invoicedCents", carried_out_cents AS "carriedOutCents", state,
                       invoice_id AS "invoiceId", invoice_number AS "invoiceNumber", invoiced_at AS "invoicedAt", problem
                FROM own_share_invoice`;

/** A settled event of the settlement, with its client: what the own-share invoice bills. */
export type SettledOwnShareEvent = OwnShareInvoiceEvent & { clientId: string; clientNumber: string };

/** The events the settlement paid, with their own shares. */
export async function settledOwnShareEvents(tx: Tx, settlementId: string): Promise<SettledOwnShareEvent[]> {
  return tx.query<SettledOwnShareEvent>(
    `SELECT e.id AS "eventId", v.number AS "voucherNumber", s.name AS "serviceName", vc.content_code AS "contentCode", vc.unit,
            e.start_date AS "startDate", e.end_date AS "endDate", e.quantity, e.price_cents AS "priceCents", e.voucher_value_cents AS "voucherValueCents",
            e.own_share_cents AS "ownShareCents", v.client_id AS "clientId", c.client_number AS "clientNumber"
     FROM service_event e JOIN voucher v ON v.id = e.voucher_id JOIN voucher_content vc ON vc.id = e.voucher_content_id
     JOIN voucher_service s ON s.organisation_id = v.organisation_id AND s.code = v.service_code
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id
     WHERE e.settlement_id = $1`,
    [settlementId],
  );
}

export type CreditedOwnShare = OwnShareInvoiceCredit & { clientId: string; clientNumber: string };

/**
 * The credits the settlement deducted whose event's own share an earlier own-share record billed:
 * the client gets that own share back on this settlement's invoice (seed 003 §4.3.8).
 */
export async function creditedOwnShares(tx: Tx, settlementId: string): Promise<CreditedOwnShare[]> {
  return tx.query<CreditedOwnShare>(
    `SELECT e.id AS "eventId", v.number AS "voucherNumber", vc.content_code AS "contentCode", e.start_date AS "startDate", e.end_date AS "endDate",
            e.own_share_cents AS "ownShareCents", v.client_id AS "clientId", c.client_number AS "clientNumber"
     FROM credit cr JOIN service_event e ON e.id = cr.event_id JOIN voucher v ON v.id = e.voucher_id JOIN voucher_content vc ON vc.id = e.voucher_content_id
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id
     WHERE cr.settlement_id = $1 AND e.own_share_cents > 0
       AND EXISTS (SELECT 1 FROM own_share_invoice o
                   WHERE o.settlement_id = e.settlement_id AND o.client_id = v.client_id
                     AND o.rows @> jsonb_build_array(jsonb_build_object('kind', 'voucher-own-share', 'eventId', e.id::text)))`,
    [settlementId],
  );
}

/** What each client's latest own-share record carried to the next one (only those carrying something). */
export async function carriedOwnShares(tx: Tx, organisationId: string): Promise<Array<{ clientId: string; clientNumber: string; carriedOutCents: number }>> {
  return tx.query(
    `SELECT "clientId", "clientNumber", "carriedOutCents" FROM (
       SELECT DISTINCT ON (client_id) client_id AS "clientId", client_number AS "clientNumber", carried_out_cents AS "carriedOutCents"
       FROM own_share_invoice WHERE organisation_id = $1 ORDER BY client_id, month DESC) latest
     WHERE "carriedOutCents" <> 0`,
    [organisationId],
  );
}

export type NewOwnShareInvoice = Pick<
  OwnShareInvoiceRecord,
  'id' | 'clientId' | 'clientNumber' | 'rows' | 'totalCents' | 'invoicedCents' | 'carriedOutCents' | 'state'
>;

/** The settlement's own-share records, all at once (in the settlement's transaction). */
export async function insertOwnShareInvoices(tx: Tx, settlement: { id: string; organisationId: string; month: string }, records: readonly NewOwnShareInvoice[]): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO own_share_invoice (id, settlement_id, organisation_id, month, client_id, client_number, rows, total_cents, invoiced_cents, carried_out_cents, state)
     SELECT r.id, $1, $2, $3, r."clientId", r."clientNumber", r.rows, r."totalCents", r."invoicedCents", r."carriedOutCents", r.state
     FROM jsonb_to_recordset($4::jsonb) AS r(id uuid, "clientId" text, "clientNumber" text, rows jsonb, "totalCents" bigint, "invoicedCents" bigint, "carriedOutCents" bigint, state text)`,
    [settlement.id, settlement.organisationId, settlement.month, JSON.stringify(records)],
  );
}

/** The organisation's own shares waiting for their invoice, oldest settlement first within the id order. */
export async function ownSharesToInvoice(tx: Tx, organisationId: string, after: string | null, limit: number): Promise<OwnShareInvoiceRequest[]> {
  const rows = await tx.query<OwnShareInvoiceRecord>(`${SELECT} WHERE organisation_id = $1 AND state = 'to-invoice' AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`, [
    organisationId,
    after,
    limit,
  ]);
  return rows.map((row) => ({
    ownShareId: row.id,
    organisationId: row.organisationId,
    clientId: row.clientId,
    clientNumber: row.clientNumber,
    month: row.month,
    rows: row.rows.map((r) => ({ kind: r.kind, code: r.code, quantity: r.quantity, description: r.description, amountCents: r.amountCents })),
    totalCents: row.invoicedCents,
  }));
}

/**
 * Links an own share to its invoice once; a repeated link changes nothing. A refusal is noted
 * on a record still waiting (the next settlement sends it again).
 */
export async function recordOwnShareOutcome(tx: Tx, outcome: OwnShareInvoiceOutcome): Promise<void> {
  if (outcome.outcome === 'invoiced') {
    await tx.query(
      `UPDATE own_share_invoice SET state = 'invoiced', invoice_id = $2, invoice_number = $3, invoiced_at = now(), problem = NULL, problem_at = NULL
       WHERE id = $1 AND state = 'to-invoice' RETURNING id`,
      [outcome.ownShareId, outcome.invoiceId, outcome.invoiceNumber],
    );
  } else {
    await tx.query(`UPDATE own_share_invoice SET problem = $2, problem_at = now() WHERE id = $1 AND state = 'to-invoice' RETURNING id`, [outcome.ownShareId, outcome.reason]);
  }
}

export async function ownSharesOfSettlement(tx: Tx, settlementId: string): Promise<OwnShareInvoiceRecord[]> {
  return tx.query<OwnShareInvoiceRecord>(`${SELECT} WHERE settlement_id = $1 ORDER BY client_number`, [settlementId]);
}
