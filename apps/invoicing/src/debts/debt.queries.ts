import { CLOSED_INVOICE_STATES, debtClientPosition, isClosedInvoiceState, RegisterMove, type Currency } from '@clientfees/domain';
import type { DebtClaim, DebtClient, InvoiceCopy, InvoiceState, LedgerEntry } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';
import type { InvoiceRecipient } from '../invoices/invoice-recipient';

// What debt follow-up reads of invoicing (issue 13): the month-end debt list, a client's ledger,
// the invoices a death touches and the copies printed with a reminder letter. Read-only: the
// invoice tables are written by invoice.queries.ts, the billing data by its own modules.

/** An invoice's open amount: its total less what was allocated to it and what credit notes took off. */
const OPEN_CENTS = `(i.total_cents
    - coalesce((SELECT sum(a.amount_cents) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)
    - coalesce((SELECT sum(n.amount_cents) FROM credit_note n WHERE n.invoice_id = i.id), 0))::int8`;
/**
 * The closed states spelt out in the statement (constants, not input): the planner then uses the
 * partial index of open invoices (`invoice_open_by_due_date`), which a parameter would not prove.
 */
const NOT_CLOSED = `i.state NOT IN (${CLOSED_INVOICE_STATES.map((state) => `'${state}'`).join(', ')})`;
const CREDITED_CENTS = `coalesce((SELECT sum(n.amount_cents) FROM credit_note n WHERE n.invoice_id = i.id), 0)::int8`;

interface ClaimRow {
  invoice_id: string;
  client_id: string;
  invoice_number: number;
  invoice_date: string;
  due_date: string;
  period: string;
  open_cents: string;
  state: InvoiceState;
}

/**
 * A page of the organisation's claims unpaid past their due date on `asOf` (due before it), in
 * invoice id order, and where the next page starts (absent at the end: a page looks at `limit`
 * invoices, some of which may have nothing open). Only invoices of clients in the client register
 * are claims of a client; an invoice made by hand for an unknown client number has no client to
 * follow.
 */
export async function debtClaimsPage(tx: Tx, page: { organisationId: string; asOf: string; after?: string; limit: number }): Promise<{ claims: DebtClaim[]; nextAfter?: string }> {
  const rows = await tx.query<ClaimRow>(
    `SELECT i.id AS invoice_id, c.id AS client_id, i.invoice_number, i.invoice_date, i.due_date,
            coalesce(i.billing_period, to_char(i.invoice_date, 'YYYY-MM')) AS period, i.state, ${OPEN_CENTS} AS open_cents
       FROM invoice i JOIN client c ON c.organisation_id = i.organisation_id AND c.client_number = i.client_number
      WHERE i.organisation_id = $1 AND i.id > $3 AND i.due_date < $2 AND ${NOT_CLOSED}
      ORDER BY i.id LIMIT $4`,
    [page.organisationId, page.asOf, page.after ?? '00000000-0000-0000-0000-000000000000', page.limit],
  );
  const claims = rows
    .filter((row) => Number(row.open_cents) > 0)
    .map((row) => ({
      invoiceId: row.invoice_id,
      clientId: row.client_id,
      invoiceNumber: Number(row.invoice_number),
      invoiceDate: row.invoice_date,
      dueDate: row.due_date,
      period: row.period,
      openCents: Number(row.open_cents),
      state: row.state,
    }));
  return { claims, ...(rows.length === page.limit ? { nextAfter: rows[rows.length - 1].invoice_id } : {}) };
}

/**
 * The clients behind claims as billing knows them on `asOf`: deceased when a date of death is
 * recorded, closed when their billing settings ended before `asOf`, moved when this list reports a
 * move of the population register (`debtClientPosition`, `reportedMoveOf`: the first month-end list
 * after the move both took effect and was recorded, so a move recorded late is on the next list;
 * not one whose home municipality is one of the organisation's, ADR 0035);
 * the debiting area of the settings in force then (or the last ones); the credit balance still
 * unrefunded. A register change counts as a move when it changed the settings
 * (`versions_changed > 0`): a repeat of the address already held is none. The day it was recorded
 * is the day invoicing received it, in the organisation's time zone.
 */
export async function debtClients(tx: Tx, organisationId: string, clientIds: readonly string[], asOf: string): Promise<DebtClient[]> {
  const rows = await tx.query<{
    id: string;
    client_number: string;
    name: string;
    date_of_death: string | null;
    debiting_area: string | null;
    valid_to: string | null;
    moves: RegisterMove[];
    municipality_codes: string[];
    credit_cents: string;
  }>(
    `SELECT c.id, c.client_number, c.name, c.date_of_death, s.debiting_area, s.valid_to, o.municipality_codes,
            (SELECT coalesce(json_agg(json_build_object('effectiveDate', m.effective_date, 'recordedOn', (m.received_at AT TIME ZONE o.time_zone)::date,
                                                        'homeMunicipality', m.home_municipality)), '[]'::json)
               FROM register_address_change m WHERE m.client_id = c.id AND m.versions_changed > 0) AS moves,
            coalesce((SELECT sum(b.amount_cents) FROM credit_balance b
                       WHERE b.organisation_id = c.organisation_id AND b.client_number = c.client_number
                         AND NOT EXISTS (SELECT 1 FROM refund_proposal r WHERE r.credit_balance_id = b.id AND r.status = 'approved')), 0)::int8 AS credit_cents
       FROM client c
       JOIN organisation o ON o.id = c.organisation_id
       LEFT JOIN LATERAL (SELECT debiting_area, valid_to FROM billing_setting s WHERE s.client_id = c.id AND s.valid_from <= $3
                           ORDER BY s.valid_from DESC LIMIT 1) s ON true
      WHERE c.organisation_id = $1 AND c.id = ANY($2::uuid[])`,
    [organisationId, [...clientIds], asOf],
  );
  return rows.map((row) => ({
    clientId: row.id,
    clientNumber: row.client_number,
    name: row.name,
    debitingArea: row.debiting_area,
    ...debtClientPosition({ dateOfDeath: row.date_of_death, settingsValidTo: row.valid_to, moves: row.moves, municipalityCodes: row.municipality_codes }, asOf),
    creditBalanceCents: Number(row.credit_cents),
  }));
}

