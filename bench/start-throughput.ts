import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { InvoiceLifecycleInput, InvoiceLifecycleWorkflow } from '@clientfees/contracts';
import { InvoiceLifecycles, WorkflowMessages } from '@clientfees/platform';
import { localDateInZone } from '@clientfees/domain';
import { startDevServer } from '@clientfees/testing';
import { workflowBundleOptions } from '../workflows/src/bundle';
import type { WorkerStats } from './worker';
import { runBenchmark, writeBenchmarkSection } from './support';

/**
 * `npm run bench`: how fast the Temporal dev server takes invoiceLifecycle starts compared with
 * starts of a no-op workflow, and what the workflow worker holds in memory with the lifecycles
 * open. One dev server, one worker process (bench/worker.ts), four measured phases:
 * 10,200 no-op, 10,200 lifecycles (one month of the seed city), 100,000 no-op, 100,000 lifecycles.
 * Between phases the worker catches up, so each phase starts from an idle worker.
 *
 * `--quick` (or BENCH_QUICK=1): 1,000 + 2,000 starts, printed only. `--trial`: compares start
 * concurrencies on no-op starts. Env overrides: BENCH_SMALL, BENCH_LARGE, BENCH_CONCURRENCY,
 * BENCH_MAX_CACHED, BENCH_SETTLE_TIMEOUT_S, BENCH_WRITE=0|1.
 */

const ROOT = path.resolve(__dirname, '..');
const NOOP_QUEUE = 'bench-noop';
/** Invoiced today (Helsinki): every lifecycle then waits weeks on its due-date timer. */
const INVOICE_DATE = localDateInZone(Date.now(), 'Europe/Helsinki');
const SECTION = 'start-throughput';
const HEADING = '## Lifecycle start throughput and worker memory (`npm run bench`)';
const TARGET_RATIO = 0.5;

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const trial = args.includes('--trial');
const intEnv = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not ${value}`);
  return parsed;
};
const SMALL = intEnv('BENCH_SMALL', quick ? 1_000 : 10_200);
const LARGE = intEnv('BENCH_LARGE', quick ? 2_000 : 100_000);
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 64);
/**
 * The SDK's default sticky cache on this machine (2,310) ran the workflow thread out of heap
 * (ERR_WORKER_OUT_OF_MEMORY) at ~1,700 cached lifecycles in the trial runs: the bench bounds it.
 * BENCH_MAX_CACHED=0 leaves the SDK default.
 */
const MAX_CACHED = intEnv('BENCH_MAX_CACHED', 1_000);
const SETTLE_TIMEOUT_MS = intEnv('BENCH_SETTLE_TIMEOUT_S', quick ? 120 : 1_800) * 1000;
const WRITE = process.env.BENCH_WRITE ? process.env.BENCH_WRITE === '1' : !quick && !trial;

interface PhaseResult {
  name: string;
  kind: 'noop' | 'lifecycle';
  count: number;
  failures: number;
  retries: number;
  seconds: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  settleSeconds: number;
  settled: boolean;
}

const log = (line: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const fmt = (n: number) => n.toLocaleString('en-US');

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The worker child process and a request/answer for its memory figures. */
class WorkerProcess {
  private waiting: Array<(stats: WorkerStats) => void> = [];
  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: { type: string; stats: WorkerStats }) => {
      if (message.type === 'stats') this.waiting.shift()?.(message.stats);
    });
  }

  static async start(env: Record<string, string>): Promise<{ worker: WorkerProcess; initial: WorkerStats }> {
    const child = fork(path.join(__dirname, 'worker.ts'), [], {
      cwd: ROOT,
      execArgv: ['-r', path.join(ROOT, 'scripts', 'register.js')],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('error', (error) => log(`worker process: ${error.message}`));
    const worker = new WorkerProcess(child);
    const initial = await new Promise<WorkerStats>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not start within 120 s')), 120_000);
      child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before it was ready`)));
      child.on('message', (message: { type: string; stats: WorkerStats }) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.stats);
        }
      });
    });
    return { worker, initial };
  }

  stats(): Promise<WorkerStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not answer for its stats within 30 s')), 30_000);
      this.waiting.push((stats) => {
        clearTimeout(timer);
        resolve(stats);
      });
      this.child.send({ type: 'stats' }, (error) => {
        if (error) {
          clearTimeout(timer);
          this.waiting.shift();
          reject(error);
        }
      });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'shutdown' });
    else this.child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(60_000).then(() => true)]);
    if (timedOut) {
      log('the worker did not stop within 60 s: killing it');
      this.child.kill('SIGKILL');
      await exited;
    }
  }
}

