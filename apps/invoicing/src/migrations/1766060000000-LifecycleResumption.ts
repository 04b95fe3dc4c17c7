import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A paid invoice that a bank's reversal reopens gets a new run of its lifecycle: what that run
 * starts from (the state it reopened in, what is still paid and credited, the payment ids already
 * counted) is kept on the invoice until the lifecycle starter has started it (`lifecycle_started`
 * goes back to false). Null for an invoice that was never reopened.
 */
export class LifecycleResumption1766060000000 implements MigrationInterface {
  name = 'LifecycleResumption1766060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoice ADD COLUMN lifecycle_resumption jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoice DROP COLUMN lifecycle_resumption`);
  }
}
