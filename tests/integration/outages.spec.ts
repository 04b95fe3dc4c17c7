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

const ORGANISATION = 'fi-outage';

/**
 * With the Temporal server stopped, a decision that needs the invoice's workflow answers 503
 * with Retry-After at once instead of hanging (it took 18.5 s to fail), a new invoice is still
 * stored and answered (its lifecycle starts when Temporal is back), reads keep working, and
 * health says what is down.
 */
describe('a Temporal outage', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  const processes: ServiceProcess[] = [];
  let port: number;

  const token = testToken({ sub: 'outage-test', roles: ['finance-centre', 'administrator', 'client-fee-officer'] }, [ORGANISATION]);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers are checked field by field
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as any };
  };
  const invoice = (clientNumber: string) => ({
    organisationId: ORGANISATION,
    clientNumber,
    recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
    invoiceDate: '2026-11-02',
    rows: [{ description: 'Home care 10/2026', amount: '85.40' }],
  });

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    port = await freePort();
    const env = (extra: Record<string, string>) =>
      serviceTestEnv(db.url, temporal.address, { TEMPORAL_SCHEDULES: 'false', WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundle().codePath, ...extra });
    processes.push(await startServiceProcess('invoicing', env({ HTTP_PORT: String(port), TCP_PORT: String(await freePort()) })));
    processes.push(await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) })));
    const organisation = { name: 'Outage county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
    expect((await call('PUT', `/organisations/${ORGANISATION}`, organisation)).status).toBe(200);
  }, 120000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  });

  it('answers a deferral 503 with Retry-After at once, and keeps storing and listing invoices', async () => {
    const created = await call('POST', '/invoices', invoice('C-1'));
    expect(created.status).toBe(201);
    await eventually(
      async () => (await call('GET', `/invoices/${created.body.id}`)).body.dueDate,
      (due) => typeof due === 'string',
      60000,
    );

    await temporal.teardown();

    const deferral = await call('POST', `/invoices/${created.body.id}/deferrals`, { requestedDueDate: '2026-12-30', reason: 'Client in hospital' });
    expect(deferral.status).toBe(503);
    expect(deferral.headers.get('retry-after')).toBe('5');
    // The probe's answer: refused before the call was made, so nothing was retried or waited for
    // (it took 18.5 s to fail before). A call that failed on the way would say it stopped answering.
    expect(deferral.body.message).toBe('the workflow engine (Temporal) does not answer; try again shortly');

    // Stored and answered without its lifecycle (no due date yet): the poller starts it when Temporal is back.
    const stored = await call('POST', '/invoices', invoice('C-2'));
    expect(stored.status).toBe(201);
    expect(stored.body.dueDate).toBeNull();

    const listed = await call('GET', `/invoices?organisationId=${ORGANISATION}`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((found: { clientNumber: string }) => found.clientNumber).sort()).toEqual(['C-1', 'C-2']);

    const health = await call('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.temporal.status).toBe('down');
    expect(health.body.checks.database.status).toBe('up');
  }, 180000);
});