/** Starts `count` workflows with at most `concurrency` start calls in flight. */
async function measureStarts(
  name: string,
  kind: PhaseResult['kind'],
  count: number,
  concurrency: number,
  start: (i: number) => Promise<unknown>,
): Promise<Omit<PhaseResult, 'settleSeconds' | 'settled'>> {
  const latencies = new Float64Array(count);
  let next = 0;
  let failures = 0;
  let retries = 0;
  let lastReport = performance.now();
  const began = performance.now();
  const runner = async () => {
    while (next < count) {
      const i = next++;
      for (let attempt = 1; ; attempt++) {
        const t0 = performance.now();
        try {
          await start(i);
          latencies[i] = performance.now() - t0;
          break;
        } catch (error) {
          if (attempt >= 5) {
            failures += 1;
            latencies[i] = performance.now() - t0;
            if (failures <= 5) log(`${name}: start ${i} failed: ${error instanceof Error ? error.message : String(error)}`);
            break;
          }
          retries += 1;
          await sleep(100 * attempt);
        }
      }
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        log(`${name}: ${fmt(next)} / ${fmt(count)} started, ${(next / ((lastReport - began) / 1000)).toFixed(0)}/s`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, runner));
  const seconds = (performance.now() - began) / 1000;
  latencies.sort();
  return {
    name,
    kind,
    count,
    failures,
    retries,
    seconds,
    rate: (count - failures) / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** Polls `done` every 2 s until it holds or the timeout passes; returns the seconds waited and whether it held. */
async function settle(what: string, done: () => Promise<boolean | string>, timeoutMs = SETTLE_TIMEOUT_MS): Promise<{ seconds: number; settled: boolean }> {
  const began = performance.now();
  let lastReport = began;
  for (;;) {
    const state = await done();
    if (state === true) return { seconds: (performance.now() - began) / 1000, settled: true };
    if (performance.now() - began > timeoutMs) {
      log(`${what}: not settled after ${(timeoutMs / 1000).toFixed(0)} s (${String(state)})`);
      return { seconds: (performance.now() - began) / 1000, settled: false };
    }
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      log(`${what}: waiting (${String(state)})`);
    }
    await sleep(2_000);
  }
}

function lifecycleStarter(client: Client, phase: string) {
  const lifecycles = new InvoiceLifecycles(new WorkflowMessages(client));
  return (i: number) => {
    const invoiceId = `bench-${phase}-${i}`;
    const totalCents = 2_000 + ((i * 7_919) % 50_000);
    const clientNumber = `C-${100_000 + (i % 60_000)}`;
    const input: InvoiceLifecycleInput = { invoiceId, organisationId: 'fi-bench', clientNumber, totalCents, currency: 'EUR' };
    // The invoicing service's own way of starting a lifecycle, with its search attributes.
    return lifecycles.start(input, 'issued');
  };
}

function noopStarter(client: Client, phase: string) {
  return (i: number) => client.workflow.start('noop', { workflowId: `bench-noop-${phase}-${i}`, taskQueue: NOOP_QUEUE, args: [] });
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  if (!process.env.TEMPORAL_CLI) throw new Error('TEMPORAL_CLI is not set: run `npm run bench` (it sources .tools/env) after `npm run provision`');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'clientfees-bench-'));
  let env: TestWorkflowEnvironment | undefined;
  let worker: WorkerProcess | undefined;
  const stopAll = async () => {
    await worker?.stop().catch((error: unknown) => log(`stopping the worker: ${String(error)}`));
    await env?.teardown().catch((error: unknown) => log(`stopping the dev server: ${String(error)}`));
    rmSync(scratch, { recursive: true, force: true });
  };
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    log('interrupted: stopping the worker and the dev server');
    void stopAll().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`mode: ${quick ? 'quick' : trial ? 'trial' : 'full'}; counts ${fmt(SMALL)} and ${fmt(LARGE)}; concurrency ${CONCURRENCY}`);
    log('bundling the workflows');
    const lifecycleBundle = path.join(scratch, 'lifecycle-bundle.js');
    const noopBundle = path.join(scratch, 'noop-bundle.js');
    const lifecycleCode = (await bundleWorkflowCode({ ...workflowBundleOptions, logger: quietLogger })).code;
    const noopCode = (await bundleWorkflowCode({ workflowsPath: path.join(__dirname, 'noop-workflow.ts'), logger: quietLogger })).code;
    writeFileSync(lifecycleBundle, lifecycleCode);
    writeFileSync(noopBundle, noopCode);
    const bundleBytes = { lifecycle: Buffer.byteLength(lifecycleCode), noop: Buffer.byteLength(noopCode) };
    log(`bundles: workflows ${fmt(bundleBytes.lifecycle)} bytes, no-op ${fmt(bundleBytes.noop)} bytes`);

    log('starting the dev server');
    env = await startDevServer();
    const client = env.client;
    const { address } = env;
    const system = await env.connection.workflowService.getSystemInfo({});
    const serverVersion = system.serverVersion ?? 'unknown';

    log('starting the worker process');
    const started = await WorkerProcess.start({
      BENCH_ADDRESS: address,
      BENCH_LIFECYCLE_BUNDLE: lifecycleBundle,
      BENCH_NOOP_BUNDLE: noopBundle,
      BENCH_NOOP_QUEUE: NOOP_QUEUE,
      BENCH_INVOICE_DATE: INVOICE_DATE,
      ...(MAX_CACHED > 0 ? { BENCH_MAX_CACHED: String(MAX_CACHED) } : {}),
    });
    worker = started.worker;
    const idle = started.initial;
    log(`worker ready: pid ${worker.child.pid}, RSS ${mib(idle.rss)}, maxCachedWorkflows ${idle.maxCachedWorkflows}`);

    // Warm-up outside the measurements: connections, the workflow bundles' V8 contexts, visibility.
    await measureStarts('warm-up', 'noop', 200, CONCURRENCY, noopStarter(client, 'warmup'));
    await measureStarts('warm-up', 'lifecycle', 200, CONCURRENCY, lifecycleStarter(client, 'warmup'));
    let lifecyclesStarted = 200;
    const noopsDone = (expected: number) => async () => {
      const open = (await client.workflow.count(`WorkflowType = 'noop' AND ExecutionStatus = 'Running'`)).count;
      return open === 0 ? true : `${fmt(open)} of ${fmt(expected)} no-ops still open`;
    };
    const lifecyclesCaughtUp = (expected: number) => async () => {
      const stats = await worker!.stats();
      if (stats.dueDatesSet < expected) return `${fmt(stats.dueDatesSet)} of ${fmt(expected)} first activities done`;
      // The due date is set as a search attribute by the workflow task after the activity.
      const shown = (await client.workflow.count(`WorkflowType = '${InvoiceLifecycleWorkflow.workflowType}' AND DueDate IS NOT NULL`)).count;
      return shown >= expected ? true : `${fmt(shown)} of ${fmt(expected)} lifecycles waiting on their due date`;
    };
    await settle('warm-up', async () => ((await noopsDone(200)()) === true ? lifecyclesCaughtUp(200)() : 'no-ops open'));

    if (trial) {
      for (const concurrency of [16, 32, 64, 128, 256]) {
        const result = await measureStarts(`trial c=${concurrency}`, 'noop', SMALL, concurrency, noopStarter(client, `trial${concurrency}`));
        log(`concurrency ${concurrency}: ${result.rate.toFixed(0)} starts/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
        await settle(`trial c=${concurrency}`, noopsDone(SMALL));
      }
      return;
    }

    const results: PhaseResult[] = [];
    const rssSamples: number[] = [];
    // The machine's load average during the measured phases: the bench shares the cores with
    // whatever else runs, and the figures are read with it.
    const loadSamples: number[] = [];
    const loadSampler = setInterval(() => loadSamples.push(os.loadavg()[0]), 10_000);
    const phase = async (name: string, kind: PhaseResult['kind'], count: number) => {
      if (count === 0) return;
      log(`${name}: starting ${fmt(count)} ${kind} workflows`);
      const sampler = setInterval(() => {
        void worker!.stats().then((s) => rssSamples.push(s.rss), () => undefined);
      }, 5_000);
      try {
        const measured = await measureStarts(name, kind, count, CONCURRENCY, kind === 'noop' ? noopStarter(client, name) : lifecycleStarter(client, name));
        log(`${name}: ${measured.rate.toFixed(1)} starts/s (${measured.seconds.toFixed(1)} s), p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms, ${measured.failures} failed`);
        if (kind === 'lifecycle') lifecyclesStarted += count - measured.failures;
        const caughtUp = await settle(`${name} catch-up`, kind === 'noop' ? noopsDone(count) : lifecyclesCaughtUp(lifecyclesStarted));
        log(`${name}: worker caught up ${caughtUp.settled ? 'after' : 'NOT within'} ${caughtUp.seconds.toFixed(0)} s`);
        results.push({ ...measured, settleSeconds: caughtUp.seconds, settled: caughtUp.settled });
      } finally {
        clearInterval(sampler);
      }
    };
    await phase('a', 'noop', SMALL);
    await phase('b', 'lifecycle', SMALL);
    await phase('c', 'noop', LARGE);
    await phase('d', 'lifecycle', LARGE);
    clearInterval(loadSampler);

    const open = await worker.stats();
    const openInVisibility = (await client.workflow.count(`WorkflowType = '${InvoiceLifecycleWorkflow.workflowType}' AND ExecutionStatus = 'Running'`)).count;
    const report = renderReport({
      results,
      idle,
      open,
      openInVisibility,
      peakRss: Math.max(open.rss, ...rssSamples),
      serverVersion,
      cliVersion: cliVersion(),
      bundleBytes,
      load: loadSamples,
    });
    process.stdout.write(`\n${report}\n`);
    if (WRITE) {
      writeBenchmarkSection(SECTION, HEADING, report);
      log('written to BENCHMARKS.md');
    } else {
      log('quick/trial run: BENCHMARKS.md left as it is (BENCH_WRITE=1 writes it)');
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (!interrupted) await stopAll();
  }
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => log(`bundler: ${message}`),
  error: (message: string) => log(`bundler: ${message}`),
};

function cliVersion(): string {
  try {
    return execFileSync(process.env.TEMPORAL_CLI!, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function renderReport(input: {
  results: PhaseResult[];
  idle: WorkerStats;
  open: WorkerStats;
  openInVisibility: number;
  peakRss: number;
  serverVersion: string;
  cliVersion: string;
  bundleBytes: { lifecycle: number; noop: number };
  load: number[];
}): string {
  const { results, idle, open } = input;
  const byName = (name: string) => results.find((r) => r.name === name);
  const ratio = (noop?: PhaseResult, lifecycle?: PhaseResult) => (noop && lifecycle ? lifecycle.rate / noop.rate : undefined);
  const pairs = [
    { label: SMALL === 10_200 ? `${fmt(SMALL)} (one month of the seed city)` : fmt(SMALL), r: ratio(byName('a'), byName('b')) },
    { label: fmt(LARGE), r: ratio(byName('c'), byName('d')) },
  ].filter((p) => p.r !== undefined);
  const pass = pairs.length > 0 && pairs.every((p) => p.r! >= TARGET_RATIO);
  const cpu = os.cpus();
  const reduced = !quick && (SMALL !== 10_200 || LARGE !== 100_000)
    ? [`**Counts reduced** from the issue's 10,200 and 100,000 to ${fmt(SMALL)} and ${fmt(LARGE)} (BENCH_SMALL, BENCH_LARGE) so the run fitted its time box; see the notes below.`, '']
    : [];
  const lines = [
    ...reduced,
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick mode)' : ''}. Machine: ${cpu.length} cores (\`nproc\`), ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory; ` +
      `Node ${process.version}; @temporalio/* ${versionOf('@temporalio/client')}; Temporal CLI ${input.cliVersion.replace(/^temporal version /, '')} (server ${input.serverVersion}), dev server in memory, headless, on 127.0.0.1.`,
    '',
    `Starts: \`client.workflow.start\` with at most ${CONCURRENCY} calls in flight, one client connection; lifecycles with the typed search attributes the invoicing service sets ` +
      '(InvoiceState, OrganisationId, AmountCents, ClientNumber). One worker process (bench/worker.ts) beside the server runs invoiceLifecycle, the bench no-op (own task queue) ' +
      'and fake invoicing activities, and catches up between phases, so each phase begins with an idle worker.',
    '',
    `Workflow bundles (bytes of the bundle code the worker loads into each workflow context): workflows/src/workflows **${fmt(input.bundleBytes.lifecycle)}**, ` +
      `the no-op ${fmt(input.bundleBytes.noop)}. Load average (1 min) during the phases: ${loadSummary(input.load)}.`,
    '',
    '| phase | workflow | starts | failed | time | starts/s | p50 | p95 | p99 | worker caught up after | caught up / s |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.kind === 'noop' ? 'no-op' : InvoiceLifecycleWorkflow.workflowType} | ${fmt(r.count)} | ${r.failures} | ${r.seconds.toFixed(1)} s | ${r.rate.toFixed(1)} | ` +
        `${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.settled ? `${r.settleSeconds.toFixed(0)} s` : `not within ${r.settleSeconds.toFixed(0)} s`} | ` +
        `${r.settled ? ((r.count - r.failures) / Math.max(1, r.seconds + r.settleSeconds)).toFixed(1) : '–'} |`,
    ),
    '',
    '"caught up / s": workflows started and through their first tasks (lifecycles: first activity and parked on the due-date timer) per second of the phase, starts and catch-up together.',
    '',
    ...pairs.map((p) => `- Lifecycle / no-op start rate at ${p.label}: **${(p.r! * 100).toFixed(1)} %** (target ≥ ${TARGET_RATIO * 100} %).`),
    `- Target: **${pass ? 'PASS' : 'FAIL'}**.`,
    '',
    `Worker memory (worker process, \`process.memoryUsage()\`), maxCachedWorkflows ${open.maxCachedWorkflows} (${MAX_CACHED > 0 ? 'bounded by the bench, BENCH_MAX_CACHED' : 'the SDK default for this machine'}), ` +
      `maxConcurrentWorkflowTaskExecutions ${open.maxConcurrentWorkflowTaskExecutions ?? "per the SDK tuner"}:`,
    '',
    '| when | RSS | heap used | heap total | external | lifecycles in sticky cache |',
    '|---|---:|---:|---:|---:|---:|',
    `| idle, before any start | ${mib(idle.rss)} | ${mib(idle.heapUsed)} | ${mib(idle.heapTotal)} | ${mib(idle.external)} | ${idle.lifecycleCached} |`,
    `| ${fmt(input.openInVisibility)} lifecycles open, all waiting on their due-date timer | ${mib(open.rss)} | ${mib(open.heapUsed)} | ${mib(open.heapTotal)} | ${mib(open.external)} | ${fmt(open.lifecycleCached)} |`,
    '',
    `Memory per cached lifecycle: (RSS with the lifecycles open − RSS idle) / lifecycles in the sticky cache = **${open.lifecycleCached > 0 ? ((open.rss - idle.rss) / 1024 / 1024 / open.lifecycleCached).toFixed(2) : '–'} MiB**. ` +
      'Lifecycles beyond the cache are held by the server only; the worker replays one when its next task comes.',
    '',
    `Peak worker RSS sampled during the run (every 5 s): ${mib(input.peakRss)}. First activities run: ${fmt(open.dueDatesSet)} (includes 200 warm-up lifecycles); state changes recorded: ${open.stateChanges}; unexpected activity calls: ${open.unexpectedActivities}. Invoice date ${INVOICE_DATE}.`,
  ];
  return lines.join('\n');
}

function loadSummary(samples: number[]): string {
  if (samples.length === 0) return 'not sampled';
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  return `mean ${mean.toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)} (${os.cpus().length} cores)`;
}

runBenchmark(main);
