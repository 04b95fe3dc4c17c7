import type { Tx } from '@clientfees/platform';

export interface IncomeScheduleSettings {
  organisationId: string;
  changeFeedEveryMinutes: number;
  yearlyReviewLeadDays: number;
  yearlyReviewHour: number;
  timeZone: string;
  changedBy: string;
  changedAt: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as pg returns it
const rowToSettings = (r: any): IncomeScheduleSettings => ({
  organisationId: r.organisation_id, changeFeedEveryMinutes: r.change_feed_every_minutes, yearlyReviewLeadDays: r.yearly_review_lead_days, yearlyReviewHour: r.yearly_review_hour,
  timeZone: r.time_zone, changedBy: r.changed_by, changedAt: r.changed_at.toISOString(),
});

/** A new version of the settings; the earlier ones stay, with who set them and when. */
export async function insertSettings(tx: Tx, s: Omit<IncomeScheduleSettings, 'changedAt'>): Promise<IncomeScheduleSettings> {
  const [row] = await tx.query(
    `INSERT INTO income_schedule_settings (organisation_id, change_feed_every_minutes, yearly_review_lead_days, yearly_review_hour, time_zone, changed_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [s.organisationId, s.changeFeedEveryMinutes, s.yearlyReviewLeadDays, s.yearlyReviewHour, s.timeZone, s.changedBy],
  );
  return rowToSettings(row);
}

export async function settingsOf(tx: Tx, organisationId: string): Promise<IncomeScheduleSettings | undefined> {
  const [row] = await tx.query(`SELECT * FROM income_schedule_settings WHERE organisation_id = $1 ORDER BY id DESC LIMIT 1`, [organisationId]);
  return row ? rowToSettings(row) : undefined;
}

export async function settingsHistoryOf(tx: Tx, organisationId: string): Promise<IncomeScheduleSettings[]> {
  const rows = await tx.query(`SELECT * FROM income_schedule_settings WHERE organisation_id = $1 ORDER BY id DESC`, [organisationId]);
  return rows.map(rowToSettings);
}

/** Every organisation's settings in force: the Schedules are brought in step with them at start. */
export async function allSettings(tx: Tx): Promise<IncomeScheduleSettings[]> {
  const rows = await tx.query(`SELECT DISTINCT ON (organisation_id) * FROM income_schedule_settings ORDER BY organisation_id, id DESC`);
  return rows.map(rowToSettings);
}
