import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { addDays, DomainValidationError, parseLocalDate, PostalAddress } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import type { PostalAddressDto } from '../../invoices/invoices.dto';
import type { Organisation } from '../../organisations/organisation.queries';
import { nextBillingPeriodStart, todayIn } from '../billing-period';
import { loadClient, readOfClient } from '../clients/client-lookup';
import {
  BillingSettingVersion,
  correctSettingVersion,
  endSettingVersion,
  findSettingVersion,
  insertSettingVersion,
  latestSettingVersion,
  settingHistory,
} from './billing-setting.queries';
import type { BillingSettingCorrectionDto, CreateBillingSettingsDto } from './billing-settings.dto';

/** An address as stored: the organisation's country unless another is given. */
function addressOf(dto: PostalAddressDto | undefined, organisation: Organisation): PostalAddress | null {
  return dto ? { streetAddress: dto.streetAddress, postalCode: dto.postalCode, city: dto.city, country: dto.country ?? organisation.country } : null;
}

/**
 * Billing settings (laskutustiedot / debiteringsuppgifter): dated versions, never deleted. A new
 * address or recipient takes effect from the billing period after the current one (seed 002,
 * p.7: a new invoice recipient is always entered the month before the current billing period).
 */
@Injectable()
export class BillingSettingsService {
  constructor(private readonly db: Database) {}

  /**
   * The first version starts on `validFrom` (any day, default today). A later version takes effect
   * from the next billing period: by default the first day of next month in the organisation's
   * time zone, never earlier; the open version ends the day before it.
   */
  async create(clientId: string, body: CreateBillingSettingsDto, actor: string): Promise<BillingSettingVersion> {
    const requested = body.validFrom === undefined ? null : parseLocalDate(body.validFrom, 'validFrom');
    if (body.recipient.kind !== 'client') {
      if (!body.recipient.name) throw new DomainValidationError(`is required when the recipient is a ${body.recipient.kind}`, 'recipient.name');
      if (!body.recipient.address) throw new DomainValidationError(`is required when the recipient is a ${body.recipient.kind}`, 'recipient.address');
    }
    const id = randomUUID();
    try {
      await this.db.transaction(async (tx) => {
        const { organisation } = await loadClient(tx, clientId, true);
        const latest = await latestSettingVersion(tx, clientId);
        let validFrom: string;
        if (!latest) {
          validFrom = requested ?? todayIn(organisation.timeZone);
        } else {
          const earliest = nextBillingPeriodStart(organisation.timeZone);
          validFrom = requested ?? earliest;
          if (validFrom < earliest) {
            throw new DomainValidationError(`a change takes effect from the billing period after the current one: on or after ${earliest}`, 'validFrom');
          }
          if (validFrom <= latest.validFrom) throw new DomainValidationError(`must be after the start of the latest version (${latest.validFrom})`, 'validFrom');
          if (latest.validTo === null) await endSettingVersion(tx, latest.id, addDays(validFrom, -1));
        }
        await insertSettingVersion(tx, {
          id,
          clientId,
          validFrom,
          createdBy: actor,
          settings: {
            debitingArea: body.debitingArea,
            feeCalculationType: body.feeCalculationType,
            acceptsMaximumFee: body.acceptsMaximumFee,
            parishCode: body.parishCode ?? null,
            accountString: body.accountString ?? null,
            recipient: { kind: body.recipient.kind, name: body.recipient.name ?? null, address: addressOf(body.recipient.address, organisation) },
            residenceAddress: addressOf(body.residenceAddress, organisation),
          },
        });
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict('the version overlaps an existing one', 'validFrom', 'overlaps an existing version');
      throw error;
    }
    return this.db.read(async (tx) => (await findSettingVersion(tx, id, clientId))!);
  }

  history(clientId: string): Promise<BillingSettingVersion[]> {
    return readOfClient(this.db, clientId, (tx) => settingHistory(tx, clientId));
  }

  /**
   * Fixes for the billing run's error list on a version in place (seed 002: "after fixing
   * settings, recalculate"). Only what was missing or is bookkeeping: an account string or parish
   * code, a missing residence address, the estate as recipient of a deceased client. Any other
   * change is a new version from the next billing period.
   */
  async correct(clientId: string, settingId: string, body: BillingSettingCorrectionDto, actor: string): Promise<BillingSettingVersion> {
    return this.db.transaction(async (tx) => {
      const { client, organisation } = await loadClient(tx, clientId);
      const version = await findSettingVersion(tx, settingId, clientId);
      if (!version) throw new DomainValidationError(`no settings version ${settingId} for this client`, 'settingId');
      if (Object.values(body).every((value) => value === undefined)) throw new DomainValidationError('name at least one of accountString, parishCode, residenceAddress, recipient', 'body');
      if (body.residenceAddress && version.settings.residenceAddress !== null) {
        throw new DomainValidationError('the version already has a residence address: a new address is a new version from the next billing period', 'residenceAddress');
      }
      if (body.recipient) {
        if (body.recipient.kind !== 'estate' || client.dateOfDeath === null) {
          throw new DomainValidationError('only the estate of a deceased client may be set in place; any other recipient is a new version from the next billing period', 'recipient.kind');
        }
        if (!body.recipient.name || !body.recipient.address) throw new DomainValidationError('the estate needs a name and an address', 'recipient');
      }
      return correctSettingVersion(tx, settingId, {
        accountString: body.accountString,
        parishCode: body.parishCode,
        residenceAddress: addressOf(body.residenceAddress, organisation) ?? undefined,
        recipient: body.recipient && { kind: body.recipient.kind, name: body.recipient.name ?? null, address: addressOf(body.recipient.address, organisation) },
        correctedBy: actor,
      });
    });
  }
}
