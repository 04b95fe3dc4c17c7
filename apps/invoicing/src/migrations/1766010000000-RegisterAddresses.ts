import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses from the population register (issue 11): a settings version may be protected by a
 * security ban (then it holds no residence address), and every address change income verification
 * sends is kept once, with what invoicing made of it (append-only, ADR 0012).
 */
export class RegisterAddresses1766010000000 implements MigrationInterface {
  name = 'RegisterAddresses1766010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE billing_setting ADD COLUMN address_protected boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE billing_setting ADD CONSTRAINT billing_setting_protected_has_no_address CHECK (NOT address_protected OR residence_address IS NULL)`);
    await db.query(`
      CREATE TABLE register_address_change (
        change_id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        effective_date date NOT NULL,
        applies_from date NOT NULL,
        address_protected boolean NOT NULL,
        source_reference text NOT NULL,
        versions_changed integer NOT NULL CHECK (versions_changed >= 0),
        outcome text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX register_address_change_by_client ON register_address_change (client_id, received_at)`);
    await db.query(`CREATE TRIGGER register_address_change_append_only BEFORE UPDATE OR DELETE ON register_address_change FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE register_address_change');
    await db.query('ALTER TABLE billing_setting DROP CONSTRAINT billing_setting_protected_has_no_address, DROP COLUMN address_protected');
  }
}
