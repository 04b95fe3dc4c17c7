import { NotFoundException } from '@nestjs/common';
import type { Tx } from '@clientfees/platform';
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
