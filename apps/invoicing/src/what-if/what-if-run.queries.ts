import { Country, LocalDate, Money, WhatIfClientResult, WhatIfDraft, WhatIfTallies } from '@clientfees/domain';
import type { WhatIfRunState } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

/** What-if runs and their clients (what_if_run, what_if_client, what_if_batch): the only SQL for them (ADR 0003). */

export interface WhatIfRun {
  id: string;
  organisationIds: string[];
  draft: WhatIfDraft;
  validFrom: LocalDate;
  period: string;
  rulesOf: LocalDate;
  state: WhatIfRunState;
  population: number;
  batches: number;
  tallies: WhatIfTallies | null;
  error: string | null;
  draftedBy: string;
  draftedAt: Date;
  completedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  approvalGrounds: string | null;
}

interface WhatIfRunRow {
  id: string;
  organisation_ids: string[];
  draft: WhatIfDraft;
  valid_from: string;
  period: string;
  rules_of: string;
  state: WhatIfRunState;
  population: number;
  batches: number;
  tallies: WhatIfTallies | null;
  error: string | null;
  drafted_by: string;
  drafted_at: Date;
  completed_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  approval_grounds: string | null;
}

function rowToRun(row: WhatIfRunRow): WhatIfRun {
  return {
    id: row.id,
    organisationIds: row.organisation_ids,
    draft: row.draft,
    validFrom: row.valid_from,
    period: row.period,
    rulesOf: row.rules_of,
    state: row.state,
    population: row.population,
    batches: row.batches,
    tallies: row.tallies,
    error: row.error,
    draftedBy: row.drafted_by,
    draftedAt: row.drafted_at,
    completedAt: row.completed_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    approvalGrounds: row.approval_grounds,
  };
}

