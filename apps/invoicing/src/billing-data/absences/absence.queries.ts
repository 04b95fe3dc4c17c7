import type { AbsenceKind, RecordedAbsence } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** An absence (poissaolo / frånvaro) that reduces care fees. */
export interface Absence extends RecordedAbsence {
  clientId: string;
  notifiedOn: string | null;
  reason: string | null;
  registeredBy: string;
  createdAt: Date;
}

/** An open-ended absence on the organisation's control list. */
export interface OpenAbsence extends Absence {
  clientNumber: string;
  name: string;
}

interface AbsenceRow {
  id: string;
  client_id: string;
  kind: AbsenceKind;
  notified_on: string | null;
  first_day: string;
  last_day: string | null;
  reason: string | null;
  watch_on: string | null;
  registered_by: string;
  created_at: Date;
}

function rowToAbsence(row: AbsenceRow): Absence {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    notifiedOn: row.notified_on,
    firstDay: row.first_day,
    lastDay: row.last_day,
    reason: row.reason,
    watchOn: row.watch_on,
    registeredBy: row.registered_by,
    createdAt: row.created_at,
  };
}

export async function insertAbsence(
  tx: Tx,
  absence: { id: string; clientId: string; kind: AbsenceKind; notifiedOn: string | null; firstDay: string; lastDay: string | null; reason: string | null; watchOn: string | null; registeredBy: string },
): Promise<void> {
  const a = absence;
  await tx.query('INSERT INTO absence (id, client_id, kind, notified_on, first_day, last_day, reason, registered_by, watch_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    a.id,
    a.clientId,
    a.kind,
    a.notifiedOn,
    a.firstDay,
    a.lastDay,
    a.reason,
    a.registeredBy,
    a.watchOn,
  ]);
}

export async function findAbsence(tx: Tx, id: string): Promise<Absence | null> {
  const [row] = await tx.query<AbsenceRow>('SELECT * FROM absence WHERE id = $1', [id]);
  return row ? rowToAbsence(row) : null;
}

/** The client's absences, by first day. */
export async function absencesOf(tx: Tx, clientId: string): Promise<Absence[]> {
  return (await tx.query<AbsenceRow>('SELECT * FROM absence WHERE client_id = $1 ORDER BY first_day', [clientId])).map(rowToAbsence);
}

/** Closing ends the watch too: the client is back. */
export async function closeAbsence(tx: Tx, id: string, lastDay: string): Promise<void> {
  await tx.query('UPDATE absence SET last_day = $2, watch_on = NULL WHERE id = $1', [id, lastDay]);
}

export async function moveAbsenceWatch(tx: Tx, id: string, watchOn: string): Promise<void> {
  await tx.query('UPDATE absence SET watch_on = $2 WHERE id = $1 AND last_day IS NULL', [id, watchOn]);
}

/** The organisation's open-ended absences, longest open first. */
export async function openAbsences(tx: Tx, organisationId: string): Promise<OpenAbsence[]> {
  const rows = await tx.query<AbsenceRow & { client_number: string; name: string }>(
    `SELECT a.*, c.client_number, c.name FROM absence a JOIN client c ON c.id = a.client_id
      WHERE c.organisation_id = $1 AND a.last_day IS NULL ORDER BY a.first_day, c.client_number`,
    [organisationId],
  );
  return rows.map((row) => ({ ...rowToAbsence(row), clientNumber: row.client_number, name: row.name }));
}
