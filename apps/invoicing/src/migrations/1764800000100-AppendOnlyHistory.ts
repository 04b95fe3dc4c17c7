import { MigrationInterface, QueryRunner } from 'typeorm';

/** The ledger and history: rows are added, never changed or removed (ADR 0012). */
const APPEND_ONLY: Record<string, string[]> = {
  invoice_row: [],
  invoice_event: [],
  credit_note: [],
  fee_reduction_decision: [],
  payment_file: [],
  // An unmatched payment is allocated later (status, invoice, reason, the credit notes it settles);
  // its amount, date, reference and payer never change.
  payment: ['status', 'invoice_id', 'unmatched_reason', 'settled_credit_note_ids'],
  // The delivery of an allocation to the invoice's lifecycle is the signal outbox's bookkeeping (SignalOutbox1764600000000).
  payment_allocation: [],
};

/**
 * What people overwrite: each UPDATE or DELETE keeps the previous values and the actor in
 * change_history. The arguments are columns whose change is the system's bookkeeping, not a
 * person's overwrite (a correction marked billed by the run).
 */
const KEEP_HISTORY: Record<string, string[]> = {
  organisation: [],
  client: [],
  billing_setting: [],
  client_income: [],
  decided_service: [],
  price_list_item: [],
  registration: [],
  absence: [],
  correction: ['billed_invoice_id'],
  rent_contract: [],
  selection_rule: [],
  rule_period: [],
  deferral_approval: ['reminded_at'],
  refund_proposal: [],
};

/**
 * The invoice tables whose rows went with a deleted invoice: invoices are never deleted. The
 * billing run's batch checks the references to its invoices at commit, so those two stay
 * deferrable (BillingRuns1764500000000).
 */
const NO_CASCADE: Record<string, string> = {
  invoice_row: ' DEFERRABLE INITIALLY IMMEDIATE',
  invoice_event: ' DEFERRABLE INITIALLY IMMEDIATE',
  credit_note: '',
  deferral_approval: '',
};

const args = (columns: string[]) => columns.map((column) => `'${column}'`).join(', ');

export class AppendOnlyHistory1764800000100 implements MigrationInterface {
  name = 'AppendOnlyHistory1764800000100';

  async up(db: QueryRunner): Promise<void> {
    for (const [table, deferrable] of Object.entries(NO_CASCADE)) {
      await db.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_invoice_id_fkey, ADD CONSTRAINT ${table}_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice(id)${deferrable}`,
      );
    }
    for (const [table, bookkeeping] of Object.entries(APPEND_ONLY)) {
      await db.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_history_change(${args(bookkeeping)})`);
      await db.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
    }
    for (const [table, ignored] of Object.entries(KEEP_HISTORY)) {
      await db.query(`CREATE TRIGGER ${table}_keep_history AFTER UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION keep_history(${args(ignored)})`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of Object.keys(KEEP_HISTORY)) await db.query(`DROP TRIGGER ${table}_keep_history ON ${table}`);
    for (const table of Object.keys(APPEND_ONLY)) {
      await db.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
      await db.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
    }
    for (const [table, deferrable] of Object.entries(NO_CASCADE)) {
      await db.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_invoice_id_fkey, ADD CONSTRAINT ${table}_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice(id) ON DELETE CASCADE${deferrable}`,
      );
    }
  }
}
