import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service vouchers and provider settlement (seed 003): the organisation's settings and voucher
 * services, providers with their units, contacts, bank accounts, attachments and applications,
 * price lists, clients and vouchers, reservations, service events, interruptions, decisions,
 * credits, settlements and feedback. Decisions, bank accounts and the record log are
 * append-only; price lists of one provider unit never overlap (an exclusion constraint).
 */
export class ProviderSettlement1765200000000 implements MigrationInterface {
  name = 'ProviderSettlement1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    await db.query(`
      CREATE TABLE settlement_organisation (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        country text NOT NULL CHECK (country IN ('FI', 'SE')),
        currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
        time_zone text NOT NULL,
        payer_name text NOT NULL,
        payer_iban text NOT NULL,
        payer_bic text NOT NULL,
        payer_business_id text,
        payment_term_days integer NOT NULL CHECK (payment_term_days BETWEEN 0 AND 90),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE voucher_service (
        organisation_id text NOT NULL REFERENCES settlement_organisation(id),
        code text NOT NULL,
        name text NOT NULL,
        -- continuing daily services (housing): automatic recording and interruptions
        continuing_daily boolean NOT NULL,
        PRIMARY KEY (organisation_id, code)
      )`);
    await db.query(`
      CREATE TABLE service_content (
        organisation_id text NOT NULL,
        service_code text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('day', 'hour', 'visit')),
        PRIMARY KEY (organisation_id, service_code, code),
        FOREIGN KEY (organisation_id, service_code) REFERENCES voucher_service(organisation_id, code)
      )`);
    await db.query(`
      CREATE TABLE required_attachment (
        organisation_id text NOT NULL,
        service_code text NOT NULL,
        kind text NOT NULL,
        level text NOT NULL CHECK (level IN ('company', 'unit')),
        description text NOT NULL,
        PRIMARY KEY (organisation_id, service_code, kind),
        FOREIGN KEY (organisation_id, service_code) REFERENCES voucher_service(organisation_id, code)
      )`);
    await db.query(`
      CREATE TABLE interruption_rule (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES settlement_organisation(id),
        service_code text,
        reason text CHECK (reason IN ('hospital', 'holiday', 'other')),
        valid_from date NOT NULL,
        bands jsonb NOT NULL,
        return_day_percent integer NOT NULL CHECK (return_day_percent BETWEEN 0 AND 100),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (organisation_id, service_code, reason, valid_from)
      )`);
    await db.query(`
      CREATE TABLE provider (
        -- a provider user's token names it (providerId), so it is text the identity provider can carry
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$'),
        organisation_id text NOT NULL REFERENCES settlement_organisation(id),
        business_id text NOT NULL,
        name text NOT NULL,
        street_address text NOT NULL,
        postal_code text NOT NULL,
        city text NOT NULL,
        email text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, business_id)
      )`);
    await db.query(`
      CREATE TABLE provider_unit (
        id uuid PRIMARY KEY,
        provider_id text NOT NULL REFERENCES provider(id),
        name text NOT NULL,
        street_address text NOT NULL,
        postal_code text NOT NULL,
        city text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX provider_unit_provider ON provider_unit (provider_id)');
    await db.query(`
      CREATE TABLE provider_contact (
        id uuid PRIMARY KEY,
        provider_id text NOT NULL REFERENCES provider(id),
        name text NOT NULL,
        email text NOT NULL,
        phone text,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE provider_bank_account (
        id bigserial PRIMARY KEY,
        provider_id text NOT NULL REFERENCES provider(id),
        iban text NOT NULL,
        bic text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX provider_bank_account_latest ON provider_bank_account (provider_id, id DESC)');
    await db.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY,
        provider_id text NOT NULL REFERENCES provider(id),
        unit_id uuid REFERENCES provider_unit(id),
        kind text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (octet_length(content) = size_bytes)
      )`);
    await db.query('CREATE INDEX attachment_provider ON attachment (provider_id)');
    await db.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        provider_id text NOT NULL REFERENCES provider(id),
        service_code text NOT NULL,
        unit_ids uuid[] NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'submitted', 'changes-requested', 'approved', 'rejected')),
        approved_from date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        reminded_at timestamptz,
        FOREIGN KEY (organisation_id, service_code) REFERENCES voucher_service(organisation_id, code)
      )`);
    await db.query(`
      CREATE TABLE application_decision (
        id text PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application(id),
        decision text NOT NULL CHECK (decision IN ('approve', 'request-changes', 'reject')),
        grounds text NOT NULL,
        approved_from date,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE approved_service (
        provider_id text NOT NULL REFERENCES provider(id),
        service_code text NOT NULL,
        approved_from date NOT NULL,
        application_id uuid NOT NULL REFERENCES application(id),
        PRIMARY KEY (provider_id, service_code)
      )`);
    await db.query(`
      CREATE TABLE price_list (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        provider_id text NOT NULL REFERENCES provider(id),
        unit_id uuid REFERENCES provider_unit(id),
        service_code text NOT NULL,
        name text NOT NULL,
        valid_from date NOT NULL,
        -- set when approved: the day before the next list of the same unit starts (null: until further notice)
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        state text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        grounds text,
        CONSTRAINT price_list_no_overlap EXCLUDE USING gist (
          provider_id WITH =, (coalesce(unit_id::text, 'company')) WITH =, service_code WITH =, daterange(valid_from, valid_to, '[]') WITH &&
        ) WHERE (state = 'approved')
      )`);
    await db.query(`
      CREATE TABLE price_list_item (
        price_list_id uuid NOT NULL REFERENCES price_list(id),
        content_code text NOT NULL,
        unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
        PRIMARY KEY (price_list_id, content_code)
      )`);
    await db.query(`
      CREATE TABLE voucher_client (
        organisation_id text NOT NULL REFERENCES settlement_organisation(id),
        -- invoicing's client id: never an identity code
        client_id text NOT NULL,
        client_number text NOT NULL,
        name text NOT NULL,
        date_of_death date,
        death_recorded_by text,
        death_recorded_at timestamptz,
        PRIMARY KEY (organisation_id, client_id)
      )`);
    await db.query(`
      CREATE TABLE voucher (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        number text NOT NULL,
        client_id text NOT NULL,
        service_code text NOT NULL,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        state text NOT NULL CHECK (state IN ('granted', 'open', 'closed')),
        closed_reason text,
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, number),
        FOREIGN KEY (organisation_id, client_id) REFERENCES voucher_client(organisation_id, client_id),
        FOREIGN KEY (organisation_id, service_code) REFERENCES voucher_service(organisation_id, code)
      )`);
    await db.query('CREATE INDEX voucher_client_idx ON voucher (organisation_id, client_id)');
    await db.query(`
      CREATE TABLE voucher_content (
        id uuid PRIMARY KEY,
        voucher_id uuid NOT NULL REFERENCES voucher(id),
        content_code text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('day', 'hour', 'visit')),
        unit_value_cents bigint NOT NULL CHECK (unit_value_cents >= 0),
        granted_quantity integer CHECK (granted_quantity > 0),
        granted_per text CHECK (granted_per IN ('month', 'week')),
        CHECK ((granted_quantity IS NULL) = (granted_per IS NULL)),
        UNIQUE (voucher_id, content_code)
      )`);
    await db.query(`
      CREATE TABLE reservation (
        id uuid PRIMARY KEY,
        voucher_content_id uuid NOT NULL UNIQUE REFERENCES voucher_content(id),
        voucher_id uuid NOT NULL REFERENCES voucher(id),
        provider_id text NOT NULL REFERENCES provider(id),
        unit_id uuid NOT NULL REFERENCES provider_unit(id),
        note text,
        reserved_by text NOT NULL,
        reserved_at timestamptz NOT NULL DEFAULT now(),
        -- a voucher's contents are reserved by one provider: its owner on every route
        CONSTRAINT reservation_one_provider EXCLUDE USING gist (voucher_id WITH =, provider_id WITH <>)
      )`);
    await db.query(`
      CREATE TABLE service_event (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        provider_id text NOT NULL REFERENCES provider(id),
        unit_id uuid NOT NULL REFERENCES provider_unit(id),
        voucher_id uuid NOT NULL REFERENCES voucher(id),
        voucher_content_id uuid NOT NULL REFERENCES voucher_content(id),
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        quantity integer NOT NULL CHECK (quantity > 0),
        price_cents bigint NOT NULL,
        voucher_value_cents bigint NOT NULL,
        own_share_cents bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('incomplete', 'complete')),
        approval text NOT NULL CHECK (approval IN ('not-needed', 'pending', 'approved', 'rejected')),
        automatic boolean NOT NULL DEFAULT false,
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        completed_by text,
        completed_at timestamptz,
        deleted_by text,
        deleted_at timestamptz,
        settlement_id uuid
      )`);
    await db.query('CREATE INDEX service_event_content ON service_event (voucher_content_id, start_date)');
    await db.query('CREATE INDEX service_event_unsettled ON service_event (organisation_id, end_date) WHERE settlement_id IS NULL AND deleted_at IS NULL');
    await db.query(`
      CREATE TABLE interruption (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        provider_id text NOT NULL REFERENCES provider(id),
        unit_id uuid NOT NULL REFERENCES provider_unit(id),
        voucher_id uuid NOT NULL REFERENCES voucher(id),
        voucher_content_id uuid NOT NULL REFERENCES voucher_content(id),
        reason text NOT NULL CHECK (reason IN ('hospital', 'holiday', 'other')),
        start_date date NOT NULL,
        end_date date CHECK (end_date IS NULL OR end_date >= start_date),
        returned boolean NOT NULL DEFAULT true,
        status text NOT NULL CHECK (status IN ('incomplete', 'complete')),
        -- fixed when completed: the rule applied, the days at their percentages and the compensation
        rule jsonb,
        days jsonb,
        compensated_days integer,
        uncompensated_days integer,
        compensation_cents bigint,
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        completed_by text,
        completed_at timestamptz,
        deleted_by text,
        deleted_at timestamptz,
        settlement_id uuid,
        CHECK (status = 'incomplete' OR (end_date IS NOT NULL AND compensation_cents IS NOT NULL))
      )`);
    await db.query('CREATE INDEX interruption_content ON interruption (voucher_content_id, start_date)');
    await db.query('CREATE INDEX interruption_unsettled ON interruption (organisation_id) WHERE settlement_id IS NULL AND deleted_at IS NULL');
    await db.query(`
      CREATE TABLE record_decision (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        event_id uuid NOT NULL REFERENCES service_event(id),
        decision text NOT NULL CHECK (decision IN ('approve', 'reject', 'approve-with-credit')),
        grounds text NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE credit (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        provider_id text NOT NULL REFERENCES provider(id),
        event_id uuid NOT NULL REFERENCES service_event(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        reason text NOT NULL,
        deduct_in_month text NOT NULL CHECK (deduct_in_month ~ '^\\d{4}-\\d{2}$'),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        settlement_id uuid,
        UNIQUE (event_id)
      )`);
    await db.query(`
      CREATE TABLE record_log (
        id bigserial PRIMARY KEY,
        subject_kind text NOT NULL CHECK (subject_kind IN ('event', 'interruption')),
        subject_id uuid NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`
      CREATE TABLE settlement (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES settlement_organisation(id),
        month text NOT NULL CHECK (month ~ '^\\d{4}-\\d{2}$'),
        state text NOT NULL CHECK (state IN ('open', 'settled')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        settled_on date,
        payment_date date,
        payment_file_id text,
        payment_file text,
        approver_reminded_at timestamptz,
        providers_reminded_at timestamptz,
        UNIQUE (organisation_id, month)
      )`);
    await db.query(`
      CREATE TABLE provider_settlement (
        settlement_id uuid NOT NULL REFERENCES settlement(id),
        provider_id text NOT NULL REFERENCES provider(id),
        events_cents bigint NOT NULL,
        interruptions_cents bigint NOT NULL,
        credits_cents bigint NOT NULL,
        carried_in_cents bigint NOT NULL,
        total_cents bigint NOT NULL,
        payable_cents bigint NOT NULL,
        carried_out_cents bigint NOT NULL,
        iban text,
        bic text,
        PRIMARY KEY (settlement_id, provider_id)
      )`);
    await db.query(`
      CREATE TABLE settlement_line (
        settlement_id uuid NOT NULL REFERENCES settlement(id),
        provider_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('event', 'interruption', 'credit')),
        item_id uuid NOT NULL,
        voucher_number text NOT NULL,
        client_number text NOT NULL,
        content_code text NOT NULL,
        unit_id uuid,
        start_date date,
        end_date date,
        quantity integer,
        amount_cents bigint NOT NULL,
        PRIMARY KEY (settlement_id, kind, item_id)
      )`);
    await db.query('CREATE INDEX settlement_line_provider ON settlement_line (settlement_id, provider_id)');
    await db.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        provider_id text NOT NULL REFERENCES provider(id),
        event_id uuid REFERENCES service_event(id),
        kind text NOT NULL CHECK (kind IN ('thanks', 'complaint', 'reclamation')),
        text text NOT NULL,
        answer_requested boolean NOT NULL,
        given_by text NOT NULL,
        given_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by text,
        answered_at timestamptz,
        reminded_at timestamptz,
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await db.query(`
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        organisation_id text NOT NULL,
        -- null: for the municipality's staff; otherwise for that provider's users
        provider_id text,
        audience text NOT NULL,
        subject_kind text NOT NULL,
        subject_id text NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX notification_inbox ON notification (organisation_id, provider_id, id DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'notification', 'feedback', 'settlement_line', 'provider_settlement', 'settlement', 'record_log', 'credit', 'record_decision', 'interruption',
      'service_event', 'reservation', 'voucher_content', 'voucher', 'voucher_client', 'price_list_item', 'price_list', 'approved_service',
      'application_decision', 'application', 'attachment', 'provider_bank_account', 'provider_contact', 'provider_unit', 'provider',
      'interruption_rule', 'required_attachment', 'service_content', 'voucher_service', 'settlement_organisation',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
