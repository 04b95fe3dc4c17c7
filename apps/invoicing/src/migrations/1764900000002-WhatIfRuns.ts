import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What-if runs (docs/rules.md): a draft of next period's rule rows, every active client's fee
 * under today's rules and under the draft, the tallies by organisation and service, and the
 * approval that turns the draft into dated rows. Nothing here is read by billing.
 */
export class WhatIfRuns1764900000002 implements MigrationInterface {
  name = 'WhatIfRuns1764900000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE what_if_run (
        id uuid PRIMARY KEY,
        organisation_ids text[] NOT NULL CHECK (cardinality(organisation_ids) > 0),
        draft jsonb NOT NULL,
        valid_from date NOT NULL,
        -- the draft's first month, and the day whose rules are "today's"
        period text NOT NULL,
        rules_of date NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'approved')),
        population int NOT NULL DEFAULT 0,
        batches int NOT NULL DEFAULT 0,
        tallies jsonb,
        error text,
        drafted_by text NOT NULL,
        drafted_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        approved_by text,
        approved_at timestamptz,
        approval_grounds text,
        CHECK (approved_by IS NULL OR (approved_by <> drafted_by AND approved_at IS NOT NULL AND length(btrim(approval_grounds)) > 0))
      )`);
    await db.query('CREATE INDEX what_if_run_drafted ON what_if_run (drafted_at DESC)');
    // One row per client of the run: its household and batch when planned, its fees once compared.
    await db.query(`
      CREATE TABLE what_if_client (
        run_id uuid NOT NULL REFERENCES what_if_run(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        organisation_id text NOT NULL,
        household uuid NOT NULL,
        batch int NOT NULL,
        client_number text,
        currency text,
        status text CHECK (status IN ('compared', 'not-compared')),
        today_cents bigint,
        draft_cents bigint,
        change_cents bigint,
        direction text CHECK (direction IN ('more', 'less', 'same')),
        crosses_zero text CHECK (crosses_zero IN ('starts-paying', 'stops-paying')),
        crosses_maximum text CHECK (crosses_maximum IN ('reaches-maximum', 'leaves-maximum')),
        today_at_maximum boolean,
        draft_at_maximum boolean,
        today_by_service jsonb,
        draft_by_service jsonb,
        problems jsonb,
        PRIMARY KEY (run_id, client_id)
      )`);
    await db.query('CREATE INDEX what_if_client_batch ON what_if_client (run_id, batch)');
    await db.query('CREATE INDEX what_if_client_listing ON what_if_client (run_id, organisation_id, client_number)');
    await db.query(`
      CREATE TABLE what_if_batch (
        run_id uuid NOT NULL REFERENCES what_if_run(id) ON DELETE CASCADE,
        batch int NOT NULL,
        clients int NOT NULL,
        tallies jsonb NOT NULL,
        compared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, batch)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE what_if_batch');
    await db.query('DROP TABLE what_if_client');
    await db.query('DROP TABLE what_if_run');
  }
}
