import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A billing run's journal review is an explicit act with its reviewer and time (reading the
 * journal no longer counts as reviewing it), and the run remembers who last recalculated it, so
 * that neither its starter nor its last editor approves it (four eyes, ADR 0012).
 */
export class JournalReviewAndFourEyes1764800000300 implements MigrationInterface {
  name = 'JournalReviewAndFourEyes1764800000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE billing_run
        ADD COLUMN journal_reviewed_by text,
        ADD COLUMN journal_reviewed_at timestamptz,
        ADD COLUMN last_recalculated_by text,
        ADD CONSTRAINT billing_run_journal_reviewer CHECK ((journal_checksum IS NULL) = (journal_reviewed_by IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE billing_run
        DROP CONSTRAINT billing_run_journal_reviewer,
        DROP COLUMN journal_reviewed_by,
        DROP COLUMN journal_reviewed_at,
        DROP COLUMN last_recalculated_by`);
  }
}
