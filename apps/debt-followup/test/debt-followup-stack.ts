import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Role, TaskQueues } from '@clientfees/contracts';
import { startOfDayInZone } from '@clientfees/domain';
import { mintAccessToken } from '@clientfees/platform';
import {
  createTestDatabase,
  FAKE_ZONE,
  fakeDebtInvoicing,
  fakeVoucherClosing,
  freePort,
  prebuiltWorkflowBundle,
  serviceTestEnv,
  ServiceUnderTest,
  startServiceForTest,
  stopTestStack,
  TEST_SIGNING_KEY,
  TestDatabase,
} from '@clientfees/testing';
import { DebtFollowupModule } from '../src/debt-followup.module';

export const FI_SETTINGS = { country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki' };
export const SE_SETTINGS = { country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm' };

export interface Caller {
  roles: Role[];
  /** The user id; default `test-<first role>`. */
  user?: string;
  organisations?: string[];
  debitingAreas?: string[];
}

export interface DebtFollowupStack {
  env: TestWorkflowEnvironment;
  /**
   * A client that never unlocks time skipping: waiting on a result through `env.client` lets the
   * time-skipping server jump ahead (to the next timer, years away) while activities still run.
   */
  temporal: Client;
  db: TestDatabase;
  service: ServiceUnderTest;
  /** The service's TCP message listener (collection's messages come here). */
  tcpPort: number;
  invoicing: ReturnType<typeof fakeDebtInvoicing>;
  vouchers: ReturnType<typeof fakeVoucherClosing>;
  /** Calls the REST API as the caller (organisations default to fi-demo and se-demo). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
  call(method: string, path: string, caller: Caller, body?: unknown): Promise<{ status: number; body: any; headers: Headers; bytes: Buffer }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever JSON the API answers
  ok(method: string, path: string, caller: Caller, body?: unknown): Promise<any>;
  /** Moves the server clock to the hour on the date in Helsinki. */
  skipTo(date: string, hour?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Postgres + a Temporal server + the workflow worker + the debt-followup service, all real;
 * invoicing's and provider settlement's activities are the in-memory fakes of libs/testing.
 * The time-skipping server has no Schedules: pass `schedules: false` there.
 */
export async function startDebtFollowupStack(env: TestWorkflowEnvironment, options: { schedules?: boolean } = {}): Promise<DebtFollowupStack> {
  const db = await createTestDatabase();
  const invoicing = fakeDebtInvoicing();
  const vouchers = fakeVoucherClosing();
  const tcpPort = await freePort();
  const service = await startServiceForTest(
    DebtFollowupModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(tcpPort), TEMPORAL_SCHEDULES: String(options.schedules ?? true) }), { invoicing: invoicing.messages, clock: { nowMs: () => env.currentTimeMs() } }),
  );
  const workers = await Promise.all([
    Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() }),
    Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.invoicing, activities: invoicing.activities }),
    Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.providerSettlement, activities: vouchers.activities }),
  ]);
  const running = workers.map((worker) => worker.run());

  const call: DebtFollowupStack['call'] = async (method, path, caller, body) => {
    const token = mintAccessToken(
      { sub: caller.user ?? `test-${caller.roles[0]}`, roles: caller.roles, organisations: caller.organisations ?? ['fi-demo', 'se-demo'], debitingAreas: caller.debitingAreas },
      TEST_SIGNING_KEY,
    );
    const response = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const json = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
    return { status: response.status, body: json, headers: response.headers, bytes };
  };
  const stack: DebtFollowupStack = {
    env,
    temporal: new Client({ connection: env.connection, namespace: env.namespace }),
    db,
    service,
    tcpPort,
    invoicing,
    vouchers,
    call,
    async ok(method, path, caller, body) {
      const response = await call(method, path, caller, body);
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async skipTo(date, hour = 10) {
      const target = startOfDayInZone(date, FAKE_ZONE) + hour * 3600_000;
      const now = await env.currentTimeMs();
      if (target > now) await env.sleep(target - now);
    },
    async stop() {
      await stopTestStack({ workers, running: Promise.all(running), then: [() => service.close(), () => db.drop()], env });
    },
  };
  await stack.ok('PUT', '/organisations/fi-demo/debt-follow-up', { roles: ['administrator'] }, FI_SETTINGS);
  await stack.ok('PUT', '/organisations/se-demo/debt-follow-up', { roles: ['administrator'] }, SE_SETTINGS);
  return stack;
}
