import type { ApplicationState } from '@clientfees/domain';
import type { ResourceOwner, Tx } from '@clientfees/platform';

export interface ApplicationRecord {
  id: string;
  organisationId: string;
  providerId: string;
  serviceCode: string;
  unitIds: string[];
  state: ApplicationState;
  approvedFrom: string | null;
  submittedAt: string | null;
}

export interface ApplicationDecisionRecord {
  id: string;
  decision: string;
  grounds: string;
  approvedFrom: string | null;
  decidedBy: string;
  decidedAt: string;
}

interface ApplicationRow {
  id: string;
  organisation_id: string;
  provider_id: string;
  service_code: string;
  unit_ids: string[];
  state: ApplicationState;
  approved_from: string | null;
  submitted_at: Date | null;
}

const rowToApplication = (row: ApplicationRow): ApplicationRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  providerId: row.provider_id,
  serviceCode: row.service_code,
  unitIds: row.unit_ids,
  state: row.state,
  approvedFrom: row.approved_from,
  submittedAt: row.submitted_at?.toISOString() ?? null,
});

export async function insertApplication(tx: Tx, application: Pick<ApplicationRecord, 'id' | 'organisationId' | 'providerId' | 'serviceCode' | 'unitIds'>, actor: string): Promise<void> {
  await tx.query(
    `INSERT INTO application (id, organisation_id, provider_id, service_code, unit_ids, state, created_by) VALUES ($1, $2, $3, $4, $5, 'draft', $6)`,
    [application.id, application.organisationId, application.providerId, application.serviceCode, application.unitIds, actor],
  );
}

/** The application, locked for the caller's transaction when `forUpdate`. */
export async function findApplication(tx: Tx, id: string, forUpdate = false): Promise<ApplicationRecord | undefined> {
  const [row] = await tx.query<ApplicationRow>(`SELECT * FROM application WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToApplication(row) : undefined;
}

export async function listApplications(tx: Tx, organisationId: string, filter: { state?: string; providerId?: string }): Promise<ApplicationRecord[]> {
  const rows = await tx.query<ApplicationRow>(
    `SELECT * FROM application WHERE organisation_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR provider_id = $3) ORDER BY created_at, id`,
    [organisationId, filter.state ?? null, filter.providerId ?? null],
  );
  return rows.map(rowToApplication);
}

export async function markSubmitted(tx: Tx, id: string): Promise<void> {
  await tx.query(`UPDATE application SET state = 'submitted', submitted_at = now() WHERE id = $1`, [id]);
}

export async function markReminded(tx: Tx, id: string): Promise<void> {
  await tx.query('UPDATE application SET reminded_at = now() WHERE id = $1', [id]);
}

/**
 * Stores a decision once (the workflow's decision id makes a retried activity a no-op) and
 * moves the application on; an approval makes the provider approved for the service from its date.
 * Returns false when the decision had been stored already.
 */
export async function recordDecision(
  tx: Tx,
  decision: { id: string; applicationId: string; decision: 'approve' | 'request-changes' | 'reject'; grounds: string; approvedFrom: string | null; actor: string },
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO application_decision (id, application_id, decision, grounds, approved_from, decided_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [decision.id, decision.applicationId, decision.decision, decision.grounds, decision.approvedFrom, decision.actor],
  );
  if (inserted.length === 0) return false;
  const state = decision.decision === 'approve' ? 'approved' : decision.decision === 'reject' ? 'rejected' : 'changes-requested';
  await tx.query('UPDATE application SET state = $2, approved_from = $3 WHERE id = $1', [decision.applicationId, state, decision.approvedFrom]);
  if (decision.decision === 'approve') {
    await tx.query(
      `INSERT INTO approved_service (provider_id, service_code, approved_from, application_id)
       SELECT provider_id, service_code, $2, id FROM application WHERE id = $1
       ON CONFLICT (provider_id, service_code) DO UPDATE SET approved_from = excluded.approved_from, application_id = excluded.application_id`,
      [decision.applicationId, decision.approvedFrom],
    );
  }
  return true;
}

export async function listDecisions(tx: Tx, applicationId: string): Promise<ApplicationDecisionRecord[]> {
  const rows = await tx.query<{ id: string; decision: string; grounds: string; approved_from: string | null; decided_by: string; decided_at: Date }>(
    'SELECT * FROM application_decision WHERE application_id = $1 ORDER BY decided_at, id',
    [applicationId],
  );
  return rows.map((row) => ({ id: row.id, decision: row.decision, grounds: row.grounds, approvedFrom: row.approved_from, decidedBy: row.decided_by, decidedAt: row.decided_at.toISOString() }));
}

export async function applicationOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string }>('SELECT organisation_id, provider_id FROM application WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}
