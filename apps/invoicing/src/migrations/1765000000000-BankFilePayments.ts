import { MigrationInterface, QueryRunner } from 'typeorm';
import { paymentDeliveryKey } from '../payments/payment-delivery';

/**
 * Bank files accounted for in full (issue 16): a file is known by its receiving accounts and
 * message id and keeps the items it ignored with their reasons; a payment keeps every reference,
 * the bank's ids and the payer's date; reversals take payments back by rows of their own
 * (negative allocations and credit rows that name the row they undo), never by rewriting history.
 */
export class BankFilePayments1765000000000 implements MigrationInterface {
  name = 'BankFilePayments1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE payment_file ADD COLUMN accounts text NOT NULL DEFAULT ''`);
    await db.query(`ALTER TABLE payment_file ADD COLUMN reversal_count int NOT NULL DEFAULT 0 CHECK (reversal_count >= 0)`);
    await db.query(`ALTER TABLE payment_file ADD COLUMN ignored jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await db.query(`ALTER TABLE payment_file DROP CONSTRAINT payment_file_organisation_id_format_message_id_key`);
    // Banks reuse message ids across accounts (three ISO/SWIFT samples share one).
    await db.query(`ALTER TABLE payment_file ADD CONSTRAINT payment_file_once UNIQUE (organisation_id, format, accounts, message_id)`);

    await db.query(`ALTER TABLE payment ADD COLUMN account text`);
    await db.query(`ALTER TABLE payment ADD COLUMN payer_payment_date date`);
    await db.query(`ALTER TABLE payment ADD COLUMN "references" text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE payment ADD COLUMN normalised_references text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE payment ADD COLUMN end_to_end_id text`);
    await db.query(`ALTER TABLE payment ADD COLUMN transaction_id text`);
    await db.query(`ALTER TABLE payment ADD COLUMN uetr text`);
    await db.query(`ALTER TABLE payment ADD COLUMN settled_credit_note_ids uuid[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE payment DROP CONSTRAINT payment_status_check`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('allocated', 'refund-proposed', 'unmatched', 'reversed'))`);
    await db.query(`ALTER TABLE payment DROP CONSTRAINT payment_check`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_invoice_when_allocated CHECK (status NOT IN ('allocated', 'refund-proposed') OR invoice_id IS NOT NULL)`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_no_invoice_when_unmatched CHECK (status <> 'unmatched' OR invoice_id IS NULL)`);
    await db.query(`CREATE INDEX payment_reversal_lookup ON payment (organisation_id, amount_cents, booking_date) WHERE source = 'camt054'`);

    // A reversal's undoing: a negative row naming the allocation it takes back, signalled to the
    // invoice's lifecycle like any allocation (through signal_outbox).
    await db.query(`ALTER TABLE payment_allocation ADD COLUMN reverses_allocation_id uuid UNIQUE REFERENCES payment_allocation(id)`);
    await db.query(`ALTER TABLE payment_allocation DROP CONSTRAINT payment_allocation_amount_cents_check`);
    await db.query(`ALTER TABLE payment_allocation ADD CONSTRAINT payment_allocation_sign CHECK ((reverses_allocation_id IS NULL AND amount_cents > 0) OR (reverses_allocation_id IS NOT NULL AND amount_cents < 0))`);
    await db.query(`ALTER TABLE payment_allocation DROP CONSTRAINT payment_allocation_payment_id_invoice_id_key`);
    await db.query(`CREATE UNIQUE INDEX payment_allocation_once ON payment_allocation (payment_id, invoice_id) WHERE reverses_allocation_id IS NULL`);

    await db.query(`ALTER TABLE credit_balance ADD COLUMN reverses_credit_balance_id uuid UNIQUE REFERENCES credit_balance(id)`);
    await db.query(`ALTER TABLE credit_balance DROP CONSTRAINT credit_balance_amount_cents_check`);
    await db.query(`ALTER TABLE credit_balance ADD CONSTRAINT credit_balance_sign CHECK ((reverses_credit_balance_id IS NULL AND amount_cents > 0) OR (reverses_credit_balance_id IS NOT NULL AND amount_cents < 0))`);
    await db.query(`ALTER TABLE credit_balance DROP CONSTRAINT credit_balance_payment_id_key`);
    await db.query(`CREATE UNIQUE INDEX credit_balance_once ON credit_balance (payment_id) WHERE reverses_credit_balance_id IS NULL`);
    await db.query(`ALTER TABLE refund_proposal DROP CONSTRAINT refund_proposal_status_check`);
    await db.query(`ALTER TABLE refund_proposal ADD CONSTRAINT refund_proposal_status_check CHECK (status IN ('proposed', 'approved', 'withdrawn'))`);

    // A bank's reversal of a payment (RvslInd, a returned credit, a refunded direct debit). Once
    // per (organisation, external id); 'unresolved' waits for a person with the reason.
    await db.query(`
      CREATE TABLE payment_reversal (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        file_id uuid NOT NULL REFERENCES payment_file(id),
        external_id text NOT NULL CHECK (external_id <> ''),
        account text,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        booking_date date NOT NULL,
        "references" text[] NOT NULL DEFAULT '{}',
        return_reason text,
        reverses_payment_id uuid REFERENCES payment(id),
        found_by text CHECK (found_by IN ('bank-reference', 'amount-reference-date')),
        status text NOT NULL CHECK (status IN ('applied', 'unresolved')),
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, external_id),
        CHECK ((status = 'applied') = (reverses_payment_id IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX payment_reversed_once ON payment_reversal (reverses_payment_id) WHERE reverses_payment_id IS NOT NULL`);
    await db.query(`CREATE INDEX payment_reversal_unresolved ON payment_reversal (organisation_id, created_at) WHERE status = 'unresolved'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment_reversal');
    await db.query(`DELETE FROM refund_proposal WHERE status = 'withdrawn'`);
    await db.query('ALTER TABLE refund_proposal DROP CONSTRAINT refund_proposal_status_check');
    await db.query(`ALTER TABLE refund_proposal ADD CONSTRAINT refund_proposal_status_check CHECK (status IN ('proposed', 'approved'))`);
    await db.query('DELETE FROM credit_balance WHERE reverses_credit_balance_id IS NOT NULL');
    await db.query('DROP INDEX credit_balance_once');
    await db.query('ALTER TABLE credit_balance DROP CONSTRAINT credit_balance_sign');
    await db.query('ALTER TABLE credit_balance DROP COLUMN reverses_credit_balance_id');
    await db.query('ALTER TABLE credit_balance ADD CONSTRAINT credit_balance_amount_cents_check CHECK (amount_cents > 0)');
    await db.query('ALTER TABLE credit_balance ADD CONSTRAINT credit_balance_payment_id_key UNIQUE (payment_id)');
    await db.query(`DELETE FROM signal_outbox WHERE key IN (SELECT $1::text || id FROM payment_allocation WHERE reverses_allocation_id IS NOT NULL)`, [paymentDeliveryKey('')]);
    await db.query('DELETE FROM payment_allocation WHERE reverses_allocation_id IS NOT NULL');
    await db.query('DROP INDEX payment_allocation_once');
    await db.query('ALTER TABLE payment_allocation DROP CONSTRAINT payment_allocation_sign');
    await db.query('ALTER TABLE payment_allocation DROP COLUMN reverses_allocation_id');
    await db.query('ALTER TABLE payment_allocation ADD CONSTRAINT payment_allocation_amount_cents_check CHECK (amount_cents > 0)');
    await db.query('ALTER TABLE payment_allocation ADD CONSTRAINT payment_allocation_payment_id_invoice_id_key UNIQUE (payment_id, invoice_id)');
    await db.query('DROP INDEX payment_reversal_lookup');
    await db.query(`UPDATE payment SET status = 'unmatched', invoice_id = NULL WHERE status = 'reversed'`);
    await db.query('ALTER TABLE payment DROP CONSTRAINT payment_invoice_when_allocated');
    await db.query('ALTER TABLE payment DROP CONSTRAINT payment_no_invoice_when_unmatched');
    await db.query('ALTER TABLE payment DROP CONSTRAINT payment_status_check');
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('allocated', 'refund-proposed', 'unmatched'))`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_check CHECK ((status = 'unmatched') = (invoice_id IS NULL))`);
    for (const column of ['settled_credit_note_ids', 'uetr', 'transaction_id', 'end_to_end_id', 'normalised_references', '"references"', 'payer_payment_date', 'account']) {
      await db.query(`ALTER TABLE payment DROP COLUMN ${column}`);
    }
    await db.query('ALTER TABLE payment_file DROP CONSTRAINT payment_file_once');
    await db.query('ALTER TABLE payment_file ADD CONSTRAINT payment_file_organisation_id_format_message_id_key UNIQUE (organisation_id, format, message_id)');
    for (const column of ['ignored', 'reversal_count', 'accounts']) await db.query(`ALTER TABLE payment_file DROP COLUMN ${column}`);
  }
}
