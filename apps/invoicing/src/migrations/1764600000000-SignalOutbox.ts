import { MigrationInterface, QueryRunner } from 'typeorm';
import { invoiceLifecycleWorkflowId, paymentSignal } from '@clientfees/contracts';
import { createSignalOutboxTable } from '@clientfees/platform';
import { paymentDeliveryKey } from '../payments/payment-delivery';

/**
 * One outbox for every signal that must arrive (ADR 0008): the payment signals move from the
 * allocations' own delivery columns into `signal_outbox`, delivered or still pending as they were.
 */
export class SignalOutbox1764600000000 implements MigrationInterface {
  name = 'SignalOutbox1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await createSignalOutboxTable(db);
    // The key and workflow id prefixes come from the functions that make them for new rows.
    await db.query(
      `INSERT INTO signal_outbox (key, workflow_id, signal, args, created_at, delivered_at, outcome, attempts, note)
       SELECT $1::text || a.id, $2::text || a.invoice_id, $3,
              jsonb_build_array(jsonb_build_object('paymentId', p.id, 'amountCents', a.amount_cents, 'paidOn', COALESCE(p.value_date, p.booking_date))),
              a.created_at, a.signalled_at,
              CASE WHEN a.signalled_at IS NULL THEN NULL WHEN a.delivery_note LIKE '%already ended%' THEN 'workflow-ended' ELSE 'signalled' END,
              a.delivery_attempts, a.delivery_note
         FROM payment_allocation a JOIN payment p ON p.id = a.payment_id
        ORDER BY a.created_at, a.id`,
      [paymentDeliveryKey(''), invoiceLifecycleWorkflowId(''), paymentSignal.name],
    );
    await db.query('DROP INDEX payment_allocation_undelivered');
    await db.query('ALTER TABLE payment_allocation DROP COLUMN signalled_at, DROP COLUMN delivery_attempts, DROP COLUMN delivery_note');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE payment_allocation ADD COLUMN signalled_at timestamptz, ADD COLUMN delivery_attempts int NOT NULL DEFAULT 0, ADD COLUMN delivery_note text');
    await db.query(
      `UPDATE payment_allocation a SET signalled_at = o.delivered_at, delivery_attempts = o.attempts, delivery_note = o.note
         FROM signal_outbox o WHERE o.key = $1::text || a.id`,
      [paymentDeliveryKey('')],
    );
    await db.query('CREATE INDEX payment_allocation_undelivered ON payment_allocation (created_at) WHERE signalled_at IS NULL');
    await db.query('DROP TABLE signal_outbox');
  }
}
