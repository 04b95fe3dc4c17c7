import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RegisterAddressApplied, RegisterAddressChange } from '@clientfees/contracts';
import { addDays, DomainValidationError, parseLocalDate, planRegisterAddress, PostalAddress, shownSettings } from '@clientfees/domain';
import { conflict, Database, isExclusionViolation } from '@clientfees/platform';
import type { PostalAddressDto } from '../../invoices/invoices.dto';
import { findOrganisation, Organisation } from '../../organisations/organisation.queries';
import { nextBillingPeriodStart, todayIn } from '../billing-period';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { findClient } from '../clients/client.queries';
import {
  addressVersions,
  BillingSettingVersion,
  correctSettingVersion,
  endSettingVersion,
  findRegisterAddressChange,
  findSettingVersion,
  insertRegisterAddressChange,
  insertSettingVersion,
  latestSettingVersion,
  replaceVersionAddress,
  settingHistory,
  splitVersionWithAddress,
} from './billing-setting.queries';

/** Who changed a version when the population register's change feed did. */
export const POPULATION_REGISTER_ACTOR = 'population-register';

const PROTECTED = 'the client’s address is protected by a security ban (turvakielto / skyddad identitet): invoicing keeps no address for the client';
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
        // A security ban the register reported stays until the register says otherwise.
        const addressProtected = latest?.addressProtected ?? false;
        if (addressProtected && body.residenceAddress) throw new DomainValidationError(PROTECTED, 'residenceAddress');
        // An address for the client's own invoices is the client's address too.
        if (addressProtected && body.recipient.kind === 'client' && body.recipient.address) throw new DomainValidationError(PROTECTED, 'recipient.address');
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
            addressProtected,
          },
        });
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflict('the version overlaps an existing one', 'validFrom', 'overlaps an existing version');
      throw error;
    }
    return this.db.read(async (tx) => (await findSettingVersion(tx, id, clientId))!);
  }

  /**
   * Every version, oldest first. While the latest version is protected by a security ban, no
   * version shows the client's address (libs/domain shownSettings): an earlier one may hold the
   * address the ban protects.
   */
  async history(clientId: string): Promise<BillingSettingVersion[]> {
    const versions = await readOfClient(this.db, clientId, (tx) => settingHistory(tx, clientId));
    const underBan = versions.at(-1)?.settings.addressProtected === true;
    return versions.map((v) => ({ ...v, settings: shownSettings(v.settings, underBan) }));
  }

  /**
   * An address the population register reported (income verification's message): from the first
   * day of the billing period the client moved in, the versions hold it (libs/domain
   * register-address.ts). Each change is kept once with what was made of it; a repeat answers the
   * same. A client invoicing does not know, or of another organisation, changes nothing.
   */
  async applyRegisterAddress(change: RegisterAddressChange): Promise<RegisterAddressApplied> {
    return this.db.transaction(async (tx) => {
      // A protected address never travels: one that came would be printed without the ban.
      if (change.protected && change.address !== null) throw new DomainValidationError('must be left out under a security ban', 'address');
      const seen = await findRegisterAddressChange(tx, change.changeId);
      if (seen) return seen.versionsChanged > 0 ? { applied: true, from: seen.appliesFrom, versionsChanged: seen.versionsChanged } : { applied: false, reason: seen.outcome };
      const client = await findClient(tx, change.clientId, { lock: true });
      if (!client || client.organisationId !== change.organisationId) return { applied: false, reason: `invoicing has no client ${change.clientId} in ${change.organisationId}` };
      const organisation = (await findOrganisation(tx, client.organisationId))!;
      const address = change.address && { ...change.address, country: organisation.country };
      const plan = planRegisterAddress(await addressVersions(tx, client.id), { effectiveDate: change.effectiveDate, address, protected: change.protected });
      const applied = { residenceAddress: plan.residenceAddress, addressProtected: plan.addressProtected };
      for (const step of plan.steps) {
        if (step.kind === 'split') await splitVersionWithAddress(tx, step.versionId, { ...step, ...applied, createdBy: POPULATION_REGISTER_ACTOR });
        else await replaceVersionAddress(tx, step.versionId, { ...applied, correctedBy: POPULATION_REGISTER_ACTOR });
      }
      const what = plan.addressProtected ? 'protected, no address' : plan.residenceAddress ? 'the register’s address' : 'protection ended, no address';
      await insertRegisterAddressChange(tx, {
        changeId: change.changeId,
        clientId: client.id,
        effectiveDate: change.effectiveDate,
        appliesFrom: plan.from,
        addressProtected: plan.addressProtected,
        homeMunicipality: change.homeMunicipality ?? null,
        sourceReference: change.sourceReference,
        versionsChanged: plan.steps.length,
        outcome: plan.unchanged ?? `${plan.steps.length} version(s) from ${plan.from}: ${what}`,
      });
      return plan.unchanged ? { applied: false, reason: plan.unchanged } : { applied: true, from: plan.from, versionsChanged: plan.steps.length };
    });
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
      if (body.residenceAddress && version.settings.addressProtected) throw new DomainValidationError(PROTECTED, 'residenceAddress');
      if (body.residenceAddress && version.settings.residenceAddress !== null) {
        throw new DomainValidationError('the version already has a residence address: a new address is a new version from the next billing period', 'residenceAddress');
      }
      if (body.recipient) {
        if (body.recipient.kind !== 'estate' || client.dateOfDeath === null) {
          throw new DomainValidationError('only the estate of a deceased client may be set in place; any other recipient is a new version from the next billing period', 'recipient.kind');
        }
        if (!body.recipient.name || !body.recipient.address) throw new DomainValidationError('the estate needs a name and an address', 'recipient');
      }
      const corrected = await correctSettingVersion(tx, settingId, {
        accountString: body.accountString,
        parishCode: body.parishCode,
        residenceAddress: addressOf(body.residenceAddress, organisation) ?? undefined,
        recipient: body.recipient && { kind: body.recipient.kind, name: body.recipient.name ?? null, address: addressOf(body.recipient.address, organisation) },
        correctedBy: actor,
      });
      // An earlier version fixed under a ban may hold the address the ban protects.
      const underBan = (await latestSettingVersion(tx, clientId))?.addressProtected === true;
      return { ...corrected, settings: shownSettings(corrected.settings, underBan) };
    });
  }
}
