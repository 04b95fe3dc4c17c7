import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's own share of service vouchers becomes an invoice (issue 12 §8, ADR 0031): the
 * invoice names the provider-settlement own-share record it bills, once per organisation, so a
 * resent or retried request finds the invoice it made the first time.
 */
export class OwnShareInvoices1766020000100 implements MigrationInterface {
  name = 'OwnShareInvoices1766020000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE invoice ADD COLUMN own_share_id uuid');
    await db.query('CREATE UNIQUE INDEX invoice_own_share ON invoice (organisation_id, own_share_id) WHERE own_share_id IS NOT NULL');
    await db.query(`COMMENT ON COLUMN invoice.own_share_id IS 'the provider-settlement own-share record (service vouchers) the invoice bills: its natural key'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE invoice DROP COLUMN own_share_id');
  }
}
