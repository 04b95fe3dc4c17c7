import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money paid to a written-off invoice is a recovered credit loss (palautunut luottotappio /
 * återvunnen kundförlust), up to what was written off; only the rest goes to the credit balance.
 */
export class CreditLossRecoveries1765300300000 implements MigrationInterface {
  name = 'CreditLossRecoveries1765300300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE payment DROP CONSTRAINT payment_status_check`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('allocated', 'refund-proposed', 'unmatched', 'reversed', 'credit-loss-recovered'))`);
    await db.query(`
      CREATE TABLE credit_loss_recovery (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        payment_id uuid NOT NULL UNIQUE REFERENCES payment(id),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX credit_loss_recovery_by_invoice ON credit_loss_recovery (invoice_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE credit_loss_recovery`);
    await db.query(`ALTER TABLE payment DROP CONSTRAINT payment_status_check`);
    await db.query(`ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('allocated', 'refund-proposed', 'unmatched', 'reversed'))`);
  }
}
