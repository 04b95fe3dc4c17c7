import { MigrationInterface, QueryRunner } from 'typeorm';
import { agencyStatusSignal, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import { createSignalOutboxTable } from '@clientfees/platform';
import { agencyReportDeliveryKey } from '../agency-cases/agency-report-delivery';

/**
 * One outbox for every signal that must arrive (ADR 0008): the agency reports' `agencyStatus`
 * signals move from the reports' own outcome columns into `signal_outbox`; a report the agency
 * was told to deliver again (not signalled yet) is now pending there and goes out by itself.
 */
export class SignalOutbox1764600000001 implements MigrationInterface {
  name = 'SignalOutbox1764600000001';

  async up(db: QueryRunner): Promise<void> {
    await createSignalOutboxTable(db);
    // The key and workflow id prefixes come from the functions that make them for new rows.
    await db.query(
      `INSERT INTO signal_outbox (key, workflow_id, signal, args, created_at, delivered_at, outcome, attempts)
       SELECT $1::text || r.report_id, $2::text || r.invoice_id, $3,
              jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('reportId', r.report_id, 'status', r.status, 'amountCents', r.amount_cents, 'reportedOn', r.reported_on))),
              r.received_at, r.signalled_at,
              CASE r.signal_outcome WHEN 'signalled' THEN 'signalled' WHEN 'workflow-not-running' THEN 'workflow-ended' END,
              CASE WHEN r.signal_outcome IS NULL THEN 0 ELSE 1 END
         FROM agency_report r
        ORDER BY r.received_at, r.report_id`,
      [agencyReportDeliveryKey(''), invoiceLifecycleWorkflowId(''), agencyStatusSignal.name],
    );
    await db.query('ALTER TABLE agency_report DROP COLUMN signal_outcome, DROP COLUMN signalled_at');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agency_report ADD COLUMN signal_outcome text CHECK (signal_outcome IN ('signalled', 'workflow-not-running')), ADD COLUMN signalled_at timestamptz`);
    await db.query(
      `UPDATE agency_report r SET signalled_at = o.delivered_at,
              signal_outcome = CASE o.outcome WHEN 'signalled' THEN 'signalled' WHEN 'workflow-ended' THEN 'workflow-not-running' END
         FROM signal_outbox o WHERE o.key = $1::text || r.report_id`,
      [agencyReportDeliveryKey('')],
    );
    await db.query('DROP TABLE signal_outbox');
  }
}
