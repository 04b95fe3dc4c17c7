import { addDays, addMonths, firstDayOfMonth, localDateInZone } from '@clientfees/domain';
import { loadDemo, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

/**
 * Debt follow-up as a newcomer meets it after `npm start`: the demo loader leaves an estate case
 * waiting for its inventory and last month's debt review with its cases, and a second run of the
 * loader adds nothing.
 */
describe('the demo of debt follow-up', () => {
  let stack: ProcessStack;
  const debts = serviceApi(() => stack.url('debt-followup'), 'demo-test');
  const invoicing = serviceApi(() => stack.url('invoicing'), 'demo-test');
  const load = () => loadDemo(['--invoicing-url', stack.url('invoicing'), '--debt-followup-url', stack.url('debt-followup')]);

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['invoicing', 'debt-followup', 'workflows'] });
    for (const name of ['invoicing', 'debt-followup', 'workflows']) await stack.start(name);
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('holds an estate case waiting for its inventory and last month’s debt list, and loads nothing twice', async () => {
    const stdout = await load();
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

    await load();
    expect(await debts.ok('GET', '/estate-cases?organisationId=fi-demo', ['client-fee-officer'])).toHaveLength(1);
    expect(await debts.ok('GET', '/debt-reviews?organisationId=fi-demo', ['finance-centre'])).toHaveLength(1);
    expect(await debts.ok('GET', '/debt-cases?organisationId=fi-demo', ['client-fee-officer'])).toHaveLength(3);
  }, 240000);
});
