import type { Tx } from '../database/database';

export type AuditOutcome = 'done' | 'refused' | 'failed';

export interface AuditEntry {
  requestId: string;
  actor: string;
  roles: readonly string[];
  organisationId: string | null;
  action: string;
  route: string;
  resourceKind: string | null;
  resourceId: string | null;
  personalData: string | null;
  records: number | null;
  status: number;
  outcome: AuditOutcome;
  grounds: string | null;
  refusal: string | null;
}

export interface AuditChange {
  table: string;
  rowId: string;
  operation: 'UPDATE' | 'DELETE';
  before: Record<string, unknown>;
  after: Record<string, unknown> | null;
  changedAt: string;
}

export interface AuditEntryView extends AuditEntry {
  id: number;
  at: string;
  /** What the request overwrote or removed: previous and new values, from change_history. */
  changes: AuditChange[];
}

export async function insertAuditEntry(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (request_id, actor, roles, organisation_id, action, route, resource_kind, resource_id, personal_data, records, status, outcome, grounds, refusal)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.requestId,
      entry.actor,
      entry.roles,
      entry.organisationId,
      entry.action,
      entry.route,
      entry.resourceKind,
      entry.resourceId,
      entry.personalData,
      entry.records,
      entry.status,
      entry.outcome,
      entry.grounds,
      entry.refusal,
    ],
  );
}

export interface AuditFilter {
  organisationId: string;
  resourceId?: string;
  actor?: string;
  /** Entries from this instant on (ISO 8601), newest first. */
  since?: string;
  limit: number;
}

interface AuditRow {
  id: string;
  at: Date;
  request_id: string;
  actor: string;
  roles: string[];
  organisation_id: string | null;
  action: string;
  route: string;
  resource_kind: string | null;
  resource_id: string | null;
  personal_data: string | null;
  records: number | null;
  status: number;
  outcome: AuditOutcome;
  grounds: string | null;
  refusal: string | null;
  changes: AuditChange[] | null;
}

/** An organisation's audit entries, newest first, each with the overwrites its request made. */
export async function listAuditEntries(tx: Tx, filter: AuditFilter): Promise<AuditEntryView[]> {
  const rows = await tx.query<AuditRow>(
    `SELECT a.*,
            (SELECT json_agg(json_build_object('table', h.table_name, 'rowId', h.row_id, 'operation', h.operation, 'before', h.before,
                                               'after', h.after, 'changedAt', h.changed_at) ORDER BY h.id)
               FROM change_history h WHERE h.request_id = a.request_id) AS changes
       FROM audit_log a
      WHERE a.organisation_id = $1
        AND ($2::text IS NULL OR a.resource_id = $2)
        AND ($3::text IS NULL OR a.actor = $3)
        AND ($4::timestamptz IS NULL OR a.at >= $4)
      ORDER BY a.id DESC
      LIMIT $5`,
    [filter.organisationId, filter.resourceId ?? null, filter.actor ?? null, filter.since ?? null, filter.limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    requestId: row.request_id,
    actor: row.actor,
    roles: row.roles,
    organisationId: row.organisation_id,
    action: row.action,
    route: row.route,
    resourceKind: row.resource_kind,
    resourceId: row.resource_id,
    personalData: row.personal_data,
    records: row.records,
    status: row.status,
    outcome: row.outcome,
    grounds: row.grounds,
    refusal: row.refusal,
    changes: row.changes ?? [],
  }));
}
