import { randomUUID } from 'node:crypto';
import type { DebtListPage, DebtReviewSummary } from '@clientfees/contracts';
import type { DebtClientStatus } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** A month end's debt review of one organisation (seed 004), with the debt list it read. */
export interface DebtReview {
  id: string;
  organisationId: string;
  monthEnd: string;
  status: 'reading' | 'reviewing' | 'completed';
  currency: string | null;
  batches: number | null;
  summary: DebtReviewSummary | null;
  startedAt: string;
  completedAt: string | null;
}

interface Row {
  id: string;
  organisation_id: string;
  month_end: string;
  status: DebtReview['status'];
  currency: string | null;
  batches: number | null;
  summary: DebtReviewSummary | null;
  started_at: Date;
  completed_at: Date | null;
}

const rowToReview = (row: Row): DebtReview => ({
  id: row.id,
  organisationId: row.organisation_id,
  monthEnd: row.month_end,
  status: row.status,
  currency: row.currency,
  batches: row.batches,
  summary: row.summary,
  startedAt: row.started_at.toISOString(),
  completedAt: row.completed_at?.toISOString() ?? null,
});

/** The organisation's review of the month end: opened once, found again by a repeated run. */
export async function openReview(tx: Tx, organisationId: string, monthEnd: string): Promise<DebtReview> {
  const [row] = await tx.query<Row>(
    `INSERT INTO debt_review (id, organisation_id, month_end, status) VALUES ($1, $2, $3, 'reading')
     ON CONFLICT (organisation_id, month_end) DO UPDATE SET organisation_id = EXCLUDED.organisation_id RETURNING *`,
    [randomUUID(), organisationId, monthEnd],
  );
  return rowToReview(row);
}

