import { randomUUID } from 'node:crypto';
import { invoiceLifecycleWorkflowId, OwnShareInvoiceRequest } from '@clientfees/contracts';
import { finnishTestIdentityCode, localDateInZone } from '@clientfees/domain';
import { eventually, startDevServer } from '@clientfees/testing';
import { billingSettingsBody, InvoicingStack, startInvoicingStack } from './invoicing-stack';
import { OwnShareInvoicingActivities } from '../src/own-shares/own-share-invoicing.activities';

const OFFICER = ['client-fee-officer'] as const;

/**
 * Invoicing's side of issue 12 §8 (ADR 0031): `createOwnShareInvoices`, as the settlement
 * workflow calls it, against the real service, Postgres and Temporal — the recipient the billing
 * settings name, the organisation's number series, the lifecycle, one invoice per own-share
 * record however often it is sent, and the refusals that leave the record waiting.
 */
describe('own-share invoices of service vouchers (invoicing)', () => {
  let stack: InvoicingStack;
  let activities: OwnShareInvoicingActivities;

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer(), { organisations: ['fi-demo', 'fi-other'] });
    activities = stack.service.app.get(OwnShareInvoicingActivities);
  }, 120000);

  afterAll(() => stack?.stop());

  const newClient = async (clientNumber: string, serial: number, settings?: Record<string, unknown>) => {
    const client = (await stack.service.request('POST', '/clients', { roles: [...OFFICER], body: { organisationId: 'fi-demo', clientNumber, identityCode: finnishTestIdentityCode('150555', serial), name: `Asiakas ${clientNumber}` } })).body;
    if (settings) expect((await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: [...OFFICER], body: billingSettingsBody({ validFrom: '2026-01-01', ...settings }) })).status).toBe(201);
    return client as { id: string; clientNumber: string };
  };
  const request = (client: { id: string; clientNumber: string }, over: Partial<OwnShareInvoiceRequest> = {}): OwnShareInvoiceRequest => ({
    ownShareId: randomUUID(),
    organisationId: 'fi-demo',
    clientId: client.id,
    clientNumber: client.clientNumber,
    month: '2026-10',
    rows: [
      { kind: 'voucher-own-share', code: 'CARE-DAY', quantity: '31', description: 'Tehostettu palveluasuminen CARE-DAY, palveluseteli PS-1, 2026-10-01–2026-10-31: 31 vrk, hinta 3053.50, setelin arvo 2542.00, omavastuu 511.50', amountCents: 51150 },
      { kind: 'voucher-own-share-credit', code: 'CARE-DAY', quantity: null, description: 'Hyvitys / credit: CARE-DAY, palveluseteli PS-1, 2026-09-01–2026-09-30 korjattu', amountCents: -1650 },
    ],
    totalCents: 49500,
    ...over,
  });

  it('invoices to the recipient the billing settings name, numbered in the series, with a running lifecycle — once per own share', async () => {
    const client = await newClient('C-8101', 951, { recipient: { kind: 'guardian', name: 'Greta Edunvalvoja', address: { streetAddress: 'Holhoojantie 1', postalCode: '02100', city: 'Espoo' } } });
    const handMade = (await stack.service.request('POST', '/invoices', { body: { organisationId: 'fi-demo', clientNumber: 'C-8100', invoiceDate: localDateInZone(Date.now(), 'Europe/Helsinki'), recipient: { kind: 'client', name: 'A', streetAddress: 'B 1', postalCode: '00100', city: 'Helsinki' }, rows: [{ description: 'x', amount: '1.00' }] } })).body;
    const own = request(client);
    // Named twice in its first request, it is still invoiced once.
    const [outcome, twice] = await activities.createOwnShareInvoices({ organisationId: 'fi-demo', invoices: [own, own] });
    expect(twice).toEqual(outcome);
    expect(outcome).toMatchObject({ ownShareId: own.ownShareId, outcome: 'invoiced', invoiceNumber: handMade.invoiceNumber + 1 });
    if (outcome.outcome !== 'invoiced') throw new Error('not invoiced');
    const invoice = (await stack.service.request('GET', `/invoices/${outcome.invoiceId}`, { roles: ['finance-centre'] })).body;
    expect(invoice).toMatchObject({ clientNumber: 'C-8101', total: '495.00', recipient: { kind: 'guardian', name: 'Greta Edunvalvoja', streetAddress: 'Holhoojantie 1' }, workflowId: invoiceLifecycleWorkflowId(outcome.invoiceId) });
    expect(invoice.rows.map((row: { amount: string }) => row.amount)).toEqual(['511.50', '-16.50']);
    expect(invoice.events[0]).toMatchObject({ state: 'issued', actor: 'system:voucher-settlement', reason: 'own share of service vouchers 2026-10 (provider settlement)' });
    await eventually(() => stack.service.request('GET', `/invoices/${outcome.invoiceId}`, { roles: ['finance-centre'] }), (answer) => answer.body.dueDate !== null, 30000, 200);

    // Sent again (a retried activity, a repeated run): the same invoice, nothing new in the series.
    expect(await activities.createOwnShareInvoices({ organisationId: 'fi-demo', invoices: [own, own] })).toEqual([outcome, outcome]);
    const listed = (await stack.service.request('GET', '/invoices?organisationId=fi-demo&limit=500', { roles: ['finance-centre'] })).body;
    expect(listed.filter((i: { clientNumber: string }) => i.clientNumber === 'C-8101')).toHaveLength(1);
  });

  it('refuses what it must not invoice, naming the reason, and invoices the rest of the page', async () => {
    const withAddress = await newClient('C-8102', 952, {});
    const withoutSettings = await newClient('C-8103', 953);
    const outcomes = await activities.createOwnShareInvoices({
      organisationId: 'fi-demo',
      invoices: [
        request(withAddress, { totalCents: 51150 }),
        request(withAddress, { clientNumber: 'C-9999' }),
        request(withoutSettings),
        request({ id: 'demo-voucher-client-1', clientNumber: 'C-3001' }),
        request(withAddress, { organisationId: 'fi-other' }),
        request(withAddress, { clientNumber: finnishTestIdentityCode('150555', 952) }),
        request(withAddress, { rows: [{ kind: 'voucher-own-share-carried', code: null, quantity: null, description: 'carried', amountCents: -100 }], totalCents: -100 }),
        request(withAddress),
      ],
    });
    expect(outcomes.map((o) => (o.outcome === 'refused' ? o.reason : o.outcome))).toEqual([
      'totalCents: the rows add up to 49500, not 51150',
      "client number C-9999 is not the client's (C-8102)",
      'client C-8103 has no billing settings with an address to invoice',
      "client demo-voucher-client-1 is not one of invoicing's clients",
      'the own share belongs to fi-other, not fi-demo',
      'clientNumber: a personal identity code may not be used as a client number',
      'totalCents: an own share of zero or less makes no invoice',
      'invoiced',
    ]);
  });
});
