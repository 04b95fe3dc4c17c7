import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainValidationError, Money, parseLocalDate } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import type { DecidedServicesAnswer, DecidedServicesRequest } from '@clientfees/contracts';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { findClient } from '../clients/client.queries';
import { DecidedServiceRecord, decidedServicesOf, endDecidedService, findDecidedService, insertDecidedService } from './decided-service.queries';
import type { CreateDecidedServiceDto } from './decided-services.dto';

/** What each kind needs, and in which country it applies. */
function checkKind(body: CreateDecidedServiceDto, country: string): void {
  if (body.kind.startsWith('fi-') && country !== 'FI') throw new DomainValidationError(`${body.kind} applies to Finnish organisations only`, 'kind');
  if (body.kind.startsWith('se-') && country !== 'SE') throw new DomainValidationError(`${body.kind} applies to Swedish organisations only`, 'kind');
  if (body.kind === 'fi-home-care' && body.hoursPerMonth === undefined) throw new DomainValidationError('is required for fi-home-care', 'hoursPerMonth');
  if (body.kind === 'fi-long-term-care' && body.careType === undefined) throw new DomainValidationError('is required for fi-long-term-care', 'careType');
  if (body.kind === 'fixed-monthly' && body.monthlyFee === undefined) throw new DomainValidationError('is required for fixed-monthly', 'monthlyFee');
}

/** Overlapping periods of one service code are refused by the database; the answer is this 409. */
async function unlessOverlapping<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isExclusionViolation(error)) throw conflict('the service overlaps another period of the same service code', 'validFrom', 'overlaps another period of this service code');
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decided services (palvelupäätös / biståndsbeslut): what the client is billed for each month. */
@Injectable()
export class DecidedServicesService {
  constructor(private readonly db: Database) {}

  /** The client's decided services for income verification's fee decision (`invoicing.client.decided-services`); a client of another organisation is not known. */
  async forIncomeReview(request: DecidedServicesRequest): Promise<DecidedServicesAnswer> {
    return this.db.read(async (tx) => {
      const client = UUID.test(request.clientId) ? await findClient(tx, request.clientId) : null;
      if (!client || client.organisationId !== request.organisationId) return { known: false, reason: `invoicing has no client ${request.clientId} in ${request.organisationId}` };
      return { known: true, services: (await decidedServicesOf(tx, client.id)).map((record) => record.service) };
    });
  }

  async create(clientId: string, body: CreateDecidedServiceDto, actor: string): Promise<DecidedServiceRecord> {
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const validTo = body.validTo === undefined ? null : parseLocalDate(body.validTo, 'validTo');
    if (validTo !== null && validTo < validFrom) throw new DomainValidationError('must not be before validFrom', 'validTo');
    const { organisation } = await this.db.read((tx) => loadClient(tx, clientId));
    checkKind(body, organisation.country);
    const cents = (text: string | undefined, field: string) => (text === undefined ? null : Money.parse(text, organisation.currency, field).minorUnits);
    const id = randomUUID();
    await unlessOverlapping(() =>
      this.db.transaction((tx) =>
        insertDecidedService(tx, {
          id,
          clientId,
          serviceCode: body.serviceCode,
          description: body.description,
          kind: body.kind,
          validFrom,
          validTo,
          serviceCostCents: cents(body.serviceCost, 'serviceCost')!,
          hoursPerMonth: body.hoursPerMonth ?? null,
          careType: body.careType ?? null,
          monthlyFeeCents: cents(body.monthlyFee, 'monthlyFee'),
          absenceDeductible: body.absenceDeductible ?? true,
          includesCareHousingFood: body.includesCareHousingFood ?? false,
          decisionReference: body.decisionReference ?? null,
          createdBy: actor,
        }),
      ),
    );
    return this.get(id);
  }

  /** Ends the client's service on its last day. */
  async end(clientId: string, serviceId: string, lastDay: string): Promise<DecidedServiceRecord> {
    const validTo = parseLocalDate(lastDay, 'validTo');
    const record = await this.get(serviceId);
    if (record.clientId !== clientId) throw new NotFoundException(`client ${clientId} has no service ${serviceId}`);
    if (validTo < record.service.validFrom) throw new DomainValidationError(`must not be before the service’s start (${record.service.validFrom})`, 'validTo');
    await unlessOverlapping(() => this.db.transaction((tx) => endDecidedService(tx, serviceId, validTo)));
    return this.get(serviceId);
  }

  list(clientId: string): Promise<DecidedServiceRecord[]> {
    return readOfClient(this.db, clientId, (tx) => decidedServicesOf(tx, clientId));
  }

  private async get(id: string): Promise<DecidedServiceRecord> {
    const record = await this.db.read((tx) => findDecidedService(tx, id));
    if (!record) throw new NotFoundException(`no decided service ${id}`);
    return record;
  }
}
