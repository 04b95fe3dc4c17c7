import type { Currency } from '@clientfees/domain';
import type { InvoiceState, InvoiceStateChange, LifecycleResumption } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';
import { clientNumbersUnderSecurityBan } from '../billing-data/billing-settings/billing-setting.queries';
import type { InvoiceRecipient } from './invoice-recipient';

// The one writer of the invoice tables (invoice, invoice_row, invoice_event, credit_note and the
// gapless number series), for invoices made by hand and by the billing run alike (ADR 0003).

/** An invoice to a client (lasku / faktura). Amounts are integer cents. */
export interface Invoice {
  id: string;
  organisationId: string;
  /** Gapless per organisation (laskunumero / fakturanummer). */
  invoiceNumber: number;
  /** FI creditor reference (viitenumero) or SE OCR reference, derived from the number. */
  paymentReference: string;
  /** FI: the RF creditor reference for SEPA payments; SE: null. */
  paymentReferenceInternational: string | null;
  /** Who the invoice goes to, as they were when it was issued (a later change never rewrites it). */
  recipient: InvoiceRecipient;
  /** The organisation's client number (asiakasnumero); never a personal identity code. */
  clientNumber: string;
  currency: Currency;
  totalCents: number;
  invoiceDate: string;
  /** Set by the lifecycle workflow from the organisation's payment terms. */
  dueDate: string | null;
  /** Due date + the organisation's days before transfer: the first run that may take it. */
  transferEligibleDate: string | null;
  state: InvoiceState;
  createdBy: string;
  /** False until the invoice's lifecycle workflow is known to run; the service retries until it does. */
  lifecycleStarted: boolean;
  /** What a new lifecycle run starts from when a bank's reversal reopened the paid invoice; null otherwise. */
  lifecycleResumption: LifecycleResumption | null;
  createdAt: Date;
  /** The billing run that made it, and the period it bills; null for an invoice made by hand. */
  billingRunId: string | null;
  billingPeriod: string | null;
  /** The estate case the invoice waits for (a deceased client's, until the estate's contact is known); not sent nor transferred meanwhile. */
  heldForEstate: string | null;
}

export interface InvoiceRow {
  lineNumber: number;
  description: string;
  amountCents: number;
}

/** One state change of an invoice: when, by whom and why. The invoice's timeline. */
export interface InvoiceEvent {
  state: InvoiceState;
  actor: string;
  reason: string;
  occurredAt: Date;
}

export interface InvoiceWithHistory extends Invoice {
  /** A security ban protects the client's address now: views mask the recipient's address (libs/domain shownRecipient). */
  clientAddressProtected: boolean;
  /** By line number. */
  rows: InvoiceRow[];
  /** Oldest first. */
  events: InvoiceEvent[];
}

interface InvoiceRecord {
  id: string;
  organisation_id: string;
  invoice_number: number;
  payment_reference: string;
  payment_reference_international: string | null;
  recipient: InvoiceRecipient;
  client_number: string;
  currency: Currency;
  total_cents: number;
  invoice_date: string;
  due_date: string | null;
  transfer_eligible_date: string | null;
  state: InvoiceState;
  created_by: string;
  lifecycle_started: boolean;
  lifecycle_resumption: LifecycleResumption | null;
  created_at: Date;
  billing_run_id: string | null;
  billing_period: string | null;
  held_for_estate: string | null;
}

function rowToInvoice(row: InvoiceRecord): Invoice {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    invoiceNumber: row.invoice_number,
    paymentReference: row.payment_reference,
    paymentReferenceInternational: row.payment_reference_international,
    recipient: row.recipient,
    clientNumber: row.client_number,
    currency: row.currency,
    totalCents: row.total_cents,
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    transferEligibleDate: row.transfer_eligible_date,
    state: row.state,
    createdBy: row.created_by,
    lifecycleStarted: row.lifecycle_started,
    lifecycleResumption: row.lifecycle_resumption,
    createdAt: row.created_at,
    billingRunId: row.billing_run_id,
    billingPeriod: row.billing_period,
    heldForEstate: row.held_for_estate,
  };
}

// ---- numbers --------------------------------------------------------------------------------

/**
 * Takes `count` consecutive numbers of the organisation's series and answers the first. The row
 * lock makes concurrent issuers queue until the transaction ends, and a rollback gives the
 * numbers back, so the series has no gaps.
 */
