import type { Client as PgClient, Pool } from 'pg';

/**
 * A city's month of billing data, generated in Postgres: clients in ten debiting areas with
 * settings, incomes and decided services (70 % home care, 10 % long-term care, 20 % a fixed
 * support fee), couples (2 %) with one spouse in long-term care, registrations for 60 % of the
 * clients, planned and unplanned absences, and corrections.
 */
export async function generateBillingData(pg: PgClient | Pool, organisationId: string, clients: number, period: string): Promise<{ selectionRuleId: string }> {
  const first = `${period}-01`;
  const params = [organisationId, clients, first];
  await pg.query(
    `INSERT INTO price_list_item (id, organisation_id, code, name, unit, price_cents, piece_priced, affects_maximum_fee, valid_from, created_by)
     VALUES (gen_random_uuid(), $1, 'CLEAN', 'Cleaning', 'hour', 3500, false, false, '2020-01-01', 'bench'),
            (gen_random_uuid(), $1, 'MEAL', 'Lunch delivered', 'piece', 650, true, false, '2020-01-01', 'bench'),
            (gen_random_uuid(), $1, 'BASKET', 'Food basket', 'piece', 1200, true, false, '2020-01-01', 'bench')`,
    [organisationId],
  );
  const [{ id: selectionRuleId }] = (
    await pg.query(
      `INSERT INTO selection_rule (id, organisation_id, name, debiting_areas, created_by)
       VALUES (gen_random_uuid(), $1, 'All areas', ARRAY['A0','A1','A2','A3','A4','A5','A6','A7','A8','A9'], 'bench') RETURNING id`,
      [organisationId],
    )
  ).rows as Array<{ id: string }>;
  await pg.query(
    `INSERT INTO client (id, organisation_id, client_number, identity_code, name)
     SELECT md5($1 || i)::uuid, $1, 'B-' || i, 'bench-' || i, 'Bench Client ' || i FROM generate_series(1, $2) AS i`,
    [organisationId, clients],
  );
  // Couples: clients 50k+1 and 50k+2 live together.
  await pg.query(
    `UPDATE client c SET spouse_client_id = md5($1 || (CASE WHEN i % 50 = 1 THEN i + 1 ELSE i - 1 END))::uuid
       FROM generate_series(1, $2) AS i
      WHERE c.id = md5($1 || i)::uuid AND i % 50 IN (1, 2) AND i < $2`,
    [organisationId, clients],
  );
  await pg.query(
    `INSERT INTO billing_setting (id, client_id, valid_from, debiting_area, fee_calculation_type, parish_code, account_string, recipient_kind,
                                  residence_address, created_by)
     SELECT gen_random_uuid(), md5($1 || i)::uuid, '2020-01-01', 'A' || (i % 10), CASE WHEN i % 50 IN (1, 2) AND i < $2 THEN 'couple' ELSE 'single' END,
            NULL, '4100-' || (i % 10), 'client',
            jsonb_build_object('streetAddress', 'Koivukuja ' || (i % 200 + 1), 'postalCode', '02100', 'city', 'Espoo', 'country', 'FI'), 'bench'
       FROM generate_series(1, $2) AS i`,
    [organisationId, clients],
  );
  await pg.query(
    `INSERT INTO client_income (id, client_id, valid_from, gross_monthly_cents, net_monthly_cents, deductions_cents, household_size, source, created_by)
     SELECT gen_random_uuid(), md5($1 || i)::uuid, '2020-01-01', g, g * 8 / 10, CASE WHEN i % 10 = 7 THEN 5000 ELSE 0 END,
            CASE WHEN i % 50 IN (1, 2) AND i < $2 THEN 2 ELSE 1 END, 'bench', 'bench'
       FROM generate_series(1, $2) AS i, LATERAL (SELECT 110000 + (i * 3701) % 250000 AS g) AS income`,
    [organisationId, clients],
  );
  await pg.query(
    `INSERT INTO decided_service (id, client_id, service_code, description, kind, valid_from, service_cost_cents, hours_per_month, care_type, monthly_fee_cents, created_by)
     SELECT gen_random_uuid(), md5($1 || i)::uuid,
            CASE WHEN k = 'fi-home-care' THEN 'HOME' WHEN k = 'fi-long-term-care' THEN 'LTC' ELSE 'SUPPORT' END,
            CASE WHEN k = 'fi-home-care' THEN 'Continuous home care' WHEN k = 'fi-long-term-care' THEN 'Enhanced service housing' ELSE 'Support service' END,
            k, '2020-01-01',
            CASE WHEN k = 'fi-long-term-care' THEN 400000 ELSE 150000 END,
            CASE WHEN k = 'fi-home-care' THEN 8 + i % 50 END,
            CASE WHEN k = 'fi-long-term-care' THEN 'enhanced-service-housing' END,
            CASE WHEN k = 'fixed-monthly' THEN 4500 END, 'bench'
       FROM generate_series(1, $2) AS i,
            LATERAL (SELECT CASE WHEN i % 50 = 1 AND i < $2 THEN 'fi-long-term-care' WHEN i % 50 = 2 THEN 'fi-home-care'
                                 WHEN i % 10 < 7 THEN 'fi-home-care' WHEN i % 10 = 7 THEN 'fi-long-term-care' ELSE 'fixed-monthly' END AS k) AS kind`,
    [organisationId, clients],
  );
  await pg.query(
    `INSERT INTO registration (id, client_id, period, item_code, performed_on, quantity, registered_by)
     SELECT gen_random_uuid(), md5($1 || i)::uuid, to_char($3::date, 'YYYY-MM'), r.code, $3::date + r.day, r.quantity, 'bench'
       FROM generate_series(1, $2) AS i,
            (VALUES ('CLEAN', 2, 2.0), ('MEAL', 9, 10.0), ('BASKET', 19, 1.0)) AS r(code, day, quantity)
      WHERE i % 5 < 3`,
    params,
  );
  await pg.query(
    `INSERT INTO absence (id, client_id, kind, notified_on, first_day, last_day, registered_by)
     SELECT gen_random_uuid(), md5($1 || i)::uuid, 'planned', $3::date - 10, $3::date + 4, $3::date + 17, 'bench' FROM generate_series(1, $2) AS i WHERE i % 20 = 0`,
    params,
  );
  await pg.query(
    `INSERT INTO absence (id, client_id, kind, first_day, last_day, registered_by)
     SELECT gen_random_uuid(), md5($1 || i)::uuid, 'unplanned', $3::date + 11, $3::date + 13, 'bench' FROM generate_series(1, $2) AS i WHERE i % 33 = 0`,
    params,
  );
  await pg.query(
    `INSERT INTO correction (id, client_id, period, amount_cents, text, made_by, made_by_role)
     SELECT gen_random_uuid(), md5($1 || i)::uuid, to_char($3::date, 'YYYY-MM'), -500, 'Alarm button returned: refund', 'bench', 'client-fee-officer'
       FROM generate_series(1, $2) AS i WHERE i % 100 = 0`,
    params,
  );
  await pg.query('ANALYZE');
  return { selectionRuleId };
}
