import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An income can come from the official's fee decision (income verification): the decision's id,
 * date, fee, service, authority records and rule versions are kept with it, and a decision gives
 * at most one income.
 */
export class IncomeFromFeeDecision1765100000002 implements MigrationInterface {
  name = 'IncomeFromFeeDecision1765100000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE client_income ADD COLUMN fee_decision jsonb`);
    await db.query(`CREATE UNIQUE INDEX client_income_one_per_fee_decision ON client_income ((fee_decision->>'decisionId')) WHERE fee_decision IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS client_income_one_per_fee_decision`);
    await db.query(`ALTER TABLE client_income DROP COLUMN IF EXISTS fee_decision`);
  }
}
