import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Debt follow-up's own tables (schema debt_followup): organisation settings, estates of deceased
 * clients, month-end debt reviews and the debt cases they keep, reminder letters, caseworker
 * tasks, the inbox, write-off proposals, debt restructurings, and the outbox of workflow starts.
 * Decisions and steps are append-only event rows with actor, time and grounds.
 */
export class DebtFollowup1765300000000 implements MigrationInterface {
  name = 'DebtFollowup1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation_settings (
        organisation_id text PRIMARY KEY CHECK (organisation_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        country text NOT NULL CHECK (country IN ('FI', 'SE')),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        time_zone text NOT NULL,
        -- [{role, maxCents}]: who signs write-off proposals, up to what amount (null: no limit)
        signing_limits jsonb NOT NULL,
        signature_reminder_days int NOT NULL DEFAULT 7 CHECK (signature_reminder_days BETWEEN 1 AND 60),
        month_end_review boolean NOT NULL DEFAULT true,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Workflows to start, written in the transaction that records the fact behind them, started
    // right after the commit and retried by a poller until Temporal has them.
    await db.query(`
      CREATE TABLE workflow_start (
        workflow_id text PRIMARY KEY,
        workflow_type text NOT NULL,
        args jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz
      )`);
    await db.query(`CREATE INDEX workflow_start_pending ON workflow_start (created_at) WHERE started_at IS NULL`);

    await db.query(`
      CREATE TABLE estate_case (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id uuid NOT NULL,
        -- known once invoicing has stopped the client's billing
        client_number text,
        date_of_death date NOT NULL,
        inventory_deadline date NOT NULL,
        source text NOT NULL CHECK (source IN ('population-register', 'manual')),
        source_reference text NOT NULL,
        reported_by text NOT NULL,
        state text NOT NULL,
        contact jsonb,
        inventory_outcome text,
        inventory_date date,
        write_off_proposal_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_on date,
        UNIQUE (organisation_id, client_id)
      )`);
    await db.query(`CREATE INDEX estate_case_by_state ON estate_case (organisation_id, state)`);
    await db.query(`CREATE INDEX estate_case_by_client_number ON estate_case (organisation_id, client_number)`);
    await db.query(`
      CREATE TABLE estate_event (
        id bigserial PRIMARY KEY,
        estate_case_id uuid NOT NULL REFERENCES estate_case(id),
        kind text NOT NULL,
        actor text NOT NULL,
        grounds text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        idempotency_key text UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX estate_event_by_case ON estate_event (estate_case_id, id)`);

    await db.query(`
      CREATE TABLE debt_review (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        month_end date NOT NULL,
        status text NOT NULL CHECK (status IN ('reading', 'reviewing', 'completed')),
        currency text,
        batches int,
        summary jsonb,
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (organisation_id, month_end)
      )`);
    await db.query(`
      CREATE TABLE debt_review_client (
        review_id uuid NOT NULL REFERENCES debt_review(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        client_number text NOT NULL,
        name text NOT NULL,
        language text CHECK (language IN ('fi', 'sv')),
        debiting_area text,
        status text NOT NULL CHECK (status IN ('active', 'deceased', 'moved', 'closed')),
        credit_balance_cents bigint NOT NULL DEFAULT 0,
        batch int,
        reviewed boolean NOT NULL DEFAULT false,
        PRIMARY KEY (review_id, client_id)
      )`);
    await db.query(`CREATE INDEX debt_review_client_batch ON debt_review_client (review_id, batch)`);
    await db.query(`
      CREATE TABLE debt_review_claim (
        review_id uuid NOT NULL REFERENCES debt_review(id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL,
        client_id uuid NOT NULL,
        invoice_number bigint NOT NULL,
        invoice_date date NOT NULL,
        due_date date NOT NULL,
        period text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        open_cents bigint NOT NULL CHECK (open_cents > 0),
        state text NOT NULL,
        PRIMARY KEY (review_id, invoice_id)
      )`);
    await db.query(`CREATE INDEX debt_review_claim_by_client ON debt_review_claim (review_id, client_id)`);

    await db.query(`
      CREATE TABLE debt_case (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id uuid NOT NULL,
        client_number text NOT NULL,
        client_name text NOT NULL,
        language text NOT NULL CHECK (language IN ('fi', 'sv')),
        debiting_area text,
        client_status text NOT NULL DEFAULT 'active',
        -- the fee officer who works on the case (avgiftshandläggare); null: nobody does
        handler text,
        -- the client's caseworker (biståndshandläggare / sosiaalityöntekijä)
        caseworker text,
        state text NOT NULL CHECK (state IN ('open', 'handed-over', 'closed')),
        escalated boolean NOT NULL DEFAULT false,
        notices_given text[] NOT NULL DEFAULT '{}',
        lettered_invoice_ids uuid[] NOT NULL DEFAULT '{}',
        flags text[] NOT NULL DEFAULT '{}',
        open_cents bigint NOT NULL DEFAULT 0,
        months int NOT NULL DEFAULT 0,
        currency text NOT NULL,
        opened_on date NOT NULL,
        last_review_id uuid REFERENCES debt_review(id),
        closed_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX debt_case_one_open_per_client ON debt_case (organisation_id, client_id) WHERE state <> 'closed'`);
    await db.query(`CREATE INDEX debt_case_by_organisation ON debt_case (organisation_id, state, debiting_area)`);
    await db.query(`CREATE INDEX debt_case_by_caseworker ON debt_case (organisation_id, caseworker) WHERE caseworker IS NOT NULL`);
    await db.query(`
      CREATE TABLE debt_case_event (
        id bigserial PRIMARY KEY,
        debt_case_id uuid NOT NULL REFERENCES debt_case(id),
        review_id uuid REFERENCES debt_review(id),
        kind text NOT NULL,
        actor text NOT NULL,
        grounds text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX debt_case_event_by_case ON debt_case_event (debt_case_id, id)`);
    await db.query(`CREATE INDEX debt_case_event_by_review ON debt_case_event (review_id, kind)`);

    // The standard reminder letter (påminnelsebrev) of one month end: the claims it lists; the
    // PDF with the invoice copies is made when it is printed.
    await db.query(`
      CREATE TABLE debt_letter (
        id uuid PRIMARY KEY,
        debt_case_id uuid NOT NULL REFERENCES debt_case(id),
        review_id uuid NOT NULL REFERENCES debt_review(id),
        organisation_id text NOT NULL,
        language text NOT NULL CHECK (language IN ('fi', 'sv')),
        -- [{invoiceId, invoiceNumber, invoiceDate, dueDate, openCents}]
        claims jsonb NOT NULL,
        total_cents bigint NOT NULL,
        currency text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (review_id, debt_case_id)
      )`);
    await db.query(`
      CREATE TABLE caseworker_task (
        id uuid PRIMARY KEY,
        debt_case_id uuid NOT NULL REFERENCES debt_case(id),
        review_id uuid NOT NULL REFERENCES debt_review(id),
        organisation_id text NOT NULL,
        assigned_to text,
        status text NOT NULL CHECK (status IN ('open', 'done')),
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        UNIQUE (debt_case_id, review_id)
      )`);
    await db.query(`CREATE INDEX caseworker_task_by_organisation ON caseworker_task (organisation_id, status)`);
    await db.query(`
      CREATE TABLE caseworker_step (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES caseworker_task(id),
        step text NOT NULL,
        outcome text NOT NULL,
        note text,
        actor text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX caseworker_step_by_task ON caseworker_step (task_id, id)`);

    await db.query(`
      CREATE TABLE inbox_item (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        recipient_role text NOT NULL,
        -- one person (a caseworker); null: anyone with the role
        recipient_user text,
        -- a unit manager's item: only the manager of this debiting area
        debiting_area text,
        kind text NOT NULL,
        subject text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        debt_case_id uuid,
        estate_case_id uuid,
        proposal_id uuid,
        review_id uuid,
        idempotency_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        done_by text
      )`);
    await db.query(`CREATE INDEX inbox_item_open ON inbox_item (organisation_id, recipient_role, created_at) WHERE done_at IS NULL`);

    await db.query(`
      CREATE TABLE write_off_proposal (
        id uuid PRIMARY KEY,
        proposal_key text NOT NULL UNIQUE,
        organisation_id text NOT NULL,
        client_id uuid NOT NULL,
        client_number text,
        grounds text NOT NULL,
        note text NOT NULL,
        -- null: every open invoice of the client
        invoice_ids uuid[],
        currency text NOT NULL,
        state text NOT NULL CHECK (state IN ('preparing', 'awaiting-signature', 'signed', 'rejected', 'written-off', 'void')),
        total_cents bigint NOT NULL DEFAULT 0,
        responsible_role text,
        signing_limits jsonb NOT NULL,
        reminder_days int NOT NULL,
        time_zone text NOT NULL,
        prepared_by text NOT NULL,
        prepared_at timestamptz NOT NULL DEFAULT now(),
        estate_case_id uuid REFERENCES estate_case(id),
        restructuring_id uuid,
        -- the manager's decision: written once
        decision text CHECK (decision IN ('signed', 'rejected')),
        decided_by text,
        decided_role text,
        decision_note text,
        decided_at timestamptz,
        closed_at timestamptz,
        -- the organisation's calendar day it was closed on (the reconciliation's quarters)
        closed_on date
      )`);
    await db.query(`CREATE INDEX write_off_proposal_by_organisation ON write_off_proposal (organisation_id, state)`);
    // The documentation from the ledger (kundreskontra) and what each write-off came to.
    await db.query(`
      CREATE TABLE write_off_proposal_invoice (
        proposal_id uuid NOT NULL REFERENCES write_off_proposal(id),
        invoice_id uuid NOT NULL,
        invoice_number bigint NOT NULL,
        invoice_date date NOT NULL,
        due_date date,
        total_cents bigint NOT NULL,
        open_cents bigint NOT NULL,
        state text NOT NULL,
        outcome text CHECK (outcome IN ('written-off', 'nothing-open', 'refused')),
        written_off_cents bigint,
        outcome_reason text,
        PRIMARY KEY (proposal_id, invoice_id)
      )`);

    await db.query(`
      CREATE TABLE debt_restructuring (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        client_id uuid NOT NULL,
        decision_reference text NOT NULL,
        decided_on date NOT NULL,
        effective_on date NOT NULL,
        write_off_on date NOT NULL,
        invoice_ids uuid[] NOT NULL,
        note text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        state text NOT NULL,
        proposal_id uuid,
        CHECK (effective_on >= decided_on),
        UNIQUE (organisation_id, decision_reference)
      )`);
    await db.query(`
      CREATE TABLE debt_restructuring_event (
        id bigserial PRIMARY KEY,
        restructuring_id uuid NOT NULL REFERENCES debt_restructuring(id),
        kind text NOT NULL,
        grounds text NOT NULL,
        idempotency_key text UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'debt_restructuring_event', 'debt_restructuring', 'write_off_proposal_invoice', 'write_off_proposal', 'inbox_item', 'caseworker_step', 'caseworker_task',
      'debt_letter', 'debt_case_event', 'debt_case', 'debt_review_claim', 'debt_review_client', 'debt_review', 'estate_event', 'estate_case', 'workflow_start', 'organisation_settings',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
