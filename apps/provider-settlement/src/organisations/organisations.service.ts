import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { KOUVOLA_2016_INTERRUPTION_RULE, localDateInZone, parseBic, parseFinnishBusinessId, parseIban, validateInterruptionRule } from '@clientfees/domain';
import { Database, Tx } from '@clientfees/platform';
import { badRequest, notFound, orConflict } from '../common/http';
import { InterruptionRuleDto, SettlementOrganisationDto, VoucherServiceDto } from './organisation.dto';
import {
  findOrganisation,
  insertInterruptionRule,
  listInterruptionRules,
  listNotifications,
  listVoucherServices,
  SettlementOrganisation,
  upsertOrganisation,
  upsertVoucherService,
} from './organisation.queries';
import { VoucherSchedules } from './voucher-schedules';

/** The organisation's settings (or 404): every feature starts from them. */
export async function requireOrganisation(tx: Tx, id: string): Promise<SettlementOrganisation> {
  return (await findOrganisation(tx, id)) ?? notFound(`settlement settings for organisation ${id}`);
}

/** Today in the organisation's time zone. */
export function todayOf(organisation: Pick<SettlementOrganisation, 'timeZone'>, nowMs: number): string {
  return localDateInZone(nowMs, organisation.timeZone);
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: Database,
    private readonly schedules: VoucherSchedules,
  ) {}

  async save(id: string, dto: SettlementOrganisationDto, actor: string): Promise<SettlementOrganisation> {
    try {
      localDateInZone(Date.now(), dto.timeZone);
    } catch {
      badRequest('timeZone', 'must be an IANA time zone such as Europe/Helsinki');
    }
    const organisation: SettlementOrganisation = {
      id,
      name: dto.name,
      country: dto.country,
      currency: dto.currency,
      timeZone: dto.timeZone,
      payerName: dto.payerName,
      payerIban: parseIban(dto.payerIban, {}, 'payerIban').value,
      payerBic: parseBic(dto.payerBic, 'payerBic').value,
      payerBusinessId: dto.payerBusinessId ? parseFinnishBusinessId(dto.payerBusinessId, 'payerBusinessId').value : null,
      paymentTermDays: dto.paymentTermDays ?? 14,
    };
    await this.db.transaction((tx) => upsertOrganisation(tx, organisation, actor));
    await this.schedules.upsert(id, organisation.timeZone);
    return organisation;
  }

  get(id: string): Promise<SettlementOrganisation> {
    return this.db.read((tx) => requireOrganisation(tx, id));
  }

  async saveService(organisationId: string, code: string, dto: VoucherServiceDto) {
    return this.db.transaction(async (tx) => {
      await requireOrganisation(tx, organisationId);
      await upsertVoucherService(tx, organisationId, { code, ...dto });
      return (await listVoucherServices(tx, organisationId)).find((service) => service.code === code)!;
    });
  }

  listServices(organisationId: string) {
    return this.db.read((tx) => listVoucherServices(tx, organisationId));
  }

  async addInterruptionRule(dto: InterruptionRuleDto, actor: string) {
    const rule = validateInterruptionRule({
      validFrom: dto.validFrom,
      serviceCode: dto.serviceCode ?? null,
      reason: dto.reason ?? null,
      bands: dto.bands.map((band) => ({ fromDay: band.fromDay, toDay: band.toDay ?? null, percent: band.percent })),
      returnDayPercent: dto.returnDayPercent,
    });
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await requireOrganisation(tx, dto.organisationId);
      await orConflict(() => insertInterruptionRule(tx, id, dto.organisationId, rule, actor), 'validFrom', 'a rule for this service and reason already starts on that day');
    });
    return { id, organisationId: dto.organisationId, ...rule };
  }

  /** The organisation's rules, and the default that applies where none of them does. */
  async interruptionRules(organisationId: string) {
    const rules = await this.db.read((tx) => listInterruptionRules(tx, organisationId));
    return { rules, default: KOUVOLA_2016_INTERRUPTION_RULE };
  }

  notifications(organisationId: string, providerId: string | null) {
    return this.db.read((tx) => listNotifications(tx, organisationId, providerId, 200));
  }
}
