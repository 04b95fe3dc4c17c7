import type { DebtCaseFlag, FinanceNotice, LetterLanguage } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** A client's debt case (skuldärende): one open case per client at a time. */
export interface DebtCase {
  id: string;
  organisationId: string;
  clientId: string;
  clientNumber: string;
  clientName: string;
  language: LetterLanguage;
  debitingArea: string | null;
  clientStatus: string;
  handler: string | null;
  caseworker: string | null;
  state: 'open' | 'handed-over' | 'closed';
  escalated: boolean;
  noticesGiven: FinanceNotice[];
  letteredInvoiceIds: string[];
  flags: DebtCaseFlag[];
  openCents: number;
  months: number;
  currency: string;
  openedOn: string;
  lastReviewId: string | null;
  closedOn: string | null;
}

export interface DebtCaseEvent {
  kind: string;
  actor: string;
  grounds: string;
  detail: Record<string, unknown>;
  reviewId: string | null;
  occurredAt: string;
}

interface Row {
  id: string;
  organisation_id: string;
  client_id: string;
  client_number: string;
  client_name: string;
  language: LetterLanguage;
  debiting_area: string | null;
  client_status: string;
  handler: string | null;
  caseworker: string | null;
  state: DebtCase['state'];
  escalated: boolean;
  notices_given: FinanceNotice[];
  lettered_invoice_ids: string[];
  flags: DebtCaseFlag[];
  open_cents: number;
  months: number;
  currency: string;
  opened_on: string;
  last_review_id: string | null;
  closed_on: string | null;
}

export const rowToDebtCase = (row: Row): DebtCase => ({
  id: row.id,
  organisationId: row.organisation_id,
  clientId: row.client_id,
  clientNumber: row.client_number,
  clientName: row.client_name,
  language: row.language,
  debitingArea: row.debiting_area,
  clientStatus: row.client_status,
  handler: row.handler,
  caseworker: row.caseworker,
  state: row.state,
  escalated: row.escalated,
  noticesGiven: row.notices_given,
  letteredInvoiceIds: row.lettered_invoice_ids,
  flags: row.flags,
  openCents: Number(row.open_cents),
  months: row.months,
  currency: row.currency,
  openedOn: row.opened_on,
  lastReviewId: row.last_review_id,
  closedOn: row.closed_on,
});

export interface DebtCaseFilter {
  organisationId: string;
  state?: string;
  flag?: string;
  debitingArea?: string;
  /** A unit manager's areas: only these. */
  areas?: readonly string[];
  /** A caseworker: only the cases they are the caseworker of. */
  caseworker?: string;
  clientId?: string;
  limit: number;
}

export async function listDebtCases(tx: Tx, filter: DebtCaseFilter): Promise<DebtCase[]> {
  const rows = await tx.query<Row>(
    `SELECT * FROM debt_case
      WHERE organisation_id = $1
        AND ($2::text IS NULL OR state = $2 OR ($2 = 'active' AND state <> 'closed'))
        AND ($3::text IS NULL OR $3 = ANY(flags))
        AND ($4::text IS NULL OR debiting_area = $4)
        AND ($5::text[] IS NULL OR debiting_area = ANY($5))
        AND ($6::text IS NULL OR caseworker = $6)
        AND ($7::uuid IS NULL OR client_id = $7)
      ORDER BY open_cents DESC, id LIMIT $8`,
    [filter.organisationId, filter.state ?? null, filter.flag ?? null, filter.debitingArea ?? null, filter.areas ?? null, filter.caseworker ?? null, filter.clientId ?? null, filter.limit],
  );
  return rows.map(rowToDebtCase);
}

