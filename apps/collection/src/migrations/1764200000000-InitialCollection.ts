import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialCollection1764200000000 implements MigrationInterface {
  name = 'InitialCollection1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // One case per invoice, and one invoice per agency case id: the two unique keys are what
    // keep a retried transfer from opening a second case on either side.
    await db.query(`
      CREATE TABLE agency_case (
        invoice_id uuid PRIMARY KEY,
        case_id text NOT NULL UNIQUE,
        organisation_id text NOT NULL,
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        status text NOT NULL CHECK (status IN ('transferred-to-reminder', 'in-collection', 'recalled', 'paid', 'payment-plan', 'returned')),
        collection_costs_waived boolean NOT NULL DEFAULT false,
        transferred_at timestamptz NOT NULL DEFAULT now(),
        collection_transfer_date date,
        collection_started_at timestamptz,
        recalled_at timestamptz,
        recall_reason text,
        recalled_by text,
        last_report_id text,
        collected_cents bigint CHECK (collected_cents >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'recalled' OR (recalled_at IS NOT NULL AND collection_costs_waived))
      )`);
    await db.query(`CREATE INDEX agency_case_by_status ON agency_case (organisation_id, status)`);
    // Unique invoice_id: a retried or repeated sendReminder can never store a second reminder.
    await db.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY,
        invoice_id uuid NOT NULL UNIQUE REFERENCES agency_case(invoice_id),
        organisation_id text NOT NULL,
        country text NOT NULL CHECK (country IN ('FI', 'SE')),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        invoice_number bigint NOT NULL,
        client_number text NOT NULL,
        payment_reference text NOT NULL,
        invoice_due_date date NOT NULL,
        open_cents bigint NOT NULL CHECK (open_cents > 0),
        reminder_date date NOT NULL,
        due_date date NOT NULL,
        interest_from date NOT NULL,
        interest_to date NOT NULL,
        fee_cents bigint NOT NULL CHECK (fee_cents >= 0),
        interest_cents bigint NOT NULL CHECK (interest_cents >= 0),
        total_cents bigint NOT NULL,
        agency_case_id text NOT NULL REFERENCES agency_case(case_id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (total_cents = open_cents + fee_cents + interest_cents),
        CHECK (reminder_date > invoice_due_date AND due_date > reminder_date),
        CHECK (interest_from <= interest_to)
      )`);
    await db.query(`CREATE INDEX reminder_by_organisation ON reminder (organisation_id, created_at DESC)`);
    // Keyed by the agency's report id: a report delivered twice is stored once.
    await db.query(`
      CREATE TABLE agency_report (
        report_id text PRIMARY KEY,
        case_id text NOT NULL REFERENCES agency_case(case_id),
        invoice_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('paid', 'payment-plan', 'returned')),
        amount_cents bigint CHECK (amount_cents >= 0),
        reported_on date NOT NULL,
        received_by text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        signal_outcome text CHECK (signal_outcome IN ('signalled', 'workflow-not-running')),
        signalled_at timestamptz
      )`);
    await db.query(`CREATE INDEX agency_report_by_invoice ON agency_report (invoice_id, received_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agency_report');
    await db.query('DROP TABLE reminder');
    await db.query('DROP TABLE agency_case');
  }
}
