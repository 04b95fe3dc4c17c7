import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  DomainValidationError,
  parseFinnishPersonalIdentityCode,
  parseLocalDate,
  parseSwedishPersonalIdentityNumber,
  validateFinnishPersonalIdentityCode,
  validateSwedishPersonalIdentityNumber,
} from '@clientfees/domain';
import { ClientIdentity, ClientIdentityRequest, InvoicingMessages } from '@clientfees/contracts';
import { conflict, Database, insertAuditEntry, isUniqueViolation } from '@clientfees/platform';
import type { Organisation } from '../../organisations/organisation.queries';
import { organisationFromBody } from '../../organisations/organisation-lookup';
import { todayIn } from '../billing-period';
import { loadClient } from './client-lookup';
import { Client, CLIENT_NUMBER_KEY, findClient, insertClient, linkSpouses, listClients, lockClients, unlinkSpouse, updateClient } from './client.queries';
import type { CreateClientDto, UpdateClientDto } from './clients.dto';

/** The identity code in its stored form, validated by the organisation's country. */
function normaliseIdentityCode(organisation: Organisation, code: string): string {
  if (organisation.country === 'FI') return parseFinnishPersonalIdentityCode(code, 'identityCode').value;
  // The 10-digit form's century is fixed by today's date, so the 12-digit form is stored.
  return parseSwedishPersonalIdentityNumber(code, { referenceDate: todayIn(organisation.timeZone) }, 'identityCode').value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalDate = (text: string | null | undefined, field: string) => (text === undefined || text === null ? null : parseLocalDate(text, field));

/** Clients whose fees are billed (asiakas / kund), their identity codes and spouses. */
@Injectable()
export class ClientsService {
  constructor(private readonly db: Database) {}

  /** A client number or identity code already in use in the organisation is a conflict (409). */
  async create(body: CreateClientDto): Promise<Client> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, body.organisationId));
    if (validateFinnishPersonalIdentityCode(body.clientNumber).valid || validateSwedishPersonalIdentityNumber(body.clientNumber).valid) {
      throw new DomainValidationError('a personal identity code may not be used as a client number', 'clientNumber');
    }
    const identityCode = normaliseIdentityCode(organisation, body.identityCode);
    const dateOfDeath = optionalDate(body.dateOfDeath, 'dateOfDeath');
    const id = randomUUID();
    try {
      await this.db.transaction((tx) => insertClient(tx, { id, organisationId: organisation.id, clientNumber: body.clientNumber, identityCode, name: body.name, dateOfDeath }));
    } catch (error) {
      // The driver's detail repeats the key (the identity code): it goes nowhere.
      if (isUniqueViolation(error, CLIENT_NUMBER_KEY)) throw conflict(`client number ${body.clientNumber} is already in use in ${organisation.id}`, 'clientNumber', 'already in use');
      if (isUniqueViolation(error)) throw conflict(`a client with this identity code already exists in ${organisation.id}`, 'identityCode', 'already in use');
      throw error;
    }
    return this.get(id);
  }

  list(organisationId: string, clientNumber: string | undefined, debitingAreas: readonly string[] | null): Promise<Client[]> {
    return this.db.read((tx) => listClients(tx, organisationId, clientNumber, debitingAreas));
  }

  async get(id: string): Promise<Client> {
    return (await this.db.read((tx) => loadClient(tx, id))).client;
  }

  /**
   * The client's identity code in full, for income verification's income review (the message
   * `invoicing.client.identity`, from income verification only). Never logged. A client of another
   * organisation is not known.
   */
  async identityOf(request: ClientIdentityRequest): Promise<ClientIdentity> {
    return this.db.transaction(async (tx) => {
      const client = UUID.test(request.clientId) ? await findClient(tx, request.clientId) : null;
      if (!client || client.organisationId !== request.organisationId) return { known: false, reason: `invoicing has no client ${request.clientId} in ${request.organisationId}` };
      // The client's right to know who has seen their identity code (ADR 0012): stored before the code leaves.
      await insertAuditEntry(tx, {
        requestId: randomUUID(),
        actor: 'income-verification',
        roles: ['service'],
        organisationId: client.organisationId,
        action: 'client.identity',
        route: `TCP ${InvoicingMessages.clientIdentity}`,
        resourceKind: 'client',
        resourceId: client.id,
        personalData: 'identity-code',
        records: 1,
        status: 200,
        outcome: 'done',
        grounds: request.purpose,
        refusal: null,
      });
      return { known: true, identityCode: client.identityCode, name: client.name };
    });
  }

  async update(id: string, body: UpdateClientDto): Promise<Client> {
    const dateOfDeath = body.dateOfDeath === undefined ? undefined : optionalDate(body.dateOfDeath, 'dateOfDeath');
    await this.db.transaction(async (tx) => {
      await loadClient(tx, id, true);
      await updateClient(tx, id, { name: body.name, dateOfDeath });
    });
    return this.get(id);
  }

  /** Same organisation only; a client already linked to someone else is a conflict: unlink first. */
  async linkSpouse(id: string, spouseClientId: string): Promise<Client> {
    if (spouseClientId === id) throw new DomainValidationError('a client cannot be their own spouse', 'spouseClientId');
    await this.db.transaction(async (tx) => {
      const rows = await lockClients(tx, [id, spouseClientId]);
      const client = rows.find((row) => row.id === id);
      if (!client) throw new NotFoundException(`no client ${id}`);
      const spouse = rows.find((row) => row.id === spouseClientId);
      if (!spouse) throw new DomainValidationError('no such client', 'spouseClientId');
      if (spouse.organisationId !== client.organisationId) throw new DomainValidationError('must be a client of the same organisation', 'spouseClientId');
      for (const [row, other] of [[client, spouse], [spouse, client]]) {
        if (row.spouseClientId !== null && row.spouseClientId !== other.id) {
          throw conflict(`client ${row.clientNumber} is already linked to another spouse; unlink first`, 'spouseClientId', 'already linked to another client');
        }
      }
      await linkSpouses(tx, id, spouse.id);
    });
    return this.get(id);
  }

  async unlinkSpouse(id: string): Promise<Client> {
    await this.db.transaction(async (tx) => {
      const { client } = await loadClient(tx, id, true);
      if (client.spouseClientId !== null) await unlinkSpouse(tx, id, client.spouseClientId);
    });
    return this.get(id);
  }
}