export async function insertWhatIfRun(
  tx: Tx,
  run: { id: string; organisationIds: string[]; draft: WhatIfDraft; period: string; rulesOf: LocalDate; draftedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO what_if_run (id, organisation_ids, draft, valid_from, period, rules_of, state, drafted_by) VALUES ($1, $2, $3, $4, $5, $6, 'running', $7)`,
    [run.id, run.organisationIds, JSON.stringify(run.draft), run.draft.validFrom, run.period, run.rulesOf, run.draftedBy],
  );
}

export async function findWhatIfRun(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<WhatIfRun | null> {
  const [row] = await tx.query<WhatIfRunRow>(`SELECT * FROM what_if_run WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToRun(row) : null;
}

/** The runs of which every organisation is one of `organisations`, newest first. */
export async function listWhatIfRuns(tx: Tx, organisations: readonly string[], limit: number): Promise<WhatIfRun[]> {
  const rows = await tx.query<WhatIfRunRow>('SELECT * FROM what_if_run WHERE organisation_ids <@ $1::text[] ORDER BY drafted_at DESC, id LIMIT $2', [organisations, limit]);
  return rows.map(rowToRun);
}

export interface OrganisationOfRun {
  id: string;
  country: Country;
  time_zone: string;
}

export function organisationsOfRun(tx: Tx, ids: readonly string[]): Promise<OrganisationOfRun[]> {
  return tx.query<OrganisationOfRun>('SELECT id, country, time_zone FROM organisation WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
}

/**
 * Numbers the run's active clients into batches of whole households (a couple is compared
 * together), organisation by organisation: the clients with a decided service in `[first, last]`
 * (today's month) who have not died. Returns the clients and batches; a second call changes nothing.
 */
export async function planWhatIfClients(tx: Tx, runId: string, organisationIds: readonly string[], first: LocalDate, last: LocalDate, householdsPerBatch: number): Promise<{ population: number; batches: number }> {
  await tx.query(
    `INSERT INTO what_if_client (run_id, client_id, organisation_id, household, batch)
     SELECT $1, a.id, a.organisation_id, a.household, (dense_rank() OVER (ORDER BY a.organisation_id, h.n)) - 1
       FROM (SELECT c.id, c.organisation_id, least(c.id, coalesce(c.spouse_client_id, c.id)) AS household
               FROM client c
              WHERE c.organisation_id = ANY($2::text[]) AND c.date_of_death IS NULL
                AND EXISTS (SELECT 1 FROM decided_service s WHERE s.client_id = c.id AND s.valid_from <= $4 AND (s.valid_to IS NULL OR s.valid_to >= $3))) a
       JOIN (SELECT organisation_id, household, (row_number() OVER (PARTITION BY organisation_id ORDER BY household) - 1) / $5 AS n
               FROM (SELECT DISTINCT c.organisation_id, least(c.id, coalesce(c.spouse_client_id, c.id)) AS household
                       FROM client c
                      WHERE c.organisation_id = ANY($2::text[]) AND c.date_of_death IS NULL
                        AND EXISTS (SELECT 1 FROM decided_service s WHERE s.client_id = c.id AND s.valid_from <= $4 AND (s.valid_to IS NULL OR s.valid_to >= $3))) d) h
         ON h.organisation_id = a.organisation_id AND h.household = a.household
     ON CONFLICT DO NOTHING`,
    [runId, organisationIds, first, last, householdsPerBatch],
  );
  const [counts] = await tx.query<{ population: number; batches: number }>(
    'SELECT count(*)::int AS population, coalesce(max(batch) + 1, 0)::int AS batches FROM what_if_client WHERE run_id = $1',
    [runId],
  );
  await tx.query('UPDATE what_if_run SET population = $2, batches = $3 WHERE id = $1', [runId, counts.population, counts.batches]);
  return counts;
}

export interface BatchMember {
  client_id: string;
  organisation_id: string;
  household: string;
}

export function batchMembers(tx: Tx, runId: string, batch: number): Promise<BatchMember[]> {
  return tx.query<BatchMember>('SELECT client_id, organisation_id, household FROM what_if_client WHERE run_id = $1 AND batch = $2 ORDER BY household, client_id', [runId, batch]);
}

const cents = (result: WhatIfClientResult, amount: string | null | undefined) => (amount == null ? null : Money.parse(amount, result.currency).minorUnits);

/** Stores the batch's results (one statement) and its tally; a retried batch overwrites both. */
export async function storeWhatIfResults(tx: Tx, runId: string, batch: number, results: readonly WhatIfClientResult[], tallies: WhatIfTallies): Promise<void> {
  if (results.length > 0) {
    await tx.query(
      `UPDATE what_if_client w SET client_number = r.client_number, currency = r.currency, status = r.status, today_cents = r.today_cents,
              draft_cents = r.draft_cents, change_cents = r.change_cents, direction = r.direction, crosses_zero = r.crosses_zero,
              crosses_maximum = r.crosses_maximum, today_at_maximum = r.today_at_maximum, draft_at_maximum = r.draft_at_maximum,
              today_by_service = r.today_by_service, draft_by_service = r.draft_by_service, problems = r.problems
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::text[],
                     $12::boolean[], $13::boolean[], $14::jsonb[], $15::jsonb[], $16::jsonb[])
              AS r(client_id, client_number, currency, status, today_cents, draft_cents, change_cents, direction, crosses_zero, crosses_maximum,
                   today_at_maximum, draft_at_maximum, today_by_service, draft_by_service, problems)
        WHERE w.run_id = $1 AND w.client_id = r.client_id`,
      [
        runId,
        results.map((r) => r.clientId),
        results.map((r) => r.clientNumber),
        results.map((r) => r.currency),
        results.map((r) => r.status),
        results.map((r) => cents(r, r.today?.total)),
        results.map((r) => cents(r, r.draft?.total)),
        results.map((r) => cents(r, r.change)),
        results.map((r) => r.direction),
        results.map((r) => r.crossesZero),
        results.map((r) => r.crossesMaximum),
        results.map((r) => r.today?.atMaximum ?? null),
        results.map((r) => r.draft?.atMaximum ?? null),
        results.map((r) => (r.today ? JSON.stringify(r.today.byService) : null)),
        results.map((r) => (r.draft ? JSON.stringify(r.draft.byService) : null)),
        results.map((r) => JSON.stringify(r.problems)),
      ],
    );
  }
  await tx.query(
    `INSERT INTO what_if_batch (run_id, batch, clients, tallies) VALUES ($1, $2, $3, $4)
     ON CONFLICT (run_id, batch) DO UPDATE SET clients = EXCLUDED.clients, tallies = EXCLUDED.tallies, compared_at = now()`,
    [runId, batch, results.length, JSON.stringify(tallies)],
  );
}

export function batchTallies(tx: Tx, runId: string): Promise<Array<{ batch: number; clients: number; tallies: WhatIfTallies }>> {
  return tx.query('SELECT batch, clients, tallies FROM what_if_batch WHERE run_id = $1 ORDER BY batch', [runId]);
}

export async function completeWhatIfRunRow(tx: Tx, runId: string, tallies: WhatIfTallies): Promise<void> {
  await tx.query(`UPDATE what_if_run SET state = 'completed', tallies = $2, completed_at = now(), error = NULL WHERE id = $1 AND state = 'running'`, [runId, JSON.stringify(tallies)]);
}

export async function failWhatIfRunRow(tx: Tx, runId: string, reason: string): Promise<void> {
  await tx.query(`UPDATE what_if_run SET state = 'failed', error = $2, completed_at = now() WHERE id = $1 AND state = 'running'`, [runId, reason]);
}

export async function approveWhatIfRunRow(tx: Tx, runId: string, approvedBy: string, grounds: string): Promise<void> {
  await tx.query(`UPDATE what_if_run SET state = 'approved', approved_by = $2, approved_at = now(), approval_grounds = $3 WHERE id = $1 AND state = 'completed'`, [
    runId,
    approvedBy,
    grounds,
  ]);
}

export interface WhatIfClientRow {
  client_id: string;
  organisation_id: string;
  client_number: string | null;
  currency: string | null;
  status: 'compared' | 'not-compared' | null;
  today_cents: number | null;
  draft_cents: number | null;
  change_cents: number | null;
  direction: string | null;
  crosses_zero: string | null;
  crosses_maximum: string | null;
  today_at_maximum: boolean | null;
  draft_at_maximum: boolean | null;
  today_by_service: Record<string, string> | null;
  draft_by_service: Record<string, string> | null;
  problems: string[] | null;
}

export interface WhatIfClientFilter {
  organisationId?: string;
  direction?: 'more' | 'less' | 'same';
  crosses?: 'zero' | 'maximum';
  status?: 'compared' | 'not-compared';
  /** Keyset paging: the last (organisation, client number) of the previous page. */
  after?: { organisationId: string; clientNumber: string };
  limit?: number;
}

/** The run's clients in organisation and client-number order, filtered; all of them when no limit. */
export function whatIfClients(tx: Tx, runId: string, filter: WhatIfClientFilter): Promise<WhatIfClientRow[]> {
  const where = ['run_id = $1', 'status IS NOT NULL'];
  const params: unknown[] = [runId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.organisationId) add('organisation_id = ?', filter.organisationId);
  if (filter.direction) add('direction = ?', filter.direction);
  if (filter.status) add('status = ?', filter.status);
  if (filter.crosses === 'zero') where.push('crosses_zero IS NOT NULL');
  if (filter.crosses === 'maximum') where.push('crosses_maximum IS NOT NULL');
  if (filter.after) {
    params.push(filter.after.organisationId, filter.after.clientNumber);
    where.push(`(organisation_id, client_number) > ($${params.length - 1}, $${params.length})`);
  }
  let sql = `SELECT client_id, organisation_id, client_number, currency, status, today_cents, draft_cents, change_cents, direction, crosses_zero, crosses_maximum,
                    today_at_maximum, draft_at_maximum, today_by_service, draft_by_service, problems
               FROM what_if_client WHERE ${where.join(' AND ')} ORDER BY organisation_id, client_number`;
  if (filter.limit !== undefined) {
    params.push(filter.limit);
    sql += ` LIMIT $${params.length}`;
  }
  return tx.query<WhatIfClientRow>(sql, params);
}
