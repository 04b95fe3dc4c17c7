import type { Tx } from '@clientfees/platform';

/** A client whose fees are billed (asiakas / kund). */
export interface Client {
  id: string;
  organisationId: string;
  /** The organisation's client number (asiakasnumero); never a personal identity code. */
  clientNumber: string;
  /** Normalised henkilötunnus or 12-digit personnummer: stored for the authorities, never answered in full. */
  identityCode: string;
  name: string;
  dateOfDeath: string | null;
  /** The spouse or cohabitant: the couple is calculated together. */
  spouseClientId: string | null;
  createdAt: Date;
}

interface ClientRow {
  id: string;
  organisation_id: string;
  client_number: string;
  identity_code: string;
  name: string;
  date_of_death: string | null;
  spouse_client_id: string | null;
  created_at: Date;
}

function rowToClient(row: ClientRow): Client {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    clientNumber: row.client_number,
    identityCode: row.identity_code,
    name: row.name,
    dateOfDeath: row.date_of_death,
    spouseClientId: row.spouse_client_id,
    createdAt: row.created_at,
  };
}

/**
 * The client; `lock` takes the row FOR UPDATE, which serialises writes to one client's data —
 * and, because inserting a billing_period_lock or a billing_run_client row takes a KEY SHARE lock
 * on the client row through its foreign key, also serialises them against a billing run locking
 * the client's period.
 */
export async function findClient(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Client | null> {
  const [row] = await tx.query<ClientRow>(`SELECT * FROM client WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToClient(row) : null;
}

/** Both clients of a couple, locked in id order so that two opposite links cannot deadlock. */
export async function lockClients(tx: Tx, ids: readonly string[]): Promise<Client[]> {
  return (await tx.query<ClientRow>('SELECT * FROM client WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[...ids]])).map(rowToClient);
}

/** An organisation's clients by client number, or the one with `clientNumber`. */
export async function listClients(tx: Tx, organisationId: string, clientNumber?: string): Promise<Client[]> {
  const rows = await tx.query<ClientRow>(
    'SELECT * FROM client WHERE organisation_id = $1 AND ($2::text IS NULL OR client_number = $2) ORDER BY client_number LIMIT 10000',
    [organisationId, clientNumber ?? null],
  );
  return rows.map(rowToClient);
}

/** A unique client number and identity code per organisation: a second one is a unique violation. */
export async function insertClient(tx: Tx, client: { id: string; organisationId: string; clientNumber: string; identityCode: string; name: string; dateOfDeath: string | null }): Promise<void> {
  await tx.query('INSERT INTO client (id, organisation_id, client_number, identity_code, name, date_of_death) VALUES ($1, $2, $3, $4, $5, $6)', [
    client.id,
    client.organisationId,
    client.clientNumber,
    client.identityCode,
    client.name,
    client.dateOfDeath,
  ]);
}

/** The unique key of client numbers: a clash on it is "client number in use", any other on identity codes. */
export const CLIENT_NUMBER_KEY = 'client_organisation_id_client_number_key';

/** Changes the name and the date of death where given (undefined leaves it, null clears the date). */
export async function updateClient(tx: Tx, id: string, change: { name?: string; dateOfDeath?: string | null }): Promise<void> {
  if (change.name !== undefined) await tx.query('UPDATE client SET name = $2 WHERE id = $1', [id, change.name]);
  if (change.dateOfDeath !== undefined) await tx.query('UPDATE client SET date_of_death = $2 WHERE id = $1', [id, change.dateOfDeath]);
}

export async function linkSpouses(tx: Tx, a: string, b: string): Promise<void> {
  await tx.query('UPDATE client SET spouse_client_id = $2 WHERE id = $1', [a, b]);
  await tx.query('UPDATE client SET spouse_client_id = $2 WHERE id = $1', [b, a]);
}

/** Unlinks both ways; the other side only if it still points back. */
export async function unlinkSpouse(tx: Tx, id: string, spouseId: string): Promise<void> {
  await tx.query('UPDATE client SET spouse_client_id = NULL WHERE id = $1', [id]);
  await tx.query('UPDATE client SET spouse_client_id = NULL WHERE id = $1 AND spouse_client_id = $2', [spouseId, id]);
}

/** The spouses of those of `ids` who have one, by client id. */
export async function spousesOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; spouse_client_id: string }>('SELECT id, spouse_client_id FROM client WHERE id = ANY($1) AND spouse_client_id IS NOT NULL', [[...ids]]);
  return new Map(rows.map((row) => [row.id, row.spouse_client_id]));
}
