import { randomUUID } from 'node:crypto';
import { finnishTestIdentityCode } from '@clientfees/domain';
import { invoiceLifecycleWorkflowId, Role } from '@clientfees/contracts';
import { eventually, startDevServer } from '@clientfees/testing';
import { billingSettingsBody, InvoicingStack, PRICE_LIST_ITEMS, startInvoicingStack } from './invoicing-stack';

// Status codes by meaning (issue 14, item 4): 404 only for what does not exist for the caller,
// 409 with the current state for a decision the thing's state refuses.

const OFFICER: Role[] = ['client-fee-officer'];
const SUPERVISOR: Role[] = ['billing-supervisor'];

describe('status codes by meaning', () => {
  let stack: InvoicingStack;
  const request = (method: string, path: string, roles: Role[], body?: unknown) => stack.service.request(method, path, { roles, body });
  const ok = async (method: string, path: string, roles: Role[], body?: unknown) => {
    const response = await request(method, path, roles, body);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer());
  }, 120000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers writing off a written-off invoice 409 with its state, and 404 only for an invoice that does not exist', async () => {
    const created = await ok('POST', '/invoices', OFFICER, {
      organisationId: 'fi-demo',
      clientNumber: 'C-100234',
      recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
      invoiceDate: '2026-11-02', // due 19.11.2026: overdue
      rows: [{ description: 'Home care 10/2026', amount: '120.50' }],
    });
    await eventually(() => request('GET', `/invoices/${created.id}`, OFFICER), (r) => r.body.state === 'overdue');
    const writeOff = { grounds: 'uncollectable', note: 'no income or assets; decision 2026/77' };
    expect(await request('POST', `/invoices/${created.id}/write-off`, SUPERVISOR, writeOff)).toMatchObject({ status: 200, body: { state: 'written-off' } });
    // The lifecycle has ended with the write-off: the workflow is gone, the invoice is not.
    const handle = stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(created.id));
    await eventually(() => handle.describe(), (description) => description.status.name === 'COMPLETED');

    const again = await request('POST', `/invoices/${created.id}/write-off`, SUPERVISOR, writeOff);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, currentState: 'written-off', problems: [{ field: 'state', reason: 'is written-off' }] });
    expect(again.body.message).toContain('written-off');

    const missing = await request('POST', `/invoices/${randomUUID()}/write-off`, SUPERVISOR, writeOff);
    expect(missing.status).toBe(404);
  });

  it('answers an approval with the approved run, names the state in a refusal, and answers approving a completed run 409 with its state', async () => {
    const selectionRuleId = (await ok('POST', '/selection-rules', OFFICER, { organisationId: 'fi-demo', name: 'Home care', debitingAreas: ['ESPOO-NORTH', 'ESPOO-SOUTH'] })).id;
    for (const item of PRICE_LIST_ITEMS) await ok('POST', '/price-lists/fi-demo/items', OFFICER, item);
    const income = { validFrom: '2026-01-01', grossMonthlyIncome: '2000.00', netMonthlyIncome: '1650.00', householdSize: 1, source: 'tax authority 2026' };
    const homeCare = { serviceCode: 'HOME-CARE', description: 'Regular home care', kind: 'fi-home-care', validFrom: '2026-01-01', serviceCost: '1450.00', hoursPerMonth: '20' };
    const clientIds: string[] = [];
    for (const [index, name] of ['Aino Testinen', 'Bertta Tuloton'].entries()) {
      const client = await ok('POST', '/clients', OFFICER, { organisationId: 'fi-demo', clientNumber: `S-${index}`, identityCode: finnishTestIdentityCode('150338', 950 + index), name });
      await ok('POST', `/clients/${client.id}/billing-settings`, OFFICER, billingSettingsBody({ validFrom: '2026-01-01' }));
      await ok('POST', `/clients/${client.id}/services`, OFFICER, homeCare);
      clientIds.push(client.id);
    }
    await ok('POST', `/clients/${clientIds[0]}/incomes`, OFFICER, income); // Bertta's income is missing: she is in error
    const run = await ok('POST', '/billing-runs', SUPERVISOR, { organisationId: 'fi-demo', period: '2026-09', selectionRuleId });
    await eventually(() => ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 60000);
    // Another supervisor than the one who started the run reviews and approves it (four eyes).
    const approver = (method: string, path: string) => stack.service.request(method, path, { roles: SUPERVISOR, sub: 'supervisor-sanna' });
    const reviewJournal = async () => expect((await approver('POST', `/billing-runs/${run.id}/journal-review`)).status).toBe(200);
    await reviewJournal();

    // Refused by the run's state (a client in error): the problem is the state, not the role.
    const inError = await approver('POST', `/billing-runs/${run.id}/approve`);
    expect(inError.status).toBe(409);
    expect(inError.body).toMatchObject({ currentState: 'awaiting-approval', problems: [{ field: 'state', reason: expect.stringContaining('1 client(s) in error') }] });

    await ok('POST', `/clients/${clientIds[1]}/incomes`, OFFICER, income);
    await ok('POST', `/billing-runs/${run.id}/recalculate`, OFFICER, {});
    await reviewJournal();
    const approved = await approver('POST', `/billing-runs/${run.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ runId: run.id, state: 'approved' });

    await eventually(() => ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 60000);
    const twice = await approver('POST', `/billing-runs/${run.id}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ statusCode: 409, currentState: 'completed', problems: [{ field: 'state', reason: 'is completed' }] });
    expect((await approver('POST', `/billing-runs/${randomUUID()}/approve`)).status).toBe(404);
  }, 120000);
});
