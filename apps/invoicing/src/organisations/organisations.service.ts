import { Injectable } from '@nestjs/common';
import {
  accountsHeldElsewhere,
  currencyOfCountry,
  DomainValidationError,
  isDomainValidationError,
  Money,
  normaliseAccount,
  parseIban,
  parseMunicipalityCodes,
  transferSchedule,
} from '@clientfees/domain';
import { conflict, Database } from '@clientfees/platform';
import { accountHolders, findOrganisation, listOrganisations, Organisation, receivingAccountsOf, replaceReceivingAccounts, upsertOrganisation } from './organisation.queries';
import { organisationFromPath } from './organisation-lookup';
import { termsOf } from './organisation-terms';
import type { PutOrganisationDto } from './organisations.dto';
import { TransferRunSchedules } from './transfer-run-schedule';

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Organisations and their payment terms; a change re-plans the organisation's transfer runs. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: Database,
    private readonly schedules: TransferRunSchedules,
  ) {}

  /** The organisations the caller acts for. */
  list(organisationIds: readonly string[]): Promise<Organisation[]> {
    return this.db.read((tx) => listOrganisations(tx, organisationIds));
  }

  get(id: string): Promise<Organisation> {
    return this.db.read(async (tx) => ({ ...(await organisationFromPath(tx, id)), receivingAccounts: await receivingAccountsOf(tx, id) }));
  }

  async put(id: string, body: PutOrganisationDto, actor: string): Promise<Organisation> {
    if (!ORGANISATION_ID.test(id)) throw new DomainValidationError('lower-case letters, digits and dashes, 2-63 characters', 'id');
    if (currencyOfCountry(body.country) !== body.currency) {
      throw new DomainValidationError(`an organisation in ${body.country} bills in ${currencyOfCountry(body.country)}`, 'currency');
    }
    if (body.deferralSupervisorMonths < body.deferralOfficerMonths) {
      throw new DomainValidationError('the billing supervisor’s limit cannot be below the client-fee officer’s', 'deferralSupervisorMonths');
    }
    // Weekly on an ISO weekday 1-7, monthly on a day 1-31 (the last day of a shorter month).
    transferSchedule(body.transferScheduleKind, body.transferScheduleDay, { kind: 'transferScheduleKind', day: 'transferScheduleDay' });
    const municipalityCodes = body.municipalityCodes === undefined ? undefined : parseMunicipalityCodes(body.country, body.municipalityCodes, 'municipalityCodes');
    let organisation: Organisation = {
      id,
      name: body.name,
      country: body.country,
      currency: body.currency,
      timeZone: body.timeZone,
      paymentTermDays: body.paymentTermDays,
      dueDateBankingDays: body.dueDateBankingDays,
      deferralOfficerMonths: body.deferralOfficerMonths,
      deferralSupervisorMonths: body.deferralSupervisorMonths,
      deferralApprovalReminderBankingDays: body.deferralApprovalReminderBankingDays,
      transferAfterDaysOverdue: body.transferAfterDaysOverdue,
      transferScheduleKind: body.transferScheduleKind,
      transferScheduleDay: body.transferScheduleDay,
      reminderDueDays: body.reminderDueDays,
      reminderFeeCents: body.reminderFee === undefined ? null : Money.parse(body.reminderFee, body.currency, 'reminderFee').minorUnits,
      reminderFeeBasis: body.reminderFeeBasis === undefined || body.reminderFeeBasis.trim() === '' ? null : body.reminderFeeBasis.trim(),
      bankAccounts: [...new Set((body.bankAccounts ?? []).map((account, i) => parseIban(account, {}, `bankAccounts[${i}]`).value))],
      municipalityCodes: municipalityCodes ?? [],
    };
    try {
      termsOf(organisation); // refuses a fee above the legal cap, a Swedish fee without its basis or a too early transfer
    } catch (error) {
      // The domain names the fee `fees.reminder`; the request calls it `reminderFee`.
      if (isDomainValidationError(error) && error.field === 'fees.reminder') throw new DomainValidationError(error.reason, 'reminderFee');
      throw error;
    }
    const accounts = body.receivingAccounts === undefined ? undefined : [...new Set(body.receivingAccounts.map(normaliseAccount))];
    await this.db.transaction(async (tx) => {
      if (municipalityCodes === undefined) {
        // Left out: the municipalities stay, and must still fit the organisation's country.
        const kept = (await findOrganisation(tx, id))?.municipalityCodes ?? [];
        organisation = { ...organisation, municipalityCodes: parseMunicipalityCodes(organisation.country, kept, 'municipalityCodes') };
      }
      await upsertOrganisation(tx, organisation);
      if (accounts === undefined) return;
      // An account is one organisation's: another's would let a bank file pay the wrong county's invoices.
      const taken = accountsHeldElsewhere(id, accounts, await accountHolders(tx, id, accounts));
      if (taken.length > 0) throw conflict(`account ${taken.join(', ')} is registered to another organisation`, 'receivingAccounts', 'registered to another organisation');
      await replaceReceivingAccounts(tx, id, accounts, actor);
    });
    await this.schedules.upsert(organisation);
    return this.get(id);
  }
}
