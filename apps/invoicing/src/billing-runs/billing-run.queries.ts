import type { BillingRunCounts, BillingRunKind, BillingRunState } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

// The one writer of the billing run's tables: the run, its selected clients with their
// calculations, and the period locks an approved run takes (ADR 0003).

/** A monthly or correction billing run (debiteringskörning) of a period and selection. */
export interface BillingRun {
  id: string;
  organisationId: string;
  period: string;
  selectionRuleId: string;
  kind: BillingRunKind;
  workflowId: string;
  state: BillingRunState;
  /** The approval day: the invoices' date. */
  invoiceDate: string | null;
  startedBy: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The checksum of the calculation whose journal was last reviewed. */
  journalChecksum: string | null;
  createdAt: Date;
}

export type RunClientStatus = 'not-calculated' | 'calculated' | 'error';

interface BillingRunRow {
  id: string;
  organisation_id: string;
  period: string;
  selection_rule_id: string;
  kind: BillingRunKind;
  workflow_id: string;
  state: BillingRunState;
  invoice_date: string | null;
  started_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  journal_checksum: string | null;
  created_at: Date;
}

function rowToRun(row: BillingRunRow): BillingRun {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    period: row.period,
    selectionRuleId: row.selection_rule_id,
    kind: row.kind,
    workflowId: row.workflow_id,
    state: row.state,
    invoiceDate: row.invoice_date,
    startedBy: row.started_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    journalChecksum: row.journal_checksum,
    createdAt: row.created_at,
  };
}

// ---- the run --------------------------------------------------------------------------------

/** The run; `lock` takes its row FOR UPDATE until the transaction ends (one selection at a time). */
export async function findBillingRun(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<BillingRun | null> {
  const [row] = await tx.query<BillingRunRow>(`SELECT * FROM billing_run WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToRun(row) : null;
}

/** The run a workflow (a Schedule's start) created, if it has. */
export async function runIdOfWorkflow(tx: Tx, workflowId: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM billing_run WHERE workflow_id = $1', [workflowId]);
  return row?.id ?? null;
}

/** The latest period of the selection that a completed monthly run billed, if any. */
export async function latestCompletedMonthlyPeriod(tx: Tx, organisationId: string, selectionRuleId: string): Promise<string | null> {
  const [row] = await tx.query<{ period: string | null }>(
    `SELECT max(period) AS period FROM billing_run WHERE organisation_id = $1 AND selection_rule_id = $2 AND kind = 'monthly' AND state = 'completed'`,
    [organisationId, selectionRuleId],
  );
  return row?.period ?? null;
}

/**
 * Creates the run once per workflow id (a retried start finds it). A second monthly run of a
 * period and selection is refused by the unique index `billing_run_monthly_once`.
 */
export async function insertBillingRun(
  tx: Tx,
  run: { id: string; organisationId: string; period: string; selectionRuleId: string; kind: BillingRunKind; workflowId: string; state: BillingRunState; startedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO billing_run (id, organisation_id, period, selection_rule_id, kind, workflow_id, state, started_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workflow_id) DO NOTHING`,
    [run.id, run.organisationId, run.period, run.selectionRuleId, run.kind, run.workflowId, run.state, run.startedBy],
  );
}

/** An organisation's latest runs, newest first. */
export async function latestRunIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM billing_run WHERE organisation_id = $1 ORDER BY created_at DESC LIMIT 100', [organisationId]);
  return rows.map((row) => row.id);
}

export async function setRunState(tx: Tx, id: string, state: BillingRunState): Promise<void> {
  await tx.query('UPDATE billing_run SET state = $2, updated_at = now() WHERE id = $1', [id, state]);
}

/** Approved by `actor` on `invoiceDate`; a retried step keeps the first approval and date. */
export async function approveRun(tx: Tx, id: string, actor: string | null, invoiceDate: string): Promise<void> {
  await tx.query(
    `UPDATE billing_run SET state = 'approved', approved_by = coalesce(approved_by, $2), approved_at = coalesce(approved_at, now()),
            invoice_date = coalesce(invoice_date, $3::date), updated_at = now() WHERE id = $1`,
    [id, actor, invoiceDate],
  );
}

