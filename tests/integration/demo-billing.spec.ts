import { localDateInZone } from '@clientfees/domain';
import { eventually, loadDemo, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

/**
 * The billing of the demo organisation as a newcomer meets it after `npm start`: the demo loader
 * (`clientfees demo`) fills the services, and the month is billed through REST alone — error
 * list, fixes, recalculation, journal, approval, lock, invoices and their lifecycles.
 */
describe('billing the demo month', () => {
  let stack: ProcessStack;

  const { call, ok } = serviceApi(() => stack.url('invoicing'), 'demo-test');

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['invoicing', 'workflows'] });
    await stack.start('invoicing');
    await stack.start('workflows');
    await loadDemo(['--invoicing-url', stack.url('invoicing'), '--only', 'invoicing']);
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('bills the demo month once its two errors are fixed', async () => {
    const period = localDateInZone(Date.now(), 'Europe/Helsinki').slice(0, 7);
    const [selection] = await ok('GET', '/selection-rules?organisationId=fi-demo', ['billing-supervisor']);
    const run = await ok('POST', '/billing-runs', ['billing-supervisor'], { organisationId: 'fi-demo', period, selectionRuleId: selection.id });
    const calculated = await eventually(() => ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 60000);
    expect(calculated.counts).toEqual({ total: 20, notCalculated: 0, calculated: 18, error: 2 });
    expect(calculated.openAbsences.map((absence: { clientNumber: string }) => absence.clientNumber)).toEqual(['C-2006']);

    const errors = await ok('GET', `/billing-runs/${run.id}/clients?status=error`, ['finance-centre']);
    expect(errors.map((client: { clientNumber: string; errors: Array<{ code: string }> }) => [client.clientNumber, client.errors.map((e) => e.code)])).toEqual([
      ['C-2019', ['income-missing']],
      ['C-2020', ['account-string-missing']],
    ]);
    const [incomeless, accountless] = errors as Array<{ clientId: string }>;
    await ok('POST', `/clients/${incomeless.clientId}/incomes`, ['client-fee-officer'], { validFrom: `${period}-01`, grossMonthlyIncome: '1480.00', netMonthlyIncome: '1290.00', source: 'pension statement' });
    await ok('POST', `/billing-runs/${run.id}/recalculate`, ['client-fee-officer'], { clientId: incomeless.clientId });
    const [version] = await ok('GET', `/clients/${accountless.clientId}/billing-settings`, ['client-fee-officer']);
    await ok('PATCH', `/clients/${accountless.clientId}/billing-settings/${version.id}`, ['client-fee-officer'], { accountString: '4100-5230-SOUTH' });
    const fixed = await ok('POST', `/billing-runs/${run.id}/recalculate`, ['client-fee-officer'], { clientId: accountless.clientId });
    expect(fixed.counts).toEqual({ total: 20, notCalculated: 0, calculated: 20, error: 0 });

    // Another person than the one who started and recalculated the run reviews its journal and approves it.
    const sanna = { sub: 'supervisor-sanna' };
    expect((await call('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'])).status).toBe(422);
    expect((await call('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, sanna)).status).toBe(409);
    const journal = (await ok('GET', `/billing-runs/${run.id}/journal.csv`, ['billing-supervisor'], undefined, sanna)) as string;
    expect(journal).toContain('C-2019;');
    await ok('POST', `/billing-runs/${run.id}/journal-review`, ['billing-supervisor'], undefined, sanna);
    await ok('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, sanna);
    const done = await eventually(() => ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 60000);

    const billed = await ok('GET', `/billing-runs/${run.id}/clients?limit=100`, ['finance-centre']);
    const withInvoice = billed.filter((client: { invoiceId: string | null }) => client.invoiceId !== null);
    // A client whose income is under the limit and who had nothing else pays nothing: no invoice.
    expect(withInvoice.length).toBe(billed.filter((client: { total: number }) => client.total > 0).length);
    expect(done.invoices.count).toBe(withInvoice.length);
    for (const client of withInvoice) {
      const invoice = await eventually(() => ok('GET', `/invoices/${client.invoiceId}`, ['finance-centre']), (found) => found.dueDate !== null, 30000);
      expect(invoice.total.replace('.', '')).toBe(String(client.total).padStart(3, '0'));
    }
    // The period is locked: a second monthly run for it is refused.
    expect((await call('POST', '/billing-runs', ['billing-supervisor'], { organisationId: 'fi-demo', period, selectionRuleId: selection.id })).status).toBe(409);
  }, 180000);
});
