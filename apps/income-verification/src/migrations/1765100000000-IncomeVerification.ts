import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consents, income reviews with what they fetched, the fetch log, self-reported incomes and fee
 * decisions. Consents, the fetch log and decisions are append-only: a withdrawal is a new consent
 * row, a decision is ended (valid_to) but never changed otherwise.
 */
export class IncomeVerification1765100000000 implements MigrationInterface {
  name = 'IncomeVerification1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('given', 'declined', 'withdrawn')),
        sources text[] NOT NULL,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX consent_by_client ON consent (organisation_id, client_id, recorded_at)`);
    await db.query(`
      CREATE TABLE review_case (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id text NOT NULL,
        reason text NOT NULL,
        with_decision boolean NOT NULL,
        service jsonb,
        state text NOT NULL,
        waiting_for text,
        legal_basis jsonb,
        proceed_without_registers boolean NOT NULL DEFAULT false,
        accepts_maximum_fee boolean NOT NULL DEFAULT false,
        deductions_cents bigint NOT NULL DEFAULT 0 CHECK (deductions_cents >= 0),
        -- what the population register said, without identity codes
        population jsonb,
        summary jsonb,
        proposal jsonb,
        review_date date NOT NULL,
        started_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX review_case_by_client ON review_case (organisation_id, client_id, created_at)`);
    await db.query(`CREATE INDEX review_case_by_state ON review_case (organisation_id, state)`);
    await db.query(`
      CREATE TABLE case_person (
        case_id uuid NOT NULL REFERENCES review_case(id),
        role text NOT NULL CHECK (role IN ('client', 'spouse')),
        -- never logged, never in a URL, a workflow input or a search attribute
        identity_code text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (case_id, role)
      )`);
    await db.query(`
      CREATE TABLE fetched_records (
        case_id uuid NOT NULL REFERENCES review_case(id),
        person text NOT NULL CHECK (person IN ('client', 'spouse')),
        source text NOT NULL,
        records jsonb NOT NULL,
        unknown_codes text[] NOT NULL DEFAULT '{}',
        fetched_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, person, source)
      )`);
    await db.query(`
      CREATE TABLE fetch_log (
        id bigserial PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id text NOT NULL,
        case_id uuid NOT NULL,
        person text NOT NULL,
        source text NOT NULL,
        purpose text NOT NULL,
        grounds text NOT NULL,
        actor text NOT NULL,
        outcome text NOT NULL,
        detail text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX fetch_log_by_client ON fetch_log (organisation_id, client_id, at)`);
    await db.query(`
      CREATE TABLE fetch_problem (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES review_case(id),
        source text NOT NULL,
        person text NOT NULL,
        problem text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE self_reported_income (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES review_case(id),
        person text NOT NULL CHECK (person IN ('client', 'spouse')),
        description text NOT NULL,
        monthly_gross_cents bigint NOT NULL CHECK (monthly_gross_cents >= 0),
        monthly_net_cents bigint NOT NULL CHECK (monthly_net_cents >= 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE fee_decision (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id text NOT NULL,
        case_id uuid NOT NULL UNIQUE REFERENCES review_case(id),
        fee_cents bigint NOT NULL CHECK (fee_cents >= 0),
        proposed_fee_cents bigint NOT NULL,
        action text NOT NULL CHECK (action IN ('confirm', 'adjust')),
        reason text,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        end_reason text,
        service jsonb NOT NULL,
        -- the copy of the incomes, the proposal's arithmetic and the rule versions it used
        incomes jsonb NOT NULL,
        proposal jsonb NOT NULL,
        rule_versions jsonb NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX fee_decision_by_client ON fee_decision (organisation_id, client_id, valid_from)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['fee_decision', 'self_reported_income', 'fetch_problem', 'fetch_log', 'fetched_records', 'case_person', 'review_case', 'consent']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