export async function markApprovalReminded(tx: Tx, id: string): Promise<void> {
  await tx.query('UPDATE billing_run SET approval_reminded_at = now() WHERE id = $1', [id]);
}

export async function setJournalChecksum(tx: Tx, id: string, checksum: string): Promise<void> {
  await tx.query('UPDATE billing_run SET journal_checksum = $2 WHERE id = $1', [id, checksum]);
}

// ---- its clients ----------------------------------------------------------------------------

/** The batch number the next selection starts from: clients already selected keep theirs. */
export async function nextBatch(tx: Tx, runId: string): Promise<number> {
  const [row] = await tx.query<{ batch: number }>('SELECT coalesce(max(batch) + 1, 0) AS batch FROM billing_run_client WHERE run_id = $1', [runId]);
  return row.batch;
}

/**
 * Selects the clients of the selection's debiting areas who have something to bill in the
 * period and are not yet locked for it or selected, and numbers their households (a couple is
 * one) into batches from `firstBatch` on.
 */
export async function selectRunClients(tx: Tx, run: BillingRun, firstBatch: number, householdsPerBatch: number): Promise<void> {
  await tx.query(
    `WITH bounds AS (
       SELECT to_date($2 || '-01', 'YYYY-MM-DD') AS first_day,
              (to_date($2 || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date AS last_day
     ),
     areas AS (SELECT debiting_areas FROM selection_rule WHERE id = $3),
     selected AS (
       SELECT DISTINCT c.id, c.client_number, c.spouse_client_id
         FROM client c
         JOIN billing_setting s ON s.client_id = c.id, bounds b, areas a
        WHERE c.organisation_id = $4
          AND s.debiting_area = ANY(a.debiting_areas)
          AND s.valid_from <= b.last_day AND (s.valid_to IS NULL OR s.valid_to >= b.first_day)
          AND NOT EXISTS (SELECT 1 FROM billing_period_lock l WHERE l.organisation_id = $4 AND l.period = $2 AND l.client_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM billing_run_client rc WHERE rc.run_id = $1 AND rc.client_id = c.id)
          AND (
            EXISTS (SELECT 1 FROM decided_service d WHERE d.client_id = c.id AND d.valid_from <= b.last_day AND (d.valid_to IS NULL OR d.valid_to >= b.first_day))
            OR EXISTS (SELECT 1 FROM registration r WHERE r.client_id = c.id AND r.period = $2)
            OR EXISTS (SELECT 1 FROM correction k WHERE k.client_id = c.id AND k.period <= $2 AND k.billed_invoice_id IS NULL)
            OR EXISTS (SELECT 1 FROM rent_contract h WHERE h.client_id = c.id AND h.contract_start <= b.last_day AND (h.contract_end IS NULL OR h.contract_end >= b.first_day))
          )
     ),
     households AS (
       SELECT id, client_number,
              CASE WHEN spouse_client_id IS NOT NULL AND spouse_client_id < id THEN spouse_client_id ELSE id END AS household_id
         FROM selected
     )
     INSERT INTO billing_run_client (run_id, client_id, household_id, batch, client_number, status)
     SELECT $1, id, household_id, $5 + (dense_rank() OVER (ORDER BY household_id) - 1) / $6, client_number, 'not-calculated'
       FROM households`,
    [run.id, run.period, run.selectionRuleId, run.organisationId, firstBatch, householdsPerBatch],
  );
  // The table has just grown by up to a city's clients: the batches' plans need fresh statistics.
  await tx.query('ANALYZE billing_run_client');
}

