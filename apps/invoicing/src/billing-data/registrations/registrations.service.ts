import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainValidationError, parseLocalDate, periodOf } from '@clientfees/domain';
import { conflict, Database, Tx } from '@clientfees/platform';
import { periodCalculatedBy, periodLockedBy } from '../billing-period.queries';
import { loadClient, readOfClient } from '../clients/client-lookup';
import type { Client } from '../clients/client.queries';
import { isPricedOn } from '../price-lists/price-list.queries';
import { changeQuantity, deleteRegistration, findRegistration, insertRegistration, Registration, registrationsOf } from './registration.queries';
import type { CreateRegistrationDto } from './registrations.dto';

function positive(quantity: string): string {
  if (Number(quantity) <= 0) throw new DomainValidationError('must be more than zero', 'quantity');
  return quantity;
}

/** An approved billing run locks the client's period: nothing of it changes any more (409). */
async function assertNotLocked(tx: Tx, client: Client, period: string): Promise<void> {
  const runId = await periodLockedBy(tx, client, period);
  if (runId) throw conflict(`period ${period} is locked for client ${client.clientNumber} (approved in billing run ${runId})`, 'period', 'locked');
}

/** The registration and its client, locked; an unknown registration is a 404. */
async function lockRegistration(tx: Tx, id: string): Promise<{ registration: Registration; client: Client }> {
  const registration = await findRegistration(tx, id);
  if (!registration) throw new NotFoundException(`no registration ${id}`);
  const { client } = await loadClient(tx, registration.clientId, true);
  return { registration, client };
}

/** Performed services registered as time or quantity (registrering), per client (seed 002, p.17-19). */
@Injectable()
export class RegistrationsService {
  constructor(private readonly db: Database) {}

  /** The item must be in the price list on the day performed; its month is the billing period. */
  async create(clientId: string, body: CreateRegistrationDto, actor: string): Promise<Registration> {
    const performedOn = parseLocalDate(body.performedOn, 'performedOn');
    const quantity = positive(body.quantity);
    const period = periodOf(performedOn);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const { client } = await loadClient(tx, clientId, true);
      if (!(await isPricedOn(tx, client.organisationId, body.itemCode, performedOn))) throw new DomainValidationError(`is not in the price list on ${performedOn}`, 'itemCode');
      await assertNotLocked(tx, client, period);
      await insertRegistration(tx, { id, clientId, period, itemCode: body.itemCode, performedOn, quantity, registeredBy: actor });
    });
    return this.get(id);
  }

  list(clientId: string, period?: string): Promise<Registration[]> {
    return readOfClient(this.db, clientId, (tx) => registrationsOf(tx, clientId, period));
  }

  /** The quantity may change also after a billing calculation, until the period is locked. */
  async changeQuantity(id: string, quantity: string): Promise<Registration> {
    const checked = positive(quantity);
    await this.db.transaction(async (tx) => {
      const { registration, client } = await lockRegistration(tx, id);
      await assertNotLocked(tx, client, registration.period);
      await changeQuantity(tx, id, checked);
    });
    return this.get(id);
  }

  /** A registration made by mistake goes, unless a billing run has calculated with it: then only its quantity changes. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { registration, client } = await lockRegistration(tx, id);
      await assertNotLocked(tx, client, registration.period);
      const runId = await periodCalculatedBy(tx, client.id, registration.period);
      if (runId !== null) {
        throw conflict(`calculated by billing run ${runId} for ${registration.period}; change the quantity instead`, 'id', 'already calculated in a billing run');
      }
      await deleteRegistration(tx, id);
    });
  }

  private async get(id: string): Promise<Registration> {
    return (await this.db.read((tx) => findRegistration(tx, id)))!;
  }
}
