import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The population register's change feed (how far each organisation has read it, and the changes
 * recorded for its clients), the organisations' Schedule settings (append-only: the latest row is
 * in force), and the link from a yearly review to the decision it follows up.
 */
export class PopulationChangesAndYearlyReviews1765100000001 implements MigrationInterface {
  name = 'PopulationChangesAndYearlyReviews1765100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE population_feed (
        organisation_id text PRIMARY KEY,
        last_key bigint NOT NULL CHECK (last_key >= 0),
        polled_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE population_change (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id text NOT NULL,
        feed_key bigint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('death', 'address', 'security-ban')),
        -- death: {dateOfDeath}; address: {street, postalCode, city, from} or {hidden: true}; security-ban: {active}
        detail jsonb NOT NULL,
        changed_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        reported_at timestamptz,
        -- the same change read again (from an older key, in another page) is the same row
        UNIQUE (organisation_id, client_id, kind, changed_at)
      )`);
    await db.query(`CREATE INDEX population_change_by_client ON population_change (organisation_id, client_id, kind, changed_at)`);
    await db.query(`CREATE INDEX population_change_unreported_deaths ON population_change (organisation_id) WHERE kind = 'death' AND reported_at IS NULL`);
    await db.query(`
      CREATE TABLE income_schedule_settings (
        id bigserial PRIMARY KEY,
        organisation_id text NOT NULL,
        change_feed_every_minutes integer NOT NULL CHECK (change_feed_every_minutes BETWEEN 5 AND 1440),
        yearly_review_lead_days integer NOT NULL CHECK (yearly_review_lead_days BETWEEN 0 AND 90),
        yearly_review_hour integer NOT NULL CHECK (yearly_review_hour BETWEEN 0 AND 23),
        time_zone text NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX income_schedule_settings_latest ON income_schedule_settings (organisation_id, id DESC)`);
    await db.query(`ALTER TABLE review_case ADD COLUMN follows_decision_id uuid REFERENCES fee_decision(id)`);
    await db.query(`ALTER TABLE review_case ADD COLUMN workflow_started_at timestamptz`);
    await db.query(`UPDATE review_case SET workflow_started_at = created_at`);
    await db.query(`CREATE UNIQUE INDEX review_case_one_yearly_review_per_decision ON review_case (follows_decision_id) WHERE reason = 'yearly-review'`);
    await db.query(`CREATE INDEX review_case_not_started ON review_case (organisation_id) WHERE workflow_started_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS review_case_not_started`);
    await db.query(`DROP INDEX IF EXISTS review_case_one_yearly_review_per_decision`);
    await db.query(`ALTER TABLE review_case DROP COLUMN IF EXISTS workflow_started_at`);
    await db.query(`ALTER TABLE review_case DROP COLUMN IF EXISTS follows_decision_id`);
    for (const table of ['income_schedule_settings', 'population_change', 'population_feed']) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
