import { Injectable } from '@nestjs/common';
import { currencyOfCountry, DomainValidationError, Money, transferSchedule } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { listOrganisations, Organisation, upsertOrganisation } from './organisation.queries';
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

  list(): Promise<Organisation[]> {
    return this.db.read((tx) => listOrganisations(tx));
  }

  get(id: string): Promise<Organisation> {
    return this.db.read((tx) => organisationFromPath(tx, id));
  }

  async put(id: string, body: PutOrganisationDto): Promise<Organisation> {
    if (!ORGANISATION_ID.test(id)) throw new DomainValidationError('lower-case letters, digits and dashes, 2-63 characters', 'id');
    if (currencyOfCountry(body.country) !== body.currency) {
      throw new DomainValidationError(`an organisation in ${body.country} bills in ${currencyOfCountry(body.country)}`, 'currency');
    }
    if (body.deferralSupervisorMonths < body.deferralOfficerMonths) {
      throw new DomainValidationError('the billing supervisor’s limit cannot be below the client-fee officer’s', 'deferralSupervisorMonths');
    }
    // Weekly on an ISO weekday 1-7, monthly on a day 1-31 (the last day of a shorter month).
    transferSchedule(body.transferScheduleKind, body.transferScheduleDay, { kind: 'transferScheduleKind', day: 'transferScheduleDay' });
    const organisation: Organisation = {
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
    };
    termsOf(organisation); // refuses a fee above the legal cap or a too early transfer, naming the field
    await this.db.transaction((tx) => upsertOrganisation(tx, organisation));
    await this.schedules.upsert(organisation);
    return this.get(id);
  }
}
