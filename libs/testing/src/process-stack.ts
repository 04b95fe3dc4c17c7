import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { POPULATION_CHANGES_WORKFLOW, TaskQueues } from '@clientfees/contracts';
import { createTestDatabase, serviceTestEnv, startDevServer, TestDatabase } from './environment';
import { freePort } from './service-under-test';
import { PrivatePostgres, startPrivatePostgres } from './private-postgres';
import { loadDemo, ServiceProcess, startServiceProcess, startWorkflowWorkerProcess } from './service-process';

/**
 * Processes started exactly as `npm start` starts them (`apps/<name>/src/main.ts`, the workflow
 * worker as `workflows`), side by side on a fresh database and their own Temporal dev server.
 * Every process gets free HTTP and TCP ports once, and keeps them when started again after a
 * stop or a crash, so the others still find it.
 */
export interface ProcessStack {
  /** The Temporal dev server as it is now (a new one after `restartTemporal`). */
  readonly temporal: TestWorkflowEnvironment;
  readonly db: TestDatabase;
  /** Starts the process (again) and waits until it is ready. */
  start(name: string, extraEnv?: Record<string, string>): Promise<ServiceProcess>;
  /** The running process of that name. */
  process(name: string): ServiceProcess;
  url(name: string): string;
  tcpPort(name: string): number;
  /**
   * Kills the Temporal dev server (SIGKILL, the SDK's teardown) and, once `down` has settled,
   * starts it again on the same port from the same SQLite file, so it comes back with every
   * workflow it had. Only for a stack started with `persistentTemporal`.
   */
  restartTemporal(down?: () => Promise<unknown>): Promise<void>;
  /**
   * Stops PostgreSQL immediately (`pg_ctl stop -m immediate`) and, once `down` has settled, starts
   * it again on the same port from the same directory. Only for a stack started with
   * `privatePostgres`: the shared test cluster is never stopped.
   */
  restartPostgres(down?: () => Promise<unknown>): Promise<void>;
  /** Stops every process (SIGTERM), drops the database and stops Temporal; answers the exit codes. */
  stop(): Promise<Array<number | null>>;
}

export interface ProcessStackOptions {
  /** The processes the stack may start; each gets its ports up front, so `url` works before `start`. */
  names: readonly string[];
  /** More environment for every process, given the stack's URLs (e.g. `AGENCY_URL`). */
  env?: (url: (name: string) => string) => Record<string, string>;
  /** Keep Temporal's state in a file (`--db-filename`) so that `restartTemporal` keeps it. */
  persistentTemporal?: boolean;
  /** A PostgreSQL cluster of the stack's own (`startPrivatePostgres`) instead of a database on the shared test cluster, so that `restartPostgres` may stop it. */
  privatePostgres?: boolean;
}

