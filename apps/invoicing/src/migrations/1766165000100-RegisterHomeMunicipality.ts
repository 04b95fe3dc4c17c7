import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The home municipality (kotikunta) the population register gave with an address change, by its
 * municipality number (ADR 0035). Null for the changes received before, and for a change the
 * register gave none with: for those, whether the client left the organisation's area is unknown.
 */
export class RegisterHomeMunicipality1766165000100 implements MigrationInterface {
  name = 'RegisterHomeMunicipality1766165000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE register_address_change ADD COLUMN home_municipality text CHECK (home_municipality ~ '^[0-9]{3,4}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE register_address_change DROP COLUMN home_municipality');
  }
}
