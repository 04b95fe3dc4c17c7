import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { billingRunWorkflowId } from '@clientfees/contracts';
import { eventually, generateBillingData, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';
import { runBenchmark, writeBenchmarkSection } from './support';

/**
 * `npm run bench` (billing part): a billing run for BENCH_BILLING_CLIENTS (100,000) clients through
 * the real invoicing service and workflow worker (processes, as `npm start` runs them) on a dev
 * server and Postgres: selection and calculation until the run awaits approval, then — after the
 * journal — invoice creation until every invoice and row is stored. The same invoices and rows are
 * then inserted raw (one multi-row INSERT per 5,000, no calculation) into copies of the tables to
 * give the ratio. Lifecycle starts are measured by the start-throughput benchmark, not here: the
 * run's workflow is stopped once its invoices are stored.
 */

const SECTION = 'billing-run';
const ORGANISATION = 'fi-bench';
const PERIOD = '2026-10';
const TARGET_SECONDS = 120;
const HEADING = `## Billing run of 100,000 clients (\`npm run bench\`, bench/billing-run.ts)

Issue 4: "a billing run for 100,000 clients with realistic registrations and absences, calculation
plus stored invoices, ≤ 120 s on this machine, and in the same run a raw bulk insert of the same
rows". The data (libs/testing/src/billing-data.ts): ten debiting areas; 70 % home care, 10 %
long-term care, 20 % a fixed support fee; 2 % couples; registrations for 60 % of the clients
(cleaning, lunches, a food basket); planned absences for 5 %, unplanned for 3 %; corrections
for 1 %. The run goes through the real invoicing service and workflow worker (processes) on a
Temporal dev server; the raw insert writes the same invoice and row records with multi-row
INSERTs into copies of the tables (same indexes), with no calculation.`;
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const CLIENTS = Number(process.env.BENCH_BILLING_CLIENTS ?? (QUICK ? 5_000 : 100_000));
const WRITE = process.env.BENCH_WRITE !== '0' && CLIENTS >= 100_000;
const TIMEOUT_MS = Number(process.env.BENCH_BILLING_TIMEOUT_S ?? 1800) * 1000;

const log = (message: string) => console.log(`[bench:billing] ${new Date().toISOString().slice(11, 19)} ${message}`);

async function main(): Promise<void> {
  let stack: ProcessStack | undefined;
  try {
    stack = await startProcessStack({ names: ['invoicing', 'workflows'] });
    await stack.start('invoicing');
    await stack.start('workflows');
    const call = serviceApi(() => stack!.url('invoicing'), 'bench').ok;

    await call('PUT', `/organisations/${ORGANISATION}`, ['administrator'], {
      name: 'Benchmark city',
      country: 'FI',
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      paymentTermDays: 14,
      dueDateBankingDays: 3,
    });
    const data = new PgClient({ connectionString: stack.db.url });
    await data.connect();
    await data.query('SET search_path TO invoicing, public');
    let started = performance.now();
    const { selectionRuleId } = await generateBillingData(data, ORGANISATION, CLIENTS, PERIOD);
    log(`generated ${CLIENTS} clients in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    const run = await call('POST', '/billing-runs', ['billing-supervisor'], { organisationId: ORGANISATION, period: PERIOD, selectionRuleId });
    const calculated = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', TIMEOUT_MS, 500);
    const calculationSeconds = (performance.now() - started) / 1000;
    log(`calculated ${calculated.counts.total} clients in ${calculationSeconds.toFixed(1)} s (${calculated.counts.error} in error)`);

    started = performance.now();
    const csv = (await call('GET', `/billing-runs/${run.id}/journal.csv`, ['billing-supervisor'])) as string;
    const journalSeconds = (performance.now() - started) / 1000;
    log(`journal CSV ${(csv.length / 1e6).toFixed(1)} MB in ${journalSeconds.toFixed(1)} s`);

    const [{ expected }] = (await data.query(`SELECT count(*)::int AS expected FROM billing_run_client WHERE run_id = $1 AND status = 'calculated' AND total_cents > 0`, [run.id]))
      .rows as Array<{ expected: number }>;
    started = performance.now();
    // Another supervisor reviews the journal and approves (four eyes).
    await call('POST', `/billing-runs/${run.id}/journal-review`, ['billing-supervisor'], undefined, { sub: 'bench-approver' });
    await call('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, { sub: 'bench-approver' });
    await eventually(
      async () => ((await data.query('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1', [run.id])).rows[0] as { n: number }).n,
      (n) => n === expected,
      TIMEOUT_MS,
      1000,
    );
    const invoicingSeconds = (performance.now() - started) / 1000;
    await stack.temporal.client.workflow.getHandle(billingRunWorkflowId(run.id)).terminate('benchmark: lifecycle starts are measured by the start-throughput benchmark');
    const [{ rows: rowCount }] = (await data.query('SELECT count(*)::int AS rows FROM invoice_row r JOIN invoice i ON i.id = r.invoice_id WHERE i.billing_run_id = $1', [run.id]))
      .rows as Array<{ rows: number }>;
    log(`stored ${expected} invoices with ${rowCount} rows in ${invoicingSeconds.toFixed(1)} s`);

    const rawSeconds = await rawInsert(data, run.id);
    log(`raw insert of the same invoices and rows: ${rawSeconds.toFixed(1)} s`);
    await data.end();

    const total = calculationSeconds + invoicingSeconds;
    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} at the end; Postgres on the same machine.`,
      '',
      `| step | clients / invoices | seconds |`,
      `|---|---|---|`,
      `| select + calculate (until awaiting approval) | ${calculated.counts.total} clients, ${calculated.counts.error} in error | ${calculationSeconds.toFixed(1)} |`,
      `| journal CSV (not counted: a person reviews it) | ${(csv.length / 1e6).toFixed(1)} MB | ${journalSeconds.toFixed(1)} |`,
      `| approve → invoices and rows stored | ${expected} invoices, ${rowCount} rows | ${invoicingSeconds.toFixed(1)} |`,
      `| **calculation + stored invoices** | | **${total.toFixed(1)}** (target ≤ ${TARGET_SECONDS}: ${total <= TARGET_SECONDS ? 'PASS' : 'FAIL'}) |`,
      `| raw bulk insert of the same invoices and rows | | ${rawSeconds.toFixed(1)} |`,
      '',
      `Ratio billing run / raw insert: **${(total / rawSeconds).toFixed(1)}×**.`,
    ].join('\n');
    console.log(report);
    if (WRITE) writeBenchmarkSection(SECTION, HEADING, report);
  } finally {
    await stack?.stop();
  }
}

/** Inserts the run's invoices and rows, as stored, into copies of the tables: the floor. */
async function rawInsert(pg: PgClient, runId: string): Promise<number> {
  await pg.query('CREATE TABLE raw_invoice (LIKE invoice INCLUDING ALL)');
  await pg.query('CREATE TABLE raw_invoice_row (LIKE invoice_row INCLUDING ALL)');
  const invoices = (await pg.query('SELECT * FROM invoice WHERE billing_run_id = $1', [runId])).rows as Array<Record<string, unknown>>;
  const rows = (await pg.query('SELECT r.* FROM invoice_row r JOIN invoice i ON i.id = r.invoice_id WHERE i.billing_run_id = $1', [runId])).rows as Array<Record<string, unknown>>;
  const started = performance.now();
  await insertAll(pg, 'raw_invoice', invoices);
  await insertAll(pg, 'raw_invoice_row', rows);
  return (performance.now() - started) / 1000;
}

async function insertAll(pg: PgClient, table: string, records: Array<Record<string, unknown>>): Promise<void> {
  if (records.length === 0) return;
  const columns = Object.keys(records[0]);
  const perStatement = Math.floor(60_000 / columns.length);
  for (let i = 0; i < records.length; i += perStatement) {
    const chunk = records.slice(i, i + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((record) => `(${columns.map((column) => `$${values.push(record[column] instanceof Object && !(record[column] instanceof Date) ? JSON.stringify(record[column]) : record[column])}`).join(', ')})`);
    await pg.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

runBenchmark(main);
