import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addMonths,
  compareHousehold,
  FI_HOME_CARE_INCOME_LIMITS,
  FI_PERSONAL_ALLOWANCES,
  firstDayOfMonth,
  localDateInZone,
  tallyWhatIf,
  validateWhatIfDraft,
  whatIfRuleSets,
  whatIfSummary,
  type WhatIfClientResult,
  type WhatIfDraft,
} from '@clientfees/domain';
import {
  createTestDatabase,
  eventually,
  freePort,
  generateBillingData,
  serviceApi,
  serviceTestEnv,
  ServiceProcess,
  startDevServer,
  startServiceProcess,
  startWorkflowWorkerProcess,
  TestDatabase,
} from '@clientfees/testing';
import { runBenchmark, writeBenchmarkSection } from './support';
import { benchHouseholds } from './what-if-households';

/**
 * `npm run bench` (what-if part): a what-if run over BENCH_WHAT_IF_CLIENTS (100,000) clients of
 * the billing benchmark's data (libs/testing/src/billing-data.ts) with a 5 % index rise of the
 * Finnish income limits and personal allowances from next month, through the real invoicing
 * service and workflow worker (processes) on a dev server and Postgres: from POST /what-if-runs
 * until GET /what-if-runs/{id} answers `completed`, then the CSV of every client.
 */

const SECTION = 'what-if-run';
const ORGANISATION = 'fi-bench';
const ZONE = 'Europe/Helsinki';
const TARGET_SECONDS = 30;
const HEADING = `## What-if run of 100,000 clients (\`npm run bench\`, bench/what-if-run.ts)

Issue 15: "The what-if run over the 100,000-client benchmark data with a 5 % index rise, through
the API; figure in BENCHMARKS.md. Target: ≤ 30 s." The data is the billing benchmark's
(libs/testing/src/billing-data.ts) for the current month; the draft raises the Finnish income limits
and the käyttövara by 5 % (rounded to whole euros) from the first day of next month. The run goes
through the real invoicing service and workflow worker (processes) on a Temporal dev server:
POST /what-if-runs answers 202 and the whatIfRun workflow compares the households in batches
(today's rules and the draft through the billing calculation, results and tallies stored); the
time is from the POST until GET /what-if-runs/{id} answers \`completed\`. The CSV of every client
is timed apart (a person reads it).`;
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const CLIENTS = Number(process.env.BENCH_WHAT_IF_CLIENTS ?? (QUICK ? 5_000 : 100_000));
const WRITE = process.env.BENCH_WRITE !== '0' && CLIENTS >= 100_000;
const TIMEOUT_MS = Number(process.env.BENCH_WHAT_IF_TIMEOUT_S ?? 900) * 1000;

const log = (message: string) => console.log(`[bench:what-if] ${new Date().toISOString().slice(11, 19)} ${message}`);

/** +5 %, rounded to whole euros as the index review rounds (asiakasmaksulaki § 14 b). */
const plus5 = (euros: string) => String(Math.round(Number(euros) * 1.05));

