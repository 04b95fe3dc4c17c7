import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { incomeVerificationWorkflowId, TaskQueues, YEARLY_REVIEW_WORKFLOW } from '@clientfees/contracts';
import { addMonths, localDateInZone, parseLocalDate } from '@clientfees/domain';
import { ProcessStack, startProcessStack } from '@clientfees/testing';
import { runBenchmark, writeBenchmarkSection } from './support';

/**
 * `npm run bench` (income-review part): BENCH_REVIEWS (7,000) yearly income reviews through the
 * real income-verification service, workflow worker and authority stand-ins (processes, as
 * `npm start` runs them) on a dev server and Postgres, every stand-in answering after
 * BENCH_AUTHORITY_LATENCY_MS (200 ms). The set-up writes, straight into the service's schema,
 * one decided review a year old per client (the client's identity code, a consent for all three
 * registers, the fee decision); then the `yearlyIncomeReviews` workflow opens a review for every
 * decision that turns one year old, as the organisation's Schedule does each morning. Measured:
 * from that start until every review waits for the officer (`awaiting-review`). The stand-ins
 * count every call and the most calls in flight at once per authority; the theoretical bound of
 * each authority is calls × latency / its concurrency limit (ADR 0019), and the run's bound is
 * the largest of them.
 */

const SECTION = 'income-reviews';
const ORGANISATION = 'fi-bench';
const ZONE = 'Europe/Helsinki';
const TARGET_RATIO = 1.25;
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? (QUICK ? 300 : 7_000));
const LATENCY_MS = Number(process.env.BENCH_AUTHORITY_LATENCY_MS ?? 200);
const WRITE = process.env.BENCH_WRITE ? process.env.BENCH_WRITE === '1' : !QUICK;
const TIMEOUT_MS = Number(process.env.BENCH_REVIEWS_TIMEOUT_S ?? 3600) * 1000;
/** How many reviews' histories the profile of where the time goes reads. */
const PROFILE_SAMPLE = Number(process.env.BENCH_PROFILE_SAMPLE ?? 100);
/** The concurrency limits the service runs with (its defaults unless set in the environment). */
const LIMITS = {
  'incomes-register': Number(process.env.INCOMES_REGISTER_CONCURRENCY ?? 8),
  'population-register': Number(process.env.POPULATION_REGISTER_CONCURRENCY ?? 8),
  'tax-administration': Number(process.env.TAX_ADMINISTRATION_CONCURRENCY ?? 4),
} as const;
type Authority = keyof typeof LIMITS;
/**
 * The fixture persons the clients take turns being: a single pensioner, a couple (the spouse's
 * incomes are fetched too), varying wages, a guarantee pension.
 */
const PERSONS = [
  { identityCode: '120340-902K', name: 'Aino Testinen' },
  { identityCode: '051138-913B', name: 'Eino Esimerkki' },
  { identityCode: '300179-935P', name: 'Mikko Malli' },
  { identityCode: '030650-968W', name: 'Kerttu Kela-Korhonen' },
];
const HEADING = `## Yearly income reviews (\`npm run bench\`, bench/income-reviews.ts)

Issue 11: "7,000 yearly reviews against the stand-ins at 200 ms latency per authority call, each
authority's concurrency bound respected; the measured time beside the theoretical bound (calls ×
latency / concurrency). Target: within 1.25× of the bound." The clients take turns being four
fixture persons (a single pensioner, a couple, varying wages, a guarantee pension), each with a
fee decision a year old and a consent for all three registers. The \`yearlyIncomeReviews\`
workflow opens the reviews; the time runs from its start until every review waits for the
officer. Calls and the most calls in flight are counted by the stand-ins themselves.`;

