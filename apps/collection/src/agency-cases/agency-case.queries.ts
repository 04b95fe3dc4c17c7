import type { Currency } from '@clientfees/domain';
import type { AgencyReportStatus, AgencyStatus } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

export const AGENCY_CASE_STATUSES = ['transferred-to-reminder', 'in-collection', 'recalled', 'paid', 'payment-plan', 'returned'] as const;
export type AgencyCaseStatus = (typeof AGENCY_CASE_STATUSES)[number];

/** An invoice's case at the collection agency (perintätoimisto / inkassobolag); one per invoice. */
export interface AgencyCase {
  invoiceId: string;
  /** The agency's own id for the case. */
  caseId: string;
  organisationId: string;
  currency: Currency;
  status: AgencyCaseStatus;
  /** Set by a recall: the case went to the agency in error and the client pays no collection costs. */
  collectionCostsWaived: boolean;
  /** When the invoice went to the agency's reminder service. */
  transferredAt: Date;
  collectionTransferDate: string | null;
  collectionStartedAt: Date | null;
  recalledAt: Date | null;
  recallReason: string | null;
  recalledBy: string | null;
  lastReportId: string | null;
  /** For a `paid` report: what the agency collected of the principal. */
  collectedCents: number | null;
  updatedAt: Date;
}

/**
 * A status report the agency delivered to the callback. Keyed by the agency's reportId, so a
 * report the agency sends again (its retry after a lost answer) is stored once.
 */
export interface AgencyReport {
  reportId: string;
  caseId: string;
  invoiceId: string;
  status: AgencyReportStatus;
  amountCents: number | null;
  reportedOn: string;
  /** The token subject that delivered it. */
  receivedBy: string;
  receivedAt: Date;
}

interface AgencyCaseRow {
  invoice_id: string;
  case_id: string;
  organisation_id: string;
  currency: Currency;
  status: AgencyCaseStatus;
  collection_costs_waived: boolean;
  transferred_at: Date;
  collection_transfer_date: string | null;
  collection_started_at: Date | null;
  recalled_at: Date | null;
  recall_reason: string | null;
  recalled_by: string | null;
  last_report_id: string | null;
  collected_cents: number | null;
  updated_at: Date;
}

interface AgencyReportRow {
  report_id: string;
  case_id: string;
  invoice_id: string;
  status: AgencyReportStatus;
  amount_cents: number | null;
  reported_on: string;
  received_by: string;
  received_at: Date;
}

function rowToCase(row: AgencyCaseRow): AgencyCase {
  return {
    invoiceId: row.invoice_id,
    caseId: row.case_id,
    organisationId: row.organisation_id,
    currency: row.currency,
    status: row.status,
    collectionCostsWaived: row.collection_costs_waived,
    transferredAt: row.transferred_at,
    collectionTransferDate: row.collection_transfer_date,
    collectionStartedAt: row.collection_started_at,
    recalledAt: row.recalled_at,
    recallReason: row.recall_reason,
    recalledBy: row.recalled_by,
    lastReportId: row.last_report_id,
    collectedCents: row.collected_cents,
    updatedAt: row.updated_at,
  };
}

function rowToReport(row: AgencyReportRow): AgencyReport {
  return {
    reportId: row.report_id,
    caseId: row.case_id,
    invoiceId: row.invoice_id,
    status: row.status,
    amountCents: row.amount_cents,
    reportedOn: row.reported_on,
    receivedBy: row.received_by,
    receivedAt: row.received_at,
  };
}

// ---- cases ----------------------------------------------------------------------------------

/** The case the agency opened for the invoice's reminder; a concurrent attempt's row is as good as ours. */
export async function openAgencyCaseOnce(tx: Tx, opened: { invoiceId: string; caseId: string; organisationId: string; currency: Currency }): Promise<void> {
  await tx.query(
    `INSERT INTO agency_case (invoice_id, case_id, organisation_id, currency, status, collection_costs_waived, transferred_at, updated_at)
     VALUES ($1, $2, $3, $4, 'transferred-to-reminder', false, now(), now()) ON CONFLICT DO NOTHING`,
    [opened.invoiceId, opened.caseId, opened.organisationId, opened.currency],
  );
}