export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const stateDir = options.persistentTemporal ? mkdtempSync(path.join(tmpdir(), 'clientfees-temporal-')) : undefined;
  // Ports the OS calls free are free only until someone binds them: two picks in a row can be the
  // same port, and a process started on a port another of the stack's holds would seem ready.
  const taken = new Set<number>();
  const portOfOurOwn = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) return taken.add(port), port;
    }
  };
  const devServer = stateDir ? { port: await portOfOurOwn(), dbFilename: path.join(stateDir, 'temporal.sqlite') } : {};
  let postgres: PrivatePostgres | undefined;
  const database = async (): Promise<TestDatabase> => {
    if (!options.privatePostgres) return createTestDatabase();
    postgres = await startPrivatePostgres();
    return { url: postgres.url, drop: () => postgres!.stop() };
  };
  const [firstTemporal, db] = await Promise.all([startDevServer(devServer), database()]);
  let temporal = firstTemporal;
  const ports = new Map<string, { http: number; tcp: number }>();
  for (const name of options.names) ports.set(name, { http: await portOfOurOwn(), tcp: await portOfOurOwn() });
  const portsOf = (name: string) => {
    const found = ports.get(name);
    if (!found) throw new Error(`${name} is not one of this stack's processes (${options.names.join(', ')})`);
    return found;
  };
  const url = (name: string) => `http://127.0.0.1:${portsOf(name).http}`;
  // The test run's workflow bundle, when there is one (tests/support/global-setup.js); a
  // benchmark's worker bundles the workflows itself.
  const bundle: Record<string, string> = process.env.CLIENTFEES_WORKFLOW_BUNDLE ? { WORKFLOW_BUNDLE_PATH: process.env.CLIENTFEES_WORKFLOW_BUNDLE } : {};
  const running = new Map<string, ServiceProcess>();
  // Starts still under way: when one of several parallel starts fails, the test's `afterAll`
  // stops the stack while the others are still coming up; they must be stopped too, or their
  // processes outlive the test run and Jest never exits.
  const starting = new Set<Promise<unknown>>();

  return {
    get temporal() {
      return temporal;
    },
    db,
    url,
    tcpPort: (name) => portsOf(name).tcp,
    process(name) {
      const found = running.get(name);
      if (!found) throw new Error(`${name} is not running`);
      return found;
    },
    async start(name, extraEnv = {}) {
      const { http, tcp } = portsOf(name);
      const env = serviceTestEnv(db.url, temporal.address, {
        ...bundle,
        TEMPORAL_SCHEDULES: 'false',
        // Where the other services find invoicing's messages (reference rates, invoice copies).
        ...(ports.has('invoicing') ? { INVOICING_TCP_PORT: String(portsOf('invoicing').tcp) } : {}),
        // Where collection tells debt follow-up of the agency's estate steps.
        ...(ports.has('debt-followup') ? { DEBT_FOLLOWUP_TCP_PORT: String(portsOf('debt-followup').tcp) } : {}),
        ...(options.env?.(url) ?? {}),
        ...extraEnv,
        HTTP_PORT: String(http),
        TCP_PORT: String(tcp),
      });
      const pending = (name === 'workflows' ? startWorkflowWorkerProcess(temporal, env) : startServiceProcess(name, env)).then((started) => {
        running.set(name, started);
        return started;
      });
      starting.add(pending);
      try {
        return await pending;
      } finally {
        starting.delete(pending);
      }
    },
    async restartTemporal(down) {
      if (!stateDir) throw new Error('restartTemporal needs a stack started with persistentTemporal: an in-memory dev server loses its state');
      await temporal.teardown();
      await down?.();
      temporal = await startDevServer(devServer);
    },
    async restartPostgres(down) {
      if (!postgres) throw new Error('restartPostgres needs a stack started with privatePostgres: the shared test cluster is never stopped');
      await postgres.restart(down);
    },
    async stop() {
      await Promise.allSettled([...starting]);
      const codes = await Promise.all([...running.values()].map((started) => started.stop()));
      await db.drop();
      await temporal.teardown();
      if (stateDir) rmSync(stateDir, { recursive: true, force: true });
      return codes;
    },
  };
}

/** The income-review demo as processes, with the population register's change feed at hand. */
export interface IncomeVerificationDemo extends ProcessStack {
  /** Records a change in the stand-in register's feed (`POST /sim/population-register/changes`) for the person. */
  recordPopulationChange(identityCode: string, change: Record<string, unknown>): Promise<void>;
  /** Reads the feed once for the organisation, as its Schedule does, and waits until the run ends. */
  readPopulationFeed(organisationId: string): Promise<unknown>;
}

/**
 * Invoicing, income verification, the authority stand-ins and the workflow worker as processes,
 * with the demo (`clientfees demo`) loaded into both services: the system as `npm start` leaves
 * it for income reviews.
 */
export async function startIncomeVerificationDemo(): Promise<IncomeVerificationDemo> {
  const names = ['authority-sim', 'invoicing', 'income-verification', 'workflows'];
  const stack = await startProcessStack({ names, env: (url) => ({ AUTHORITY_SIM_URL: url('authority-sim') }) });
  try {
    for (const name of names) await stack.start(name);
    await loadDemo(['--invoicing-url', stack.url('invoicing'), '--income-verification-url', stack.url('income-verification')]);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  let feedRuns = 0;
  return Object.assign(stack, {
    async recordPopulationChange(identityCode: string, change: Record<string, unknown>): Promise<void> {
      const response = await fetch(`${stack.url('authority-sim')}/sim/population-register/changes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identityCode, ...change }),
      });
      if (response.status !== 201) throw new Error(`the stand-in register refused the change: ${response.status} ${await response.text()}`);
    },
    readPopulationFeed(organisationId: string): Promise<unknown> {
      return stack.temporal.client.workflow.execute(POPULATION_CHANGES_WORKFLOW, {
        workflowId: `population-changes-${organisationId}-${++feedRuns}`,
        taskQueue: TaskQueues.workflows,
        args: [{ organisationId }],
      });
    },
  });
}
