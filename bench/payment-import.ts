import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Decimal from 'decimal.js';
import { Client as PgClient } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { parseCamt054 } from '@clientfees/iso20022';
import { fileTotals } from '@clientfees/iso20022/fixtures';
import {
  createTestDatabase,
  eventually,
  freePort,
  serviceApi,
  serviceTestEnv,
  ServiceProcess,
  startDevServer,
  startServiceProcess,
  startWorkflowWorkerProcess,
  TestDatabase,
  testToken,
} from '@clientfees/testing';
import { bookedDay, type PaymentDay, readPaymentYear, YEAR_ACCOUNT } from './payment-year';
import { runBenchmark, writeBenchmarkSection } from './support';

/**
 * `npm run bench` (payments part): a year of daily camt.054 files — the Lithuanian e-money
 * institution's 270 real days, 61,093 transactions, booked (bench/payment-year.ts) — imported
 * one file after the other through POST /payments/camt054 of the real invoicing service and
 * workflow worker (processes) on a Temporal dev server and Postgres. The credit transfers pay a
 * pool of invoices issued through the API (each with its lifecycle), so the import matches,
 * allocates, overpays to credit balances and signals lifecycles as it does for a county; every
 * 25th payer gives no reference (the unmatched queue). Each answer is checked: payments,
 * reversals and ignored items add up to the file's transactions. The floor, in the same run:
 * parsing the same files in-process (libs/iso20022), without the service or the database.
 */

const SECTION = 'payment-year';
const ORGANISATION = 'fi-bench-payments';
const HEADING = `## A year of bank files through the API (\`npm run bench\`, bench/payment-import.ts)

Issue 16: "\`npm run bench\`: importing a year of daily files (about 60,000 transactions) through
the API; figure in BENCHMARKS.md". The files are a Lithuanian e-money institution's real,
anonymised year (libs/iso20022/fixtures/camt054/SOURCES.md) as the bank would send them booked,
with creditor references written into the credit transfers so that they pay a pool of invoices
issued through the API (bench/payment-year.ts). One file at a time, as a finance centre's bank
connection delivers them; each answer is checked for every cent. Floor in the same run: parsing the same files in-process. \`npm run bench -- --quick\`: 20 days
and 200 invoices, printed only; env \`BENCH_PAYMENT_DAYS\`, \`BENCH_PAYMENT_INVOICES\`,
\`BENCH_SKIP_PAYMENTS=1\`.`;
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const DAYS = Number(process.env.BENCH_PAYMENT_DAYS ?? (QUICK ? 20 : 0));
const INVOICES = Number(process.env.BENCH_PAYMENT_INVOICES ?? (QUICK ? 200 : 1_000));
const WRITE = process.env.BENCH_WRITE !== '0' && DAYS === 0;
const TIMEOUT_MS = Number(process.env.BENCH_PAYMENT_TIMEOUT_S ?? 1800) * 1000;

const log = (message: string) => console.log(`[bench:payments] ${new Date().toISOString().slice(11, 19)} ${message}`);

interface ImportAnswer {
  created: number;
  duplicates: number;
  allocated: number;
  unmatched: number;
  creditBalanceCents: number;
  payments: Array<{ amount: string }>;
  reversals: Array<{ amount: string }>;
  ignored: Array<{ amount: string; currency: string }>;
}