export async function findDebtCase(tx: Tx, id: string): Promise<DebtCase | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM debt_case WHERE id = $1`, [id]);
  return row && rowToDebtCase(row);
}

export async function debtCaseEvents(tx: Tx, debtCaseId: string): Promise<DebtCaseEvent[]> {
  const rows = await tx.query<{ kind: string; actor: string; grounds: string; detail: Record<string, unknown>; review_id: string | null; occurred_at: Date }>(
    `SELECT kind, actor, grounds, detail, review_id, occurred_at FROM debt_case_event WHERE debt_case_id = $1 ORDER BY id`,
    [debtCaseId],
  );
  return rows.map((row) => ({ kind: row.kind, actor: row.actor, grounds: row.grounds, detail: row.detail, reviewId: row.review_id, occurredAt: row.occurred_at.toISOString() }));
}

export async function debtCaseOwner(tx: Tx, id: string): Promise<{ organisationId: string; debitingArea: string | null } | undefined> {
  const [row] = await tx.query<{ organisation_id: string; debiting_area: string | null }>(`SELECT organisation_id, debiting_area FROM debt_case WHERE id = $1`, [id]);
  return row && { organisationId: row.organisation_id, debitingArea: row.debiting_area };
}

/** A person's step on the case: who works on it, or who its caseworker is. */
export async function assignDebtCase(tx: Tx, id: string, change: { handler?: string | null; caseworker?: string | null }): Promise<void> {
  await tx.query(
    `UPDATE debt_case SET
        handler = CASE WHEN $2 THEN $3 ELSE handler END,
        caseworker = CASE WHEN $4 THEN $5 ELSE caseworker END,
        flags = CASE WHEN $2 AND $3::text IS NOT NULL THEN array_replace(flags, 'unattended', 'worked') ELSE flags END
      WHERE id = $1`,
    [id, change.handler !== undefined, change.handler ?? null, change.caseworker !== undefined, change.caseworker ?? null],
  );
}

export interface NewDebtCaseEvent {
  debtCaseId: string;
  reviewId?: string | null;
  kind: string;
  actor: string;
  grounds: string;
  detail?: Record<string, unknown>;
}

export async function appendDebtCaseEvents(tx: Tx, events: readonly NewDebtCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO debt_case_event (debt_case_id, review_id, kind, actor, grounds, detail)
     SELECT debt_case_id, review_id, kind, actor, grounds, detail
       FROM jsonb_to_recordset($1::jsonb) AS r(debt_case_id uuid, review_id uuid, kind text, actor text, grounds text, detail jsonb)`,
    [JSON.stringify(events.map((event) => ({ debt_case_id: event.debtCaseId, review_id: event.reviewId ?? null, kind: event.kind, actor: event.actor, grounds: event.grounds, detail: event.detail ?? {} })))],
  );
}

/** What a month-end review writes on a case, new or open before. */
export interface ReviewedDebtCase {
  id: string;
  organisationId: string;
  clientId: string;
  clientNumber: string;
  clientName: string;
  language: LetterLanguage;
  debitingArea: string | null;
  clientStatus: string;
  state: 'open' | 'handed-over';
  escalated: boolean;
  noticesGiven: string[];
  letteredInvoiceIds: string[];
  flags: string[];
  openCents: number;
  months: number;
  currency: string;
  openedOn: string;
  reviewId: string;
}

const reviewedRecord = (c: ReviewedDebtCase) => ({
  id: c.id,
  organisation_id: c.organisationId,
  client_id: c.clientId,
  client_number: c.clientNumber,
  client_name: c.clientName,
  language: c.language,
  debiting_area: c.debitingArea,
  client_status: c.clientStatus,
  state: c.state,
  escalated: c.escalated,
  notices_given: c.noticesGiven,
  lettered_invoice_ids: c.letteredInvoiceIds,
  flags: c.flags,
  open_cents: c.openCents,
  months: c.months,
  currency: c.currency,
  opened_on: c.openedOn,
  last_review_id: c.reviewId,
});

const RECORD_COLUMNS = `id uuid, organisation_id text, client_id uuid, client_number text, client_name text, language text, debiting_area text, client_status text,
  state text, escalated boolean, notices_given text[], lettered_invoice_ids uuid[], flags text[], open_cents bigint, months int, currency text, opened_on date, last_review_id uuid`;

