import { randomUUID } from 'node:crypto';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { DebtInvoicingMessages, DebtListPage, InvoicingMessages } from '@clientfees/contracts';
import type { Role } from '@clientfees/contracts';
import { addMonths, finnishTestIdentityCode, lastDayOfMonth, localDateInZone } from '@clientfees/domain';
import { sendServiceMessage } from '@clientfees/platform';
import { eventually, startDevServer, TEST_SIGNING_KEY } from '@clientfees/testing';
import { billingSettingsBody, InvoicingStack, startInvoicingStack } from './invoicing-stack';

const OFFICER: Role[] = ['client-fee-officer'];

/**
 * The debt list's moves as invoicing keeps them (`register_address_change`, the day it was
 * recorded being the day invoicing received it, in the organisation's zone): a move the
 * population register reported after its month's list was made is on the first month-end list
 * after it was recorded (`reportedMoveOf`), with the day it took effect. The register's change is
 * recorded today (the wall clock), so the months are counted from today.
 */
describe('the debt list and a move the population register reported late', () => {
  let stack: InvoicingStack;
  let tcp: ClientProxy;

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer());
    tcp = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
  });
  afterAll(async () => {
    tcp?.close();
    await stack?.stop();
  });

  it('reports the move on the month-end list after it was recorded, not on the list of the month it took effect in', async () => {
    const created = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-LATE-1', identityCode: finnishTestIdentityCode('150550', 931), name: 'Lauri Myöhäinen' } });
    expect(created.status).toBe(201);
    const clientId = created.body.id as string;
    expect((await stack.service.request('POST', `/clients/${clientId}/billing-settings`, { roles: OFFICER, body: billingSettingsBody({ validFrom: '2026-03-01' }) })).status).toBe(201);
    // An invoice of September, long past its due date: Lauri is on every month end's list since.
    const invoice = await stack.service.request('POST', '/invoices', {
      roles: ['finance-centre'],
      body: { organisationId: 'fi-demo', clientNumber: 'C-LATE-1', recipient: { kind: 'client', name: 'Lauri Myöhäinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' }, invoiceDate: '2026-09-01', rows: [{ description: 'Kotihoito 8/2026', amount: '88.20' }] },
    });
    expect(invoice.status).toBe(201);
    await eventually(() => stack.service.request('GET', `/invoices/${invoice.body.id}`, { roles: OFFICER }), (r) => r.body.dueDate !== null);

    // He moved on 5.10.2026; the register's change reaches invoicing only today.
    const moved = await sendServiceMessage(
      tcp,
      InvoicingMessages.registerAddress,
      { organisationId: 'fi-demo', clientId, changeId: randomUUID(), effectiveDate: '2026-10-05', address: { streetAddress: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo' }, protected: false, sourceReference: 'population register change feed, key 2077' },
      'income-verification',
      TEST_SIGNING_KEY,
    );
    expect(moved).toMatchObject({ applied: true, from: '2026-10-01' });

    const listOf = async (asOf: string) => {
      const page = await sendServiceMessage<DebtListPage>(tcp, DebtInvoicingMessages.debtList, { organisationId: 'fi-demo', asOf, limit: 100 }, 'debt-followup', TEST_SIGNING_KEY);
      return page.clients.find((client) => client.clientId === clientId);
    };
    const thisMonthEnd = lastDayOfMonth(localDateInZone(Date.now(), 'Europe/Helsinki'));
    // October's list was made before the change was recorded: no move on it.
    const october = await listOf('2026-10-31');
    expect(october).toMatchObject({ clientNumber: 'C-LATE-1', status: 'active' });
    expect(october?.movedOn).toBeUndefined();
    // The first month end after it was recorded tells it, with the day it took effect.
    expect(await listOf(thisMonthEnd)).toMatchObject({ clientNumber: 'C-LATE-1', status: 'moved', movedOn: '2026-10-05' });
    // Told once: the month end after that does not tell it again.
    const next = await listOf(lastDayOfMonth(addMonths(thisMonthEnd, 1)));
    expect(next).toMatchObject({ clientNumber: 'C-LATE-1', status: 'active' });
    expect(next?.movedOn).toBeUndefined();
  });
});
