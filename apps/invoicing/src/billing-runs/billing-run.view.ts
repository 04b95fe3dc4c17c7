import type { BillingRunCounts } from '@clientfees/contracts';
import type { BillingRun, RunClientRow } from './billing-run.queries';

export interface BillingRunView {
  id: string;
  organisationId: string;
  period: string;
  kind: BillingRun['kind'];
  selectionRuleId: string;
  selectionName: string | null;
  state: BillingRun['state'];
  counts: BillingRunCounts;
  invoiceDate: string | null;
  invoices: { count: number; totalCents: number };
  /** Clients of the run still away with no end date: the control list before approval. */
  openAbsences: Array<{ clientId: string; clientNumber: string; kind: string; firstDay: string }>;
  /** The journal of the current calculation has been opened (required before approval). */
  journalReviewed: boolean;
  startedBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
}

export function billingRunView(
  run: BillingRun,
  facts: Pick<BillingRunView, 'selectionName' | 'counts' | 'invoices' | 'openAbsences' | 'journalReviewed'>,
): BillingRunView {
  return {
    id: run.id,
    organisationId: run.organisationId,
    period: run.period,
    kind: run.kind,
    selectionRuleId: run.selectionRuleId,
    selectionName: facts.selectionName,
    state: run.state,
    counts: facts.counts,
    invoiceDate: run.invoiceDate,
    invoices: facts.invoices,
    openAbsences: facts.openAbsences,
    journalReviewed: facts.journalReviewed,
    startedBy: run.startedBy,
    approvedBy: run.approvedBy,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    createdAt: run.createdAt.toISOString(),
  };
}

export interface RunClientView {
  clientId: string;
  clientNumber: string;
  name: string;
  status: RunClientRow['status'];
  errors: Array<{ code: string; message: string; field: string }>;
  /** Cents. */
  total: number | null;
  invoiceId: string | null;
}

export function runClientView(row: RunClientRow): RunClientView {
  return {
    clientId: row.clientId,
    clientNumber: row.clientNumber,
    name: row.name,
    status: row.status,
    errors: row.errors ?? [],
    total: row.totalCents,
    invoiceId: row.invoiceId,
  };
}
