import type { Country, Currency, SigningLimit } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** What debt follow-up knows of an organisation. */
export interface OrganisationSettings {
  organisationId: string;
  country: Country;
  currency: Currency;
  timeZone: string;
  signingLimits: SigningLimit[];
  signatureReminderDays: number;
  monthEndReview: boolean;
  updatedBy: string;
  updatedAt: string;
}

interface Row {
  organisation_id: string;
  country: Country;
  currency: Currency;
  time_zone: string;
  signing_limits: SigningLimit[];
  signature_reminder_days: number;
  month_end_review: boolean;
  updated_by: string;
  updated_at: Date;
}

const rowToSettings = (row: Row): OrganisationSettings => ({
  organisationId: row.organisation_id,
  country: row.country,
  currency: row.currency,
  timeZone: row.time_zone,
  signingLimits: row.signing_limits,
  signatureReminderDays: row.signature_reminder_days,
  monthEndReview: row.month_end_review,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
});

export async function findSettings(tx: Tx, organisationId: string): Promise<OrganisationSettings | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM organisation_settings WHERE organisation_id = $1`, [organisationId]);
  return row && rowToSettings(row);
}

export async function saveSettings(tx: Tx, settings: Omit<OrganisationSettings, 'updatedAt'>): Promise<OrganisationSettings> {
  const [row] = await tx.query<Row>(
    `INSERT INTO organisation_settings (organisation_id, country, currency, time_zone, signing_limits, signature_reminder_days, month_end_review, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (organisation_id) DO UPDATE SET country = EXCLUDED.country, currency = EXCLUDED.currency, time_zone = EXCLUDED.time_zone,
       signing_limits = EXCLUDED.signing_limits, signature_reminder_days = EXCLUDED.signature_reminder_days,
       month_end_review = EXCLUDED.month_end_review, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING *`,
    [
      settings.organisationId,
      settings.country,
      settings.currency,
      settings.timeZone,
      JSON.stringify(settings.signingLimits),
      settings.signatureReminderDays,
      settings.monthEndReview,
      settings.updatedBy,
    ],
  );
  return rowToSettings(row);
}
