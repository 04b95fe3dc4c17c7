import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, addMonths, firstDayOfMonth, localDateInZone } from '@clientfees/domain';
import {
  createTestDatabase,
  freePort,
  prebuiltWorkflowBundle,
  serviceApi,
  serviceTestEnv,
  ServiceProcess,
  startDevServer,
  startServiceProcess,
  startWorkflowWorkerProcess,
  TEST_SIGNING_KEY,
  TestDatabase,
} from '@clientfees/testing';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Debt follow-up as a newcomer meets it after `npm start`: the demo loader leaves an estate case
 * waiting for its inventory and last month's debt review with its cases, and a second run of the
 * loader adds nothing.
 */
describe('the demo of debt follow-up', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  const processes: ServiceProcess[] = [];
  let invoicingUrl: string;
  let debtsUrl: string;
  const debts = serviceApi(() => debtsUrl, 'demo-test');
  const invoicing = serviceApi(() => invoicingUrl, 'demo-test');

  const loadDemo = () =>
    promisify(execFile)(process.execPath, ['-r', path.join(ROOT, 'scripts', 'register.js'), path.join(ROOT, 'apps', 'cli', 'src', 'main.ts'), 'demo', '--invoicing-url', invoicingUrl, '--debt-followup-url', debtsUrl], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', AUTH_SIGNING_KEY: TEST_SIGNING_KEY },
    });

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    const [invoicingPort, invoicingTcp, debtsPort] = [await freePort(), await freePort(), await freePort()];
    [invoicingUrl, debtsUrl] = [`http://127.0.0.1:${invoicingPort}`, `http://127.0.0.1:${debtsPort}`];
    const env = (extra: Record<string, string>) => serviceTestEnv(db.url, temporal.address, { WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundle().codePath, TEMPORAL_SCHEDULES: 'false', ...extra });
    processes.push(await startServiceProcess('invoicing', env({ HTTP_PORT: String(invoicingPort), TCP_PORT: String(invoicingTcp) })));
    processes.push(await startServiceProcess('debt-followup', env({ HTTP_PORT: String(debtsPort), TCP_PORT: String(await freePort()), INVOICING_TCP_PORT: String(invoicingTcp) })));
    processes.push(await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) })));
  }, 120000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await temporal?.teardown();
  });

  it('holds an estate case waiting for its inventory and last month’s debt list, and loads nothing twice', async () => {
    const { stdout } = await loadDemo();
    const today = localDateInZone(Date.now(), 'Europe/Helsinki');
    const lastMonthEnd = addDays(firstDayOfMonth(today), -1);
    const dateOfDeath = addDays(today, -21);
    expect(stdout).toContain(`debt review of ${lastMonthEnd}: 4 claims of 3 clients, 3 new cases, 2 letters`);

    const [estate] = await debts.ok('GET', '/estate-cases?organisationId=fi-demo', ['client-fee-officer']);
    expect(estate).toMatchObject({ clientNumber: 'C-3003', dateOfDeath, state: 'awaiting-inventory', inventoryDeadline: addMonths(dateOfDeath, 3) });
    // Invoicing stopped her billing and readdressed her open invoice to the estate.
    const [client] = await invoicing.ok('GET', '/clients?organisationId=fi-demo&clientNumber=C-3003', ['client-fee-officer']);
    expect(client.dateOfDeath).toBe(dateOfDeath);

    const cases = await debts.ok('GET', '/debt-cases?organisationId=fi-demo', ['client-fee-officer']);
    expect(cases.map((c: { clientNumber: string; clientStatus: string }) => [c.clientNumber, c.clientStatus]).sort()).toEqual([
      ['C-3001', 'active'],
      ['C-3002', 'active'],
      ['C-3003', 'deceased'],
    ]);

    await loadDemo();
    expect(await debts.ok('GET', '/estate-cases?organisationId=fi-demo', ['client-fee-officer'])).toHaveLength(1);
    expect(await debts.ok('GET', '/debt-reviews?organisationId=fi-demo', ['finance-centre'])).toHaveLength(1);
    expect(await debts.ok('GET', '/debt-cases?organisationId=fi-demo', ['client-fee-officer'])).toHaveLength(3);
  }, 240000);
});
