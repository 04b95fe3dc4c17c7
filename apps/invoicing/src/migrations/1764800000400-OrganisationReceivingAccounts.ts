import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts an organisation's payments arrive on (IBAN, bankgiro, plusgiro), each registered
 * to exactly one organisation: a bank file is imported only under the organisation its accounts
 * belong to (issue 10). A change keeps the previous registration and who changed it (ADR 0012).
 */
export class OrganisationReceivingAccounts1764800000400 implements MigrationInterface {
  name = 'OrganisationReceivingAccounts1764800000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account text NOT NULL UNIQUE CHECK (account ~ '^[0-9A-Z]{5,34}$'),
        organisation_id text NOT NULL REFERENCES organisation(id),
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX organisation_account_by_organisation ON organisation_account (organisation_id)`);
    await db.query(`CREATE TRIGGER organisation_account_keep_history AFTER UPDATE OR DELETE ON organisation_account FOR EACH ROW EXECUTE FUNCTION keep_history()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE organisation_account');
  }
}