export async function runClientCounts(tx: Tx, runId: string): Promise<BillingRunCounts> {
  const rows = await tx.query<{ status: RunClientStatus; n: number }>('SELECT status, count(*)::int AS n FROM billing_run_client WHERE run_id = $1 GROUP BY status', [runId]);
  const of = (status: RunClientStatus) => rows.find((row) => row.status === status)?.n ?? 0;
  const counts = { notCalculated: of('not-calculated'), calculated: of('calculated'), error: of('error') };
  return { total: counts.notCalculated + counts.calculated + counts.error, ...counts };
}

export interface RunHouseholdMember {
  clientId: string;
  householdId: string;
}

const toMembers = (rows: Array<{ client_id: string; household_id: string }>): RunHouseholdMember[] =>
  rows.map((row) => ({ clientId: row.client_id, householdId: row.household_id }));

export async function batchMembers(tx: Tx, runId: string, batch: number): Promise<RunHouseholdMember[]> {
  return toMembers(await tx.query('SELECT client_id, household_id FROM billing_run_client WHERE run_id = $1 AND batch = $2', [runId, batch]));
}

/** The run's clients of the household `clientId` belongs to (a couple is recalculated together). */
export async function householdMembers(tx: Tx, runId: string, clientId: string): Promise<RunHouseholdMember[]> {
  return toMembers(
    await tx.query(
      `SELECT client_id, household_id FROM billing_run_client
        WHERE run_id = $1 AND household_id = (SELECT household_id FROM billing_run_client WHERE run_id = $1 AND client_id = $2)`,
      [runId, clientId],
    ),
  );
}

/** One client's calculation: its rows (with explanations) or the errors the billing team must fix. */
export interface CalculationResult {
  client_id: string;
  status: 'calculated' | 'error';
  errors: unknown;
  rows: unknown;
  total_cents: number | null;
  recipient: unknown;
  correction_ids: string[];
}

/** Stores the calculations of a set of the run's clients at once. */
export async function storeCalculations(tx: Tx, runId: string, results: readonly CalculationResult[]): Promise<void> {
  await tx.query(
    `UPDATE billing_run_client AS c
        SET status = v.status, errors = v.errors, rows = v.rows, total_cents = v.total_cents, recipient = v.recipient,
            correction_ids = ARRAY(SELECT jsonb_array_elements_text(v.correction_ids))::uuid[], calculated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS v(client_id uuid, status text, errors jsonb, rows jsonb, total_cents bigint, recipient jsonb, correction_ids jsonb)
      WHERE c.run_id = $1 AND c.client_id = v.client_id`,
    [runId, JSON.stringify(results)],
  );
}

/** Changes whenever any client of the run is calculated again: what a reviewed journal is bound to. */
export async function calculationFingerprint(tx: Tx, runId: string): Promise<string> {
  const [row] = await tx.query<Record<'n' | 'cents' | 'last' | 'open', string>>(
    `SELECT count(*)::text AS n, coalesce(sum(total_cents), 0)::text AS cents, coalesce(max(calculated_at)::text, '') AS last,
            count(*) FILTER (WHERE status <> 'calculated')::text AS open
       FROM billing_run_client WHERE run_id = $1`,
    [runId],
  );
  return `${row.n}|${row.cents}|${row.last}|${row.open}`;
}

export interface RunClientRow {
  clientId: string;
  clientNumber: string;
  name: string;
  status: RunClientStatus;
  errors: Array<{ code: string; message: string; field: string }> | null;
  totalCents: number | null;
  invoiceId: string | null;
}

/** A page of the run's clients by client number (in one status, if asked): the error list. */
export async function runClients(tx: Tx, runId: string, page: { status?: string; after?: string; limit: number }): Promise<RunClientRow[]> {
  const rows = await tx.query<{
    client_id: string;
    client_number: string;
    name: string;
    status: RunClientStatus;
    errors: RunClientRow['errors'];
    total_cents: number | null;
    invoice_id: string | null;
  }>(
    `SELECT rc.client_id, rc.client_number, c.name, rc.status, rc.errors, rc.total_cents::int8 AS total_cents, rc.invoice_id
       FROM billing_run_client rc JOIN client c ON c.id = rc.client_id
      WHERE rc.run_id = $1 AND ($2::text IS NULL OR rc.status = $2) AND ($3::text IS NULL OR rc.client_number > $3)
      ORDER BY rc.client_number LIMIT $4`,
    [runId, page.status ?? null, page.after ?? null, page.limit],
  );
  return rows.map((row) => ({
    clientId: row.client_id,
    clientNumber: row.client_number,
    name: row.name,
    status: row.status,
    errors: row.errors,
    totalCents: row.total_cents,
    invoiceId: row.invoice_id,
  }));
}

