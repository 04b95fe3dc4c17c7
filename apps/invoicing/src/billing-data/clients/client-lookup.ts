import { NotFoundException } from '@nestjs/common';
import type { Database, Tx } from '@clientfees/platform';
import { findOrganisation, Organisation } from '../../organisations/organisation.queries';
import { Client, findClient } from './client.queries';

/** A client and its organisation; an unknown client is a 404. `lock`: see `findClient`. */
export async function loadClient(tx: Tx, id: string, lock = false): Promise<{ client: Client; organisation: Organisation }> {
  const client = await findClient(tx, id, { lock });
  if (!client) throw new NotFoundException(`no client ${id}`);
  const organisation = await findOrganisation(tx, client.organisationId);
  if (!organisation) throw new Error(`client ${id} has no organisation ${client.organisationId}`);
  return { client, organisation };
}

/** Reads something of a client's (its incomes, services, …): an unknown client is a 404. */
export function readOfClient<T>(db: Database, clientId: string, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.read(async (tx) => {
    await loadClient(tx, clientId);
    return read(tx);
  });
}
