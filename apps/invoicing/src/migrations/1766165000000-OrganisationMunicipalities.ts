import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipalities an organisation serves (ADR 0035): a wellbeing services county's member
 * municipalities by their kuntanumero, a Swedish municipality by its kommunkod. Empty: not known.
 * The organisation's keep_history trigger keeps every earlier list with who changed it.
 */
export class OrganisationMunicipalities1766165000000 implements MigrationInterface {
  name = 'OrganisationMunicipalities1766165000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organisation ADD COLUMN municipality_codes text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_municipality_codes_form CHECK (municipality_codes <@ ARRAY[]::text[] OR array_to_string(municipality_codes, ',') ~ '^[0-9]{3,4}(,[0-9]{3,4})*$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE organisation DROP CONSTRAINT organisation_municipality_codes_form, DROP COLUMN municipality_codes');
  }
}
