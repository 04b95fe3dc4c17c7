import type { Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export const PAYMENT_SOURCES = ['rest', 'camt054'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/**
 * - `allocated`: all of it went to the invoice its reference names;
 * - `refund-proposed`: some or all of it was more than the invoice had open, and the excess sits
 *   on the client's credit balance with a refund proposal;
 * - `unmatched`: no invoice found; waits in the finance centre's queue for manual allocation.
 */
/** `credit-loss-recovered`: paid to a written-off invoice, booked as a recovered credit loss (the rest, if any, on the credit balance). */
export const PAYMENT_STATUSES = ['allocated', 'refund-proposed', 'unmatched', 'credit-loss-recovered'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Money received from a client (suoritus / inbetalning), from a bank file or entered by hand. */
export interface Payment {
  id: string;
  organisationId: string;
  source: PaymentSource;
  /** The bank's archive id or the caller's id: unique per organisation and source. */
  externalId: string;
  /** The bank file that brought it (camt.054), if any. */
  fileId: string | null;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  /** The day the money counts as paid (arvopäivä / valutadag); null when the bank gave none. */
  valueDate: string | null;
  /** The day the workflow counts the payment on: the value date, else the booking date. */
  paidOn: string;
  /** As the payer or bank gave it. */
  reference: string | null;
  /** The form the organisation's invoices store; null when the reference is missing or invalid. */
  normalisedReference: string | null;
  debtorName: string | null;
  invoiceId: string | null;
  status: PaymentStatus;
  /** Why it could not be matched; shown in the unmatched queue. */
  unmatchedReason: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The part of a payment put on an invoice; its signal to the invoice's lifecycle is in the signal outbox. */
export interface PaymentAllocation {
  id: string;
  paymentId: string;
  invoiceId: string;
  amountCents: number;
  /** `system:payments` for automatic matching, else the user who allocated it by hand. */
  allocatedBy: string;
  createdAt: Date;
}

interface PaymentRow {
  id: string;
  organisation_id: string;
  source: PaymentSource;
  external_id: string;
  file_id: string | null;
  amount_cents: number;
  currency: Currency;
  booking_date: string;
  value_date: string | null;
  reference: string | null;
  normalised_reference: string | null;
  debtor_name: string | null;
  invoice_id: string | null;
  status: PaymentStatus;
  unmatched_reason: string | null;
  created_by: string;
  created_at: Date;
}

interface AllocationRow {
  id: string;
  payment_id: string;
  invoice_id: string;
  amount_cents: number;
  allocated_by: string;
  created_at: Date;
}

function rowToPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    source: row.source,
    externalId: row.external_id,
    fileId: row.file_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    paidOn: row.value_date ?? row.booking_date,
    reference: row.reference,
    normalisedReference: row.normalised_reference,
    debtorName: row.debtor_name,
    invoiceId: row.invoice_id,
    status: row.status,
    unmatchedReason: row.unmatched_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function rowToAllocation(row: AllocationRow): PaymentAllocation {
  return {
    id: row.id,
    paymentId: row.payment_id,
    invoiceId: row.invoice_id,
    amountCents: row.amount_cents,
    allocatedBy: row.allocated_by,
    createdAt: row.created_at,
  };
}

// ---- bank files -----------------------------------------------------------------------------

/**
 * Records a bank notification file once per organisation by its message id (GrpHdr/MsgId).
 * Answers false when the message was recorded before; a concurrent import of the same message
 * waits here for the first one's commit.
 */
export async function recordPaymentFile(
  tx: Tx,
  file: { id: string; organisationId: string; messageId: string; schema: string | null; paymentCount: number; ignoredEntries: number; importedBy: string },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO payment_file (id, organisation_id, format, message_id, schema, payment_count, ignored_entries, imported_by)
     VALUES ($1, $2, 'camt054', $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id, format, message_id) DO NOTHING RETURNING id`,
    [file.id, file.organisationId, file.messageId, file.schema, file.paymentCount, file.ignoredEntries, file.importedBy],
  );
  return inserted.length > 0;
}

export async function paymentFileId(tx: Tx, organisationId: string, messageId: string): Promise<string> {
  const [row] = await tx.query<{ id: string }>(`SELECT id FROM payment_file WHERE organisation_id = $1 AND format = 'camt054' AND message_id = $2`, [
    organisationId,
    messageId,
  ]);
  return row.id;
}

// ---- payments -------------------------------------------------------------------------------

/** A payment as it arrives, before it is matched. */
export type NewPayment = Omit<Payment, 'paidOn' | 'invoiceId' | 'status' | 'createdAt'>;

/** Stores a payment as unmatched; answers false when its (organisation, source, external id) was recorded before. */
export async function insertPayment(tx: Tx, payment: NewPayment): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO payment (id, organisation_id, source, external_id, file_id, amount_cents, currency, booking_date, value_date,
                          reference, normalised_reference, debtor_name, status, unmatched_reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'unmatched', $13, $14)
     ON CONFLICT (organisation_id, source, external_id) DO NOTHING RETURNING id`,
    [
      payment.id,
      payment.organisationId,
      payment.source,
      payment.externalId,
      payment.fileId,
      payment.amountCents,
      payment.currency,
      payment.bookingDate,
      payment.valueDate,
      payment.reference,
      payment.normalisedReference,
      payment.debtorName,
      payment.unmatchedReason,
      payment.createdBy,
    ],
  );
  return inserted.length > 0;
}

/** The payment; `lock` takes its row FOR UPDATE until the transaction ends. */
export async function findPayment(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Payment | null> {
  const [row] = await tx.query<PaymentRow>(`SELECT * FROM payment WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToPayment(row) : null;
}

export async function findPaymentByExternalId(tx: Tx, organisationId: string, source: PaymentSource, externalId: string): Promise<Payment | null> {
  const [row] = await tx.query<PaymentRow>('SELECT * FROM payment WHERE organisation_id = $1 AND source = $2 AND external_id = $3', [organisationId, source, externalId]);
  return row ? rowToPayment(row) : null;
}

/** An organisation's payments, newest first; optionally those of one invoice or in one status. */
export async function listPayments(tx: Tx, query: { organisationId: string; invoiceId?: string; status?: PaymentStatus; limit: number }): Promise<Payment[]> {
  const rows = await tx.query<PaymentRow>(
    `SELECT * FROM payment WHERE organisation_id = $1 AND ($2::uuid IS NULL OR invoice_id = $2) AND ($3::text IS NULL OR status = $3)
      ORDER BY created_at DESC, id ASC LIMIT $4`,
    [query.organisationId, query.invoiceId ?? null, query.status ?? null, query.limit],
  );
  return rows.map(rowToPayment);
}

/** The finance centre's queue of unmatched payments, oldest first. */
export async function unmatchedPayments(tx: Tx, organisationId: string): Promise<Payment[]> {
  const rows = await tx.query<PaymentRow>(`SELECT * FROM payment WHERE organisation_id = $1 AND status = 'unmatched' ORDER BY created_at ASC, id ASC LIMIT 1000`, [
    organisationId,
  ]);
  return rows.map(rowToPayment);
}

export async function markPaymentAllocated(tx: Tx, id: string, invoiceId: string, status: Exclude<PaymentStatus, 'unmatched'>): Promise<void> {
  await tx.query('UPDATE payment SET invoice_id = $2, status = $3, unmatched_reason = NULL WHERE id = $1', [id, invoiceId, status]);
}

// ---- allocations ----------------------------------------------------------------------------

/** What an invoice has had paid and credited so far, in cents. */
export async function invoiceSettledCents(tx: Tx, invoiceId: string): Promise<{ allocated: number; credited: number }> {
  const [row] = await tx.query<{ allocated: number; credited: number }>(
    `SELECT (SELECT COALESCE(SUM(amount_cents), 0) FROM payment_allocation WHERE invoice_id = $1)::bigint AS allocated,
            (SELECT COALESCE(SUM(amount_cents), 0) FROM credit_note WHERE invoice_id = $1)::bigint AS credited`,
    [invoiceId],
  );
  return row;
}

export async function insertAllocation(tx: Tx, allocation: { id: string; paymentId: string; invoiceId: string; amountCents: number; allocatedBy: string }): Promise<void> {
  await tx.query('INSERT INTO payment_allocation (id, payment_id, invoice_id, amount_cents, allocated_by) VALUES ($1, $2, $3, $4, $5)', [
    allocation.id,
    allocation.paymentId,
    allocation.invoiceId,
    allocation.amountCents,
    allocation.allocatedBy,
  ]);
}

export async function allocationsOfPayments(tx: Tx, paymentIds: readonly string[]): Promise<PaymentAllocation[]> {
  const rows = await tx.query<AllocationRow>('SELECT * FROM payment_allocation WHERE payment_id = ANY($1::uuid[]) ORDER BY created_at', [[...paymentIds]]);
  return rows.map(rowToAllocation);
}

export async function findAllocation(tx: Tx, id: string): Promise<PaymentAllocation | null> {
  const [row] = await tx.query<AllocationRow>('SELECT * FROM payment_allocation WHERE id = $1', [id]);
  return row ? rowToAllocation(row) : null;
}

// ---- recovered credit losses ----------------------------------------------------------------

/** What payments to a written-off invoice have recovered of it so far, in cents. */
export async function recoveredCents(tx: Tx, invoiceId: string): Promise<number> {
  const [row] = await tx.query<{ cents: string }>('SELECT COALESCE(SUM(amount_cents), 0)::bigint AS cents FROM credit_loss_recovery WHERE invoice_id = $1', [invoiceId]);
  return Number(row.cents);
}

/** A payment's part that recovers a written-off invoice's credit loss. */
export async function insertCreditLossRecovery(
  tx: Tx,
  recovery: { id: string; organisationId: string; paymentId: string; invoiceId: string; amountCents: number; currency: string; recordedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_loss_recovery (id, organisation_id, payment_id, invoice_id, amount_cents, currency, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [recovery.id, recovery.organisationId, recovery.paymentId, recovery.invoiceId, recovery.amountCents, recovery.currency, recovery.recordedBy],
  );
}

/** What payments recovered of written-off invoices, by payment. */
export async function recoveriesOfPayments(tx: Tx, paymentIds: readonly string[]): Promise<Array<{ paymentId: string; invoiceId: string; amountCents: number }>> {
  if (paymentIds.length === 0) return [];
  const rows = await tx.query<{ payment_id: string; invoice_id: string; amount_cents: string }>(
    'SELECT payment_id, invoice_id, amount_cents FROM credit_loss_recovery WHERE payment_id = ANY($1::uuid[])',
    [[...paymentIds]],
  );
  return rows.map((row) => ({ paymentId: row.payment_id, invoiceId: row.invoice_id, amountCents: Number(row.amount_cents) }));
}
