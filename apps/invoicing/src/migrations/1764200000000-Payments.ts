import { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1764200000000 implements MigrationInterface {
  name = 'Payments1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // A second import of the same message id finds its row and changes nothing.
    await db.query(`
      CREATE TABLE payment_file (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        format text NOT NULL CHECK (format IN ('camt054')),
        message_id text NOT NULL,
        schema text,
        payment_count int NOT NULL CHECK (payment_count >= 0),
        ignored_entries int NOT NULL CHECK (ignored_entries >= 0),
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, format, message_id)
      )`);
    // The unique external id is what makes a repeated file, entry or request change nothing.
    await db.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        source text NOT NULL CHECK (source IN ('rest', 'camt054')),
        external_id text NOT NULL CHECK (external_id <> ''),
        file_id uuid REFERENCES payment_file(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        booking_date date NOT NULL,
        value_date date,
        reference text,
        normalised_reference text,
        debtor_name text,
        invoice_id uuid REFERENCES invoice(id),
        status text NOT NULL CHECK (status IN ('allocated', 'refund-proposed', 'unmatched')),
        unmatched_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, source, external_id),
        CHECK ((status = 'unmatched') = (invoice_id IS NULL))
      )`);
    await db.query(`CREATE INDEX payment_by_invoice ON payment (invoice_id) WHERE invoice_id IS NOT NULL`);
    await db.query(`CREATE INDEX payment_by_organisation ON payment (organisation_id, created_at)`);
    await db.query(`CREATE INDEX payment_unmatched ON payment (organisation_id, created_at) WHERE status = 'unmatched'`);
    // One allocation per payment and invoice: the workflow counts a payment id once, so a second
    // allocation of the same payment to the same invoice would never reach it.
    await db.query(`
      CREATE TABLE payment_allocation (
        id uuid PRIMARY KEY,
        payment_id uuid NOT NULL REFERENCES payment(id),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        allocated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        signalled_at timestamptz,
        delivery_attempts int NOT NULL DEFAULT 0,
        delivery_note text,
        UNIQUE (payment_id, invoice_id)
      )`);
    await db.query(`CREATE INDEX payment_allocation_by_invoice ON payment_allocation (invoice_id)`);
    await db.query(`CREATE INDEX payment_allocation_undelivered ON payment_allocation (created_at) WHERE signalled_at IS NULL`);
    await db.query(`
      CREATE TABLE credit_balance (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        client_number text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        payment_id uuid NOT NULL UNIQUE REFERENCES payment(id),
        invoice_id uuid REFERENCES invoice(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX credit_balance_by_client ON credit_balance (organisation_id, client_number)`);
    await db.query(`
      CREATE TABLE refund_proposal (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        client_number text NOT NULL,
        credit_balance_id uuid NOT NULL UNIQUE REFERENCES credit_balance(id),
        payment_id uuid NOT NULL REFERENCES payment(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        status text NOT NULL CHECK (status IN ('proposed', 'approved')),
        approved_by text,
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX refund_proposal_inbox ON refund_proposal (organisation_id, status, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE refund_proposal');
    await db.query('DROP TABLE credit_balance');
    await db.query('DROP TABLE payment_allocation');
    await db.query('DROP TABLE payment');
    await db.query('DROP TABLE payment_file');
  }
}