const log = (message: string) => console.log(`[bench:income-reviews] ${new Date().toISOString().slice(11, 19)} ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface AuthorityStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
}

async function main(): Promise<void> {
  let stack: ProcessStack | undefined;
  try {
    stack = await startProcessStack({ names: ['authority-sim', 'income-verification', 'workflows'], env: (url) => ({ AUTHORITY_SIM_URL: url('authority-sim') }) });
    await stack.start('authority-sim', {
      HTTP_HOST: '127.0.0.1',
      SIM_INCOMES_REGISTER_LATENCY_MS: String(LATENCY_MS),
      SIM_POPULATION_REGISTER_LATENCY_MS: String(LATENCY_MS),
      SIM_TAX_ADMINISTRATION_LATENCY_MS: String(LATENCY_MS),
    });
    // BENCH_PROFILE_DIR: the service and the workflow worker write CPU profiles there when they stop (bench/cpu-profile.js).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const profiling: Record<string, string> = profileDir ? { NODE_OPTIONS: `--require ${path.join(__dirname, 'cpu-profile.js')}`, BENCH_PROFILE_DIR: path.resolve(profileDir) } : {};
    await stack.start('income-verification', profiling);
    await stack.start('workflows', profiling);
    const simUrl = stack.url('authority-sim');

    const data = new PgClient({ connectionString: stack.db.url });
    await data.connect();
    const [{ schema }] = (await data.query(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'fee_decision'`)).rows as Array<{ schema: string }>;
    await data.query(`SET search_path TO "${schema}", public`);
    let started = performance.now();
    await seed(data, REVIEWS);
    log(`seeded ${REVIEWS} clients with a decision a year old in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const before = await simStats(simUrl);
    // The machine may be shared: the 1-minute load average at the start and during the run goes with the figure.
    const loads = [os.loadavg()[0]];
    started = performance.now();
    const handle = await stack.temporal.client.workflow.start(YEARLY_REVIEW_WORKFLOW, {
      taskQueue: TaskQueues.workflows,
      workflowId: `bench-yearly-income-reviews-${ORGANISATION}`,
      args: [{ organisationId: ORGANISATION }],
    });
    let openedSeconds: number | undefined;
    let lastReport = 0;
    let states: Record<string, number> = {};
    for (;;) {
      const rows = (await data.query(`SELECT state, count(*)::int AS n FROM review_case WHERE organisation_id = $1 AND reason = 'yearly-review' GROUP BY state`, [ORGANISATION])).rows as Array<{ state: string; n: number }>;
      states = Object.fromEntries(rows.map((r) => [r.state, r.n]));
      const total = rows.reduce((sum, r) => sum + r.n, 0);
      if (openedSeconds === undefined && total >= REVIEWS) openedSeconds = (performance.now() - started) / 1000;
      if ((states['awaiting-review'] ?? 0) >= REVIEWS) break;
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`the reviews did not all reach the officer within ${TIMEOUT_MS / 1000} s: ${JSON.stringify(states)}`);
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        loads.push(os.loadavg()[0]);
        log(`${((lastReport - started) / 1000).toFixed(0)} s: ${JSON.stringify(states)}`);
      }
      await sleep(500);
    }
    const seconds = (performance.now() - started) / 1000;
    const load = os.loadavg();
    const opening = await handle.result();
    const after = await simStats(simUrl);
    const caseIds = (await data.query(`SELECT id FROM review_case WHERE organisation_id = $1 AND reason = 'yearly-review' ORDER BY random() LIMIT $2`, [ORGANISATION, PROFILE_SAMPLE])).rows.map((r: { id: string }) => r.id);
    const profile = await whereTheTimeGoes(stack, caseIds);
    log(`${REVIEWS} reviews waiting for the officer in ${seconds.toFixed(1)} s (opened ${opening.opened}, started ${opening.started})`);
    await data.end();

    const authorities = Object.keys(LIMITS) as Authority[];
    const figures = authorities.map((authority) => {
      const calls = after[authority].requests - before[authority].requests;
      const bound = (calls * LATENCY_MS) / 1000 / LIMITS[authority];
      return { authority, calls, limit: LIMITS[authority], maxInFlight: after[authority].maxInFlight, bound };
    });
    const bound = Math.max(...figures.map((f) => f.bound));
    const ratio = seconds / bound;
    const respected = figures.every((f) => f.maxInFlight <= f.limit);
    const report = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average (1 min) ${loads[0].toFixed(1)} at the start, ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)} on average and ${Math.max(...loads).toFixed(1)} at most during the run (every 15 s), ${load
        .map((l) => l.toFixed(1))
        .join(' / ')} at the end; Postgres, the dev server and the stand-ins on the same machine. ${REVIEWS.toLocaleString('en-US')} reviews, ${LATENCY_MS} ms per authority call.`,
      '',
      `| authority | calls | calls per review | concurrency limit | most calls in flight | bound: calls × ${LATENCY_MS} ms / limit |`,
      `|---|---|---|---|---|---|`,
      ...figures.map((f) => `| ${f.authority} | ${f.calls} | ${(f.calls / REVIEWS).toFixed(2)} | ${f.limit} | ${f.maxInFlight} (${f.maxInFlight <= f.limit ? 'within' : 'OVER'}) | ${f.bound.toFixed(1)} s |`),
      '',
      `| | seconds |`,
      `|---|---|`,
      `| all reviews opened (yearlyIncomeReviews) | ${openedSeconds?.toFixed(1) ?? '–'} |`,
      `| **all ${REVIEWS.toLocaleString('en-US')} reviews waiting for the officer** | **${seconds.toFixed(1)}** |`,
      `| theoretical bound (the slowest authority) | ${bound.toFixed(1)} |`,
      '',
      `Measured / bound: **${ratio.toFixed(2)}×** (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}); concurrency limits ${respected ? 'held at every authority' : 'EXCEEDED'}.`,
      '',
      `Where a review's time goes (${caseIds.length} reviews sampled, from their Temporal histories): waiting is from scheduling to a worker taking the task, running from then to its completion.`,
      '',
      `| task | queue | per review | mean wait ms | mean run ms |`,
      `|---|---|---|---|---|`,
      ...profile.map((p) => `| ${p.task} | ${p.queue} | ${(p.count / caseIds.length).toFixed(2)} | ${p.waitMs.toFixed(0)} | ${p.runMs.toFixed(0)} |`),
    ].join('\n');
    console.log(report);
    if (WRITE) writeBenchmarkSection(SECTION, HEADING, report);
    if (!respected) process.exitCode = 1;
  } finally {
    await stack?.stop();
  }
}

