import { MockActivityEnvironment } from '@temporalio/testing';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { AgencyEstateStepMessage, CollectionDebtMessages, decedentEstateWorkflowId, ServiceName, writeOffProposalWorkflowId } from '@clientfees/contracts';
import { sendServiceMessage } from '@clientfees/platform';
import { eventually, keepWorkflowHistory, startTimeSkippingServer, TEST_SIGNING_KEY } from '@clientfees/testing';
import { EstateActivities } from '../src/estates/estates.activities';
import { DebtFollowupStack, startDebtFollowupStack } from './debt-followup-stack';

const OFFICER = { roles: ['client-fee-officer' as const], user: 'officer-aino' };
const INVESTIGATOR = { roles: ['debt-adviser' as const], user: 'investigator-eero' };
const SUPERVISOR = { roles: ['billing-supervisor' as const], user: 'supervisor-sari', organisations: ['fi-demo'] };
const CONTACT = { kind: 'shareholder', name: 'Matti Testinen', streetAddress: 'Rantatie 2', postalCode: '02100', city: 'Espoo', country: 'FI' };

/**
 * The estate of a deceased client on the time-skipping server, through the service's REST API:
 * one case per death, billing stopped with later charges credited, invoices held until the
 * estate's contact is known, the inventory deadline's reminder, "no assets" written off by a
 * signed proposal, and an estate that pays.
 */
