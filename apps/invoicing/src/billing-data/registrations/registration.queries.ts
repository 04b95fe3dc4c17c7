import type { Tx } from '@clientfees/platform';

/** A performed service registered as time or quantity (registrering) for a client. */
export interface Registration {
  id: string;
  clientId: string;
  /** The billing period: the month of `performedOn`. */
  period: string;
  itemCode: string;
  performedOn: string;
  /** Hours or pieces, a decimal string with two decimals. */
  quantity: string;
  registeredBy: string;
  createdAt: Date;
  updatedAt: Date;
}

interface RegistrationRow {
  id: string;
  client_id: string;
  period: string;
  item_code: string;
  performed_on: string;
  quantity: string;
  registered_by: string;
  created_at: Date;
  updated_at: Date;
}

function rowToRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    clientId: row.client_id,
    period: row.period,
    itemCode: row.item_code,
    performedOn: row.performed_on,
    quantity: row.quantity,
    registeredBy: row.registered_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertRegistration(
  tx: Tx,
  registration: { id: string; clientId: string; period: string; itemCode: string; performedOn: string; quantity: string; registeredBy: string },
): Promise<void> {
  const r = registration;
  await tx.query('INSERT INTO registration (id, client_id, period, item_code, performed_on, quantity, registered_by) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    r.id,
    r.clientId,
    r.period,
    r.itemCode,
    r.performedOn,
    r.quantity,
    r.registeredBy,
  ]);
}

export async function findRegistration(tx: Tx, id: string): Promise<Registration | null> {
  const [row] = await tx.query<RegistrationRow>('SELECT * FROM registration WHERE id = $1', [id]);
  return row ? rowToRegistration(row) : null;
}

/** The client's registrations (of one period, if asked), by day. */
export async function registrationsOf(tx: Tx, clientId: string, period?: string): Promise<Registration[]> {
  const rows = await tx.query<RegistrationRow>(
    'SELECT * FROM registration WHERE client_id = $1 AND ($2::text IS NULL OR period = $2) ORDER BY performed_on, created_at',
    [clientId, period ?? null],
  );
  return rows.map(rowToRegistration);
}

export async function changeQuantity(tx: Tx, id: string, quantity: string): Promise<void> {
  await tx.query('UPDATE registration SET quantity = $2, updated_at = now() WHERE id = $1', [id, quantity]);
}

export async function deleteRegistration(tx: Tx, id: string): Promise<void> {
  await tx.query('DELETE FROM registration WHERE id = $1', [id]);
}
