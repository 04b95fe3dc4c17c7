import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bank file is the same file again only when its content is the same: banks and published
 * samples reuse message ids for different files on one account (three ISO/SWIFT samples). And an
 * organisation names its bank accounts, so that a file for another account is refused.
 */
export class BankFileChecks1765000100000 implements MigrationInterface {
  name = 'BankFileChecks1765000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE payment_file ADD COLUMN content_sha256 text NOT NULL DEFAULT ''`);
    await db.query(`ALTER TABLE payment_file DROP CONSTRAINT payment_file_once`);
    await db.query(`ALTER TABLE payment_file ADD CONSTRAINT payment_file_once UNIQUE (organisation_id, format, accounts, message_id, content_sha256)`);
    await db.query(`ALTER TABLE organisation ADD COLUMN bank_accounts text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE organisation DROP COLUMN bank_accounts');
    await db.query('ALTER TABLE payment_file DROP CONSTRAINT payment_file_once');
    await db.query(`DELETE FROM payment_file f WHERE EXISTS (SELECT 1 FROM payment_file g WHERE g.organisation_id = f.organisation_id AND g.accounts = f.accounts
                      AND g.message_id = f.message_id AND g.imported_at < f.imported_at) AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.file_id = f.id)
                      AND NOT EXISTS (SELECT 1 FROM payment_reversal r WHERE r.file_id = f.id)`);
    await db.query('ALTER TABLE payment_file ADD CONSTRAINT payment_file_once UNIQUE (organisation_id, format, accounts, message_id)');
    await db.query('ALTER TABLE payment_file DROP COLUMN content_sha256');
  }
}