export async function takeInvoiceNumbers(tx: Tx, organisationId: string, count = 1): Promise<number> {
  await tx.query('INSERT INTO invoice_number_series (organisation_id) VALUES ($1) ON CONFLICT DO NOTHING', [organisationId]);
  const [row] = await tx.query<{ number: number }>(
    'UPDATE invoice_number_series SET next_number = next_number + $2 WHERE organisation_id = $1 RETURNING next_number - $2 AS number',
    [organisationId, count],
  );
  return Number(row.number);
}

// ---- invoices made by hand, and the own shares of service vouchers ---------------------------------

/** An invoice row as issued; an own share's rows also carry their kind, content code and units. */
export interface NewInvoiceRow {
  description: string;
  amountCents: number;
  kind?: string;
  code?: string | null;
  quantity?: string | null;
}

/**
 * An invoice as it is issued: its rows are numbered from 1. One made by hand has no billing
 * period; an own-share invoice (issue 12 §8) names its settled month and the record it bills.
 */
export type NewInvoice = Pick<
  Invoice,
  | 'id'
  | 'organisationId'
  | 'invoiceNumber'
  | 'paymentReference'
  | 'paymentReferenceInternational'
  | 'recipient'
  | 'clientNumber'
  | 'currency'
  | 'totalCents'
  | 'invoiceDate'
  | 'createdBy'
> & { rows: NewInvoiceRow[]; billingPeriod?: string; ownShareId?: string };

/** Stores the invoice, its rows and its first event, `issued`, with the grounds it was made on. */
export async function insertInvoice(tx: Tx, invoice: NewInvoice, grounds = 'invoice created'): Promise<void> {
  await tx.query(
    `INSERT INTO invoice (id, organisation_id, invoice_number, payment_reference, payment_reference_international, recipient, client_number,
                          currency, total_cents, invoice_date, state, created_by, billing_period, own_share_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'issued', $11, $12, $13)`,
    [
      invoice.id,
      invoice.organisationId,
      invoice.invoiceNumber,
      invoice.paymentReference,
      invoice.paymentReferenceInternational,
      JSON.stringify(invoice.recipient),
      invoice.clientNumber,
      invoice.currency,
      invoice.totalCents,
      invoice.invoiceDate,
      invoice.createdBy,
      invoice.billingPeriod ?? null,
      invoice.ownShareId ?? null,
    ],
  );
  await tx.query(
    `INSERT INTO invoice_row (invoice_id, line_number, description, amount_cents, kind, code, quantity)
     SELECT $1, r.line, r.row->>'description', (r.row->>'amountCents')::bigint, r.row->>'kind', r.row->>'code', (r.row->>'quantity')::numeric
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(row, line)`,
    [invoice.id, JSON.stringify(invoice.rows)],
  );
  await insertIssuedEvents(tx, [invoice.id], invoice.createdBy, grounds);
}

/** The invoices already made for these own-share records (their natural key). */
export async function invoicesOfOwnShares(tx: Tx, organisationId: string, ownShareIds: readonly string[]): Promise<Array<{ ownShareId: string; id: string; invoiceNumber: number }>> {
  return tx.query(
    `SELECT own_share_id AS "ownShareId", id, invoice_number AS "invoiceNumber" FROM invoice WHERE organisation_id = $1 AND own_share_id = ANY($2::uuid[])`,
    [organisationId, [...ownShareIds]],
  );
}

// ---- reading --------------------------------------------------------------------------------

