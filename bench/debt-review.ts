import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
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
} from '@clientfees/testing';
import type { Tx } from '@clientfees/platform';
import { debtClaimsPage, debtClients } from '../apps/invoicing/src/debts/debt.queries';
import { DEBT_LIST_PAGE } from '../apps/debt-followup/src/debt-reviews/debt-reviews.service';
import { runBenchmark, writeBenchmarkSection } from './support';

/**
 * `npm run bench` (debt part): the month-end debt follow-up (issue 13) over BENCH_DEBT_INVOICES
 * (100,000) open invoices of BENCH_DEBT_CLIENTS (30,000) clients, through the real invoicing and
 * debt-followup services and workflow worker (processes, as `npm start` runs them) on a dev server
 * and Postgres: from `POST /debt-reviews` until the review is completed (the debt list read page
 * by page from invoicing's TCP message by debt follow-up's activity, a debt case per client,
 * letters, escalations, notices, the unit managers' lists). In the same run, one raw SELECT of
 * the same debt list (the claims with their open amounts and clients) gives the ratio.
 */

const SECTION = 'debt-review';
const ORGANISATION = 'fi-bench';
const MONTH_END = '2026-10-31';
const TARGET_SECONDS = 60;
const HEADING = `## Month-end debt follow-up over 100,000 open invoices (\`npm run bench\`, bench/debt-review.ts)

Issue 13: "the month-end debt follow-up over 100,000 open invoices of 30,000 clients … Target:
≤ 60 s". The data: 30,000 clients in ten debiting areas, 3 % of them deceased; 100,000 invoices
past their due dates, three or four a client, issued over the four months before the month end
(a third of the clients' debts cover three months of claims and escalate). The review runs
through the real invoicing and debt-followup services and workflow worker (processes) on a
Temporal dev server, from \`POST /debt-reviews\` until the review is completed (debt follow-up's
activity reads the debt list from invoicing's TCP message, the workflow sees only the cursor); the
raw read is one SELECT of the same claims with their open amounts and clients.`;
const PAGE_LABEL = DEBT_LIST_PAGE.toLocaleString('en');
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const INVOICES = Number(process.env.BENCH_DEBT_INVOICES ?? (QUICK ? 10_000 : 100_000));
const CLIENTS = Number(process.env.BENCH_DEBT_CLIENTS ?? (QUICK ? 3_000 : 30_000));
const WRITE = process.env.BENCH_WRITE !== '0' && INVOICES >= 100_000;
const TIMEOUT_MS = Number(process.env.BENCH_DEBT_TIMEOUT_S ?? 900) * 1000;

const log = (message: string) => console.log(`[bench:debts] ${new Date().toISOString().slice(11, 19)} ${message}`);