interface TaskTimes {
  task: string;
  queue: string;
  count: number;
  waitMs: number;
  runMs: number;
}

/**
 * From the sampled reviews' histories: per activity type and for workflow tasks, how long a task
 * waited for a worker (scheduled → started) and how long it ran (started → completed).
 */
async function whereTheTimeGoes(stack: ProcessStack, caseIds: string[]): Promise<TaskTimes[]> {
  const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => (t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : 0);
  const totals = new Map<string, { task: string; queue: string; count: number; wait: number; run: number }>();
  const add = (task: string, queue: string, wait: number, run: number) => {
    const key = `${task} ${queue}`;
    const entry = totals.get(key) ?? { task, queue, count: 0, wait: 0, run: 0 };
    entry.count++;
    entry.wait += wait;
    entry.run += run;
    totals.set(key, entry);
  };
  for (const caseId of caseIds) {
    const history = await stack.temporal.client.workflow.getHandle(incomeVerificationWorkflowId(caseId)).fetchHistory();
    const scheduled = new Map<string, { task: string; queue: string; at: number }>();
    const startedAt = new Map<string, number>();
    for (const event of history.events ?? []) {
      const id = String(event.eventId);
      const at = ms(event.eventTime);
      if (event.activityTaskScheduledEventAttributes) {
        const a = event.activityTaskScheduledEventAttributes;
        scheduled.set(id, { task: a.activityType?.name ?? '?', queue: a.taskQueue?.name ?? '?', at });
      } else if (event.activityTaskStartedEventAttributes) {
        startedAt.set(String(event.activityTaskStartedEventAttributes.scheduledEventId), at);
      } else if (event.activityTaskCompletedEventAttributes) {
        const from = String(event.activityTaskCompletedEventAttributes.scheduledEventId);
        const task = scheduled.get(from);
        const began = startedAt.get(from);
        if (task && began !== undefined) add(task.task, task.queue, began - task.at, at - began);
      } else if (event.workflowTaskScheduledEventAttributes) {
        scheduled.set(id, { task: 'workflow task', queue: event.workflowTaskScheduledEventAttributes.taskQueue?.name ?? '?', at });
      } else if (event.workflowTaskStartedEventAttributes) {
        startedAt.set(String(event.workflowTaskStartedEventAttributes.scheduledEventId), at);
      } else if (event.workflowTaskCompletedEventAttributes) {
        const from = String(event.workflowTaskCompletedEventAttributes.scheduledEventId);
        const began = startedAt.get(from);
        if (began !== undefined) add('workflow task', TaskQueues.workflows, began - scheduled.get(from)!.at, at - began);
      }
    }
  }
  return [...totals.values()].map((t) => ({ task: t.task, queue: t.queue, count: t.count, waitMs: t.wait / t.count, runMs: t.run / t.count })).sort((a, b) => b.count * (b.waitMs + b.runMs) - a.count * (a.waitMs + a.runMs));
}

