import { Client as PgClient } from 'pg';
import { eventually, generateBillingData, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

const CLIENTS = 2000;
const PERIOD = '2026-10';

/**
 * Kills the invoicing service and the workflow worker (SIGKILL) while an approved billing run is
 * creating its invoices, starts them again, and checks that the run finishes with exactly one
 * invoice per client, a gapless number series and every lifecycle started.
 */
describe('crash in the middle of a billing run', () => {
  let stack: ProcessStack;
  let pg: PgClient;

  const call = serviceApi(() => stack.url('invoicing'), 'crash-test').ok;
  const count = async (query: string, params: unknown[]) => ((await pg.query(query, params)).rows[0] as { n: number }).n;

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['invoicing', 'workflows'] });
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
    await call('PUT', '/organisations/fi-crash', ['administrator'], { name: 'Crash county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 });
    const { selectionRuleId } = await generateBillingData(pg, 'fi-crash', CLIENTS, PERIOD);
    const run = await call('POST', '/billing-runs', ['billing-supervisor'], { organisationId: 'fi-crash', period: PERIOD, selectionRuleId });
    const calculated = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 120000);
    expect(calculated.counts).toMatchObject({ total: CLIENTS, error: 0 });
    const expected = await count(`SELECT count(*)::int AS n FROM billing_run_client WHERE run_id = $1 AND total_cents > 0`, [run.id]);
    await call('GET', `/billing-runs/${run.id}/journal.csv`, ['billing-supervisor']);
    await call('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor']);

    // Both die as soon as the first invoices are in, while the other batches are in flight.
    await eventually(() => count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1', [run.id]), (n) => n > 0, 60000);
    await Promise.all([stack.process('invoicing').crash(), stack.process('workflows').crash()]);
    const atCrash = await count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1', [run.id]);
    expect(atCrash).toBeLessThan(expected);
    await stack.start('invoicing');
    await stack.start('workflows');

    const done = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 180000);
    expect(done.invoices.count).toBe(expected);
    expect(await count(`SELECT count(*)::int AS n FROM (SELECT client_number FROM invoice WHERE billing_period = $1 GROUP BY client_number HAVING count(*) > 1) AS twice`, [PERIOD])).toBe(0);
    const numbers = (await pg.query(`SELECT min(invoice_number)::int AS low, max(invoice_number)::int AS high, count(*)::int AS n FROM invoice WHERE organisation_id = 'fi-crash'`)).rows[0];
    expect(numbers).toEqual({ low: 1, high: expected, n: expected });
    await eventually(() => count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1 AND NOT lifecycle_started', [run.id]), (n) => n === 0, 120000);
  }, 480000);
});