describe('decedent estates (time-skipping)', () => {
  let stack: DebtFollowupStack;
  let messages: ClientProxy;
  beforeAll(async () => {
    stack = await startDebtFollowupStack(await startTimeSkippingServer(), { schedules: false });
    messages = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
  });
  afterAll(async () => {
    messages?.close();
    await stack?.stop();
  });
  /** Collection's message with an agency's estate step, signed as `from`. */
  const agencyStep = (message: AgencyEstateStepMessage, from: ServiceName = 'collection') =>
    sendServiceMessage<{ outcome: string }>(messages, CollectionDebtMessages.agencyEstateStep, message, from, TEST_SIGNING_KEY);

  /** A client with February's home care and March's rent billed for the whole month in advance. */
  function clientWithInvoices(clientId: string, clientNumber: string, first: number) {
    stack.invoicing.addClient({ clientId, clientNumber, name: 'Aino Testinen', language: 'fi', debitingArea: 'ESPOO-NORTH', status: 'active' });
    const homeCare = stack.invoicing.addInvoice({
      invoiceId: `00000000-0000-4000-8000-${String(first).padStart(12, '0')}`,
      clientId,
      invoiceNumber: first,
      invoiceDate: '2027-03-01',
      dueDate: '2027-03-18',
      period: '2027-02',
      state: 'issued',
      rows: [{ description: 'Kotihoito 2/2027', amountCents: 182_40, on: '2027-02-28' }],
    });
    const rent = stack.invoicing.addInvoice({
      invoiceId: `00000000-0000-4000-8000-${String(first + 1).padStart(12, '0')}`,
      clientId,
      invoiceNumber: first + 1,
      invoiceDate: '2027-03-01',
      dueDate: '2027-03-18',
      period: '2027-03',
      state: 'issued',
      rows: [
        { description: 'Vuokra 1.-15.3.2027', amountCents: 400_00, on: '2027-03-01' },
        { description: 'Vuokra 16.-31.3.2027', amountCents: 426_67, on: '2027-03-16' },
      ],
    });
    return { homeCare, rent };
  }

  const estateOf = async (estateCaseId: string, accept: (estate: any) => boolean = () => true) => // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
    eventually(() => stack.ok('GET', `/estate-cases/${estateCaseId}`, OFFICER), accept, 20000);

  it('no assets: one case for a death reported thrice, later rent credited, invoices held until the contact, the deadline reminder, a signed write-off', async () => {
    await stack.skipTo('2027-03-16');
    const clientId = '3f1c7a52-2d55-4c83-9a4e-7f7b6c1e9a10';
    const { homeCare, rent } = clientWithInvoices(clientId, 'C-2001', 5001);

    const first = await stack.call('POST', '/deaths', OFFICER, { organisationId: 'fi-demo', clientId, dateOfDeath: '2027-03-15', sourceReference: 'death certificate seen by the home-care unit' });
    expect(first.status).toBe(201);
    expect(first.body.firstReport).toBe(true);
    const again = await stack.call('POST', '/deaths', OFFICER, { organisationId: 'fi-demo', clientId, dateOfDeath: '2027-03-15', sourceReference: 'the same certificate, entered twice' });
    expect(again).toMatchObject({ status: 200, body: { estateCaseId: first.body.estateCaseId, firstReport: false } });
    // The population register's feed reports it too, through the activity income verification calls.
    const activities = stack.service.app.get(EstateActivities);
    const fromRegister = await new MockActivityEnvironment({ currentAttemptScheduledTimestampMs: await stack.env.currentTimeMs() }).run(() =>
      activities.recordClientDeath({ organisationId: 'fi-demo', clientId, dateOfDeath: '2027-03-15', source: 'population-register', sourceReference: 'VTJ change 2027-03-16/17', reportedBy: 'income-verification' }),
    );
    expect(fromRegister).toEqual({ estateCaseId: first.body.estateCaseId, firstReport: false });
    expect((await stack.ok('GET', '/estate-cases?organisationId=fi-demo', OFFICER)).filter((e: { clientId: string }) => e.clientId === clientId)).toHaveLength(1);

    const id = first.body.estateCaseId as string;
    const stopped = await estateOf(id, (estate) => estate.state === 'awaiting-contact' && estate.events.some((e: { kind: string }) => e.kind === 'vouchers-closed'));
    expect(stopped).toMatchObject({ clientNumber: 'C-2001', dateOfDeath: '2027-03-15', inventoryDeadline: '2027-06-15' });
    // The rent for 16.-31.3. was billed in advance: credited; February's home care stays owed.
    expect(stack.invoicing.invoices.get(rent.invoiceId)!.creditedCents).toBe(426_67);
    expect(stack.invoicing.openCents(homeCare.invoiceId)).toBe(182_40);
    expect(stopped.events.find((e: { kind: string }) => e.kind === 'billing-stopped').grounds).toMatch(/invoice 5002 credited 42667 cents; 2 open invoice\(s\) held/);
    expect(stopped.events.filter((e: { kind: string }) => e.kind === 'death-report-repeated')).toHaveLength(2);
    // Vouchers close the day after the death (provider settlement's activity).
    expect(stack.vouchers.calls).toEqual([{ clientId, dateOfDeath: '2027-03-15', on: '2027-03-16' }]);
    // Until the estate's contact is known, nothing goes to the deceased.
    expect(stopped.heldInvoiceIds.sort()).toEqual([homeCare.invoiceId, rent.invoiceId]);
    expect(homeCare.held && rent.held).toBe(true);
    expect(homeCare.recipient.name).toBe('Aino Testinen');

    // Only the estate investigator enters the contact.
    const refused = await stack.call('PUT', `/estate-cases/${id}/contact`, { roles: ['finance-centre'] }, { contact: CONTACT });
    expect(refused.status).toBe(403);
    const withContact = await stack.ok('PUT', `/estate-cases/${id}/contact`, INVESTIGATOR, { contact: CONTACT });
    expect(withContact).toMatchObject({ state: 'awaiting-inventory', contact: CONTACT, heldInvoiceIds: [] });
    expect(homeCare.held).toBe(false);
    expect(homeCare.recipient).toMatchObject({ name: 'Aino Testinen kuolinpesä c/o Matti Testinen', streetAddress: 'Rantatie 2' });
    expect(withContact.events.map((e: { kind: string; actor: string }) => [e.kind, e.actor])).toEqual(
      expect.arrayContaining([
        ['contact-entered', 'investigator-eero'],
        ['invoices-to-estate', 'system:decedentEstate'],
      ]),
    );

    // The agency's estate steps arrive from collection (its TCP message, by organisation and client
    // number) and show on the case; a repeat (collection's retry) counts once.
    const demand = { organisationId: 'fi-demo', clientNumber: 'C-2001', reportId: 'AG-1', invoiceId: homeCare.invoiceId, step: 'demand-to-shareholders' as const, reportedOn: '2027-04-20' };
    expect(await agencyStep(demand)).toEqual({ outcome: 'signalled' });
    expect(await agencyStep(demand)).toEqual({ outcome: 'signalled' });
    expect(await agencyStep({ ...demand, reportId: 'AG-2', step: 'second-demand-personal-liability', reportedOn: '2027-05-18' })).toEqual({ outcome: 'signalled' });
    // Another client number has no estate case; another sender, or a step that is none, is refused.
    expect(await agencyStep({ ...demand, reportId: 'AG-3', clientNumber: 'C-9999' })).toEqual({ outcome: 'no-estate-case' });
    await expect(agencyStep({ ...demand, reportId: 'AG-4' }, 'invoicing')).rejects.toMatchObject({ status: 403 });
    await expect(agencyStep({ ...demand, reportId: 'AG-5', step: 'estate-inventory' as never })).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ field: 'step' })] });
    const withSteps = await estateOf(id, (estate) => estate.events.filter((e: { kind: string }) => e.kind === 'agency-step').length === 2);
    expect(withSteps.agencySteps.map((step: { step: string }) => step.step)).toEqual(['demand-to-shareholders', 'second-demand-personal-liability']);
    expect(withSteps.events.filter((e: { kind: string }) => e.kind === 'agency-step').map((e: { actor: string }) => e.actor)).toEqual(['collection-agency', 'collection-agency']);

    // No inventory by its deadline 15.6.: the investigator is reminded the next day.
    await stack.skipTo('2027-06-15', 20);
    expect((await stack.ok('GET', `/estate-cases/${id}`, OFFICER)).state).toBe('awaiting-inventory');
    await stack.skipTo('2027-06-17');
    const overdue = await estateOf(id, (estate) => estate.state === 'inventory-overdue');
    expect(overdue.events.find((e: { kind: string }) => e.kind === 'inventory-reminder').grounds).toBe('no estate inventory by its deadline 2027-06-15: reminder 1 to the estate investigator');
    const inbox = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=inventory-overdue', INVESTIGATOR);
    expect(inbox).toEqual([expect.objectContaining({ subject: 'No estate inventory for client C-2001: it was due 2027-06-15 (reminder 1)', estateCaseId: id })]);

    // A dödsboanmälan is Swedish only, an inventory is not dated in the future; then the Finnish inventory: no assets.
    const tomorrow = await stack.call('POST', `/estate-cases/${id}/inventory`, INVESTIGATOR, { outcome: 'no-assets', inventoryDate: '2027-06-18', documentReference: 'x', note: '' });
    expect(tomorrow.body.problems).toEqual([{ field: 'inventory', reason: 'inventoryDate: is in the future' }]);
    await stack.skipTo('2027-06-21');
    const swedishOnly = await stack.call('POST', `/estate-cases/${id}/inventory`, INVESTIGATOR, { outcome: 'estate-notification', inventoryDate: '2027-06-20', documentReference: 'x', note: '' });
    expect(swedishOnly).toMatchObject({ status: 422, body: { rule: 'recordEstateInventory' } });
    expect(swedishOnly.body.problems).toEqual([{ field: 'inventory', reason: 'a dödsboanmälan exists only in Sweden: a Finnish estate records its estate inventory (perunkirjoitus)' }]);
    await stack.ok('POST', `/estate-cases/${id}/inventory`, INVESTIGATOR, { outcome: 'no-assets', inventoryDate: '2027-06-20', documentReference: 'perukirja 2027/114', note: 'no assets after the funeral costs' });
    const proposed = await estateOf(id, (estate) => estate.state === 'awaiting-write-off' && estate.writeOffProposalId);
    const proposal = await eventually(() => stack.ok('GET', `/write-off-proposals/${proposed.writeOffProposalId}`, SUPERVISOR), (p) => p.state === 'awaiting-signature');
    // The documentation from the ledger: February's home care and the rent up to the death.
    expect(proposal).toMatchObject({ grounds: 'estate-without-assets', total: '582.40', responsibleRole: 'billing-supervisor', estateCaseId: id, clientNumber: 'C-2001' });
    expect(proposal.invoices.map((invoice: { invoiceNumber: number; open: string }) => [invoice.invoiceNumber, invoice.open])).toEqual([
      [5001, '182.40'],
      [5002, '400.00'],
    ]);
    expect(stack.invoicing.calls.filter((c) => c.activity === 'writeOffInvoice')).toEqual([]);

    // Signed by the responsible manager: only now is the invoice written off, and the estate closes.
    expect(await stack.ok('POST', `/write-off-proposals/${proposal.id}/sign`, SUPERVISOR, { note: 'perukirja seen' })).toEqual({ state: 'signed', decidedBy: 'supervisor-sari' });
    const closed = await estateOf(id, (estate) => estate.closedOn !== null);
    expect([homeCare.state, rent.state]).toEqual(['written-off', 'written-off']);
    expect(stack.invoicing.calls.filter((c) => c.activity === 'writeOffInvoice').map((c) => c.detail)).toEqual([
      `${homeCare.invoiceId} estate-without-assets by supervisor-sari (billing-supervisor)`,
      `${rent.invoiceId} estate-without-assets by supervisor-sari (billing-supervisor)`,
    ]);
    expect(closed.closedOn).toBe('2027-06-21');
    expect(closed.events.map((e: { kind: string }) => e.kind)).toEqual([
      'death-reported',
      'death-report-repeated',
      'death-report-repeated',
      'billing-stopped',
      'vouchers-closed',
      'contact-entered',
      'invoices-to-estate',
      'agency-step',
      'agency-step',
      'inventory-reminder',
      'inventory-recorded',
      'write-off-proposed',
      'write-off-decided',
      'closed',
    ]);
    await stack.temporal.workflow.getHandle(decedentEstateWorkflowId('fi-demo', clientId)).result();
    keepWorkflowHistory(stack.env.address, decedentEstateWorkflowId('fi-demo', clientId), 'decedent-estate-v1-no-assets-reminded-written-off');
    await stack.temporal.workflow.getHandle(writeOffProposalWorkflowId(proposal.id)).result();
    keepWorkflowHistory(stack.env.address, writeOffProposalWorkflowId(proposal.id), 'write-off-proposal-v1-estate-signed');
    const written = await stack.ok('GET', `/write-off-proposals/${proposal.id}`, SUPERVISOR);
    expect(written).toMatchObject({ state: 'written-off', decision: 'signed', decidedBy: 'supervisor-sari', decidedRole: 'billing-supervisor' });
    expect(written.invoices.map((invoice: { outcome: string; writtenOff: string }) => [invoice.outcome, invoice.writtenOff])).toEqual([
      ['written-off', '182.40'],
      ['written-off', '400.00'],
    ]);
  });

  it('an estate whose assets cover the debts closes once they are paid', async () => {
    await stack.skipTo('2027-07-01');
    const clientId = '7a0d1c33-5e0f-4b8e-9d2a-0c1b2a3d4e5f';
    const { homeCare, rent } = clientWithInvoices(clientId, 'C-2002', 6001);
    const { estateCaseId: id } = await stack.ok('POST', '/deaths', INVESTIGATOR, { organisationId: 'fi-demo', clientId, dateOfDeath: '2027-06-29', sourceReference: 'hospital notice' });
    await estateOf(id, (estate) => estate.state === 'awaiting-contact');
    await stack.ok('PUT', `/estate-cases/${id}/contact`, INVESTIGATOR, { contact: { ...CONTACT, kind: 'administrator', name: 'Asianajotoimisto Laine' } });
    await stack.skipTo('2027-08-11');
    await stack.ok('POST', `/estate-cases/${id}/inventory`, INVESTIGATOR, { outcome: 'assets-cover-debts', inventoryDate: '2027-08-10', documentReference: 'perukirja 2027/201', note: 'a flat to be sold' });
    const waiting = await estateOf(id, (estate) => estate.state === 'awaiting-settlement');
    expect(waiting.writeOffProposalId).toBeNull();

    // The estate pays; the weekly look at the ledger finds nothing owed and the case closes.
    stack.invoicing.pay(homeCare.invoiceId);
    stack.invoicing.pay(rent.invoiceId);
    await stack.env.sleep('8 days');
    const closed = await estateOf(id, (estate) => estate.closedOn !== null);
    expect(closed.events.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['inventory-recorded', 'closed']);
    await stack.temporal.workflow.getHandle(decedentEstateWorkflowId('fi-demo', clientId)).result();
    keepWorkflowHistory(stack.env.address, decedentEstateWorkflowId('fi-demo', clientId), 'decedent-estate-v1-assets-paid');
    expect(stack.invoicing.calls.filter((c) => c.activity === 'writeOffInvoice' && c.detail.startsWith(homeCare.invoiceId))).toEqual([]);
  });

  it('keeps another reported date of death for the investigator to check, and refuses a death in the future', async () => {
    const clientId = '3f1c7a52-2d55-4c83-9a4e-7f7b6c1e9a10';
    const conflicting = await stack.call('POST', '/deaths', OFFICER, { organisationId: 'fi-demo', clientId, dateOfDeath: '2027-03-14', sourceReference: 'a relative’s phone call' });
    expect(conflicting).toMatchObject({ status: 200, body: { firstReport: false } });
    const estate = await stack.ok('GET', `/estate-cases/${conflicting.body.estateCaseId}`, OFFICER);
    expect(estate.dateOfDeath).toBe('2027-03-15');
    expect(estate.events.at(-1)).toMatchObject({ kind: 'death-report-conflicting', actor: 'officer-aino' });
    const inbox = await stack.ok('GET', '/inbox?organisationId=fi-demo&kind=death-report-conflict', INVESTIGATOR);
    expect(inbox[0].subject).toBe('Two dates of death for one client: 2027-03-15 and 2027-03-14');

    const future = await stack.call('POST', '/deaths', OFFICER, { organisationId: 'fi-demo', clientId: '11111111-2222-4333-8444-555555555555', dateOfDeath: '2099-01-01', sourceReference: 'typo' });
    expect(future).toMatchObject({ status: 400, body: { problems: [{ field: 'dateOfDeath', reason: 'is in the future' }] } });
    const unknownField = await stack.call('POST', '/deaths', OFFICER, { organisationId: 'fi-demo', clientId, dateOfDeath: '2027-03-15', sourceReference: 'x', identityCode: '131052-308T' });
    expect(unknownField.status).toBe(400);
    const otherOrganisation = await stack.call('GET', `/estate-cases/${conflicting.body.estateCaseId}`, { roles: ['client-fee-officer'], organisations: ['se-demo'] });
    expect(otherOrganisation.status).toBe(404);
  });
});
