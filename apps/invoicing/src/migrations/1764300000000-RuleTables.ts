import { MigrationInterface, QueryRunner } from 'typeorm';
import { RULE_TABLES } from '@clientfees/domain';

/** Statutory tables as dated data, shipped with the periods reference.md gives. */
export class RuleTables1764300000000 implements MigrationInterface {
  name = 'RuleTables1764300000000';

  async up(db: QueryRunner): Promise<void> {
    // A trusted extension (PostgreSQL 13+): the database owner may create it. It lets one
    // exclusion constraint refuse overlapping periods of the same table.
    await db.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    await db.query(`
      CREATE TABLE rule_period (
        id bigserial PRIMARY KEY,
        rule_table text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        source text NOT NULL CHECK (length(source) > 0),
        value jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rule_period_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT rule_period_no_overlap EXCLUDE USING gist (rule_table WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    for (const [name, table] of Object.entries(RULE_TABLES)) {
      for (const row of table.shipped) {
        await db.query(
          `INSERT INTO rule_period (rule_table, valid_from, valid_to, source, value, created_by) VALUES ($1, $2, $3, $4, $5, 'shipped')`,
          [name, row.validFrom, row.validTo, row.source, JSON.stringify(row.value)],
        );
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rule_period');
  }
}
