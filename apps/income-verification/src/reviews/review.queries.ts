import { randomUUID } from 'node:crypto';
import type { Tx } from '@clientfees/platform';
import type { IncomeRecord, LegalBasis, ServiceForFee } from '@clientfees/domain';
import type { PersonRole, ReviewReason, ReviewState } from '@clientfees/contracts';

export interface ReviewCase {
  id: string;
  organisationId: string;
  clientId: string;
  reason: ReviewReason;
  withDecision: boolean;
  service: ServiceForFee | null;
  state: ReviewState;
  waitingFor: string | null;
  legalBasis: LegalBasis | null;
  proceedWithoutRegisters: boolean;
  acceptsMaximumFee: boolean;
  deductionsCents: number;
  population: Record<string, unknown> | null;
  summary: Record<string, unknown> | null;
  proposal: Record<string, unknown> | null;
  reviewDate: string;
  startedBy: string;
  /** The decision a yearly review follows up. */
  followsDecisionId: string | null;
  createdAt: string;
  updatedAt: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as pg returns it
const rowToCase = (r: any): ReviewCase => ({
  id: r.id, organisationId: r.organisation_id, clientId: r.client_id, reason: r.reason, withDecision: r.with_decision, service: r.service, state: r.state, waitingFor: r.waiting_for,
  legalBasis: r.legal_basis, proceedWithoutRegisters: r.proceed_without_registers, acceptsMaximumFee: r.accepts_maximum_fee, deductionsCents: r.deductions_cents, population: r.population,
  summary: r.summary, proposal: r.proposal, reviewDate: r.review_date, startedBy: r.started_by, followsDecisionId: r.follows_decision_id, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

export async function insertCase(tx: Tx, c: { organisationId: string; clientId: string; reason: ReviewReason; withDecision: boolean; service: ServiceForFee | null; acceptsMaximumFee: boolean; reviewDate: string; startedBy: string }): Promise<ReviewCase> {
  const [row] = await tx.query(
    `INSERT INTO review_case (id, organisation_id, client_id, reason, with_decision, service, state, accepts_maximum_fee, review_date, started_by) VALUES ($1, $2, $3, $4, $5, $6, 'checking-consent', $7, $8, $9) RETURNING *`,
    [randomUUID(), c.organisationId, c.clientId, c.reason, c.withDecision, c.service === null ? null : JSON.stringify(c.service), c.acceptsMaximumFee, c.reviewDate, c.startedBy],
  );
  return rowToCase(row);
}

export async function findCase(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<ReviewCase | undefined> {
  const [row] = await tx.query(`SELECT * FROM review_case WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToCase(row) : undefined;
}

export async function casesOf(tx: Tx, organisationId: string, filter: { clientId?: string; state?: string }): Promise<ReviewCase[]> {
  const rows = await tx.query(
    `SELECT * FROM review_case WHERE organisation_id = $1 AND ($2::text IS NULL OR client_id = $2) AND ($3::text IS NULL OR state = $3) ORDER BY created_at DESC LIMIT 500`,
    [organisationId, filter.clientId ?? null, filter.state ?? null],
  );
  return rows.map(rowToCase);
}

/** The client's reviews that have not ended: a consent change is signalled to them. */
export async function openCasesOf(tx: Tx, organisationId: string, clientId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM review_case WHERE organisation_id = $1 AND client_id = $2 AND state NOT IN ('decided', 'completed', 'closed-deceased', 'cancelled')`, [organisationId, clientId]);
  return rows.map((r) => r.id);
}

export async function updateCase(tx: Tx, id: string, changes: Partial<Pick<ReviewCase, 'state' | 'waitingFor' | 'legalBasis' | 'proceedWithoutRegisters' | 'population' | 'summary' | 'proposal' | 'deductionsCents'>>): Promise<void> {
  const columns: Record<string, [string, unknown]> = {
    state: ['state', changes.state],
    waitingFor: ['waiting_for', changes.waitingFor],
    legalBasis: ['legal_basis', changes.legalBasis === undefined ? undefined : JSON.stringify(changes.legalBasis)],
    proceedWithoutRegisters: ['proceed_without_registers', changes.proceedWithoutRegisters],
    population: ['population', changes.population === undefined ? undefined : JSON.stringify(changes.population)],
    summary: ['summary', changes.summary === undefined ? undefined : JSON.stringify(changes.summary)],
    proposal: ['proposal', changes.proposal === undefined ? undefined : JSON.stringify(changes.proposal)],
    deductionsCents: ['deductions_cents', changes.deductionsCents],
  };
  const set = Object.entries(columns).filter(([key]) => key in changes);
  if (set.length === 0) return;
  await tx.query(`UPDATE review_case SET ${set.map(([, [column]], i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...set.map(([, [, value]]) => value ?? null)]);
}

export async function savePerson(tx: Tx, caseId: string, role: PersonRole, identityCode: string, name: string): Promise<void> {
  await tx.query(`INSERT INTO case_person (case_id, role, identity_code, name) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, role) DO UPDATE SET identity_code = $3, name = $4`, [caseId, role, identityCode, name]);
}

export async function personOf(tx: Tx, caseId: string, role: PersonRole): Promise<{ identityCode: string; name: string } | undefined> {
  const [row] = await tx.query<{ identity_code: string; name: string }>(`SELECT identity_code, name FROM case_person WHERE case_id = $1 AND role = $2`, [caseId, role]);
  return row ? { identityCode: row.identity_code, name: row.name } : undefined;
}

/** The identity code the client's latest earlier review used: a yearly review needs nobody to type it again. */
export async function knownIdentityOf(tx: Tx, organisationId: string, clientId: string): Promise<{ identityCode: string; name: string } | undefined> {
  const [row] = await tx.query<{ identity_code: string; name: string }>(
    `SELECT p.identity_code, p.name FROM case_person p JOIN review_case c ON c.id = p.case_id WHERE c.organisation_id = $1 AND c.client_id = $2 AND p.role = 'client' ORDER BY c.created_at DESC LIMIT 1`,
    [organisationId, clientId],
  );
  return row ? { identityCode: row.identity_code, name: row.name } : undefined;
}

export async function saveRecords(tx: Tx, caseId: string, person: PersonRole, source: string, records: IncomeRecord[], unknownCodes: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO fetched_records (case_id, person, source, records, unknown_codes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id, person, source) DO UPDATE SET records = $4, unknown_codes = $5, fetched_at = now()`,
    [caseId, person, source, JSON.stringify(records), unknownCodes],
  );
}

export async function recordsOf(tx: Tx, caseId: string, person: PersonRole): Promise<{ records: IncomeRecord[]; unknownCodes: string[] }> {
  const rows = await tx.query<{ records: IncomeRecord[]; unknown_codes: string[] }>(`SELECT records, unknown_codes FROM fetched_records WHERE case_id = $1 AND person = $2`, [caseId, person]);
  return { records: rows.flatMap((r) => r.records), unknownCodes: rows.flatMap((r) => r.unknown_codes) };
}

export async function logFetch(tx: Tx, entry: { organisationId: string; clientId: string; caseId: string; person: PersonRole; source: string; purpose: string; grounds: string; actor: string; outcome: string; detail?: string }): Promise<void> {
  await tx.query(`INSERT INTO fetch_log (organisation_id, client_id, case_id, person, source, purpose, grounds, actor, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
    entry.organisationId, entry.clientId, entry.caseId, entry.person, entry.source, entry.purpose, entry.grounds, entry.actor, entry.outcome, entry.detail ?? null,
  ]);
}

export async function fetchLogOf(tx: Tx, organisationId: string, clientId: string) {
  const rows = await tx.query(`SELECT * FROM fetch_log WHERE organisation_id = $1 AND client_id = $2 ORDER BY at, id`, [organisationId, clientId]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return rows.map((r: any) => ({ caseId: r.case_id, person: r.person, source: r.source, purpose: r.purpose, grounds: r.grounds, actor: r.actor, outcome: r.outcome, detail: r.detail, at: r.at.toISOString() }));
}

export async function insertProblem(tx: Tx, caseId: string, source: string, person: string, problem: string): Promise<void> {
  await tx.query(`INSERT INTO fetch_problem (case_id, source, person, problem) VALUES ($1, $2, $3, $4)`, [caseId, source, person, problem]);
}

export async function problemsOf(tx: Tx, caseId: string) {
  const rows = await tx.query(`SELECT source, person, problem, at FROM fetch_problem WHERE case_id = $1 ORDER BY id`, [caseId]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return rows.map((r: any) => ({ source: r.source, person: r.person, problem: r.problem, at: r.at.toISOString() }));
}

export async function insertSelfReported(tx: Tx, caseId: string, e: { person: PersonRole; description: string; grossCents: number; netCents: number; recordedBy: string }): Promise<string> {
  const id = randomUUID();
  await tx.query(`INSERT INTO self_reported_income (id, case_id, person, description, monthly_gross_cents, monthly_net_cents, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [id, caseId, e.person, e.description, e.grossCents, e.netCents, e.recordedBy]);
  return id;
}

export async function selfReportedOf(tx: Tx, caseId: string, person: PersonRole) {
  return tx.query<{ id: string; description: string; monthly_gross_cents: number; monthly_net_cents: number; recorded_at: Date }>(
    `SELECT id, description, monthly_gross_cents, monthly_net_cents, recorded_at FROM self_reported_income WHERE case_id = $1 AND person = $2 ORDER BY recorded_at`,
    [caseId, person],
  );
}

export async function markWorkflowStarted(tx: Tx, caseIds: readonly string[]): Promise<void> {
  await tx.query(`UPDATE review_case SET workflow_started_at = now() WHERE id = ANY($1::uuid[]) AND workflow_started_at IS NULL`, [caseIds]);
}

/** Reviews whose workflow has not been started yet (opened by the yearly Schedule, or a start that failed). */
export async function casesAwaitingStart(tx: Tx, organisationId: string, limit: number): Promise<Array<Pick<ReviewCase, 'id' | 'organisationId' | 'clientId' | 'reason' | 'withDecision'>>> {
  const rows = await tx.query(`SELECT id, organisation_id, client_id, reason, with_decision FROM review_case WHERE organisation_id = $1 AND workflow_started_at IS NULL ORDER BY created_at, id LIMIT $2`, [organisationId, limit]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return rows.map((r: any) => ({ id: r.id, organisationId: r.organisation_id, clientId: r.client_id, reason: r.reason, withDecision: r.with_decision }));
}

/**
 * Decisions in force that started on or before `upTo` and have no yearly review yet, of clients
 * whose identity code a review has recorded: the yearly review's candidates.
 */
export async function yearlyReviewCandidates(tx: Tx, organisationId: string, today: string, upTo: string): Promise<Array<{ decisionId: string; validFrom: string }>> {
  const rows = await tx.query<{ id: string; valid_from: string }>(
    `SELECT d.id, d.valid_from FROM fee_decision d
      WHERE d.organisation_id = $1 AND d.valid_from <= $3 AND (d.valid_to IS NULL OR d.valid_to >= $2)
        AND NOT EXISTS (SELECT 1 FROM review_case y WHERE y.follows_decision_id = d.id AND y.reason = 'yearly-review')`,
    [organisationId, today, upTo],
  );
  return rows.map((r) => ({ decisionId: r.id, validFrom: r.valid_from }));
}

/** Opens a yearly review for each decision (its service, the client's latest identity code); a decision already followed up is skipped. */
export async function openYearlyReviews(tx: Tx, organisationId: string, decisionIds: readonly string[], reviewDate: string, startedBy: string): Promise<number> {
  const rows = await tx.query(
    `WITH opened AS (
       INSERT INTO review_case (id, organisation_id, client_id, reason, with_decision, service, state, review_date, started_by, follows_decision_id, workflow_started_at)
       SELECT gen_random_uuid(), d.organisation_id, d.client_id, 'yearly-review', true, d.service, 'checking-consent', $3, $4, d.id, NULL
         FROM fee_decision d WHERE d.organisation_id = $1 AND d.id = ANY($2::uuid[])
       ON CONFLICT (follows_decision_id) WHERE reason = 'yearly-review' DO NOTHING
       RETURNING id, client_id)
     INSERT INTO case_person (case_id, role, identity_code, name)
     SELECT o.id, 'client', p.identity_code, p.name FROM opened o
       CROSS JOIN LATERAL (SELECT p.identity_code, p.name FROM case_person p JOIN review_case c ON c.id = p.case_id
                            WHERE c.organisation_id = $1 AND c.client_id = o.client_id AND p.role = 'client' AND c.id <> o.id
                            ORDER BY c.created_at DESC LIMIT 1) p
     RETURNING case_id`,
    [organisationId, decisionIds, reviewDate, startedBy],
  );
  return rows.length;
}
