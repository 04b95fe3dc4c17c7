import { MigrationInterface, QueryRunner } from 'typeorm';

/** Open amounts subtract each invoice's credit notes (the month-end debt list, a client's ledger): look them up by invoice. */
export class CreditNotesByInvoice1765300200000 implements MigrationInterface {
  name = 'CreditNotesByInvoice1765300200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS credit_note_by_invoice ON credit_note (invoice_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX credit_note_by_invoice`);
  }
}