async function main(): Promise<void> {
  let temporal: TestWorkflowEnvironment | undefined;
  let db: TestDatabase | undefined;
  const processes: ServiceProcess[] = [];
  try {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    const [invoicingPort, invoicingTcpPort, debtsPort] = [await freePort(), await freePort(), await freePort()];
    const env = (extra: Record<string, string>) => serviceTestEnv(db!.url, temporal!.address, { TEMPORAL_SCHEDULES: 'false', ...extra });
    processes.push(await startServiceProcess('invoicing', env({ HTTP_PORT: String(invoicingPort), TCP_PORT: String(invoicingTcpPort) })));
    // Debt follow-up reads the debt list from invoicing's TCP messages.
    processes.push(await startServiceProcess('debt-followup', env({ HTTP_PORT: String(debtsPort), TCP_PORT: String(await freePort()), INVOICING_TCP_PORT: String(invoicingTcpPort) })));
    processes.push(await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) })));
    const invoicing = serviceApi(() => `http://127.0.0.1:${invoicingPort}`, 'bench', { organisations: [ORGANISATION] }).ok;
    const debts = serviceApi(() => `http://127.0.0.1:${debtsPort}`, 'bench', { organisations: [ORGANISATION] }).ok;

    await invoicing('PUT', `/organisations/${ORGANISATION}`, ['administrator'], {
      name: 'Benchmark city',
      country: 'FI',
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      paymentTermDays: 14,
      dueDateBankingDays: 3,
    });
    await debts('PUT', `/organisations/${ORGANISATION}/debt-follow-up`, ['administrator'], { country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', monthEndReview: false });

    const data = new PgClient({ connectionString: db.url });
    await data.connect();
    await data.query('SET search_path TO invoicing, public');
    let started = performance.now();
    await generateDebts(data);
    log(`generated ${CLIENTS} clients and ${INVOICES} open invoices in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    const { rowCount: rawClaims } = await data.query(
      `SELECT i.id, c.id AS client_id, i.invoice_number, i.invoice_date, i.due_date, i.state,
              i.total_cents - coalesce((SELECT sum(a.amount_cents) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)
                            - coalesce((SELECT sum(n.amount_cents) FROM credit_note n WHERE n.invoice_id = i.id), 0) AS open_cents,
              c.client_number, c.name, c.date_of_death, s.debiting_area
         FROM invoice i JOIN client c ON c.organisation_id = i.organisation_id AND c.client_number = i.client_number
         LEFT JOIN billing_setting s ON s.client_id = c.id
        WHERE i.organisation_id = $1 AND i.due_date < $2 AND i.state NOT IN ('paid', 'credited', 'waived', 'written-off')`,
      [ORGANISATION, MONTH_END],
    );
    const rawSeconds = (performance.now() - started) / 1000;
    log(`raw read of the debt list: ${rawClaims} claims in ${rawSeconds.toFixed(2)} s`);

    // Invoicing's own statements for the debt list, page after page, without Temporal or HTTP.
    const tx: Tx = { query: async (sql, parameters) => (await data.query(sql, parameters as unknown[])).rows };
    started = performance.now();
    let pages = 0;
    for (let after: string | undefined; ; pages++) {
      const page = await debtClaimsPage(tx, { organisationId: ORGANISATION, asOf: MONTH_END, after, limit: DEBT_LIST_PAGE });
      await debtClients(tx, ORGANISATION, [...new Set(page.claims.map((claim) => claim.clientId))], MONTH_END);
      if (!page.nextAfter) break;
      after = page.nextAfter;
    }
    const statementSeconds = (performance.now() - started) / 1000;
    log(`invoicing's page statements alone: ${pages + 1} pages in ${statementSeconds.toFixed(1)} s`);
    await data.end();

    started = performance.now();
    await debts('POST', '/debt-reviews', ['finance-centre'], { organisationId: ORGANISATION, monthEnd: MONTH_END });
    // The review reads the debt list from invoicing (status `reading`), then reviews the clients batch by batch.
    let readSeconds: number | undefined;
    const [review] = await eventually(
      async () => {
        const reviews = (await debts('GET', `/debt-reviews?organisationId=${ORGANISATION}`, ['finance-centre'])) as Array<{ status: string; summary: Record<string, number> }>;
        if (readSeconds === undefined && reviews[0] && reviews[0].status !== 'reading') readSeconds = (performance.now() - started) / 1000;
        return reviews;
      },
      (reviews) => reviews[0]?.status === 'completed',
      TIMEOUT_MS,
      250,
    );
    const reviewSeconds = (performance.now() - started) / 1000;
    const s = review.summary;
    log(`reviewed ${s.claims} claims of ${s.clients} clients in ${reviewSeconds.toFixed(1)} s`);
    if (s.claims !== INVOICES || s.clients !== CLIENTS) throw new Error(`the review saw ${s.claims} claims of ${s.clients} clients, not ${INVOICES} of ${CLIENTS}`);

    const report = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} at the end; Postgres on the same machine.`,
      '',
      `| step | figures | seconds |`,
      `|---|---|---|`,
      `| **month-end review** (POST → completed) | ${s.claims} claims of ${s.clients} clients; ${s.newCases} new cases, ${s.letters} letters, ${s.escalated} escalated, ${s.financeNotices} finance notices | **${reviewSeconds.toFixed(1)}** (target ≤ ${TARGET_SECONDS}: ${reviewSeconds <= TARGET_SECONDS ? 'PASS' : 'FAIL'}) |`,
      `| of which reading the debt list from invoicing (until the review left \`reading\`) | ${s.claims} claims in pages of ${PAGE_LABEL}, read by debt follow-up over TCP | ${readSeconds?.toFixed(1) ?? '–'} |`,
      `| invoicing's page statements alone (claims and clients, page after page, no Temporal, no TCP) | pages of ${PAGE_LABEL} | ${statementSeconds.toFixed(1)} |`,
      `| raw SELECT of the same debt list | ${rawClaims} claims | ${rawSeconds.toFixed(2)} |`,
      '',
      `Ratio month-end review / raw read: **${(reviewSeconds / rawSeconds).toFixed(0)}×** (the review also writes a case per client, the letters and the notices).`,
    ].join('\n');
    console.log(report);
    if (WRITE) writeBenchmarkSection(SECTION, HEADING, report);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await temporal?.teardown();
  }
}

/** Clients (3 % deceased) with billing settings in ten debiting areas, and open invoices past their due dates. */
async function generateDebts(pg: PgClient): Promise<void> {
  await pg.query(
    `INSERT INTO client (id, organisation_id, client_number, identity_code, name, date_of_death)
     SELECT gen_random_uuid(), $1, 'D-' || lpad(n::text, 6, '0'), 'BENCH-' || n, 'Bench Client ' || n, CASE WHEN n % 100 < 3 THEN date '2026-09-15' END
       FROM generate_series(1, $2) AS n`,
    [ORGANISATION, CLIENTS],
  );
  await pg.query(
    `INSERT INTO billing_setting (id, client_id, valid_from, debiting_area, fee_calculation_type, recipient_kind, created_by)
     SELECT gen_random_uuid(), c.id, date '2026-01-01', 'AREA-' || (substr(c.client_number, 3)::int % 10), 'single', 'client', 'bench'
       FROM client c WHERE c.organisation_id = $1`,
    [ORGANISATION],
  );
  // Client k = n × 7919 mod clients gets invoices n = k, k + clients, …, one a month back each;
  // a third of the clients (k divisible by 3) over four months (three months of claims: escalated),
  // the others over two.
  await pg.query(
    `INSERT INTO invoice (id, organisation_id, invoice_number, payment_reference, recipient, client_number, currency, total_cents,
                          invoice_date, due_date, transfer_eligible_date, state, created_by, lifecycle_started, billing_period)
     SELECT gen_random_uuid(), $1, n, 'BENCH' || n, '{"kind":"client","name":"Bench","streetAddress":"Tie 1","postalCode":"00100","city":"Helsinki","country":"FI"}'::jsonb,
            'D-' || lpad((1 + k)::text, 6, '0'), 'EUR', 2000 + (n * 37) % 30000,
            d.invoice_date, d.invoice_date + 17, d.invoice_date + 34, CASE WHEN n % 5 = 0 THEN 'reminded' ELSE 'overdue' END, 'bench', true,
            to_char(d.invoice_date - 30, 'YYYY-MM')
       FROM generate_series(1, $2) AS n,
            LATERAL (SELECT (n::bigint * 7919) % $3 AS k) c,
            LATERAL (SELECT (date '2026-10-05' - make_interval(months => ((n / $3) % CASE WHEN c.k % 3 = 0 THEN 4 ELSE 2 END)::int))::date AS invoice_date) d`,
    [ORGANISATION, INVOICES, CLIENTS],
  );
  await pg.query('ANALYZE client; ANALYZE billing_setting; ANALYZE invoice');
}

runBenchmark(main);