/** The invoice; `lock` takes its row FOR UPDATE until the transaction ends. */
export async function findInvoice(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Invoice | null> {
  const [row] = await tx.query<InvoiceRecord>(`SELECT * FROM invoice WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToInvoice(row) : null;
}

export async function findInvoiceWithHistory(tx: Tx, id: string): Promise<InvoiceWithHistory | null> {
  const invoice = await findInvoice(tx, id);
  return invoice ? (await withHistory(tx, [invoice]))[0] : null;
}

/** An organisation's invoices, newest first, optionally in one state. */
export async function listInvoicesWithHistory(tx: Tx, query: { organisationId: string; state?: InvoiceState; limit: number }): Promise<InvoiceWithHistory[]> {
  const rows = await tx.query<InvoiceRecord>(
    `SELECT * FROM invoice WHERE organisation_id = $1 AND ($2::text IS NULL OR state = $2) ORDER BY created_at DESC, id ASC LIMIT $3`,
    [query.organisationId, query.state ?? null, query.limit],
  );
  return withHistory(tx, rows.map(rowToInvoice));
}

async function withHistory(tx: Tx, invoices: Invoice[]): Promise<InvoiceWithHistory[]> {
  if (invoices.length === 0) return [];
  const ids = invoices.map((invoice) => invoice.id);
  const [rows, events, underBan] = await Promise.all([
    tx.query<{ invoice_id: string; line_number: number; description: string; amount_cents: number }>(
      'SELECT invoice_id, line_number, description, amount_cents FROM invoice_row WHERE invoice_id = ANY($1::uuid[]) ORDER BY invoice_id, line_number',
      [ids],
    ),
    tx.query<{ invoice_id: string; state: InvoiceState; actor: string; reason: string; occurred_at: Date }>(
      'SELECT invoice_id, state, actor, reason, occurred_at FROM invoice_event WHERE invoice_id = ANY($1::uuid[]) ORDER BY invoice_id, occurred_at, id',
      [ids],
    ),
    clientNumbersUnderSecurityBan(tx, invoices[0].organisationId, invoices.map((invoice) => invoice.clientNumber)),
  ]);
  return invoices.map((invoice) => ({
    ...invoice,
    clientAddressProtected: underBan.has(invoice.clientNumber),
    rows: rows
      .filter((row) => row.invoice_id === invoice.id)
      .map((row) => ({ lineNumber: row.line_number, description: row.description, amountCents: row.amount_cents })),
    events: events
      .filter((event) => event.invoice_id === invoice.id)
      .map((event) => ({ state: event.state, actor: event.actor, reason: event.reason, occurredAt: event.occurred_at })),
  }));
}

/**
 * Invoices whose lifecycle has not been started, oldest first. A billing run starts its own
 * invoices' lifecycles right after making them: they are left to it for a quarter of an hour.
 */
export async function invoicesAwaitingLifecycle(tx: Tx, limit: number): Promise<Invoice[]> {
  const rows = await tx.query<InvoiceRecord>(
    `SELECT * FROM invoice
      WHERE NOT lifecycle_started AND (billing_run_id IS NULL OR created_at < now() - interval '15 minutes')
      ORDER BY created_at LIMIT $1`,
    [limit],
  );
  return rows.map(rowToInvoice);
}

/** The invoices of a billing run's batch whose lifecycle has not been started. */
export async function batchInvoicesAwaitingLifecycle(tx: Tx, runId: string, batch: number): Promise<Invoice[]> {
  const rows = await tx.query<InvoiceRecord>(
    `SELECT i.* FROM billing_run_client c JOIN invoice i ON i.id = c.invoice_id
      WHERE c.run_id = $1 AND c.batch = $2 AND NOT i.lifecycle_started`,
    [runId, batch],
  );
  return rows.map(rowToInvoice);
}

/** The overdue invoices a transfer run may take on `runDate` (none held for an estate), a page at a time in id order. */
export async function invoicesEligibleForTransfer(tx: Tx, page: { organisationId: string; runDate: string; after?: string; limit: number }): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM invoice
      WHERE organisation_id = $1 AND state = 'overdue' AND transfer_eligible_date <= $2 AND id > $3 AND held_for_estate IS NULL
      ORDER BY id LIMIT $4`,
    [page.organisationId, page.runDate, page.after ?? '00000000-0000-0000-0000-000000000000', page.limit],
  );
  return rows.map((row) => row.id);
}

/** The client's invoices dated on or before `invoicedUntil` that are in none of `closedStates`. */
export async function openInvoicesOfClient(
  tx: Tx,
  client: { organisationId: string; clientNumber: string; invoicedUntil: string; closedStates: readonly InvoiceState[] },
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM invoice WHERE organisation_id = $1 AND client_number = $2 AND invoice_date <= $3 AND NOT (state = ANY($4::text[]))`,
    [client.organisationId, client.clientNumber, client.invoicedUntil, [...client.closedStates]],
  );
  return rows.map((row) => row.id);
}

/**
 * The organisation's invoices that carry one of `references` (national or RF form), locked in id
 * order so that concurrent payment imports touching the same invoices queue, never deadlock.
 */
export async function lockInvoicesByReference(tx: Tx, organisationId: string, references: readonly string[]): Promise<Invoice[]> {
  if (references.length === 0) return [];
  const rows = await tx.query<InvoiceRecord>(
    `SELECT * FROM invoice
      WHERE organisation_id = $1 AND (payment_reference = ANY($2::text[]) OR payment_reference_international = ANY($2::text[]))
      ORDER BY id FOR UPDATE`,
    [organisationId, [...references]],
  );
  return rows.map(rowToInvoice);
}

/**
 * The organisation's invoices a bank file's remittances name: by reference (national or RF form),
 * by invoice number, or as the invoice of a credit note numbered so; locked in id order so that
 * concurrent imports touching the same invoices queue, never deadlock.
 */
export async function lockInvoicesNamed(tx: Tx, organisationId: string, named: { references: readonly string[]; numbers: readonly number[] }): Promise<Invoice[]> {
  if (named.references.length === 0 && named.numbers.length === 0) return [];
  const rows = await tx.query<InvoiceRecord>(
    `SELECT * FROM invoice
      WHERE organisation_id = $1
        AND (payment_reference = ANY($2::text[]) OR payment_reference_international = ANY($2::text[]) OR invoice_number = ANY($3::bigint[])
             OR id IN (SELECT invoice_id FROM credit_note WHERE organisation_id = $1 AND credit_note_number = ANY($3::bigint[])))
      ORDER BY id FOR UPDATE`,
    [organisationId, [...named.references], [...named.numbers]],
  );
  return rows.map(rowToInvoice);
}

/** The organisation's credit notes with these numbers (the series invoices share), with their invoices. */
export async function creditNotesByNumber(tx: Tx, organisationId: string, numbers: readonly number[]): Promise<Array<CreditNote & { invoiceId: string }>> {
  if (numbers.length === 0) return [];
  const rows = await tx.query<{ id: string; credit_note_number: number; invoice_id: string }>(
    'SELECT id, credit_note_number, invoice_id FROM credit_note WHERE organisation_id = $1 AND credit_note_number = ANY($2::bigint[])',
    [organisationId, [...numbers]],
  );
  return rows.map((row) => ({ id: row.id, creditNoteNumber: Number(row.credit_note_number), invoiceId: row.invoice_id }));
}

/** How many invoices a billing run has made, and their total. */
export async function billingRunInvoiceTotals(tx: Tx, runId: string): Promise<{ count: number; totalCents: number }> {
  const [row] = await tx.query<{ n: number; cents: number }>(
    'SELECT count(*)::int AS n, coalesce(sum(total_cents), 0)::int8 AS cents FROM invoice WHERE billing_run_id = $1',
    [runId],
  );
  return { count: row.n, totalCents: Number(row.cents) };
}

export interface InvoiceExplanation {
  invoiceId: string;
  invoiceNumber: number;
  billingPeriod: string | null;
  billingRunId: string | null;
  currency: Currency;
  totalCents: number;
  rows: Array<{
    lineNumber: number;
    description: string;
    kind: string | null;
    code: string | null;
    quantity: string | null;
    unitPriceCents: number | null;
    amountCents: number;
    accountString: string | null;
    /** The calculation behind a billed row; null for the rows of an invoice made by hand. */
    explanation: unknown;
  }>;
}

/** A billed invoice's rows with the explanation the billing run's calculation stored for each. */
export async function invoiceExplanation(tx: Tx, id: string): Promise<InvoiceExplanation | null> {
  const invoice = await findInvoice(tx, id);
  if (!invoice) return null;
  const rows = await tx.query<{
    line_number: number;
    description: string;
    kind: string | null;
    code: string | null;
    quantity: string | null;
    unit_price_cents: number | null;
    amount_cents: number;
    account_string: string | null;
    explanation: unknown;
  }>(
    `SELECT r.line_number, r.description, r.kind, r.code, r.quantity::text AS quantity, r.unit_price_cents, r.amount_cents, r.account_string,
            c.rows -> (r.line_number - 1) -> 'explanation' AS explanation
       FROM invoice_row r LEFT JOIN billing_run_client c ON c.invoice_id = r.invoice_id
      WHERE r.invoice_id = $1 ORDER BY r.line_number`,
    [id],
  );
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.invoiceNumber,
    billingPeriod: invoice.billingPeriod,
    billingRunId: invoice.billingRunId,
    currency: invoice.currency,
    totalCents: invoice.totalCents,
    rows: rows.map((row) => ({
      lineNumber: row.line_number,
      description: row.description,
      kind: row.kind,
      code: row.code,
      quantity: row.quantity,
      unitPriceCents: row.unit_price_cents,
      amountCents: row.amount_cents,
      accountString: row.account_string,
      explanation: row.explanation ?? null,
    })),
  };
}

// ---- the lifecycle's changes ----------------------------------------------------------------

export async function markLifecycleStarted(tx: Tx, id: string): Promise<void> {
  await tx.query('UPDATE invoice SET lifecycle_started = true WHERE id = $1', [id]);
}

/**
 * A reopened invoice's lifecycle is to be started again from `resumption` (a new run of the same
 * workflow id): the lifecycle starter takes it up like any invoice whose lifecycle is not started,
 * and the signal outbox holds its signals for it meanwhile.
 */
export async function markLifecycleToResume(tx: Tx, id: string, resumption: LifecycleResumption): Promise<void> {
  await tx.query('UPDATE invoice SET lifecycle_started = false, lifecycle_resumption = $2::jsonb WHERE id = $1', [id, JSON.stringify(resumption)]);
}

/** The due date the lifecycle computed, set once: a retried activity leaves the first. */
export async function setFirstDueDate(tx: Tx, id: string, dueDate: string, transferEligibleDate: string): Promise<void> {
  await tx.query('UPDATE invoice SET due_date = $2, transfer_eligible_date = $3 WHERE id = $1 AND due_date IS NULL', [id, dueDate, transferEligibleDate]);
}

/** A deferral moves the due date, and the first transfer run that may take the invoice with it. */
export async function moveDueDate(tx: Tx, id: string, dueDate: string, transferEligibleDate: string): Promise<void> {
  await tx.query('UPDATE invoice SET due_date = $2, transfer_eligible_date = $3 WHERE id = $1', [id, dueDate, transferEligibleDate]);
}

/**
 * Appends an event to the invoice's timeline and moves the invoice to the event's state. With an
 * idempotency key (an activity's), a retry of the same activity records nothing a second time.
 */
export async function recordInvoiceEvent(tx: Tx, change: InvoiceStateChange, idempotencyKey: string | null): Promise<void> {
  const inserted = await tx.query(
    `INSERT INTO invoice_event (invoice_id, state, actor, reason, idempotency_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [change.invoiceId, change.state, change.actor, change.reason, idempotencyKey],
  );
  if (inserted.length === 0) return;
  await tx.query('UPDATE invoice SET state = $2, transfer_eligible_date = coalesce($3, transfer_eligible_date) WHERE id = $1', [
    change.invoiceId,
    change.state,
    change.transferEligibleDate ?? null,
  ]);
}

/** The `issued` event of invoices just made, all at once. */
export async function insertIssuedEvents(tx: Tx, invoiceIds: readonly string[], actor: string, reason: string): Promise<void> {
  await tx.query(`INSERT INTO invoice_event (invoice_id, state, actor, reason) SELECT id, 'issued', $2, $3 FROM unnest($1::uuid[]) AS id`, [[...invoiceIds], actor, reason]);
}

// ---- credit notes ---------------------------------------------------------------------------

export interface CreditNote {
  id: string;
  creditNoteNumber: number;
}

/** The credit note an activity execution made before (its idempotency key), if any. */
export async function creditNoteByKey(tx: Tx, idempotencyKey: string): Promise<CreditNote | null> {
  const [row] = await tx.query<{ id: string; credit_note_number: number }>('SELECT id, credit_note_number FROM credit_note WHERE idempotency_key = $1', [idempotencyKey]);
  return row ? { id: row.id, creditNoteNumber: row.credit_note_number } : null;
}

/** A credit note (hyvityslasku / kreditfaktura), numbered in the organisation's invoice series. */
export async function insertCreditNote(
  tx: Tx,
  note: { id: string; invoiceId: string; organisationId: string; creditNoteNumber: number; amountCents: number; reason: string; createdBy: string; idempotencyKey: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_note (id, invoice_id, organisation_id, credit_note_number, amount_cents, reason, created_by, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [note.id, note.invoiceId, note.organisationId, note.creditNoteNumber, note.amountCents, note.reason, note.createdBy, note.idempotencyKey],
  );
}

// ---- the billing run's invoices, set-based --------------------------------------------------

/**
 * The rows of a batch's invoices, straight from the calculation stored with the run's clients;
 * amounts are exact cents in their decimal strings. Every statement narrows to the batch first
 * (run_id, batch index): a plan made on stale statistics of a freshly filled table then still
 * touches one batch, not the run. The explanation stays with the calculation (`invoiceExplanation`).
 */
export async function insertBillingRunInvoiceRows(tx: Tx, runId: string, batch: number, invoiceIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO invoice_row (invoice_id, line_number, description, amount_cents, kind, code, quantity, unit_price_cents, account_string)
     SELECT c.invoice_id, r.line, left(r.row->>'description', 200), ((r.row->>'amount')::numeric * 100)::bigint, r.row->>'kind', r.row->>'code',
            (r.row->>'quantity')::numeric, ((r.row->>'unitPrice')::numeric * 100)::bigint, r.row->>'accountString'
       FROM billing_run_client c, jsonb_array_elements(c.rows) WITH ORDINALITY AS r(row, line)
      WHERE c.run_id = $1 AND c.batch = $3 AND c.invoice_id = ANY($2::uuid[])`,
    [runId, [...invoiceIds], batch],
  );
}

export interface BillingRunInvoice {
  id: string;
  invoiceNumber: number;
  paymentReference: string;
  paymentReferenceInternational: string | null;
  recipient: unknown;
  clientNumber: string;
  totalCents: number;
}

/** The invoices of a billing run's batch, numbered and dated by the run. */
export async function insertBillingRunInvoices(
  tx: Tx,
  run: { runId: string; organisationId: string; currency: Currency; invoiceDate: string; period: string; createdBy: string },
  invoices: readonly BillingRunInvoice[],
): Promise<void> {
  const records = invoices.map((invoice) => ({
    id: invoice.id,
    invoice_number: invoice.invoiceNumber,
    payment_reference: invoice.paymentReference,
    payment_reference_international: invoice.paymentReferenceInternational,
    recipient: invoice.recipient,
    client_number: invoice.clientNumber,
    total_cents: invoice.totalCents,
  }));
  await tx.query(
    `INSERT INTO invoice (id, organisation_id, invoice_number, payment_reference, payment_reference_international, recipient, client_number,
                          currency, total_cents, invoice_date, state, created_by, billing_period, billing_run_id)
     SELECT v.id, $2, v.invoice_number, v.payment_reference, v.payment_reference_international, v.recipient, v.client_number,
            $3, v.total_cents, $4, 'issued', $5, $6, $1
       FROM jsonb_to_recordset($7::jsonb) AS v(id uuid, invoice_number bigint, payment_reference text, payment_reference_international text,
                                               recipient jsonb, client_number text, total_cents bigint)`,
    [run.runId, run.organisationId, run.currency, run.invoiceDate, run.createdBy, run.period, JSON.stringify(records)],
  );
}

// ---- a deceased client's invoices (issue 13) ------------------------------------------------

/**
 * Holds the invoices for the estate case until its contact is known (those already addressed to
 * the estate are not held), and records why on each; answers the ids held.
 */
export async function holdInvoicesForEstate(tx: Tx, hold: { invoiceIds: readonly string[]; estateCaseId: string; actor: string; reason: string }): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE invoice SET held_for_estate = $2
      WHERE id = ANY($1::uuid[]) AND recipient->>'kind' <> 'estate' AND (held_for_estate IS NULL OR held_for_estate = $2)
      RETURNING id`,
    [[...hold.invoiceIds], hold.estateCaseId],
  );
  await insertEventsInState(tx, rows.map((row) => row.id), hold.actor, hold.reason);
  return rows.map((row) => row.id);
}

/**
 * The estate becomes the recipient of the invoices (a change of the recipient the invoice was
 * issued to, recorded as an event with who and why), and those held for it are released.
 */
export async function readdressInvoicesToEstate(tx: Tx, change: { invoiceIds: readonly string[]; recipient: InvoiceRecipient; actor: string; reason: string }): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE invoice SET recipient = $2, held_for_estate = NULL WHERE id = ANY($1::uuid[]) AND recipient IS DISTINCT FROM $2::jsonb RETURNING id`,
    [[...change.invoiceIds], JSON.stringify(change.recipient)],
  );
  await insertEventsInState(tx, rows.map((row) => row.id), change.actor, change.reason);
  return rows.map((row) => row.id);
}

/** An event in the invoice's current state: something happened to it that does not move it on. */
async function insertEventsInState(tx: Tx, invoiceIds: readonly string[], actor: string, reason: string): Promise<void> {
  if (invoiceIds.length === 0) return;
  await tx.query(`INSERT INTO invoice_event (invoice_id, state, actor, reason) SELECT id, state, $2, $3 FROM invoice WHERE id = ANY($1::uuid[])`, [[...invoiceIds], actor, reason]);
}
