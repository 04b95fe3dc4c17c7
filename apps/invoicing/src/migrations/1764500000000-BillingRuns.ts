import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing runs (seed 002 p.26-38): each selected client's calculation with its status (the red /
 * yellow / green of the source), errors and explained rows; the per-client period lock that also
 * makes invoice creation idempotent (one invoice per client and period, whatever is re-run).
 */
export class BillingRuns1764500000000 implements MigrationInterface {
  name = 'BillingRuns1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_run (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        period text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        selection_rule_id uuid NOT NULL REFERENCES selection_rule(id),
        kind text NOT NULL CHECK (kind IN ('monthly', 'correction')),
        -- the workflow that runs it; a Schedule's run opens its row by this key, once
        workflow_id text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('selecting', 'calculating', 'awaiting-approval', 'approved', 'invoicing', 'completed', 'cancelled')),
        -- set when the run is approved: the invoices' date
        invoice_date date,
        started_by text NOT NULL,
        approved_by text,
        approved_at timestamptz,
        journal_checksum text,
        approval_reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One monthly run per organisation, period and selection; correction runs may repeat.
    await db.query(`CREATE UNIQUE INDEX billing_run_monthly_once ON billing_run (organisation_id, period, selection_rule_id) WHERE kind = 'monthly' AND state <> 'cancelled'`);
    await db.query(`
      CREATE TABLE billing_run_client (
        run_id uuid NOT NULL REFERENCES billing_run(id),
        client_id uuid NOT NULL REFERENCES client(id),
        -- the lower client id of a couple: a batch never splits a household
        household_id uuid NOT NULL,
        batch int NOT NULL,
        client_number text NOT NULL,
        -- who receives the invoice, from the settings valid for the period
        recipient jsonb,
        -- the unbilled corrections the calculation included: billed with the invoice
        correction_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('not-calculated', 'calculated', 'error')),
        errors jsonb,
        rows jsonb,
        total_cents bigint,
        calculated_at timestamptz,
        invoice_id uuid REFERENCES invoice(id),
        PRIMARY KEY (run_id, client_id)
      )`);
    await db.query(`CREATE INDEX billing_run_client_batch ON billing_run_client (run_id, batch, household_id)`);
    await db.query(`CREATE INDEX billing_run_client_by_client ON billing_run_client (client_id)`);
    // The explanation of an invoice's rows is its calculation's (GET /invoices/{id}/explanation).
    await db.query(`CREATE INDEX billing_run_client_by_invoice ON billing_run_client (invoice_id) WHERE invoice_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE billing_period_lock (
        organisation_id text NOT NULL REFERENCES organisation(id),
        period text NOT NULL,
        client_id uuid NOT NULL REFERENCES client(id),
        run_id uuid NOT NULL REFERENCES billing_run(id),
        -- null when the calculation came to no invoice (a zero or negative total)
        invoice_id uuid REFERENCES invoice(id),
        locked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, period, client_id)
      )`);
    // Each selection (a service's debiting areas) has its billing day and its weekly correction run.
    await db.query(`
      ALTER TABLE selection_rule
        ADD COLUMN billing_day int CHECK (billing_day BETWEEN 1 AND 28),
        ADD COLUMN correction_weekday int CHECK (correction_weekday BETWEEN 1 AND 7)`);
    // A settings version fixed in place for the error list says who fixed it and when.
    await db.query('ALTER TABLE billing_setting ADD COLUMN corrected_by text, ADD COLUMN corrected_at timestamptz');
    await db.query(`ALTER TABLE invoice ADD COLUMN billing_period text, ADD COLUMN billing_run_id uuid REFERENCES billing_run(id)`);
    await db.query(`CREATE INDEX invoice_by_billing_run ON invoice (billing_run_id) WHERE billing_run_id IS NOT NULL`);
    // A billing batch writes everything that points at its invoices first and takes the gapless
    // numbers last, so the number series stays locked only for the invoices' own INSERT; the
    // references are checked at commit (SET CONSTRAINTS … DEFERRED in that transaction only).
    for (const [table, constraint] of [
      ['invoice_row', 'invoice_row_invoice_id_fkey'],
      ['invoice_event', 'invoice_event_invoice_id_fkey'],
      ['billing_run_client', 'billing_run_client_invoice_id_fkey'],
      ['billing_period_lock', 'billing_period_lock_invoice_id_fkey'],
      ['correction', 'correction_billed_invoice_id_fkey'],
    ]) {
      await db.query(`ALTER TABLE ${table} ALTER CONSTRAINT ${constraint} DEFERRABLE INITIALLY IMMEDIATE`);
    }
    await db.query(`
      ALTER TABLE invoice_row
        ADD COLUMN kind text,
        ADD COLUMN code text,
        ADD COLUMN quantity numeric(11, 2),
        ADD COLUMN unit_price_cents bigint,
        ADD COLUMN account_string text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE invoice_row DROP COLUMN kind, DROP COLUMN code, DROP COLUMN quantity, DROP COLUMN unit_price_cents, DROP COLUMN account_string');
    await db.query('ALTER TABLE invoice DROP COLUMN billing_period, DROP COLUMN billing_run_id');
    await db.query('ALTER TABLE selection_rule DROP COLUMN billing_day, DROP COLUMN correction_weekday');
    await db.query('ALTER TABLE billing_setting DROP COLUMN corrected_by, DROP COLUMN corrected_at');
    await db.query('DROP TABLE billing_period_lock');
    await db.query('DROP TABLE billing_run_client');
    await db.query('DROP TABLE billing_run');
  }
}