async function main(): Promise<void> {
  let temporal: TestWorkflowEnvironment | undefined;
  let db: TestDatabase | undefined;
  const processes: ServiceProcess[] = [];
  try {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    const invoicingPort = await freePort();
    const env = (extra: Record<string, string>) => serviceTestEnv(db!.url, temporal!.address, { TEMPORAL_SCHEDULES: 'false', ...extra });
    // BENCH_PROFILE_DIR: the invoicing service writes a CPU profile there when it stops (bench/cpu-profile.js).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const profile: Record<string, string> = profileDir ? { NODE_OPTIONS: `--require ${path.join(__dirname, 'cpu-profile.js')}`, BENCH_PROFILE_DIR: path.resolve(profileDir) } : {};
    processes.push(await startServiceProcess('invoicing', env({ HTTP_PORT: String(invoicingPort), TCP_PORT: String(await freePort()), ...profile })));
    processes.push(await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) })));
    const base = `http://127.0.0.1:${invoicingPort}`;
    const api = serviceApi(() => base, 'bench-drafter', { organisations: [ORGANISATION] });

    await api.ok('PUT', `/organisations/${ORGANISATION}`, ['administrator'], {
      name: 'Benchmark city',
      country: 'FI',
      currency: 'EUR',
      timeZone: ZONE,
      paymentTermDays: 14,
      dueDateBankingDays: 3,
    });
    const today = localDateInZone(Date.now(), ZONE);
    const data = new PgClient({ connectionString: db.url });
    await data.connect();
    await data.query('SET search_path TO invoicing, public');
    let started = performance.now();
    await generateBillingData(data, ORGANISATION, CLIENTS, today.slice(0, 7));
    await data.query('ANALYZE');
    await data.end();
    log(`generated ${CLIENTS} clients for ${today.slice(0, 7)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const limits = FI_HOME_CARE_INCOME_LIMITS.at(-1)!.value;
    const allowances = FI_PERSONAL_ALLOWANCES.at(-1)!.value;
    const source = 'benchmark: työeläkeindeksi +5 % assumed';
    const draft = {
      validFrom: firstDayOfMonth(addMonths(today, 1)),
      rows: [
        { table: 'fi-home-care-income-limits', validTo: null, source, value: { bySize: limits.bySize.map(plus5), eachFurtherPerson: plus5(limits.eachFurtherPerson) } },
        { table: 'fi-personal-allowances', validTo: null, source, value: Object.fromEntries(Object.entries(allowances).map(([type, euros]) => [type, plus5(euros)])) },
      ],
    };

    const loadBefore = os.loadavg()[0];
    started = performance.now();
    const response = await api.call('POST', '/what-if-runs', ['administrator'], { organisationIds: [ORGANISATION], draft });
    if (response.status !== 202) throw new Error(`POST /what-if-runs: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
    const accepted = (performance.now() - started) / 1000;
    const id = response.body.id as string;
    const run = await eventually(
      () => api.ok('GET', `/what-if-runs/${id}`, ['finance-centre']),
      (view) => view.state !== 'running',
      TIMEOUT_MS,
      250,
    );
    const runSeconds = (performance.now() - started) / 1000;
    if (run.state !== 'completed') throw new Error(`the run ended ${run.state}: ${JSON.stringify(run).slice(0, 500)}`);
    log(`compared ${run.population} clients in ${runSeconds.toFixed(1)} s (accepted after ${accepted.toFixed(2)} s)`);

    started = performance.now();
    const csv = (await api.ok('GET', `/what-if-runs/${id}/clients.csv`, ['finance-centre'])) as string;
    const csvSeconds = (performance.now() - started) / 1000;
    const csvLines = csv.trimEnd().split('\r\n').length - 1;
    log(`CSV of ${csvLines} clients, ${(csv.length / 1e6).toFixed(1)} MB in ${csvSeconds.toFixed(1)} s`);

    // The floor, in the same run: the same households compared in this process, on one thread,
    // with no database, workflow or HTTP. Its totals must be the run's to the cent.
    const floor = compareInProcess(draft as WhatIfDraft, today, CLIENTS);
    if (floor.monthlyToday !== run.summary[0]?.monthlyRevenue.today || floor.monthlyDraft !== run.summary[0]?.monthlyRevenue.draft) {
      throw new Error(`the run's monthly revenue ${JSON.stringify(run.summary[0]?.monthlyRevenue)} is not the in-process comparison's ${floor.monthlyToday} → ${floor.monthlyDraft}`);
    }
    log(`in process: ${CLIENTS} clients compared in ${floor.seconds.toFixed(1)} s, the same totals`);

    const load = os.loadavg();
    const loadNote = `load average (1 min) ${loadBefore.toFixed(1)} when the run started, ${load[0].toFixed(1)} at the end (${os.cpus().length} cores)`;
    const totals = totalsOf(run);
    const report = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${loadNote}; Postgres and the Temporal dev server on the same machine.`,
      '',
      `| step | clients | seconds |`,
      `|---|---|---|`,
      `| POST /what-if-runs answered (202, households numbered into ${run.batches} batches) | ${run.population} | ${accepted.toFixed(1)} |`,
      `| **POST → completed** (every client under today's rules and the draft, tallies added up) | ${run.population} | **${runSeconds.toFixed(1)}** (target ≤ ${TARGET_SECONDS}: ${runSeconds <= TARGET_SECONDS ? 'PASS' : 'FAIL'}) |`,
      `| CSV of every client (not counted) | ${csvLines} rows, ${(csv.length / 1e6).toFixed(1)} MB | ${csvSeconds.toFixed(1)} |`,
      `| floor: the same comparison in the bench process (one thread, no database, workflow or HTTP; same totals to the cent) | ${CLIENTS} | ${floor.seconds.toFixed(1)} |`,
      '',
      `Rate: **${Math.round(run.population / runSeconds).toLocaleString('en')} clients/s**; the run took **${(runSeconds / floor.seconds).toFixed(1)} ×** the floor measured in the same run. The run's totals: ${totals}.`,
    ].join('\n');
    console.log(report);
    if (WRITE) writeBenchmarkSection(SECTION, HEADING, report);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await temporal?.teardown();
  }
}

/** The draft compared over the same clients in this process: seconds, and the monthly totals as the API shows them. */
function compareInProcess(draft: WhatIfDraft, today: string, clients: number): { seconds: number; monthlyToday: string; monthlyDraft: string } {
  const rules = whatIfRuleSets({}, validateWhatIfDraft(draft, today), today);
  const households = benchHouseholds(ORGANISATION, clients, today.slice(0, 7));
  const started = performance.now();
  const results: WhatIfClientResult[] = [];
  for (const household of households) results.push(...compareHousehold(household, rules));
  const [summary] = whatIfSummary(tallyWhatIf(results));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, monthlyToday: summary.monthlyRevenue.today, monthlyDraft: summary.monthlyRevenue.draft };
}

interface SummaryView {
  compared: number;
  notCompared: number;
  paysMore: number;
  paysLess: number;
  paysTheSame: number;
  stopsPaying: number;
  monthlyRevenue: { today: string; draft: string; change: string };
}

/** The run's own totals, to show what was compared (who pays less, who stops paying, revenue). */
function totalsOf(run: { summary: SummaryView[] }): string {
  const [s] = run.summary;
  if (!s) return 'none';
  return `${s.compared.toLocaleString('en')} compared (${s.notCompared} not), ${s.paysLess.toLocaleString('en')} pay less, ${s.paysMore} more, ${s.paysTheSame.toLocaleString('en')} the same, ${s.stopsPaying.toLocaleString('en')} stop paying; monthly revenue ${s.monthlyRevenue.today} → ${s.monthlyRevenue.draft} € (${s.monthlyRevenue.change})`;
}

runBenchmark(main);
