import { MigrationInterface, QueryRunner } from 'typeorm';
import { reconcileShippedRuleTables } from '../rule-tables/shipped-rule-tables';

/**
 * Rule tables a fee office can trust back to 2021 (issue 15, docs/rules.md):
 * - every row gets a status (confirmed, check, estimate) instead of the word "check" in its source;
 * - rows that corrections or approvals replace are kept, with who replaced them, when and why;
 * - the shipped rows are reconciled with the corrected and extended tables (FI from 1.7.2021,
 *   SE from 1.1.2021, reference rates as tables, the special-housing fee cap), administrators'
 *   rows untouched;
 * - billing settings may record cohabitants (sambo / avopuoliso) apart from married couples;
 * - a Swedish organisation records where its reminder fee was agreed; a fee configured without
 *   that basis could never be owed (lag 1981:739 2 §), so it is cleared to none.
 */
export class RuleTableCorrections1764900000000 implements MigrationInterface {
  name = 'RuleTableCorrections1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE rule_period ADD COLUMN status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'check', 'estimate'))`);
    await db.query(`
      CREATE TABLE rule_period_superseded (
        id bigint PRIMARY KEY,
        rule_table text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        source text NOT NULL,
        value jsonb NOT NULL,
        status text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        superseded_by text NOT NULL,
        superseded_at timestamptz NOT NULL DEFAULT now(),
        grounds text NOT NULL CHECK (length(grounds) > 0)
      )`);
    await db.query('CREATE INDEX rule_period_superseded_table ON rule_period_superseded (rule_table, superseded_at)');
    await reconcileShippedRuleTables(
      db,
      `migration ${this.name}`,
      'corrected against the statutes, decrees and published tables (issue 15): FI income limits and käyttövara from 1.7.2021, SE tables from 1.1.2021, sources and statuses per row',
    );

    await db.query('ALTER TABLE billing_setting DROP CONSTRAINT IF EXISTS billing_setting_fee_calculation_type_check');
    await db.query(`ALTER TABLE billing_setting ADD CONSTRAINT billing_setting_fee_calculation_type_check CHECK (fee_calculation_type IN ('single', 'couple', 'cohabiting'))`);

    await db.query('ALTER TABLE organisation ADD COLUMN reminder_fee_basis text CHECK (reminder_fee_basis IS NULL OR length(btrim(reminder_fee_basis)) > 0)');
    await db.query(`UPDATE organisation SET reminder_fee_cents = NULL WHERE country = 'SE' AND reminder_fee_cents > 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE organisation DROP COLUMN reminder_fee_basis');
    await db.query(`UPDATE billing_setting SET fee_calculation_type = 'couple' WHERE fee_calculation_type = 'cohabiting'`);
    await db.query('ALTER TABLE billing_setting DROP CONSTRAINT billing_setting_fee_calculation_type_check');
    await db.query(`ALTER TABLE billing_setting ADD CONSTRAINT billing_setting_fee_calculation_type_check CHECK (fee_calculation_type IN ('single', 'couple'))`);
    await db.query('DROP TABLE rule_period_superseded');
    await db.query('ALTER TABLE rule_period DROP COLUMN status');
  }
}