export async function caseOfInvoice(tx: Tx, invoiceId: string): Promise<AgencyCase | null> {
  const [row] = await tx.query<AgencyCaseRow>('SELECT * FROM agency_case WHERE invoice_id = $1', [invoiceId]);
  return row ? rowToCase(row) : null;
}

/** The case by the agency's id, locked until the transaction ends: its reports are taken one at a time. */
export async function lockCase(tx: Tx, caseId: string): Promise<AgencyCase | null> {
  const [row] = await tx.query<AgencyCaseRow>('SELECT * FROM agency_case WHERE case_id = $1 FOR UPDATE', [caseId]);
  return row ? rowToCase(row) : null;
}

/** From the reminder service to collection, once: a case already moved on stays where it is. */
export async function markInCollection(tx: Tx, invoiceId: string, transferDate: string): Promise<void> {
  await tx.query(
    `UPDATE agency_case SET status = 'in-collection', collection_transfer_date = $2, collection_started_at = now(), updated_at = now()
      WHERE invoice_id = $1 AND status = 'transferred-to-reminder'`,
    [invoiceId, transferDate],
  );
}

export async function markPaymentPlan(tx: Tx, invoiceId: string): Promise<void> {
  await tx.query(`UPDATE agency_case SET status = 'payment-plan', updated_at = now() WHERE invoice_id = $1`, [invoiceId]);
}

/** Recalled once: the first reason and actor stay. */
export async function markRecalled(tx: Tx, invoiceId: string, recall: { reason: string; actor: string }): Promise<void> {
  await tx.query(
    `UPDATE agency_case SET status = 'recalled', collection_costs_waived = true, recalled_at = now(), recall_reason = $2, recalled_by = $3, updated_at = now()
      WHERE invoice_id = $1 AND status <> 'recalled'`,
    [invoiceId, recall.reason, recall.actor],
  );
}

/** The case takes the status of the agency's latest report (and what a `paid` report collected). */
export async function applyReport(tx: Tx, invoiceId: string, report: { reportId: string; status: AgencyStatus; amountCents: number | null }): Promise<void> {
  await tx.query(
    `UPDATE agency_case SET status = $2, last_report_id = $3, collected_cents = CASE WHEN $2 = 'paid' THEN $4 ELSE collected_cents END, updated_at = now()
      WHERE invoice_id = $1`,
    [invoiceId, report.status, report.reportId, report.amountCents],
  );
}

// ---- reports --------------------------------------------------------------------------------

/** Stores the report once by its id; answers false for a report received before. */
export async function insertReportOnce(tx: Tx, report: Omit<AgencyReport, 'receivedAt'>): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO agency_report (report_id, case_id, invoice_id, status, amount_cents, reported_on, received_by, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT DO NOTHING RETURNING report_id`,
    [report.reportId, report.caseId, report.invoiceId, report.status, report.amountCents, report.reportedOn, report.receivedBy],
  );
  return rows.length > 0;
}

export async function findReport(tx: Tx, reportId: string): Promise<AgencyReport | null> {
  const [row] = await tx.query<AgencyReportRow>('SELECT * FROM agency_report WHERE report_id = $1', [reportId]);
  return row ? rowToReport(row) : null;
}

/** The agency's reports on an invoice, oldest first. */
export async function reportsOfInvoice(tx: Tx, invoiceId: string): Promise<AgencyReport[]> {
  const rows = await tx.query<AgencyReportRow>('SELECT * FROM agency_report WHERE invoice_id = $1 ORDER BY received_at, report_id', [invoiceId]);
  return rows.map(rowToReport);
}