export interface DebtLedgerEntry extends LedgerEntry {
  /** The billing period a billing run billed; null for an invoice made by hand. */
  billingPeriod: string | null;
  /** The invoice's total before credit notes. */
  billedCents: number;
  creditedCents: number;
  lifecycleStarted: boolean;
  heldForEstate: string | null;
  recipientKind: string;
}

/** The client's invoices (all, or those named), oldest first, with what is open of each. */
export async function clientLedgerEntries(tx: Tx, client: { organisationId: string; clientNumber: string; invoiceIds?: readonly string[] }): Promise<DebtLedgerEntry[]> {
  const rows = await tx.query<{
    id: string;
    invoice_number: number;
    invoice_date: string;
    due_date: string | null;
    total_cents: string;
    open_cents: string;
    credited_cents: string;
    state: InvoiceState;
    billing_period: string | null;
    lifecycle_started: boolean;
    held_for_estate: string | null;
    recipient_kind: string;
  }>(
    `SELECT i.id, i.invoice_number, i.invoice_date, i.due_date, i.total_cents, ${OPEN_CENTS} AS open_cents, ${CREDITED_CENTS} AS credited_cents,
            i.state, i.billing_period, i.lifecycle_started, i.held_for_estate, i.recipient->>'kind' AS recipient_kind
       FROM invoice i
      WHERE i.organisation_id = $1 AND i.client_number = $2 AND ($3::uuid[] IS NULL OR i.id = ANY($3::uuid[]))
      ORDER BY i.invoice_date, i.invoice_number`,
    [client.organisationId, client.clientNumber, client.invoiceIds ? [...client.invoiceIds] : null],
  );
  return rows.map((row) => ({
    invoiceId: row.id,
    invoiceNumber: Number(row.invoice_number),
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    totalCents: Number(row.total_cents) - Number(row.credited_cents),
    openCents: isClosedInvoiceState(row.state) ? 0 : Math.max(0, Number(row.open_cents)),
    state: row.state,
    billingPeriod: row.billing_period,
    billedCents: Number(row.total_cents),
    creditedCents: Number(row.credited_cents),
    lifecycleStarted: row.lifecycle_started,
    heldForEstate: row.held_for_estate,
    recipientKind: row.recipient_kind,
  }));
}

/** What credit notes made because of a death (their reason starts with `marker`) took off an invoice. */
export async function creditedForDeath(tx: Tx, invoiceId: string, marker: string): Promise<number> {
  const [row] = await tx.query<{ cents: string }>(`SELECT coalesce(sum(amount_cents), 0)::int8 AS cents FROM credit_note WHERE invoice_id = $1 AND starts_with(reason, $2)`, [
    invoiceId,
    marker,
  ]);
  return Number(row.cents);
}

/** A copy as stored: the recipient the invoice was sent to, and whose invoice it is (a security ban masks the copy's address). */
export interface StoredInvoiceCopy extends Omit<InvoiceCopy, 'recipient'> {
  clientNumber: string;
  recipient: InvoiceRecipient;
}

/** The organisation's invoices among `invoiceIds` as their copies are printed, with their rows. */
export async function invoiceCopies(tx: Tx, organisationId: string, invoiceIds: readonly string[]): Promise<StoredInvoiceCopy[]> {
  const rows = await tx.query<{
    id: string;
    invoice_number: number;
    invoice_date: string;
    due_date: string | null;
    payment_reference: string;
    payment_reference_international: string | null;
    recipient: InvoiceRecipient;
    client_number: string;
    total_cents: string;
    currency: Currency;
    rows: Array<{ description: string; amountCents: number }>;
  }>(
    `SELECT i.id, i.invoice_number, i.invoice_date, i.due_date, i.payment_reference, i.payment_reference_international, i.recipient, i.client_number, i.total_cents, i.currency,
            coalesce((SELECT jsonb_agg(jsonb_build_object('description', r.description, 'amountCents', r.amount_cents) ORDER BY r.line_number)
                        FROM invoice_row r WHERE r.invoice_id = i.id), '[]'::jsonb) AS rows
       FROM invoice i WHERE i.organisation_id = $1 AND i.id = ANY($2::uuid[]) ORDER BY i.invoice_number`,
    [organisationId, [...invoiceIds]],
  );
  return rows.map((row) => ({
    invoiceId: row.id,
    invoiceNumber: Number(row.invoice_number),
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    paymentReference: row.payment_reference,
    paymentReferenceInternational: row.payment_reference_international,
    recipient: row.recipient,
    clientNumber: row.client_number,
    rows: row.rows.map((r) => ({ description: r.description, amountCents: Number(r.amountCents) })),
    totalCents: Number(row.total_cents),
    currency: row.currency,
  }));
}
