import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the monthly billing run reads: clients, their dated billing settings, incomes, decided
 * services, price lists, registrations, absences, corrections, rent contracts and the saved
 * selection rules. Settings, services and prices are never deleted: they are end-dated, and the
 * exclusion constraints keep their periods from overlapping.
 */
export class BillingData1764400000000 implements MigrationInterface {
  name = 'BillingData1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        client_number text NOT NULL CHECK (client_number ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$'),
        -- never logged, never in a URL or a search attribute
        identity_code text NOT NULL,
        name text NOT NULL,
        date_of_death date,
        -- the spouse or cohabitant a couple is calculated with (both rows point at each other)
        spouse_client_id uuid REFERENCES client(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, client_number),
        UNIQUE (organisation_id, identity_code)
      )`);
    await db.query(`
      CREATE TABLE billing_setting (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        debiting_area text NOT NULL,
        fee_calculation_type text NOT NULL CHECK (fee_calculation_type IN ('single', 'couple')),
        accepts_maximum_fee boolean NOT NULL DEFAULT false,
        parish_code text,
        account_string text,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('client', 'guardian', 'trustee', 'relative', 'estate')),
        recipient_name text,
        -- {streetAddress, postalCode, city, country}
        recipient_address jsonb,
        residence_address jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        EXCLUDE USING gist (client_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await db.query(`CREATE INDEX billing_setting_by_area ON billing_setting (debiting_area, valid_from)`);
    await db.query(`
      CREATE TABLE client_income (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        gross_monthly_cents bigint NOT NULL CHECK (gross_monthly_cents >= 0),
        net_monthly_cents bigint NOT NULL CHECK (net_monthly_cents >= 0),
        deductions_cents bigint NOT NULL DEFAULT 0 CHECK (deductions_cents >= 0),
        household_size int NOT NULL DEFAULT 1 CHECK (household_size BETWEEN 1 AND 99),
        housing_cost_cents bigint NOT NULL DEFAULT 0 CHECK (housing_cost_cents >= 0),
        source text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        EXCLUDE USING gist (client_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await db.query(`
      CREATE TABLE decided_service (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        service_code text NOT NULL,
        description text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fi-home-care', 'fi-long-term-care', 'se-elderly-care', 'fixed-monthly')),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        service_cost_cents bigint NOT NULL CHECK (service_cost_cents >= 0),
        hours_per_month numeric(7, 2),
        care_type text,
        monthly_fee_cents bigint CHECK (monthly_fee_cents >= 0),
        absence_deductible boolean NOT NULL DEFAULT true,
        includes_care_housing_food boolean NOT NULL DEFAULT false,
        decision_reference text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'fixed-monthly' OR monthly_fee_cents IS NOT NULL),
        CHECK (kind <> 'fi-home-care' OR hours_per_month IS NOT NULL),
        EXCLUDE USING gist (client_id WITH =, service_code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await db.query(`CREATE INDEX decided_service_by_client ON decided_service (client_id, valid_from)`);
    await db.query(`
      CREATE TABLE price_list_item (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        code text NOT NULL,
        name text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('hour', 'piece', 'day')),
        price_cents bigint NOT NULL CHECK (price_cents >= 0),
        piece_priced boolean NOT NULL DEFAULT false,
        affects_maximum_fee boolean NOT NULL DEFAULT false,
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        EXCLUDE USING gist (organisation_id WITH =, code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await db.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        period text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        item_code text NOT NULL,
        performed_on date NOT NULL,
        quantity numeric(9, 2) NOT NULL CHECK (quantity > 0),
        registered_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX registration_by_client ON registration (client_id, period)`);
    await db.query(`
      CREATE TABLE absence (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        kind text NOT NULL CHECK (kind IN ('planned', 'unplanned')),
        notified_on date,
        first_day date NOT NULL,
        last_day date CHECK (last_day IS NULL OR last_day >= first_day),
        reason text,
        -- an open-ended absence's watch (bevakning): the day the unit manager checks it again
        watch_on date,
        registered_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'planned' OR notified_on IS NOT NULL),
        CHECK (last_day IS NULL OR watch_on IS NULL)
      )`);
    await db.query(`CREATE INDEX absence_by_client ON absence (client_id, first_day)`);
    await db.query(`CREATE INDEX absence_open ON absence (watch_on, client_id) WHERE last_day IS NULL`);
    await db.query(`
      CREATE TABLE correction (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        period text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
        text text NOT NULL,
        item_code text,
        made_by text NOT NULL,
        made_by_role text NOT NULL,
        -- a correction concerns its period but is billed on the next invoice made after it
        billed_invoice_id uuid REFERENCES invoice(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX correction_unbilled ON correction (client_id, period) WHERE billed_invoice_id IS NULL`);
    await db.query(`
      CREATE TABLE rent_contract (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client(id),
        housing text NOT NULL CHECK (housing IN ('care', 'service-apartment')),
        move_in date NOT NULL,
        contract_start date NOT NULL,
        move_out date,
        move_out_rent text CHECK (move_out_rent IN ('half', 'full')),
        contract_end date,
        monthly_rent_cents bigint NOT NULL CHECK (monthly_rent_cents >= 0),
        rent_free_month_period text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((move_out IS NULL) = (move_out_rent IS NULL))
      )`);
    await db.query(`CREATE INDEX rent_contract_by_client ON rent_contract (client_id, contract_start)`);
    await db.query(`
      CREATE TABLE selection_rule (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL REFERENCES organisation(id),
        name text NOT NULL,
        debiting_areas text[] NOT NULL CHECK (cardinality(debiting_areas) > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, name)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['selection_rule', 'rent_contract', 'correction', 'absence', 'registration', 'price_list_item', 'decided_service', 'client_income', 'billing_setting', 'client']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
