import { Injectable } from '@nestjs/common';
import { currencyOfCountry, DEFAULT_SIGNING_LIMITS, DomainValidationError, Money, SigningLimit, signingLimitsProblem } from '@clientfees/domain';
import { conflict, Database, Tx } from '@clientfees/platform';
import { DebtReviewSchedules } from './debt-review-schedule';
import { findSettings, OrganisationSettings, saveSettings } from './organisation-settings.queries';
import type { PutDebtFollowupSettingsDto } from './settings.dto';

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

@Injectable()
export class SettingsService {
  constructor(
    private readonly db: Database,
    private readonly schedules: DebtReviewSchedules,
  ) {}

  async put(organisationId: string, body: PutDebtFollowupSettingsDto, actor: string): Promise<OrganisationSettings> {
    if (!ORGANISATION_ID.test(organisationId)) throw new DomainValidationError('lower-case letters, digits and dashes, 2-63 characters', 'organisationId');
    if (currencyOfCountry(body.country) !== body.currency) {
      throw new DomainValidationError(`an organisation in ${body.country} bills in ${currencyOfCountry(body.country)}`, 'currency');
    }
    const signingLimits: SigningLimit[] = body.signingLimits
      ? body.signingLimits.map((limit, index) => ({
          role: limit.role,
          maxCents: limit.maxAmount === null ? null : Money.parse(limit.maxAmount, body.currency, `signingLimits.${index}.maxAmount`).minorUnits,
        }))
      : [...DEFAULT_SIGNING_LIMITS];
    const problem = signingLimitsProblem(signingLimits);
    if (problem) throw new DomainValidationError(problem.reason, problem.field);
    const saved = await this.db.transaction((tx) =>
      saveSettings(tx, {
        organisationId,
        country: body.country,
        currency: body.currency,
        timeZone: body.timeZone,
        signingLimits,
        signatureReminderDays: body.signatureReminderDays ?? 7,
        monthEndReview: body.monthEndReview ?? true,
        updatedBy: actor,
      }),
    );
    await this.schedules.upsert(saved);
    return saved;
  }

  get(organisationId: string): Promise<OrganisationSettings | undefined> {
    return this.db.read((tx) => findSettings(tx, organisationId));
  }
}

/** The settings a step needs; an organisation without them cannot be followed up yet (409). */
export async function requireSettings(tx: Tx, organisationId: string): Promise<OrganisationSettings> {
  const settings = await findSettings(tx, organisationId);
  if (!settings) {
    throw conflict(
      `organisation ${organisationId} has no debt follow-up settings yet: an administrator sets them (PUT /organisations/${organisationId}/debt-follow-up)`,
      'organisationId',
      'has no debt follow-up settings yet',
    );
  }
  return settings;
}
