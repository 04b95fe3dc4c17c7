import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency's steps against a deceased client's estate (a demand to the shareholders, a second
 * demand warning of personal liability, an application for a payment order) are agency reports
 * too. They do not move the agency case; debt follow-up is told of each through
 * `estate_step_forward`, retried until debt follow-up has answered (its own bookkeeping: the
 * report itself stays append-only).
 */
export class AgencyEstateSteps1766130000000 implements MigrationInterface {
  name = 'AgencyEstateSteps1766130000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agency_report DROP CONSTRAINT agency_report_status_check');
    await db.query(
      `ALTER TABLE agency_report ADD CONSTRAINT agency_report_status_check
         CHECK (status IN ('paid', 'payment-plan', 'returned', 'demand-to-shareholders', 'second-demand-personal-liability', 'payment-order-applied'))`,
    );
    await db.query(`
      CREATE TABLE estate_step_forward (
        report_id text PRIMARY KEY REFERENCES agency_report(report_id),
        organisation_id text NOT NULL,
        client_number text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        forwarded_at timestamptz,
        outcome text CHECK (outcome IN ('signalled', 'no-estate-case', 'case-closed')),
        CHECK ((forwarded_at IS NULL) = (outcome IS NULL))
      )`);
    await db.query('CREATE INDEX estate_step_forward_pending ON estate_step_forward (created_at) WHERE forwarded_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE estate_step_forward');
    await db.query('ALTER TABLE agency_report DROP CONSTRAINT agency_report_status_check');
    await db.query(`ALTER TABLE agency_report ADD CONSTRAINT agency_report_status_check CHECK (status IN ('paid', 'payment-plan', 'returned'))`);
  }
}
