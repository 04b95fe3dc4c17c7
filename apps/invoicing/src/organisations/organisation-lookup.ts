import { NotFoundException } from '@nestjs/common';
import { DomainValidationError } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';
import { findOrganisation, Organisation } from './organisation.queries';

/** The organisation a request body or query names: an unknown one is a 400 naming the field. */
export async function organisationFromBody(tx: Tx, id: string, field = 'organisationId'): Promise<Organisation> {
  const organisation = await findOrganisation(tx, id);
  if (!organisation) throw new DomainValidationError(`no organisation ${id}`, field);
  return organisation;
}

/** The organisation a URL names: an unknown one is a 404. */
export async function organisationFromPath(tx: Tx, id: string): Promise<Organisation> {
  const organisation = await findOrganisation(tx, id);
  if (!organisation) throw new NotFoundException(`no organisation ${id}`);
  return organisation;
}
