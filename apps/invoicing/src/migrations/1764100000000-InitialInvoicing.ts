import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialInvoicing1764100000000 implements MigrationInterface {
  name = 'InitialInvoicing1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name text NOT NULL,
        country text NOT NULL CHECK (country IN ('FI', 'SE')),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        time_zone text NOT NULL,
        payment_term_days int NOT NULL CHECK (payment_term_days BETWEEN 0 AND 365),
        due_date_banking_days int NOT NULL CHECK (due_date_banking_days BETWEEN 0 AND 30),
        deferral_officer_months int NOT NULL DEFAULT 3 CHECK (deferral_officer_months BETWEEN 0 AND 24),
        deferral_supervisor_months int NOT NULL DEFAULT 12 CHECK (deferral_supervisor_months BETWEEN 0 AND 36),
        deferral_approval_reminder_banking_days int NOT NULL DEFAULT 3 CHECK (deferral_approval_reminder_banking_days BETWEEN 1 AND 30),
        transfer_after_days_overdue int NOT NULL DEFAULT 17 CHECK (transfer_after_days_overdue BETWEEN 0 AND 365),
        transfer_schedule_kind text NOT NULL DEFAULT 'weekly' CHECK (transfer_schedule_kind IN ('weekly', 'monthly')),
        -- weekly: ISO weekday 1-7 (Tuesday = 2); monthly: day of the month 1-31 (seed 004: the 15th)
        transfer_schedule_day int NOT NULL DEFAULT 2 CHECK (transfer_schedule_day BETWEEN 1 AND 31),
        reminder_due_days int NOT NULL DEFAULT 14 CHECK (reminder_due_days BETWEEN 1 AND 90),
        -- null: the country's default (FI 2.10 EUR, SE 60 SEK), always within the legal cap
        reminder_fee_cents int CHECK (reminder_fee_cents >= 0),
        CHECK (deferral_supervisor_months >= deferral_officer_months)
      )`);
    // Gapless per organisation: the number is taken by a row-locking UPDATE in the transaction
    // that inserts the invoice, so a rolled-back invoice gives its number back.
    await db.query(`
      CREATE TABLE invoice_number_series (
        organisation_id text PRIMARY KEY REFERENCES organisation(id),
        next_number bigint NOT NULL DEFAULT 1 CHECK (next_number >= 1)
      )`);
    await db.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        invoice_number bigint NOT NULL,
        payment_reference text NOT NULL,
        payment_reference_international text,
        recipient jsonb NOT NULL,
        client_number text NOT NULL,
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        total_cents bigint NOT NULL,
        invoice_date date NOT NULL,
        due_date date,
        -- due date + the organisation's transfer_after_days_overdue: the first transfer run that may take it
        transfer_eligible_date date,
        state text NOT NULL,
        created_by text NOT NULL,
        lifecycle_started boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, invoice_number),
        UNIQUE (organisation_id, payment_reference)
      )`);
    await db.query(`CREATE INDEX invoice_by_state ON invoice (organisation_id, state, due_date)`);
    await db.query(`CREATE INDEX invoice_by_client ON invoice (organisation_id, client_number)`);
    await db.query(`CREATE INDEX invoice_transfer_eligible ON invoice (organisation_id, transfer_eligible_date) WHERE state = 'overdue'`);
    await db.query(`CREATE INDEX invoice_lifecycle_not_started ON invoice (created_at) WHERE NOT lifecycle_started`);
    await db.query(`
      CREATE TABLE invoice_row (
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        line_number int NOT NULL,
        description text NOT NULL,
        amount_cents bigint NOT NULL,
        PRIMARY KEY (invoice_id, line_number)
      )`);
    await db.query(`
      CREATE TABLE invoice_event (
        id bigserial PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        state text NOT NULL,
        actor text NOT NULL,
        reason text NOT NULL,
        idempotency_key text UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX invoice_event_by_invoice ON invoice_event (invoice_id, occurred_at)`);
    // Fixed-term § 11 decisions: reminders and collection of the client's invoices wait meanwhile.
    await db.query(`
      CREATE TABLE fee_reduction_decision (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        client_number text NOT NULL,
        decision_reference text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL CHECK (valid_to >= valid_from),
        decided_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, decision_reference)
      )`);
    await db.query(`CREATE INDEX fee_reduction_by_client ON fee_reduction_decision (organisation_id, client_number, valid_to)`);
    // Credit notes take their numbers from the same gapless series as invoices.
    await db.query(`
      CREATE TABLE credit_note (
        id uuid PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        organisation_id text NOT NULL,
        credit_note_number bigint NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        reason text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        idempotency_key text UNIQUE,
        UNIQUE (organisation_id, credit_note_number)
      )`);
    // The billing supervisor's inbox: long deferrals waiting for a decision.
    await db.query(`
      CREATE TABLE deferral_approval (
        id uuid PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        organisation_id text NOT NULL,
        requested_due_date date NOT NULL,
        requested_by text NOT NULL,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'withdrawn')),
        decided_by text,
        decision_note text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        reminded_at timestamptz,
        decided_at timestamptz,
        idempotency_key text UNIQUE
      )`);
    await db.query(`CREATE INDEX deferral_approval_inbox ON deferral_approval (organisation_id, status, requested_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE fee_reduction_decision');
    await db.query('DROP TABLE credit_note');
    await db.query('DROP TABLE deferral_approval');
    await db.query('DROP TABLE invoice_event');
    await db.query('DROP TABLE invoice_row');
    await db.query('DROP TABLE invoice');
    await db.query('DROP TABLE invoice_number_series');
    await db.query('DROP TABLE organisation');
  }
}
