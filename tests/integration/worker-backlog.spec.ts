import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  createTestDatabase,
  eventually,
  freePort,
  prebuiltWorkflowBundle,
  serviceTestEnv,
  ServiceProcess,
  startDevServer,
  startServiceProcess,
  startWorkflowWorkerProcess,
  testToken,
  TestDatabase,
} from '@clientfees/testing';

const ORGANISATION = 'fi-backlog';
/** Small, so that a stuck backlog shows within the test; the default is 120 s. */
const LIMIT_SECONDS = 5;

/**
 * Health reports whether work is moving, not only whether the server answers: with the workflow
 * worker dead, invoicing said "up" while 178 tasks piled up. Here the invoicing service runs as a
 * process against the Temporal dev server and the workflow worker comes and goes.
 */
describe('health reports the worker backlog', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  let invoicing: ServiceProcess;
  let worker: ServiceProcess | undefined;
  let port: number;
  let env: (extra: Record<string, string>) => Record<string, string>;

  const token = testToken({ sub: 'backlog-test', roles: ['administrator', 'client-fee-officer', 'finance-centre'] }, [ORGANISATION]);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers are checked field by field
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
  };
  const invoice = (clientNumber: string) => ({
    organisationId: ORGANISATION,
    clientNumber,
    recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
    invoiceDate: '2026-11-02',
    rows: [{ description: 'Home care 10/2026', amount: '85.40' }],
  });
  const health = () => call('GET', '/health');

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    port = await freePort();
    env = (extra) => serviceTestEnv(db.url, temporal.address, { TEMPORAL_SCHEDULES: 'false', WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundle().codePath, ...extra });
    invoicing = await startServiceProcess('invoicing', env({ HTTP_PORT: String(port), TCP_PORT: String(await freePort()), HEALTH_BACKLOG_LIMIT_SECONDS: String(LIMIT_SECONDS) }));
    const organisation = { name: 'Backlog county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
    expect((await call('PUT', `/organisations/${ORGANISATION}`, organisation)).status).toBe(200);
  }, 120000);

  afterAll(async () => {
    await Promise.all([invoicing?.stop(), worker?.stop()]);
    await db?.drop();
    await temporal?.teardown();
  });

  it('is up with nothing waiting, down naming the queue while workflow tasks wait for a dead worker, up again once one polls', async () => {
    // Nothing waits: up, although no workflow worker polls yet; the service's own worker polls its queue.
    const idle = await eventually(health, (answer) => answer.body.backlog.activityTasks.pollers >= 1, 30000, 500);
    expect(idle).toMatchObject({
      status: 200,
      body: {
        status: 'up',
        backlog: {
          workflowTasks: { status: 'up', taskQueue: 'clientfees-workflows', pollers: 0, backlog: 0 },
          activityTasks: { status: 'up', taskQueue: 'invoicing', backlog: 0 },
          outbox: { status: 'up', pending: 0 },
        },
      },
    });

    // An invoice starts its lifecycle: its first workflow task waits for a worker nobody runs.
    const first = await call('POST', '/invoices', invoice('C-1'));
    expect(first.status).toBe(201);
    const stuck = await eventually(health, (answer) => answer.status === 503, 60000, 500);
    expect(stuck.body).toMatchObject({
      status: 'down',
      checks: { database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } },
      backlog: { workflowTasks: { status: 'down', pollers: 0, reason: expect.stringMatching(/^\d+ tasks wait and no workflow worker polls clientfees-workflows$/) } },
    });
    expect(stuck.body.backlog.workflowTasks.backlog).toBeGreaterThanOrEqual(1);

    // A workflow worker starts: the backlog drains, the invoice gets its due date, health is up.
    worker = await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) }));
    await eventually(async () => (await call('GET', `/invoices/${first.body.id}`)).body.dueDate, (due) => typeof due === 'string', 60000);
    // Up as soon as a worker polls; the backlog then drains (a task may be in flight at first).
    const recovered = await eventually(health, (answer) => answer.status === 200 && answer.body.backlog.workflowTasks.backlog === 0, 60000, 500);
    expect(recovered.body.backlog.workflowTasks).toMatchObject({ status: 'up', backlog: 0 });
    expect(recovered.body.backlog.workflowTasks.pollers).toBeGreaterThanOrEqual(1);

    // Killed, the worker still shows as a poller for a while; the ageing backlog gives it away.
    await worker.crash();
    worker = undefined;
    expect((await call('POST', '/invoices', invoice('C-2'))).status).toBe(201);
    const ageing = await eventually(health, (answer) => answer.status === 503, 120000, 500);
    expect(ageing.body.backlog.workflowTasks).toMatchObject({ status: 'down', reason: expect.stringMatching(/clientfees-workflows/) });
  }, 400000);
});
