import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices of a deceased client wait for the estate's contact (issue 13): held, they are not sent
 * to the deceased nor taken by a transfer run; the estate case that holds them is kept with them.
 */
export class EstateInvoices1765300100000 implements MigrationInterface {
  name = 'EstateInvoices1765300100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invoice ADD COLUMN held_for_estate uuid`);
    await db.query(`COMMENT ON COLUMN invoice.held_for_estate IS 'the estate case (debt-followup) the invoice waits for: not sent, not transferred, until the estate''s contact is known'`);
    // The month-end debt list reads the open invoices past their due date in id order.
    await db.query(`CREATE INDEX invoice_open_by_due_date ON invoice (organisation_id, id) INCLUDE (due_date, state) WHERE state NOT IN ('paid', 'credited', 'waived', 'written-off')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX invoice_open_by_due_date`);
    await db.query(`ALTER TABLE invoice DROP COLUMN held_for_estate`);
  }
}
