import type { Country, Currency } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/**
 * The reminder (maksumuistutus / betalningspåminnelse) the agency sent for an invoice. At most one
 * per invoice: the unique invoice_id is what makes a retried sendReminder harmless.
 */
export interface Reminder {
  id: string;
  invoiceId: string;
  organisationId: string;
  country: Country;
  currency: Currency;
  invoiceNumber: number;
  /** The organisation's client number; never a personal identity code. */
  clientNumber: string;
  paymentReference: string;
  invoiceDueDate: string;
  /** What was unpaid of the principal when the reminder went out. */
  openCents: number;
  reminderDate: string;
  /** The reminder's own due date. */
  dueDate: string;
  /** First and last day of late-payment interest, both counted. */
  interestFrom: string;
  interestTo: string;
  feeCents: number;
  interestCents: number;
  /** open + fee + interest: what the reminder asks the client to pay. */
  totalCents: number;
  agencyCaseId: string;
  createdAt: Date;
}

interface ReminderRow {
  id: string;
  invoice_id: string;
  organisation_id: string;
  country: Country;
  currency: Currency;
  invoice_number: number;
  client_number: string;
  payment_reference: string;
  invoice_due_date: string;
  open_cents: number;
  reminder_date: string;
  due_date: string;
  interest_from: string;
  interest_to: string;
  fee_cents: number;
  interest_cents: number;
  total_cents: number;
  agency_case_id: string;
  created_at: Date;
}

function rowToReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    organisationId: row.organisation_id,
    country: row.country,
    currency: row.currency,
    invoiceNumber: row.invoice_number,
    clientNumber: row.client_number,
    paymentReference: row.payment_reference,
    invoiceDueDate: row.invoice_due_date,
    openCents: row.open_cents,
    reminderDate: row.reminder_date,
    dueDate: row.due_date,
    interestFrom: row.interest_from,
    interestTo: row.interest_to,
    feeCents: row.fee_cents,
    interestCents: row.interest_cents,
    totalCents: row.total_cents,
    agencyCaseId: row.agency_case_id,
    createdAt: row.created_at,
  };
}

export async function reminderOfInvoice(tx: Tx, invoiceId: string): Promise<Reminder | null> {
  const [row] = await tx.query<ReminderRow>('SELECT * FROM reminder WHERE invoice_id = $1', [invoiceId]);
  return row ? rowToReminder(row) : null;
}

/** Stores the reminder unless the invoice has one: a concurrent attempt that got here first stored the same. */
export async function insertReminderOnce(tx: Tx, reminder: Omit<Reminder, 'createdAt'>): Promise<void> {
  const r = reminder;
  await tx.query(
    `INSERT INTO reminder (id, invoice_id, organisation_id, country, currency, invoice_number, client_number, payment_reference, invoice_due_date,
                           open_cents, reminder_date, due_date, interest_from, interest_to, fee_cents, interest_cents, total_cents, agency_case_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT DO NOTHING`,
    [
      r.id,
      r.invoiceId,
      r.organisationId,
      r.country,
      r.currency,
      r.invoiceNumber,
      r.clientNumber,
      r.paymentReference,
      r.invoiceDueDate,
      r.openCents,
      r.reminderDate,
      r.dueDate,
      r.interestFrom,
      r.interestTo,
      r.feeCents,
      r.interestCents,
      r.totalCents,
      r.agencyCaseId,
    ],
  );
}

/** An organisation's reminders, newest first. */
export async function remindersOf(tx: Tx, organisationId: string, limit: number): Promise<Reminder[]> {
  const rows = await tx.query<ReminderRow>('SELECT * FROM reminder WHERE organisation_id = $1 ORDER BY created_at DESC, id ASC LIMIT $2', [organisationId, limit]);
  return rows.map(rowToReminder);
}