async function main(): Promise<void> {
  if (process.argv.includes('--trial')) return; // --trial is the start-throughput benchmark's concurrency trial
  let temporal: TestWorkflowEnvironment | undefined;
  let db: TestDatabase | undefined;
  const processes: ServiceProcess[] = [];
  try {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    const invoicingPort = await freePort();
    const env = (extra: Record<string, string>) => serviceTestEnv(db!.url, temporal!.address, { TEMPORAL_SCHEDULES: 'false', ...extra });
    processes.push(await startServiceProcess('invoicing', env({ HTTP_PORT: String(invoicingPort), TCP_PORT: String(await freePort()) })));
    processes.push(await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) })));
    const base = `http://127.0.0.1:${invoicingPort}`;
    const api = serviceApi(() => base, 'bench');
    await api.ok('PUT', `/organisations/${ORGANISATION}`, ['administrator'], {
      name: 'Benchmark county',
      country: 'FI',
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      paymentTermDays: 14,
      dueDateBankingDays: 3,
      bankAccounts: [YEAR_ACCOUNT],
    });

    let started = performance.now();
    const references = await issueInvoices(api.ok, INVOICES);
    log(`issued ${references.length} invoices (with lifecycles) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const year = readPaymentYear();
    const chosen = DAYS > 0 ? year.slice(0, DAYS) : year;
    let credit = 0;
    const days: PaymentDay[] = chosen.map((day) => {
      const booked = bookedDay(day, (i) => (i % 25 === 24 ? undefined : references[i % references.length]), credit);
      credit += booked.credits;
      return booked;
    });
    const transactions = days.reduce((sum, day) => sum + day.transactions, 0);
    const referenced = days.reduce((sum, day) => sum + day.referenced, 0);
    log(`${days.length} daily files, ${transactions} transactions, ${credit} credit transfers (${referenced} with a reference)`);

    // The floor: the same files parsed in this process.
    started = performance.now();
    for (const day of days) parseCamt054(day.xml, { timeZone: 'Europe/Helsinki' });
    const parseSeconds = (performance.now() - started) / 1000;
    log(`parsed in-process in ${parseSeconds.toFixed(1)} s`);

    // A kept-alive connection idle since the invoices were issued may have been closed by the
    // service; one request on a fresh one before the clock starts.
    await fetch(`${base}/health`).catch(() => fetch(`${base}/health`));
    const token = testToken({ sub: 'bench', roles: ['finance-centre'] }, [ORGANISATION]);
    const load: number[] = [];
    const sampler = setInterval(() => load.push(os.loadavg()[0]), 1000);
    const fileMs: number[] = [];
    const totals = { created: 0, duplicates: 0, allocated: 0, unmatched: 0, creditBalanceCents: 0, reversals: 0, ignored: 0 };
    started = performance.now();
    for (const day of days) {
      const t0 = performance.now();
      const response = await fetch(`${base}/payments/camt054?organisationId=${ORGANISATION}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: day.xml,
      });
      const text = await response.text();
      fileMs.push(performance.now() - t0);
      if (response.status !== 200) throw new Error(`${day.name}: ${response.status} ${text.slice(0, 500)}`);
      const answer = JSON.parse(text) as ImportAnswer;
      checkNothingDropped(day, answer);
      totals.created += answer.created;
      totals.duplicates += answer.duplicates;
      totals.allocated += answer.allocated;
      totals.unmatched += answer.unmatched;
      totals.creditBalanceCents += answer.creditBalanceCents;
      totals.reversals += answer.reversals.length;
      totals.ignored += answer.ignored.length;
    }
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    log(`imported in ${importSeconds.toFixed(1)} s: ${JSON.stringify(totals)}`);

    // Every allocation's signal in the outbox reaches its invoice's lifecycle (or is settled as one whose lifecycle ended).
    const data = new PgClient({ connectionString: db.url });
    await data.connect();
    await data.query('SET search_path TO invoicing, public');
    started = performance.now();
    await eventually(
      async () => ((await data.query('SELECT count(*)::int AS n FROM signal_outbox WHERE delivered_at IS NULL')).rows[0] as { n: number }).n,
      (n) => n === 0,
      TIMEOUT_MS,
      1000,
    );
    const deliverySeconds = (performance.now() - started) / 1000;
    const [counts] = (
      await data.query(`SELECT (SELECT count(*) FROM payment)::int AS payments, (SELECT count(*) FROM payment_allocation)::int AS allocations,
                               (SELECT count(*) FROM invoice WHERE state = 'paid')::int AS paid`)
    ).rows as Array<{ payments: number; allocations: number; paid: number }>;
    await data.end();
    log(`every allocation delivered ${deliverySeconds.toFixed(1)} s after the last answer; ${counts.paid} invoices paid`);

    if (totals.created + totals.duplicates + totals.reversals + totals.ignored !== transactions) {
      throw new Error(`the answers account for ${totals.created + totals.duplicates + totals.reversals + totals.ignored} of ${transactions} transactions`);
    }
    const sorted = [...fileMs].sort((a, b) => a - b);
    const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    const meanLoad = load.length ? load.reduce((a, b) => a + b, 0) / load.length : os.loadavg()[0];
    const report = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; Postgres, the Temporal dev server, the invoicing service and the workflow worker on the same machine. Load average (1 min) during the imports: mean ${meanLoad.toFixed(1)}, max ${Math.max(...load, 0).toFixed(1)}.`,
      '',
      `| | |`,
      `|---|---:|`,
      `| daily files | ${days.length} |`,
      `| transactions (TxDtls) | ${transactions.toLocaleString('en')} |`,
      `| credit transfers / with a reference | ${credit.toLocaleString('en')} / ${referenced.toLocaleString('en')} |`,
      `| invoices paid into (issued through the API beforehand) | ${references.length.toLocaleString('en')} |`,
      `| payments recorded / put on invoices / unmatched | ${totals.created.toLocaleString('en')} / ${totals.allocated.toLocaleString('en')} / ${totals.unmatched.toLocaleString('en')} |`,
      `| duplicates (ids the bank repeats; same facts) | ${totals.duplicates.toLocaleString('en')} |`,
      `| reversals / ignored items (debits, zero amounts) | ${totals.reversals.toLocaleString('en')} / ${totals.ignored.toLocaleString('en')} |`,
      `| allocations / invoices paid | ${counts.allocations.toLocaleString('en')} / ${counts.paid.toLocaleString('en')} |`,
      `| **import of the year through the API** | **${importSeconds.toFixed(1)} s** (${Math.round(transactions / importSeconds).toLocaleString('en')} transactions/s) |`,
      `| per file: p50 / p95 / max | ${percentile(50).toFixed(0)} / ${percentile(95).toFixed(0)} / ${sorted[sorted.length - 1].toFixed(0)} ms |`,
      `| lifecycle signals still pending after the last answer, delivered within | ${deliverySeconds.toFixed(1)} s |`,
      `| floor: parsing the same files in-process | ${parseSeconds.toFixed(1)} s |`,
      '',
      `Ratio import through the API / parsing alone: **${(importSeconds / parseSeconds).toFixed(1)}×** (one run).`,
    ].join('\n');
    console.log(report);
    if (WRITE) writeBenchmarkSection(SECTION, HEADING, report);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await temporal?.teardown();
  }
}

/** Issues `count` invoices of 25.00 to 400.00 through the API, 16 at a time; answers their references. */
async function issueInvoices(call: ReturnType<typeof serviceApi>['ok'], count: number): Promise<string[]> {
  const references: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const amount = (25 + ((i * 37) % 376)).toFixed(2);
      const invoice = (await call('POST', '/invoices', ['client-fee-officer'], {
        organisationId: ORGANISATION,
        clientNumber: `C-${String(900000 + i)}`,
        recipient: { kind: 'client', name: 'Benchmark client', streetAddress: 'Koivukuja 3', postalCode: '02100', city: 'Espoo' },
        invoiceDate: '2024-01-02',
        rows: [{ description: 'Home care', amount }],
      })) as { paymentReference: string };
      references[i] = invoice.paymentReference;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return references;
}

/** Payments + reversals + ignored items of the answer = the file's transactions, to the cent. */
function checkNothingDropped(day: PaymentDay, answer: ImportAnswer): void {
  const totals = new Map<string, Decimal>();
  const add = (currency: string, amount: string) => totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(amount));
  for (const item of [...answer.payments, ...answer.reversals]) add('EUR', item.amount);
  for (const item of answer.ignored) add(item.currency, item.amount);
  const got = JSON.stringify(Object.fromEntries([...totals].map(([currency, total]) => [currency, total.toFixed(2)])));
  const expected = JSON.stringify(fileTotals(day.xml));
  if (got !== expected) throw new Error(`${day.name}: the answer accounts for ${got}, the file moves ${expected}`);
}

runBenchmark(main);
