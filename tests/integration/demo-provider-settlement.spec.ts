import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, firstDayOfMonth, localDateInZone } from '@clientfees/domain';
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
 * The service vouchers a newcomer meets after `npm start`: the demo loader (`clientfees demo`)
 * fills provider settlement through its REST API and the real application workflow; a second
 * run adds nothing.
 */
describe('the service-voucher demo', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  const processes: ServiceProcess[] = [];
  let base: string;
  const { ok } = serviceApi(() => base, 'demo-test');
  const demo = () =>
    promisify(execFile)(process.execPath, ['-r', path.join(ROOT, 'scripts', 'register.js'), path.join(ROOT, 'apps', 'cli', 'src', 'main.ts'), 'demo', '--only', 'provider-settlement', '--provider-settlement-url', base], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', AUTH_SIGNING_KEY: TEST_SIGNING_KEY },
    });

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = (extra: Record<string, string>) => serviceTestEnv(db.url, temporal.address, { WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundle().codePath, TEMPORAL_SCHEDULES: 'false', ...extra });
    processes.push(await startServiceProcess('provider-settlement', env({ HTTP_PORT: String(port) })));
    processes.push(await startWorkflowWorkerProcess(temporal, env({ HTTP_PORT: String(await freePort()) })));
  }, 120000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
    await temporal?.teardown();
  });

  it('has two providers, last month’s events with an interruption, and an overrun waiting for approval', async () => {
    const { stdout } = await demo();
    expect(stdout).toContain('service vouchers of fi-demo ready: providers kotiranta and aamurusko, 5 vouchers');

    const today = localDateInZone(Date.now(), 'Europe/Helsinki');
    const month = addDays(firstDayOfMonth(today), -1).slice(0, 7);
    const providers = await ok('GET', '/providers?organisationId=fi-demo', ['client-fee-officer']);
    expect(providers.map((p: { id: string }) => p.id).sort()).toEqual(['aamurusko', 'kotiranta']);
    for (const id of ['aamurusko', 'kotiranta']) {
      const provider = await ok('GET', `/providers/${id}`, ['client-fee-officer']);
      expect(provider.services.map((s: { serviceCode: string }) => s.serviceCode).sort()).toEqual(['ENHANCED-HOUSING', 'HOME-CARE']);
    }
    expect(await ok('GET', '/vouchers?organisationId=fi-demo', ['client-fee-officer'])).toHaveLength(5);

    const events = await ok('GET', `/providers/kotiranta/events?month=${month}`, ['client-fee-officer']);
    // Two whole-month housing events around the hospital stay, one whole month, five home-care visits.
    expect(events).toHaveLength(8);
    expect(events.every((event: { startDate: string }) => event.startDate.startsWith(month))).toBe(true);
    expect(await ok('GET', `/providers/aamurusko/events?month=${month}`, ['client-fee-officer'])).toHaveLength(2);

    const interruptions = await ok('GET', `/reports/interruptions?organisationId=fi-demo&from=${month}&to=${month}`, ['client-fee-officer']);
    expect(interruptions).toEqual([expect.objectContaining({ reason: 'hospital', startDate: `${month}-10`, endDate: `${month}-20`, compensatedDays: 11, settled: false })]);

    const approvals = await ok('GET', '/approvals?organisationId=fi-demo', ['client-fee-officer']);
    expect(approvals).toEqual([expect.objectContaining({ approval: 'pending', providerId: 'kotiranta', quantity: 120 })]);

    // Loaded once: a second run finds the vouchers.
    expect((await demo()).stdout).toBe('service vouchers of fi-demo already loaded\n');
  }, 120000);
});