export async function findReview(tx: Tx, id: string): Promise<DebtReview | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM debt_review WHERE id = $1`, [id]);
  return row && rowToReview(row);
}

export async function listReviews(tx: Tx, organisationId: string, between?: { from: string; to: string }): Promise<DebtReview[]> {
  const rows = await tx.query<Row>(
    `SELECT * FROM debt_review WHERE organisation_id = $1 AND ($2::date IS NULL OR month_end BETWEEN $2 AND $3) ORDER BY month_end DESC LIMIT 120`,
    [organisationId, between?.from ?? null, between?.to ?? null],
  );
  return rows.map(rowToReview);
}

export async function reviewOwner(tx: Tx, id: string): Promise<{ organisationId: string } | undefined> {
  const [row] = await tx.query<{ organisation_id: string }>(`SELECT organisation_id FROM debt_review WHERE id = $1`, [id]);
  return row && { organisationId: row.organisation_id };
}

/** Stores a page of the debt list; a page read again (a retried or resumed run) adds nothing. */
export async function storeDebtListPage(tx: Tx, reviewId: string, page: DebtListPage): Promise<void> {
  await tx.query(`UPDATE debt_review SET currency = COALESCE(currency, $2) WHERE id = $1`, [reviewId, page.currency]);
  if (page.clients.length > 0) {
    await tx.query(
      `INSERT INTO debt_review_client (review_id, client_id, client_number, name, language, debiting_area, status, moved_on, move_area, moved_to, credit_balance_cents)
       SELECT $1, client_id, client_number, name, language, debiting_area, status, moved_on, move_area, moved_to, credit_balance_cents
         FROM jsonb_to_recordset($2::jsonb)
           AS r(client_id uuid, client_number text, name text, language text, debiting_area text, status text, moved_on date, move_area text, moved_to text, credit_balance_cents bigint)
       ON CONFLICT (review_id, client_id) DO NOTHING`,
      [
        reviewId,
        JSON.stringify(
          page.clients.map((client) => ({
            client_id: client.clientId,
            client_number: client.clientNumber,
            name: client.name,
            language: client.language ?? null,
            debiting_area: client.debitingArea,
            status: client.status,
            moved_on: client.movedOn ?? null,
            move_area: client.moveArea ?? null,
            moved_to: client.movedTo ?? null,
            credit_balance_cents: client.creditBalanceCents,
          })),
        ),
      ],
    );
  }
  if (page.claims.length > 0) {
    await tx.query(
      `INSERT INTO debt_review_claim (review_id, invoice_id, client_id, invoice_number, invoice_date, due_date, period, open_cents, state)
       SELECT $1, invoice_id, client_id, invoice_number, invoice_date, due_date, period, open_cents, state
         FROM jsonb_to_recordset($2::jsonb) AS r(invoice_id uuid, client_id uuid, invoice_number bigint, invoice_date date, due_date date, period text, open_cents bigint, state text)
       ON CONFLICT (review_id, invoice_id) DO NOTHING`,
      [
        reviewId,
        JSON.stringify(
          page.claims.map((claim) => ({
            invoice_id: claim.invoiceId,
            client_id: claim.clientId,
            invoice_number: claim.invoiceNumber,
            invoice_date: claim.invoiceDate,
            due_date: claim.dueDate,
            period: claim.period,
            open_cents: claim.openCents,
            state: claim.state,
          })),
        ),
      ],
    );
  }
}

/** Numbers the review's clients into batches (once; a repeated call returns the same count). */
export async function numberReviewBatches(tx: Tx, reviewId: string, batchSize: number): Promise<number> {
  const [review] = await tx.query<{ batches: number | null }>(`SELECT batches FROM debt_review WHERE id = $1 FOR UPDATE`, [reviewId]);
  if (review.batches !== null) return review.batches;
  await tx.query(
    `UPDATE debt_review_client c SET batch = n.batch
       FROM (SELECT client_id, ((row_number() OVER (ORDER BY client_id)) - 1) / $2 AS batch FROM debt_review_client WHERE review_id = $1) n
      WHERE c.review_id = $1 AND c.client_id = n.client_id`,
    [reviewId, batchSize],
  );
  const [{ batches }] = await tx.query<{ batches: number }>(`SELECT COALESCE(max(batch) + 1, 0)::int AS batches FROM debt_review_client WHERE review_id = $1`, [reviewId]);
  await tx.query(`UPDATE debt_review SET batches = $2, status = 'reviewing' WHERE id = $1`, [reviewId, batches]);
  return batches;
}

export interface ReviewClient {
  clientId: string;
  clientNumber: string;
  name: string;
  language: string | null;
  debitingArea: string | null;
  status: DebtClientStatus;
  /** The day the move this list reports took effect; null when it reports none. */
  movedOn: string | null;
  /** Where it took the client (ADR 0035); null when the list reports none, or was made before the area was known. */
  moveArea: 'out-of-area' | 'area-unknown' | null;
  /** The home municipality the register gave with it; null when it gave none. */
  movedTo: string | null;
  creditBalanceCents: number;
  claims: Array<{ invoiceId: string; invoiceNumber: number; invoiceDate: string; dueDate: string; period: string; openCents: number }>;
}

/** The batch's clients not yet reviewed, with their claims, locked for this review. */
export async function batchClients(tx: Tx, reviewId: string, batch: number): Promise<ReviewClient[]> {
  const rows = await tx.query<{
    client_id: string;
    client_number: string;
    name: string;
    language: string | null;
    debiting_area: string | null;
    status: DebtClientStatus;
    moved_on: string | null;
    move_area: ReviewClient['moveArea'];
    moved_to: string | null;
    credit_balance_cents: number;
    claims: ReviewClient['claims'];
  }>(
    `SELECT c.client_id, c.client_number, c.name, c.language, c.debiting_area, c.status, c.moved_on::text, c.move_area, c.moved_to, c.credit_balance_cents,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('invoiceId', k.invoice_id, 'invoiceNumber', k.invoice_number, 'invoiceDate', k.invoice_date,
                         'dueDate', k.due_date, 'period', k.period, 'openCents', k.open_cents) ORDER BY k.due_date, k.invoice_number)
                        FROM debt_review_claim k WHERE k.review_id = c.review_id AND k.client_id = c.client_id), '[]'::jsonb) AS claims
       FROM debt_review_client c
      WHERE c.review_id = $1 AND c.batch = $2 AND NOT c.reviewed
      ORDER BY c.client_id
      FOR UPDATE OF c`,
    [reviewId, batch],
  );
  return rows.map((row) => ({
    clientId: row.client_id,
    clientNumber: row.client_number,
    name: row.name,
    language: row.language,
    debitingArea: row.debiting_area,
    status: row.status,
    movedOn: row.moved_on,
    moveArea: row.move_area,
    movedTo: row.moved_to,
    creditBalanceCents: Number(row.credit_balance_cents),
    claims: row.claims,
  }));
}

export async function markClientsReviewed(tx: Tx, reviewId: string, batch: number): Promise<void> {
  await tx.query(`UPDATE debt_review_client SET reviewed = true WHERE review_id = $1 AND batch = $2`, [reviewId, batch]);
}

export async function reviewTotals(tx: Tx, reviewId: string): Promise<{ claims: number; clients: number; openCents: number }> {
  const [row] = await tx.query<{ claims: number; clients: number; open_cents: string | null }>(
    `SELECT count(*)::int AS claims, count(DISTINCT client_id)::int AS clients, sum(open_cents) AS open_cents FROM debt_review_claim WHERE review_id = $1`,
    [reviewId],
  );
  return { claims: row.claims, clients: row.clients, openCents: Number(row.open_cents ?? 0) };
}

/** How many cases this review opened, handed over, escalated, closed … (from the cases' events). */
export async function reviewEventCounts(tx: Tx, reviewId: string): Promise<Record<string, number>> {
  const rows = await tx.query<{ kind: string; count: number }>(`SELECT kind, count(*)::int AS count FROM debt_case_event WHERE review_id = $1 GROUP BY kind`, [reviewId]);
  return Object.fromEntries(rows.map((row) => [row.kind, row.count]));
}

/** Clients on this month end's list who have overpaid money waiting to be settled. */
export async function clientsWithCredit(tx: Tx, reviewId: string): Promise<Array<{ clientNumber: string; creditBalanceCents: number }>> {
  const rows = await tx.query<{ client_number: string; credit_balance_cents: number }>(
    `SELECT client_number, credit_balance_cents FROM debt_review_client WHERE review_id = $1 AND credit_balance_cents > 0 ORDER BY client_number`,
    [reviewId],
  );
  return rows.map((row) => ({ clientNumber: row.client_number, creditBalanceCents: Number(row.credit_balance_cents) }));
}

export async function completeReview(tx: Tx, reviewId: string, summary: DebtReviewSummary): Promise<void> {
  await tx.query(`UPDATE debt_review SET status = 'completed', summary = $2, completed_at = now() WHERE id = $1`, [reviewId, JSON.stringify(summary)]);
}
