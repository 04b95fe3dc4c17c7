import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseLocalDate, voucherEndAfterDeath } from '@clientfees/domain';
import { Database, Tx } from '@clientfees/platform';
import { centsOf } from '../common/cents';
import { badRequest, conflict, notFound, orConflict } from '../common/http';
import { findVoucherService } from '../organisations/organisation.queries';
import { requireOrganisation } from '../organisations/organisations.service';
import { countApprovedLists } from '../price-lists/price-list.queries';
import { approvedServices, findProvider, listUnits } from '../providers/provider.queries';
import { ClientDeathDto, GrantVoucherDto, ReservationDto } from './voucher.dto';
import {
  clientVouchers,
  closeVoucher,
  findVoucher,
  findVoucherByNumber,
  insertReservation,
  insertVoucher,
  listVouchers,
  recordClientDeath,
  upsertClient,
  voucherOwner,
  VoucherRecord,
} from './voucher.queries';

/** Vouchers (palveluseteli), their contents and reservations (palveluvaraus, seed 003 §4.1). */
@Injectable()
export class VouchersService {
  constructor(private readonly db: Database) {}

  ownerOf(id: string) {
    return this.db.read((tx) => voucherOwner(tx, id));
  }

  async grant(dto: GrantVoucherDto, actor: string): Promise<VoucherRecord> {
    const validFrom = parseLocalDate(dto.validFrom, 'validFrom');
    const validTo = dto.validTo === undefined ? null : parseLocalDate(dto.validTo, 'validTo');
    if (validTo !== null && validTo < validFrom) badRequest('validTo', `must not be before validFrom (${validFrom})`);
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      await requireOrganisation(tx, dto.organisationId);
      const service = (await findVoucherService(tx, dto.organisationId, dto.serviceCode)) ?? notFound(`service ${dto.serviceCode}`);
      const contents = dto.contents.map((content, index) => {
        const defined = service.contents.find((candidate) => candidate.code === content.contentCode);
        if (!defined) badRequest(`contents.${index}.contentCode`, `${dto.serviceCode} has no content ${content.contentCode}`);
        if ((content.grantedQuantity === undefined) !== (content.grantedPer === undefined)) badRequest(`contents.${index}.grantedPer`, 'a granted amount names its period, and a period its amount');
        return {
          id: randomUUID(),
          contentCode: content.contentCode,
          unit: defined.unit,
          unitValueCents: centsOf(content.unitValue, `contents.${index}.unitValue`),
          grantedQuantity: content.grantedQuantity ?? null,
          grantedPer: content.grantedPer ?? null,
        };
      });
      if (new Set(contents.map((content) => content.contentCode)).size !== contents.length) badRequest('contents', 'a content is granted once on a voucher');
      await upsertClient(tx, { organisationId: dto.organisationId, ...dto.client });
      await orConflict(
        () => insertVoucher(tx, { id, organisationId: dto.organisationId, number: dto.number, clientId: dto.client.clientId, serviceCode: dto.serviceCode, validFrom, validTo }, contents, actor),
        'number',
        `voucher number ${dto.number} is taken`,
      );
      return (await findVoucher(tx, id))!;
    });
  }

  async get(id: string): Promise<VoucherRecord> {
    return (await this.db.read((tx) => findVoucher(tx, id))) ?? notFound(`voucher ${id}`);
  }

  list(organisationId: string, filter: { providerId?: string; clientId?: string; limit?: number; offset?: number }) {
    return this.db.read((tx) => listVouchers(tx, organisationId, { ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 }));
  }

  /**
   * A reservation binds one content to one of the provider's units (§4.1.1). The provider must be
   * approved for the service and have a price list; a closed voucher takes none, and a voucher's
   * contents go to one provider only.
   */
  async reserve(providerId: string, dto: ReservationDto, actor: string): Promise<VoucherRecord> {
    return this.db.transaction(async (tx) => {
      const provider = (await findProvider(tx, providerId)) ?? notFound(`provider ${providerId}`);
      const voucher = (await findVoucherByNumber(tx, provider.organisationId, dto.voucherNumber)) ?? notFound(`voucher ${dto.voucherNumber}`);
      if (voucher.state === 'closed') conflict('voucherNumber', 'the voucher is closed: contact the municipality that granted it');
      const content = voucher.contents.find((candidate) => candidate.contentCode === dto.contentCode) ?? notFound(`content ${dto.contentCode} on the voucher`);
      if (!(await listUnits(tx, providerId)).some((unit) => unit.id === dto.unitId)) notFound(`unit ${dto.unitId} of the provider`);
      const approved = (await approvedServices(tx, providerId)).find((service) => service.serviceCode === voucher.serviceCode);
      if (!approved) conflict('voucherNumber', `the provider is not approved for ${voucher.serviceCode}`);
      if ((await countApprovedLists(tx, providerId, voucher.serviceCode)) === 0) conflict('voucherNumber', `the provider has no approved price list for ${voucher.serviceCode}`);
      if (content.reservation) conflict('contentCode', 'the content is reserved already');
      await orConflict(
        () => insertReservation(tx, { id: randomUUID(), voucherId: voucher.id, contentId: content.id, providerId, unitId: dto.unitId, note: dto.note ?? null }, actor),
        'voucherNumber',
        'another provider holds a reservation on this voucher',
      );
      return (await findVoucher(tx, voucher.id))!;
    });
  }

  /** A death reported by a person (until the population register's feed reports it): closes the vouchers. */
  async recordDeath(dto: ClientDeathDto, actor: string) {
    return this.db.transaction(async (tx) => {
      await requireOrganisation(tx, dto.organisationId);
      return this.closeAfterDeath(tx, { organisationId: dto.organisationId, clientId: dto.clientId, dateOfDeath: parseLocalDate(dto.dateOfDeath, 'dateOfDeath') }, actor);
    });
  }

  /** The `closeVouchersAfterDeath` activity (contract in libs/contracts/src/deaths.ts): idempotent. */
  closeVouchersAfterDeath(input: { organisationId: string; clientId: string; dateOfDeath: string }): Promise<{ closedVoucherIds: string[] }> {
    return this.db.transaction((tx) => this.closeAfterDeath(tx, input, 'system:decedentEstate'));
  }

  private async closeAfterDeath(tx: Tx, input: { organisationId: string; clientId: string; dateOfDeath: string }, actor: string): Promise<{ closedVoucherIds: string[] }> {
    // A client without vouchers here has nothing to close; the death is still remembered if the client is known.
    await recordClientDeath(tx, input.organisationId, input.clientId, input.dateOfDeath, actor);
    const closed: string[] = [];
    for (const voucher of await clientVouchers(tx, input.organisationId, input.clientId)) {
      const end = voucherEndAfterDeath(voucher.validTo, input.dateOfDeath);
      if (voucher.state === 'closed' && voucher.validTo === end) continue;
      await closeVoucher(tx, voucher.id, end, `the client died on ${input.dateOfDeath}`);
      closed.push(voucher.id);
    }
    return { closedVoucherIds: closed };
  }

}
