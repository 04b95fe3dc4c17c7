import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's own share of each settlement (issue 12 §8): one record per client and settled
 * month with the rows its invoice bills, and — once invoicing has made it — the invoice's id and
 * number. Written in the settlement's own transaction (ADR 0022), linked afterwards (ADR 0031).
 */
export class OwnShareInvoices1766020000000 implements MigrationInterface {
  name = 'OwnShareInvoices1766020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE own_share_invoice (
        id uuid PRIMARY KEY,
        settlement_id uuid NOT NULL REFERENCES settlement(id),
        organisation_id text NOT NULL,
        month text NOT NULL CHECK (month ~ '^\\d{4}-\\d{2}$'),
        client_id text NOT NULL,
        client_number text NOT NULL,
        -- the invoice's rows as the domain drew them up (ownShareInvoice), each with its event
        rows jsonb NOT NULL,
        total_cents bigint NOT NULL,
        invoiced_cents bigint NOT NULL CHECK (invoiced_cents >= 0),
        -- a total of zero or less is not invoiced: it starts the client's next own-share invoice
        carried_out_cents bigint NOT NULL CHECK (carried_out_cents <= 0),
        state text NOT NULL CHECK (state IN ('to-invoice', 'invoiced', 'nothing-to-invoice')),
        invoice_id uuid,
        invoice_number bigint,
        invoiced_at timestamptz,
        -- why invoicing could not make the invoice yet (sent again with the next settlement)
        problem text,
        problem_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (settlement_id, client_id),
        FOREIGN KEY (organisation_id, client_id) REFERENCES voucher_client(organisation_id, client_id),
        CHECK ((state = 'invoiced') = (invoice_id IS NOT NULL AND invoice_number IS NOT NULL)),
        CHECK ((state = 'nothing-to-invoice') = (invoiced_cents = 0))
      )`);
    await db.query(`CREATE INDEX own_share_invoice_to_send ON own_share_invoice (organisation_id, id) WHERE state = 'to-invoice'`);
    await db.query('CREATE INDEX own_share_invoice_client ON own_share_invoice (organisation_id, client_id, month DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE own_share_invoice');
  }
}
