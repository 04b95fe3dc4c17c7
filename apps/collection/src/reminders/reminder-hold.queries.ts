import type { Tx } from '@clientfees/platform';

/** Reminders waiting for a confirmed reference rate (reminder_hold): the only SQL for them (ADR 0003). */

export interface ReminderHoldRow {
  invoice_id: string;
  organisation_id: string;
  country: 'FI' | 'SE';
  invoice_number: number;
  client_number: string;
  reminder_date: string;
  rate_from: string;
  rate_to: string;
  reason: string;
  first_held_at: Date;
  last_attempt_at: Date;
  attempts: number;
}

export type NewReminderHold = Omit<ReminderHoldRow, 'first_held_at' | 'last_attempt_at' | 'attempts'>;

/** Records the hold, or counts another attempt of one already recorded (each Temporal retry). */
export async function holdReminder(tx: Tx, hold: NewReminderHold): Promise<void> {
  await tx.query(
    `INSERT INTO reminder_hold (invoice_id, organisation_id, country, invoice_number, client_number, reminder_date, rate_from, rate_to, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (invoice_id) DO UPDATE SET reminder_date = EXCLUDED.reminder_date, rate_from = EXCLUDED.rate_from, rate_to = EXCLUDED.rate_to,
       reason = EXCLUDED.reason, last_attempt_at = now(), attempts = reminder_hold.attempts + 1`,
    [hold.invoice_id, hold.organisation_id, hold.country, hold.invoice_number, hold.client_number, hold.reminder_date, hold.rate_from, hold.rate_to, hold.reason],
  );
}

export async function releaseReminderHold(tx: Tx, invoiceId: string): Promise<void> {
  await tx.query('DELETE FROM reminder_hold WHERE invoice_id = $1', [invoiceId]);
}

export function listReminderHolds(tx: Tx, organisationId: string, limit: number): Promise<ReminderHoldRow[]> {
  return tx.query<ReminderHoldRow>('SELECT * FROM reminder_hold WHERE organisation_id = $1 ORDER BY first_held_at, invoice_id LIMIT $2', [organisationId, limit]);
}