async function simStats(url: string): Promise<Record<Authority, AuthorityStats>> {
  const response = await fetch(`${url}/sim/stats`);
  if (!response.ok) throw new Error(`GET /sim/stats answered ${response.status}`);
  return (await response.json()) as Record<Authority, AuthorityStats>;
}

/**
 * Per client, as the service would have left it a year ago: a decided review with the client's
 * identity code, a consent for all three registers and the fee decision (10 h of home care).
 */
async function seed(pg: PgClient, count: number): Promise<void> {
  const today = localDateInZone(Date.now(), ZONE);
  const yearAgo = addMonths(parseLocalDate(today, 'today'), -12);
  const service = JSON.stringify({ kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '1100.00' });
  const perStatement = 1_000;
  for (let from = 0; from < count; from += perStatement) {
    const n = Math.min(perStatement, count - from);
    const clients = Array.from({ length: n }, (_, i) => `bench-client-${String(from + i).padStart(5, '0')}`);
    const persons = clients.map((_, i) => PERSONS[(from + i) % PERSONS.length]);
    await pg.query('BEGIN');
    await pg.query(
      `WITH c AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(client_id, identity_code, name)),
       cases AS (
         INSERT INTO review_case (id, organisation_id, client_id, reason, with_decision, service, state, review_date, started_by, workflow_started_at)
         SELECT gen_random_uuid(), $4, client_id, 'new-client', true, $5::jsonb, 'decided', $6, 'bench', now() FROM c
         RETURNING id, client_id),
       people AS (
         INSERT INTO case_person (case_id, role, identity_code, name)
         SELECT cases.id, 'client', c.identity_code, c.name FROM cases JOIN c USING (client_id)),
       consents AS (
         INSERT INTO consent (id, organisation_id, client_id, status, sources, valid_from, note, recorded_by)
         SELECT gen_random_uuid(), $4, client_id, 'given', ARRAY['incomes-register', 'population-register', 'tax-administration'], $6, 'bench: consent given a year ago', 'bench' FROM c)
       INSERT INTO fee_decision (id, organisation_id, client_id, case_id, fee_cents, proposed_fee_cents, action, valid_from, service, incomes, proposal, rule_versions, decided_by)
       SELECT gen_random_uuid(), $4, client_id, id, 18000, 18000, 'confirm', $6, $5::jsonb, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, 'bench' FROM cases`,
      [clients, persons.map((p) => p.identityCode), persons.map((p) => p.name), ORGANISATION, service, yearAgo],
    );
    await pg.query('COMMIT');
  }
}

runBenchmark(main);
