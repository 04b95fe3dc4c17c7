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

const INVOICES = 120;

/**
 * Kills the collection service and the workflow worker (SIGKILL, as a crash would) in the
 * middle of a transfer run, starts them again, and checks that every overdue invoice got
 * exactly one reminder: no invoice lost, none reminded twice.
 */
describe('crash in the middle of a transfer run', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  const processes: ServiceProcess[] = [];
  let env: (extra: Record<string, string>) => Record<string, string>;
  const ports: Record<string, number> = {};

  const token = (roles: string[]) => testToken({ sub: 'crash-test', roles }, ['fi-crash']);
  const call = async (base: string, method: string, path: string, roles: string[], body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token(roles)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const invoicingUrl = () => `http://127.0.0.1:${ports.invoicing}`;
  const agencyUrl = () => `http://127.0.0.1:${ports.agency}`;


  async function start(name: string, port: number): Promise<ServiceProcess> {
    const started = await (name === 'workflows' ? startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(port) })) : startServiceProcess(name, env({ HTTP_PORT: String(port) })));
    processes.push(started);
    return started;
  }

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    for (const name of ['invoicing', 'collection', 'agency', 'workflows']) ports[name] = await freePort();
    env = (extra) =>
      serviceTestEnv(db.url, temporal.address, {
        AGENCY_URL: agencyUrl(),
        WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundle().codePath,
        TEMPORAL_SCHEDULES: 'false',
        ...extra,
      });
    await start('authority-sim', ports.agency);
    await start('invoicing', ports.invoicing);
    await start('workflows', ports.workflows);
  }, 120000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await temporal?.teardown();
  });

  it(`reminds each of ${INVOICES} overdue invoices exactly once`, async () => {
    const organisation = { name: 'Crash county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
    expect((await call(invoicingUrl(), 'PUT', '/organisations/fi-crash', ['administrator'], organisation)).status).toBe(200);
    const recipient = { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' };
    for (let i = 0; i < INVOICES; i++) {
      const created = await call(invoicingUrl(), 'POST', '/invoices', ['finance-centre'], {
        organisationId: 'fi-crash',
        clientNumber: `C-${1000 + i}`,
        recipient,
        invoiceDate: '2025-06-02',
        rows: [{ description: 'Home care 5/2025', amount: '85.40' }],
      });
      expect(created.status).toBe(201);
    }
    await eventually(
      async () => (await call(invoicingUrl(), 'GET', '/invoices?organisationId=fi-crash&state=overdue&limit=1000', ['finance-centre'])).body.length,
      (n) => n === INVOICES,
      60000,
    );

    // The run offers every invoice while collection is down, so the reminders wait in Temporal.
    const run = await temporal.client.workflow.start('collectionTransferRun', {
      workflowId: 'transfer-run-fi-crash-test',
      taskQueue: 'clientfees-workflows',
      args: [{ organisationId: 'fi-crash' }],
    });
    await run.result();

    const collection = await start('collection', ports.collection);
    const worker = processes.find((p) => p.baseUrl.endsWith(`:${ports.workflows}`))!;
    const cases = async () => ((await (await fetch(`${agencyUrl()}/sim/cases`)).json()) as { cases: Array<{ invoiceId: string }> }).cases;
    const seenAtCrash = (await eventually(cases, (list) => list.length > 0, 60000)).length;
    await Promise.all([collection.crash(), worker.crash()]);
    expect(seenAtCrash).toBeLessThan(INVOICES);

    await start('workflows', ports.workflows);
    await start('collection', ports.collection);
    await eventually(
      async () => (await call(invoicingUrl(), 'GET', '/invoices?organisationId=fi-crash&state=reminded&limit=1000', ['finance-centre'])).body.length,
      (n) => n === INVOICES,
      90000,
    );

    const agencyCases = await cases();
    expect(agencyCases).toHaveLength(INVOICES);
    expect(new Set(agencyCases.map((c) => c.invoiceId)).size).toBe(INVOICES);
    const reminders = await call(`http://127.0.0.1:${ports.collection}`, 'GET', '/reminders?organisationId=fi-crash&limit=1000', ['finance-centre']);
    expect(reminders.body).toHaveLength(INVOICES);
    expect(new Set(reminders.body.map((r: { invoiceId: string }) => r.invoiceId)).size).toBe(INVOICES);
  }, 300000);
});
