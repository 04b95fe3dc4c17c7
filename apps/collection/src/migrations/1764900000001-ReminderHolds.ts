import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders held because the reference rate of some of their interest days is not confirmed
 * (docs/rules.md): the finance centre sees them until an administrator enters the rate and the
 * retried reminder goes out.
 */
export class ReminderHolds1764900000001 implements MigrationInterface {
  name = 'ReminderHolds1764900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reminder_hold (
        invoice_id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        country text NOT NULL CHECK (country IN ('FI', 'SE')),
        invoice_number bigint NOT NULL,
        client_number text NOT NULL,
        reminder_date date NOT NULL,
        rate_from date NOT NULL,
        rate_to date NOT NULL,
        reason text NOT NULL,
        first_held_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 1 CHECK (attempts >= 1)
      )`);
    await db.query('CREATE INDEX reminder_hold_by_organisation ON reminder_hold (organisation_id, first_held_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reminder_hold');
  }
}