/** The run's clients still away with no end date: the control list before approval. */
export async function openAbsencesOfRun(tx: Tx, runId: string): Promise<Array<{ clientId: string; clientNumber: string; kind: string; firstDay: string }>> {
  const rows = await tx.query<{ client_id: string; client_number: string; kind: string; first_day: string }>(
    `SELECT rc.client_id, rc.client_number, a.kind, a.first_day FROM billing_run_client rc JOIN absence a ON a.client_id = rc.client_id
      WHERE rc.run_id = $1 AND a.last_day IS NULL ORDER BY rc.client_number`,
    [runId],
  );
  return rows.map((row) => ({ clientId: row.client_id, clientNumber: row.client_number, kind: row.kind, firstDay: row.first_day }));
}

export interface JournalClientRow {
  clientNumber: string;
  name: string;
  status: RunClientStatus;
  errors: Array<{ message: string }> | null;
  rows: Array<{ description: string; code: string | null; quantity: string | null; unitPrice: string | null; amount: string; accountString: string | null }> | null;
  totalCents: number | null;
  recipient: { name: string } | null;
}

/** Every client of the run with its calculation, by client number: the journal's body. */
export async function journalClients(tx: Tx, runId: string): Promise<JournalClientRow[]> {
  const rows = await tx.query<{
    client_number: string;
    name: string;
    status: RunClientStatus;
    errors: JournalClientRow['errors'];
    rows: JournalClientRow['rows'];
    total_cents: number | null;
    recipient: JournalClientRow['recipient'];
  }>(
    `SELECT rc.client_number, c.name, rc.status, rc.errors, rc.rows, rc.total_cents::int8 AS total_cents, rc.recipient
       FROM billing_run_client rc JOIN client c ON c.id = rc.client_id WHERE rc.run_id = $1 ORDER BY rc.client_number`,
    [runId],
  );
  return rows.map((row) => ({
    clientNumber: row.client_number,
    name: row.name,
    status: row.status,
    errors: row.errors,
    rows: row.rows,
    totalCents: row.total_cents,
    recipient: row.recipient,
  }));
}

/** The services registered for the run's clients in its period, with the price list's names: the journal's reported services. */
export async function journalServices(
  tx: Tx,
  run: Pick<BillingRun, 'id' | 'period' | 'organisationId'>,
): Promise<Array<{ clientNumber: string; itemCode: string; itemName: string; performedOn: string; quantity: string }>> {
  const rows = await tx.query<{ client_number: string; item_code: string; item_name: string; performed_on: string; quantity: string }>(
    `SELECT rc.client_number, r.item_code, coalesce(p.name, r.item_code) AS item_name, r.performed_on, r.quantity::text AS quantity
       FROM billing_run_client rc
       JOIN registration r ON r.client_id = rc.client_id AND r.period = $2
       LEFT JOIN price_list_item p ON p.organisation_id = $3 AND p.code = r.item_code AND p.valid_from <= r.performed_on AND (p.valid_to IS NULL OR p.valid_to >= r.performed_on)
      WHERE rc.run_id = $1 ORDER BY rc.client_number, r.performed_on, r.item_code`,
    [run.id, run.period, run.organisationId],
  );
  return rows.map((row) => ({ clientNumber: row.client_number, itemCode: row.item_code, itemName: row.item_name, performedOn: row.performed_on, quantity: row.quantity }));
}

// ---- invoicing an approved batch ------------------------------------------------------------

