import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the agency reported is evidence: never changed or removed (ADR 0012). Whether the
 * invoice's lifecycle has been told is the signal outbox's bookkeeping (SignalOutbox1764600000001),
 * not the report's.
 */
export class AppendOnlyAgencyReports1764800000200 implements MigrationInterface {
  name = 'AppendOnlyAgencyReports1764800000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TRIGGER agency_report_append_only BEFORE UPDATE OR DELETE ON agency_report FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
    );
    await db.query(`CREATE TRIGGER agency_report_no_truncate BEFORE TRUNCATE ON agency_report FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER agency_report_append_only ON agency_report');
    await db.query('DROP TRIGGER agency_report_no_truncate ON agency_report');
  }
}
