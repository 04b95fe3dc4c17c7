import { randomUUID } from 'node:crypto';
import type { Tx } from '@clientfees/platform';
import type { AuthoritySource, ConsentRecord, ConsentStatus } from '@clientfees/domain';

export interface ConsentRow extends ConsentRecord {
  id: string;
  note: string | null;
}

interface Row {
  id: string;
  status: ConsentStatus;
  sources: AuthoritySource[];
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const rowToConsent = (r: Row): ConsentRow => ({ id: r.id, status: r.status, sources: r.sources, validFrom: r.valid_from, validTo: r.valid_to, note: r.note, recordedBy: r.recorded_by, recordedAt: r.recorded_at.toISOString() });

export async function insertConsent(tx: Tx, input: { organisationId: string; clientId: string; status: ConsentStatus; sources: AuthoritySource[]; validFrom: string; validTo: string | null; note: string | null; recordedBy: string }): Promise<ConsentRow> {
  const [row] = await tx.query<Row>(
    `INSERT INTO consent (id, organisation_id, client_id, status, sources, valid_from, valid_to, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [randomUUID(), input.organisationId, input.clientId, input.status, input.sources, input.validFrom, input.validTo, input.note, input.recordedBy],
  );
  return rowToConsent(row);
}

/** Every consent recorded for the client, oldest first (the registry is append-only). */
export async function consentsOf(tx: Tx, organisationId: string, clientId: string): Promise<ConsentRow[]> {
  const rows = await tx.query<Row>(`SELECT * FROM consent WHERE organisation_id = $1 AND client_id = $2 ORDER BY recorded_at, id`, [organisationId, clientId]);
  return rows.map(rowToConsent);
}