export async function insertDebtCases(tx: Tx, cases: readonly ReviewedDebtCase[]): Promise<void> {
  if (cases.length === 0) return;
  await tx.query(
    `INSERT INTO debt_case (id, organisation_id, client_id, client_number, client_name, language, debiting_area, client_status, state, escalated, notices_given,
        lettered_invoice_ids, flags, open_cents, months, currency, opened_on, last_review_id)
     SELECT id, organisation_id, client_id, client_number, client_name, language, debiting_area, client_status, state, escalated, notices_given,
        lettered_invoice_ids, flags, open_cents, months, currency, opened_on, last_review_id
       FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})`,
    [JSON.stringify(cases.map(reviewedRecord))],
  );
}

export async function updateReviewedDebtCases(tx: Tx, cases: readonly ReviewedDebtCase[]): Promise<void> {
  if (cases.length === 0) return;
  await tx.query(
    `UPDATE debt_case d SET client_name = r.client_name, debiting_area = r.debiting_area, client_status = r.client_status, state = r.state, escalated = r.escalated,
        notices_given = r.notices_given, lettered_invoice_ids = r.lettered_invoice_ids, flags = r.flags, open_cents = r.open_cents, months = r.months,
        last_review_id = r.last_review_id
       FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})
      WHERE d.id = r.id`,
    [JSON.stringify(cases.map(reviewedRecord))],
  );
}

/** The open cases of these clients, as earlier month ends left them. */
export async function openDebtCasesOf(tx: Tx, organisationId: string, clientIds: readonly string[]): Promise<DebtCase[]> {
  if (clientIds.length === 0) return [];
  const rows = await tx.query<Row>(`SELECT * FROM debt_case WHERE organisation_id = $1 AND state <> 'closed' AND client_id = ANY($2::uuid[])`, [organisationId, clientIds]);
  return rows.map(rowToDebtCase);
}

/**
 * The month-end rule's "nothing unpaid any more: the case closes", set-based: every open case of
 * the organisation whose client has no claim on this month end's debt list.
 */
export async function closeDebtCasesWithoutClaims(tx: Tx, organisationId: string, reviewId: string, monthEnd: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE debt_case d SET state = 'closed', closed_on = $3, open_cents = 0, months = 0, flags = '{}', last_review_id = $2
      WHERE d.organisation_id = $1 AND d.state <> 'closed' AND d.opened_on <= $3
        AND NOT EXISTS (SELECT 1 FROM debt_review_client c WHERE c.review_id = $2 AND c.client_id = d.client_id)
      RETURNING d.id`,
    [organisationId, reviewId, monthEnd],
  );
  return rows.map((row) => row.id);
}

/** Open cases reviewed at this month end, per debiting area: the unit managers' monthly lists. */
export async function openCasesByArea(tx: Tx, reviewId: string): Promise<Array<{ debitingArea: string | null; cases: number; openCents: number; handedOver: number; escalated: number }>> {
  const rows = await tx.query<{ debiting_area: string | null; cases: string; open_cents: string; handed_over: string; escalated: string }>(
    `SELECT debiting_area, count(*) AS cases, sum(open_cents) AS open_cents,
            count(*) FILTER (WHERE state = 'handed-over') AS handed_over, count(*) FILTER (WHERE escalated) AS escalated
       FROM debt_case WHERE last_review_id = $1 AND state <> 'closed' GROUP BY debiting_area ORDER BY debiting_area`,
    [reviewId],
  );
  return rows.map((row) => ({ debitingArea: row.debiting_area, cases: Number(row.cases), openCents: Number(row.open_cents), handedOver: Number(row.handed_over), escalated: Number(row.escalated) }));
}

export async function countCasesWithFlag(tx: Tx, reviewId: string, flag: string): Promise<number> {
  const [row] = await tx.query<{ count: string }>(`SELECT count(*) FROM debt_case WHERE last_review_id = $1 AND state <> 'closed' AND $2 = ANY(flags)`, [reviewId, flag]);
  return Number(row.count);
}
