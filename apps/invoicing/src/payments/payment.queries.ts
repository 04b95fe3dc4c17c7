import type { Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export const PAYMENT_SOURCES = ['rest', 'camt054'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/**
 * - `allocated`: all of it went to the invoice its reference names;
 * - `refund-proposed`: some or all of it was more than the invoice had open, and the excess sits
 *   on the client's credit balance with a refund proposal;
 * - `unmatched`: no invoice found; waits in the finance centre's queue for manual allocation;
 * - `reversed`: the bank took it back (a returned credit, a refunded direct debit); its
 *   allocations and credit are undone by rows of their own.
 */
/** `credit-loss-recovered`: paid to a written-off invoice, booked as a recovered credit loss (the rest, if any, on the credit balance). */
export const PAYMENT_STATUSES = ['allocated', 'refund-proposed', 'unmatched', 'reversed', 'credit-loss-recovered'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Money received from a client (suoritus / inbetalning), from a bank file or entered by hand. */
export interface Payment {
  id: string;
  organisationId: string;
  source: PaymentSource;
  /** The bank's id (`<account>/acctsvcr:<id>`, see libs/iso20022) or the caller's id: unique per organisation and source. */
  externalId: string;
  /** The receiving account the bank file reported it on. */
  account: string | null;
  /** The bank file that brought it (camt.054), if any. */
  fileId: string | null;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  /** The day the money counts as paid (arvopäivä / valutadag); null when the bank gave none. */
  valueDate: string | null;
  /** The day the payer paid (FI maksupäivä, camt.054 `AccptncDtTm`), when the bank reports it. */
  payerPaymentDate: string | null;
  /** The day the payment counts from: the payer's date, else the value date, else the booking date. */
  paidOn: string;
  /** The first reference as the payer or bank gave it. */
  reference: string | null;
  /** Every structured reference and referred document number of the remittance, in file order. */
  references: string[];
  /** The form the organisation's invoices store; null when the reference is missing or invalid. */
  normalisedReference: string | null;
  /** Every valid reference of the remittance in that form (a reversal is found by them). */
  normalisedReferences: string[];
  /** The bank's ids that travel with the payment through a return, for finding it from a reversal. */
  endToEndId: string | null;
  transactionId: string | null;
  uetr: string | null;
  /** Credit notes the payer deducted in this payment, settled against their invoices. */
  settledCreditNoteIds: string[];
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
  /** Negative for a reversal's row, which names the allocation it takes back. */
  amountCents: number;
  reversesAllocationId: string | null;
  /** `system:payments` for automatic matching, else the user who allocated it by hand. */
  allocatedBy: string;
  createdAt: Date;
}

interface PaymentRow {
  id: string;
  organisation_id: string;
  source: PaymentSource;
  external_id: string;
  account: string | null;
  file_id: string | null;
  amount_cents: number;
  currency: Currency;
  booking_date: string;
  value_date: string | null;
  payer_payment_date: string | null;
  reference: string | null;
  references: string[];
  normalised_reference: string | null;
  normalised_references: string[];
  end_to_end_id: string | null;
  transaction_id: string | null;
  uetr: string | null;
  settled_credit_note_ids: string[];
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
  reverses_allocation_id: string | null;
  allocated_by: string;
  created_at: Date;
}

function rowToPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    source: row.source,
    externalId: row.external_id,
    account: row.account,
    fileId: row.file_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    payerPaymentDate: row.payer_payment_date,
    paidOn: row.payer_payment_date ?? row.value_date ?? row.booking_date,
    reference: row.reference,
    references: row.references,
    normalisedReference: row.normalised_reference,
    normalisedReferences: row.normalised_references,
    endToEndId: row.end_to_end_id,
    transactionId: row.transaction_id,
    uetr: row.uetr,
    settledCreditNoteIds: row.settled_credit_note_ids,
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
    amountCents: Number(row.amount_cents),
    reversesAllocationId: row.reverses_allocation_id,
    allocatedBy: row.allocated_by,
    createdAt: row.created_at,
  };
}

// ---- bank files -----------------------------------------------------------------------------

/** An item of a bank file that is not money received, kept with the file: amount, where and why. */
export interface IgnoredItem {
  amount: string;
  currency: string;
  at: string;
  reason: string;
}

/**
 * Records a bank notification file once per organisation by its receiving accounts, message id
 * (GrpHdr/MsgId) and content: banks reuse message ids across accounts, and published samples reuse
 * one for different files on the same account, so only the same content is the same file. Answers
 * false when the file was recorded before; a concurrent import of the same file waits here for the
 * first one's commit.
 */
export async function recordPaymentFile(
  tx: Tx,
  file: {
    id: string;
    organisationId: string;
    accounts: string;
    messageId: string;
    contentSha256: string;
    schema: string;
    paymentCount: number;
    reversalCount: number;
    ignored: IgnoredItem[];
    importedBy: string;
  },
): Promise<boolean> {
  const f = file;
  const inserted = await tx.query(
    `INSERT INTO payment_file (id, organisation_id, format, accounts, message_id, content_sha256, schema, payment_count, reversal_count, ignored_entries, ignored, imported_by)
     VALUES ($1, $2, 'camt054', $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)
     ON CONFLICT (organisation_id, format, accounts, message_id, content_sha256) DO NOTHING RETURNING id`,
    [f.id, f.organisationId, f.accounts, f.messageId, f.contentSha256, f.schema, f.paymentCount, f.reversalCount, f.ignored.length, JSON.stringify(f.ignored), f.importedBy],
  );
  return inserted.length > 0;
}

export async function paymentFileId(tx: Tx, file: { organisationId: string; accounts: string; messageId: string; contentSha256: string }): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM payment_file WHERE organisation_id = $1 AND format = 'camt054' AND accounts = $2 AND message_id = $3 AND content_sha256 = $4`,
    [file.organisationId, file.accounts, file.messageId, file.contentSha256],
  );
  return row.id;
}

// ---- payments -------------------------------------------------------------------------------

export interface NewPayment {
  id: string;
  organisationId: string;
  source: PaymentSource;
  externalId: string;
  account: string | null;
  fileId: string | null;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  valueDate: string | null;
  payerPaymentDate: string | null;
  reference: string | null;
  references: readonly string[];
  normalisedReference: string | null;
  normalisedReferences: readonly string[];
  endToEndId: string | null;
  transactionId: string | null;
  uetr: string | null;
  debtorName: string | null;
  unmatchedReason: string | null;
  createdBy: string;
}

/** Stores a payment as unmatched; answers false when its (organisation, source, external id) was recorded before. */
export async function insertPayment(tx: Tx, payment: NewPayment): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO payment (id, organisation_id, source, external_id, account, file_id, amount_cents, currency, booking_date, value_date, payer_payment_date,
                          reference, "references", normalised_reference, normalised_references, end_to_end_id, transaction_id, uetr,
                          debtor_name, status, unmatched_reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14, $15::text[], $16, $17, $18, $19, 'unmatched', $20, $21)
     ON CONFLICT (organisation_id, source, external_id) DO NOTHING RETURNING id`,
    [
      payment.id,
      payment.organisationId,
      payment.source,
      payment.externalId,
      payment.account,
      payment.fileId,
      payment.amountCents,
      payment.currency,
      payment.bookingDate,
      payment.valueDate,
      payment.payerPaymentDate,
      payment.reference,
      [...payment.references],
      payment.normalisedReference,
      [...payment.normalisedReferences],
      payment.endToEndId,
      payment.transactionId,
      payment.uetr,
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

export async function markPaymentAllocated(
  tx: Tx,
  id: string,
  invoiceId: string,
  status: 'allocated' | 'refund-proposed' | 'credit-loss-recovered',
  settledCreditNoteIds: readonly string[] = [],
): Promise<void> {
  await tx.query('UPDATE payment SET invoice_id = $2, status = $3, unmatched_reason = NULL, settled_credit_note_ids = $4::uuid[] WHERE id = $1', [
    id,
    invoiceId,
    status,
    [...settledCreditNoteIds],
  ]);
}

export async function markPaymentUnmatched(tx: Tx, id: string, reason: string): Promise<void> {
  await tx.query(`UPDATE payment SET unmatched_reason = $2 WHERE id = $1 AND status = 'unmatched'`, [id, reason]);
}

export async function markPaymentReversed(tx: Tx, id: string): Promise<void> {
  await tx.query(`UPDATE payment SET status = 'reversed' WHERE id = $1`, [id]);
}

/**
 * Payments a reversal may take back: the one recorded under the id it names, those sharing a
 * bank id on the same account, and those of the same amount and currency booked in the window
 * before it that share a reference.
 */
export async function reversalCandidates(
  tx: Tx,
  reversal: {
    organisationId: string;
    account: string | null;
    reversesExternalId: string | null;
    endToEndId: string | null;
    transactionId: string | null;
    uetr: string | null;
    amountCents: number;
    currency: string;
    from: string;
    to: string;
    references: readonly string[];
  },
): Promise<Payment[]> {
  const r = reversal;
  const rows = await tx.query<PaymentRow>(
    `SELECT * FROM payment
      WHERE organisation_id = $1 AND source = 'camt054' AND (
            external_id = $2
         OR (account = $3 AND (end_to_end_id = $4 OR transaction_id = $5 OR uetr = $6))
         OR (amount_cents = $7 AND currency = $8 AND booking_date BETWEEN $9 AND $10 AND normalised_references && $11::text[]))
      ORDER BY booking_date, id LIMIT 50 FOR UPDATE`,
    [r.organisationId, r.reversesExternalId, r.account, r.endToEndId, r.transactionId, r.uetr, r.amountCents, r.currency, r.from, r.to, [...r.references]],
  );
  return rows.map(rowToPayment);
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

export async function insertAllocation(
  tx: Tx,
  allocation: { id: string; paymentId: string; invoiceId: string; amountCents: number; allocatedBy: string; reversesAllocationId?: string },
): Promise<void> {
  await tx.query('INSERT INTO payment_allocation (id, payment_id, invoice_id, amount_cents, allocated_by, reverses_allocation_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    allocation.id,
    allocation.paymentId,
    allocation.invoiceId,
    allocation.amountCents,
    allocation.allocatedBy,
    allocation.reversesAllocationId ?? null,
  ]);
}

export async function allocationsOfPayments(tx: Tx, paymentIds: readonly string[]): Promise<PaymentAllocation[]> {
  const rows = await tx.query<AllocationRow>('SELECT * FROM payment_allocation WHERE payment_id = ANY($1::uuid[]) ORDER BY created_at', [[...paymentIds]]);
  return rows.map(rowToAllocation);
}

/** Every allocation to an invoice (reversals' negative rows included), oldest first. */
export async function allocationsOfInvoice(tx: Tx, invoiceId: string): Promise<PaymentAllocation[]> {
  const rows = await tx.query<AllocationRow>('SELECT * FROM payment_allocation WHERE invoice_id = $1 ORDER BY created_at', [invoiceId]);
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