/**
 * Locks the period for the batch's calculated clients; a client locked already (a retried or
 * resumed batch, or another run) is skipped. Answers the clients locked now.
 */
export async function lockBatchPeriods(tx: Tx, run: Pick<BillingRun, 'id' | 'organisationId' | 'period'>, batch: number): Promise<string[]> {
  const rows = await tx.query<{ client_id: string }>(
    `INSERT INTO billing_period_lock (organisation_id, period, client_id, run_id)
     SELECT $3, $4, client_id, run_id FROM billing_run_client WHERE run_id = $1 AND batch = $2 AND status = 'calculated'
     ON CONFLICT DO NOTHING RETURNING client_id`,
    [run.id, batch, run.organisationId, run.period],
  );
  return rows.map((row) => row.client_id);
}

export interface BillableClient {
  clientId: string;
  clientNumber: string;
  totalCents: number;
  recipient: unknown;
}

/** Of the given clients, those whose calculation bills something, in household order. */
export async function billableClients(tx: Tx, runId: string, clientIds: readonly string[]): Promise<BillableClient[]> {
  const rows = await tx.query<{ client_id: string; client_number: string; total_cents: number; recipient: unknown }>(
    `SELECT client_id, client_number, total_cents::int8 AS total_cents, recipient
       FROM billing_run_client WHERE run_id = $1 AND client_id = ANY($2) AND total_cents > 0 ORDER BY household_id, client_id`,
    [runId, [...clientIds]],
  );
  return rows.map((row) => ({ clientId: row.client_id, clientNumber: row.client_number, totalCents: Number(row.total_cents), recipient: row.recipient }));
}

/**
 * Notes each client's invoice id on the run. What points at the invoices is written before
 * them: the references are checked at commit (`SET CONSTRAINTS ALL DEFERRED`, this transaction only).
 */
export async function assignInvoiceIds(tx: Tx, runId: string, invoices: ReadonlyArray<{ clientId: string; invoiceId: string }>): Promise<void> {
  await tx.query('SET CONSTRAINTS ALL DEFERRED');
  await tx.query(
    `UPDATE billing_run_client c SET invoice_id = v.invoice_id
       FROM jsonb_to_recordset($2::jsonb) AS v(client_id uuid, invoice_id uuid)
      WHERE c.run_id = $1 AND c.client_id = v.client_id`,
    [runId, JSON.stringify(invoices.map((invoice) => ({ client_id: invoice.clientId, invoice_id: invoice.invoiceId })))],
  );
}

/** Each lock names the invoice that billed the period. */
export async function attachInvoicesToLocks(tx: Tx, run: Pick<BillingRun, 'id' | 'organisationId' | 'period'>, batch: number, invoiceIds: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE billing_period_lock l SET invoice_id = c.invoice_id FROM billing_run_client c
      WHERE c.run_id = $1 AND c.batch = $5 AND c.invoice_id = ANY($2::uuid[]) AND l.organisation_id = $3 AND l.period = $4 AND l.client_id = c.client_id`,
    [run.id, [...invoiceIds], run.organisationId, run.period, batch],
  );
}

/** How many invoices the batch has, made now or by an earlier attempt. */
export async function batchInvoiceCount(tx: Tx, runId: string, batch: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM billing_run_client WHERE run_id = $1 AND batch = $2 AND invoice_id IS NOT NULL', [runId, batch]);
  return row.n;
}

/** Gives back the period an invoice billed (to remake it); answers the client, or null when already released. */
export async function releasePeriodLock(tx: Tx, invoice: { organisationId: string; period: string; invoiceId: string }): Promise<string | null> {
  const [row] = await tx.query<{ client_id: string }>('DELETE FROM billing_period_lock WHERE organisation_id = $1 AND period = $2 AND invoice_id = $3 RETURNING client_id', [
    invoice.organisationId,
    invoice.period,
    invoice.invoiceId,
  ]);
  return row?.client_id ?? null;
}
