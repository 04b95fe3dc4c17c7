import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the move a debt list reports took the client (ADR 0035): out of the organisation's area,
 * or to an area not known; and the home municipality the register gave with it. The finance
 * office's notice says which. Null for the lists made before (their notices said an address change).
 */
export class DebtReviewClientMoveArea1766165000200 implements MigrationInterface {
  name = 'DebtReviewClientMoveArea1766165000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE debt_review_client ADD COLUMN move_area text CHECK (move_area IN ('out-of-area', 'area-unknown')), ADD COLUMN moved_to text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE debt_review_client DROP COLUMN move_area, DROP COLUMN moved_to`);
  }
}
