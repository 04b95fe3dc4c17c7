import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day the move a debt list reports took effect, kept with the list's client: the finance
 * office's notice says it (a move the population register reported late is told on a later list
 * than the month it took effect in).
 */
export class DebtReviewClientMovedOn1766160000000 implements MigrationInterface {
  name = 'DebtReviewClientMovedOn1766160000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE debt_review_client ADD COLUMN moved_on date`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE debt_review_client DROP COLUMN moved_on`);
  }
}
