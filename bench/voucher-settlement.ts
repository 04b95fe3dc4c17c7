import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { voucherSettlementStatusQuery, voucherSettlementWorkflowId } from '@clientfees/contracts';
import { ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';
import { runBenchmark, writeBenchmarkSection } from './support';

/**
 * `npm run bench` (voucher part): the monthly settlement of BENCH_VOUCHER_CONTENTS (20,000)
 * voucher contents through the real provider-settlement service and workflow worker (processes,
 * as `npm start` runs them) on a dev server and Postgres. The month's records are generated in
 * SQL; the settlement is started through REST and timed until its workflow has settled the month
 * (lines, provider totals, items locked, pain.001 stored, each client's own share drawn up). The
 * workflow's next step, sending the own shares to invoicing (ADR 0031), is not part of the
 * figure: invoicing does not run here, and its invoices and lifecycle starts are measured by the
 * billing and start benchmarks. The same settlement lines, provider totals and own shares are
 * then inserted raw (multi-row INSERTs, no reading or deciding) into copies of the
 * tables to give the ratio.
 */

const SECTION = 'voucher-settlement';
const ORGANISATION = 'fi-bench';
/** A month long past: the workflow finds its 4th gone by and settles at once. */
const MONTH = '2026-09';
const PREVIOUS = '2026-08';
const PROVIDERS = 40;
const TARGET_SECONDS = 60;
const TARGET_RATIO = 4;
const HEADING = `## Monthly voucher settlement of 20,000 voucher contents (\`npm run bench\`, bench/voucher-settlement.ts)

Issue 12: "a monthly settlement of 20,000 voucher contents with events and interruptions; figures
beside a raw insert of the same rows. Target: ≤ 60 s and within 4× of the raw insert." The data
(generated in SQL by the benchmark): 40 providers with a unit and a bank account each; 20,000
vouchers with one content each, reserved; 70 % enhanced service housing counted in days (a
whole-month event, or for 2 % a hospital stay of 11 days in the month with events around it, for
2 % a stay that runs into the next month, for 1 % an unconfirmed event), 30 % home care counted in
hours (8 visits of 2 h, for 1 % one of them waiting for approval); 1 % of the home-care contents
have a credit request from the month before to deduct. The settlement goes through the real
provider-settlement service and workflow worker (processes) on a Temporal dev server; the raw
insert writes the same settlement lines, provider totals and clients' own shares with multi-row
INSERTs into copies of the tables (same indexes). The settlement's transaction draws up each
client's own share (ADR 0031); the workflow's next step, sending the own shares to invoicing as invoices, is not
timed here (invoicing does not run in this benchmark).`;
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const CONTENTS = Number(process.env.BENCH_VOUCHER_CONTENTS ?? (QUICK ? 2_000 : 20_000));
const WRITE = process.env.BENCH_WRITE !== '0' && CONTENTS >= 20_000;
const TIMEOUT_MS = Number(process.env.BENCH_VOUCHER_TIMEOUT_S ?? 600) * 1000;

const log = (message: string) => console.log(`[bench:vouchers] ${new Date().toISOString().slice(11, 19)} ${message}`);

async function main(): Promise<void> {
  let stack: ProcessStack | undefined;
  try {
    stack = await startProcessStack({ names: ['provider-settlement', 'workflows'] });
    await stack.start('provider-settlement');
    await stack.start('workflows');
    const call = serviceApi(() => stack!.url('provider-settlement'), 'bench', { organisations: [ORGANISATION] }).ok;

    await call('PUT', `/settlement-organisations/${ORGANISATION}`, ['administrator'], {
      name: 'Benchmark city',
      country: 'FI',
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      payerName: 'Benchmark city',
      payerIban: 'FI2112345600000785',
      payerBic: 'NDEAFIHH',
      payerBusinessId: '0245437-2',
      paymentTermDays: 14,
    });
    await call('PUT', `/settlement-organisations/${ORGANISATION}/services/ENHANCED-HOUSING`, ['administrator'], {
      name: 'Enhanced service housing',
      continuingDaily: true,
      contents: [{ code: 'CARE-DAY', name: 'Care day', unit: 'day' }],
      requiredAttachments: [],
    });
    await call('PUT', `/settlement-organisations/${ORGANISATION}/services/HOME-CARE`, ['administrator'], {
      name: 'Home care',
      continuingDaily: false,
      contents: [{ code: 'CARE-HOUR', name: 'Home care hour', unit: 'hour' }],
      requiredAttachments: [],
    });

    const data = new PgClient({ connectionString: stack.db.url });
    await data.connect();
    await data.query('SET search_path TO provider_settlement, public');
    let started = performance.now();
    await generateVoucherMonth(data, CONTENTS);
    const counts = await itemCounts(data);
    log(`generated ${CONTENTS} voucher contents: ${counts.events} events, ${counts.interruptions} interruptions, ${counts.credits} credits in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    await call('POST', '/settlements', ['finance-centre'], { organisationId: ORGANISATION, month: MONTH });
    // Settled once the workflow moves on to the own-share invoices (or ends): polled every 50 ms.
    const handle = stack.temporal.client.workflow.getHandle(voucherSettlementWorkflowId(ORGANISATION, MONTH));
    let status = await handle.query(voucherSettlementStatusQuery);
    while (status.phase !== 'invoicing-own-shares' && status.phase !== 'settled') {
      if (performance.now() - started > TIMEOUT_MS) throw new Error('the settlement took longer than BENCH_VOUCHER_TIMEOUT_S');
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await handle.query(voucherSettlementStatusQuery);
    }
    const settleSeconds = (performance.now() - started) / 1000;
    const settlementId = status.settlementId;
    const result = await settledSummary(data, settlementId);
    const lines = await lineCounts(data, settlementId);
    log(`settled ${lines.event} events, ${lines.interruption} interruptions, ${lines.credit} credits for ${result.providers} providers in ${settleSeconds.toFixed(1)} s`);
    if (settleSeconds * 1000 > TIMEOUT_MS) throw new Error('the settlement took longer than BENCH_VOUCHER_TIMEOUT_S');

    const rawSeconds = await rawInsert(data, settlementId);
    log(`raw insert of the same lines, totals and own shares: ${rawSeconds.toFixed(2)} s`);
    await data.end();

    const ratio = settleSeconds / rawSeconds;
    const loads = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${loads} at the end; Postgres on the same machine.`,
      '',
      '| step | rows | seconds |',
      '|---|---|---|',
      `| generate the month (SQL, not counted) | ${CONTENTS} contents, ${counts.events} events, ${counts.interruptions} interruptions, ${counts.credits} credits | — |`,
      `| **settlement: POST /settlements → workflow settled** | ${lines.event} events, ${lines.interruption} interruptions, ${lines.credit} credits settled; ${result.providers} providers; payment file ${result.paymentFileId ? 'stored' : 'none'}; ${result.ownShares} clients' own shares drawn up | **${settleSeconds.toFixed(1)}** (target ≤ ${TARGET_SECONDS}: ${settleSeconds <= TARGET_SECONDS ? 'PASS' : 'FAIL'}) |`,
      `| raw multi-row insert of the same lines, provider totals and own shares | ${lines.event + lines.interruption + lines.credit} lines, ${result.providers} totals, ${result.ownShares} own shares | ${rawSeconds.toFixed(2)} |`,
      '',
      `Ratio settlement / raw insert: **${ratio.toFixed(1)}×** (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}). Left out as the rules say: unconfirmed events, events waiting for approval, interruptions that end next month.`,
    ].join('\n');
    console.log(report);
    if (WRITE) writeBenchmarkSection(SECTION, HEADING, report);
  } finally {
    await stack?.stop();
  }
}

/** What the settlement stored: providers settled, the payment file, the clients' own shares. */
async function settledSummary(pg: PgClient, settlementId: string): Promise<{ providers: number; paymentFileId: string | null; ownShares: number }> {
  const [row] = (
    await pg.query(
      `SELECT (SELECT count(*)::int FROM provider_settlement WHERE settlement_id = $1) AS providers, (SELECT payment_file_id FROM settlement WHERE id = $1) AS "paymentFileId",
              (SELECT count(*)::int FROM own_share_invoice WHERE settlement_id = $1) AS "ownShares"`,
      [settlementId],
    )
  ).rows;
  return row;
}

/**
 * The month's records in SQL, as the service would have stored them: ids derived from the content
 * number so that each kind of record finds its voucher, content, provider and unit.
 */
async function generateVoucherMonth(pg: PgClient, contents: number): Promise<void> {
  const first = `${MONTH}-01`;
  const id = (kind: string, expr = 'i') => `md5('${kind}-' || ${expr})::uuid`;
  const provider = `'bench-p' || (i % ${PROVIDERS})`;
  await pg.query(
    `INSERT INTO provider (id, organisation_id, business_id, name, street_address, postal_code, city, email, created_by)
     SELECT 'bench-p' || i, $1, 'B' || i, 'Provider ' || i, 'Katu ' || i, '45100', 'Kouvola', 'p' || i || '@bench.example', 'bench' FROM generate_series(0, ${PROVIDERS - 1}) i`,
    [ORGANISATION],
  );
  await pg.query(`INSERT INTO provider_unit (id, provider_id, name, street_address, postal_code, city) SELECT ${id('unit')}, 'bench-p' || i, 'Unit ' || i, 'Katu ' || i, '45100', 'Kouvola' FROM generate_series(0, ${PROVIDERS - 1}) i`);
  await pg.query(`INSERT INTO provider_bank_account (provider_id, iban, bic, recorded_by) SELECT 'bench-p' || i, 'FI4950009420028730', 'OKOYFIHH', 'bench' FROM generate_series(0, ${PROVIDERS - 1}) i`);
  const series = `FROM generate_series(1, ${contents}) i`;
  const housing = `(i % 10 < 7)`;
  await pg.query(`INSERT INTO voucher_client (organisation_id, client_id, client_number, name) SELECT $1, 'bench-client-' || i, 'C-' || i, 'Client ' || i ${series}`, [ORGANISATION]);
  await pg.query(
    `INSERT INTO voucher (id, organisation_id, number, client_id, service_code, valid_from, state, granted_by)
     SELECT ${id('voucher')}, $1, 'V-' || i, 'bench-client-' || i, CASE WHEN ${housing} THEN 'ENHANCED-HOUSING' ELSE 'HOME-CARE' END, '2026-01-01', 'open', 'bench' ${series}`,
    [ORGANISATION],
  );
  await pg.query(
    `INSERT INTO voucher_content (id, voucher_id, content_code, unit, unit_value_cents, granted_quantity, granted_per)
     SELECT ${id('content')}, ${id('voucher')}, CASE WHEN ${housing} THEN 'CARE-DAY' ELSE 'CARE-HOUR' END, CASE WHEN ${housing} THEN 'day' ELSE 'hour' END,
            CASE WHEN ${housing} THEN 8200 ELSE 3500 END, CASE WHEN ${housing} THEN NULL ELSE 1200 END, CASE WHEN ${housing} THEN NULL ELSE 'week' END ${series}`,
  );
  await pg.query(
    `INSERT INTO reservation (id, voucher_content_id, voucher_id, provider_id, unit_id, reserved_by)
     SELECT ${id('reservation')}, ${id('content')}, ${id('voucher')}, ${provider}, ${id('unit', `(i % ${PROVIDERS})`)}, 'bench' ${series}`,
  );
  // Service events: price 98.50 € a day / 40 € an hour, voucher value 82 € / 35 €, quantity in days or minutes.
  const event = (part: string, start: string, end: string, quantity: string, status: string, approval: string, where: string) =>
    pg.query(
      `INSERT INTO service_event (id, organisation_id, provider_id, unit_id, voucher_id, voucher_content_id, start_date, end_date, quantity, price_cents, voucher_value_cents, own_share_cents, status, approval, recorded_by)
       SELECT ${id(`event-${part}`)}, $1, ${provider}, ${id('unit', `(i % ${PROVIDERS})`)}, ${id('voucher')}, ${id('content')}, date '${first}' + ${start}, date '${first}' + ${end}, ${quantity},
              CASE WHEN ${housing} THEN ${quantity} * 9850 ELSE ${quantity} * 4000 / 60 END, CASE WHEN ${housing} THEN ${quantity} * 8200 ELSE ${quantity} * 3500 / 60 END,
              CASE WHEN ${housing} THEN ${quantity} * 1650 ELSE ${quantity} * 500 / 60 END, ${status}, ${approval}, 'bench'
       ${series} WHERE ${where}`,
      [ORGANISATION],
    );
  const monthDays = 30; // September
  const inHospital = `i % 50 = 0`;
  const intoNextMonth = `i % 50 = 10`;
  const unconfirmed = `i % 100 = 20`;
  await event('month', '0', `${monthDays - 1}`, `${monthDays}`, `CASE WHEN ${unconfirmed} THEN 'incomplete' ELSE 'complete' END`, `'not-needed'`, `${housing} AND NOT (${inHospital}) AND NOT (${intoNextMonth})`);
  // A hospital stay 10.-20.: days 0-10 at 100 %, the return day among them (Kouvola 2016 rule).
  await event('before', '0', '8', '9', `'complete'`, `'not-needed'`, `${housing} AND ${inHospital}`);
  await event('after', '20', `${monthDays - 1}`, `${monthDays - 20}`, `'complete'`, `'not-needed'`, `${housing} AND ${inHospital}`);
  await event('before-next', '0', '23', '24', `'complete'`, `'not-needed'`, `${housing} AND ${intoNextMonth}`);
  for (const [visit, day] of [2, 6, 9, 13, 16, 20, 23, 27].entries()) {
    const pending = visit === 7 ? `CASE WHEN i % 100 = 9 THEN 'pending' ELSE 'not-needed' END` : `'not-needed'`;
    await event(`visit-${visit}`, String(day), String(day), '120', `'complete'`, pending, `NOT ${housing}`);
  }
  await pg.query(
    `INSERT INTO interruption (id, organisation_id, provider_id, unit_id, voucher_id, voucher_content_id, reason, start_date, end_date, status, compensated_days, uncompensated_days, compensation_cents, recorded_by)
     SELECT ${id('interruption')}, $1, ${provider}, ${id('unit', `(i % ${PROVIDERS})`)}, ${id('voucher')}, ${id('content')}, 'hospital',
            CASE WHEN ${inHospital} THEN date '${first}' + 9 ELSE date '${first}' + 24 END,
            CASE WHEN ${inHospital} THEN date '${first}' + 19 ELSE NULL END, CASE WHEN ${inHospital} THEN 'complete' ELSE 'incomplete' END,
            CASE WHEN ${inHospital} THEN 11 END, CASE WHEN ${inHospital} THEN 0 END, CASE WHEN ${inHospital} THEN 11 * 8200 END, 'bench'
     ${series} WHERE ${housing} AND (${inHospital} OR ${intoNextMonth})`,
    [ORGANISATION],
  );
  // Credit requests from last month's settlement, to deduct in this one.
  await pg.query(`INSERT INTO settlement (id, organisation_id, month, state, settled_on, payment_date) VALUES (md5('settlement-previous')::uuid, $1, '${PREVIOUS}', 'settled', '2026-09-04', '2026-09-18')`, [ORGANISATION]);
  const credited = `NOT ${housing} AND i % 100 = 8`;
  await pg.query(
    `INSERT INTO service_event (id, organisation_id, provider_id, unit_id, voucher_id, voucher_content_id, start_date, end_date, quantity, price_cents, voucher_value_cents, own_share_cents, status, approval, recorded_by, settlement_id)
     SELECT ${id('event-previous')}, $1, ${provider}, ${id('unit', `(i % ${PROVIDERS})`)}, ${id('voucher')}, ${id('content')}, '${PREVIOUS}-28', '${PREVIOUS}-28', 120, 8000, 7000, 1000, 'complete', 'approved', 'bench',
            md5('settlement-previous')::uuid
     ${series} WHERE ${credited}`,
    [ORGANISATION],
  );
  await pg.query(
    `INSERT INTO credit (id, organisation_id, provider_id, event_id, amount_cents, reason, deduct_in_month, requested_by)
     SELECT ${id('credit')}, $1, ${provider}, ${id('event-previous')}, 7000, 'overrun of the week''s grant', '${MONTH}', 'bench' ${series} WHERE ${credited}`,
    [ORGANISATION],
  );
  await pg.query('ANALYZE');
}

async function itemCounts(pg: PgClient): Promise<{ events: number; interruptions: number; credits: number }> {
  const { rows } = await pg.query(
    `SELECT (SELECT count(*)::int FROM service_event WHERE settlement_id IS NULL) AS events, (SELECT count(*)::int FROM interruption) AS interruptions, (SELECT count(*)::int FROM credit) AS credits`,
  );
  return rows[0] as { events: number; interruptions: number; credits: number };
}

async function lineCounts(pg: PgClient, settlementId: string): Promise<Record<'event' | 'interruption' | 'credit', number>> {
  const { rows } = await pg.query(`SELECT kind, count(*)::int AS n FROM settlement_line WHERE settlement_id = $1 GROUP BY kind`, [settlementId]);
  const counts = { event: 0, interruption: 0, credit: 0 };
  for (const row of rows as Array<{ kind: keyof typeof counts; n: number }>) counts[row.kind] = row.n;
  return counts;
}

/** Inserts the settlement's lines and provider totals, as stored, into copies of the tables: the floor. */
async function rawInsert(pg: PgClient, settlementId: string): Promise<number> {
  await pg.query('CREATE TABLE raw_settlement_line (LIKE settlement_line INCLUDING ALL)');
  await pg.query('CREATE TABLE raw_provider_settlement (LIKE provider_settlement INCLUDING ALL)');
  const lines = (await pg.query('SELECT * FROM settlement_line WHERE settlement_id = $1', [settlementId])).rows as Array<Record<string, unknown>>;
  await pg.query('CREATE TABLE raw_own_share_invoice (LIKE own_share_invoice INCLUDING ALL)');
  const totals = (await pg.query('SELECT * FROM provider_settlement WHERE settlement_id = $1', [settlementId])).rows as Array<Record<string, unknown>>;
  const ownShares = ((await pg.query('SELECT * FROM own_share_invoice WHERE settlement_id = $1', [settlementId])).rows as Array<Record<string, unknown>>).map((record) => ({
    ...record,
    rows: JSON.stringify(record.rows),
  }));
  const started = performance.now();
  await insertAll(pg, 'raw_settlement_line', lines);
  await insertAll(pg, 'raw_provider_settlement', totals);
  await insertAll(pg, 'raw_own_share_invoice', ownShares);
  return (performance.now() - started) / 1000;
}

async function insertAll(pg: PgClient, table: string, records: Array<Record<string, unknown>>): Promise<void> {
  if (records.length === 0) return;
  const columns = Object.keys(records[0]);
  const perStatement = Math.floor(60_000 / columns.length);
  for (let i = 0; i < records.length; i += perStatement) {
    const chunk = records.slice(i, i + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((record) => `(${columns.map((column) => `$${values.push(record[column])}`).join(', ')})`);
    await pg.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

runBenchmark(main);
