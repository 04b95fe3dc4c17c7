import { Client as PgClient } from 'pg';
import { InvoiceLifecycleWorkflow } from '@clientfees/contracts';
import { eventually, generateBillingData, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

const CLIENTS = 2000;
const PERIOD = '2026-10';

/**
 * Chaos, counted (issue 14): kills the Temporal server (SIGKILL) while an approved billing run is
 * creating its invoices, keeps it down for a few seconds, and starts it again from its own
 * persisted state (the dev server's `--db-filename`; the services and the worker keep running and
 * reconnect). The run completes with exactly one invoice per client, a gapless number series and
 * every invoice's lifecycle started; the counts are taken before the kill and after.
 */
describe('the Temporal server killed in the middle of a billing run', () => {
  let stack: ProcessStack;
  let pg: PgClient;

  const call = serviceApi(() => stack.url('invoicing'), 'chaos-test').ok;
  const count = async (query: string, params: unknown[] = []) => ((await pg.query(query, params)).rows[0] as { n: number }).n;
  const invoicesOfRun = (runId: string) => count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1', [runId]);

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['invoicing', 'workflows'], persistentTemporal: true });
    await stack.start('invoicing');
    await stack.start('workflows');
    pg = new PgClient({ connectionString: stack.db.url });
    await pg.connect();
    await pg.query('SET search_path TO invoicing, public');
  }, 120000);

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it(`invoices each of ${CLIENTS} clients exactly once`, async () => {
    await call('PUT', '/organisations/fi-chaos', ['administrator'], { name: 'Chaos county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 });
    const { selectionRuleId } = await generateBillingData(pg, 'fi-chaos', CLIENTS, PERIOD);
    const run = await call('POST', '/billing-runs', ['billing-supervisor'], { organisationId: 'fi-chaos', period: PERIOD, selectionRuleId });
    const calculated = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 120000);
    expect(calculated.counts).toMatchObject({ total: CLIENTS, error: 0 });
    const expected = await count(`SELECT count(*)::int AS n FROM billing_run_client WHERE run_id = $1 AND total_cents > 0`, [run.id]);
    expect(expected).toBeGreaterThan(0);
    await call('POST', `/billing-runs/${run.id}/journal-review`, ['billing-supervisor'], undefined, { sub: 'supervisor-sanna' });
    await call('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, { sub: 'supervisor-sanna' });

    // Temporal dies as soon as the first invoices are in, while the other batches are in flight.
    const atKill = await eventually(() => invoicesOfRun(run.id), (n) => n > 0, 60000);
    // Down long enough for the worker's polls and the activities' heartbeats and completions to
    // fail (activities already running keep writing invoices meanwhile: Postgres is up).
    await stack.restartTemporal(() => new Promise((resolve) => setTimeout(resolve, 5000)));
    expect(atKill).toBeLessThan(expected);

    const done = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 180000);
    expect(done.invoices.count).toBe(expected);
    expect(await invoicesOfRun(run.id)).toBe(expected);
    expect(await count(`SELECT count(*)::int AS n FROM (SELECT client_number FROM invoice WHERE billing_period = $1 GROUP BY client_number HAVING count(*) > 1) AS twice`, [PERIOD])).toBe(0);
    const numbers = (await pg.query(`SELECT min(invoice_number)::int AS low, max(invoice_number)::int AS high, count(*)::int AS n FROM invoice WHERE organisation_id = 'fi-chaos'`)).rows[0];
    expect(numbers).toEqual({ low: 1, high: expected, n: expected });
    await eventually(() => count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1 AND NOT lifecycle_started', [run.id]), (n) => n === 0, 120000);
    // Every lifecycle runs in the restarted server: its workflows survived the kill.
    const running = `ExecutionStatus = 'Running' AND WorkflowType = '${InvoiceLifecycleWorkflow.workflowType}'`;
    await eventually(async () => (await stack.temporal.client.workflow.count(running)).count, (n) => n === expected, 60000);
  }, 300000);
});
