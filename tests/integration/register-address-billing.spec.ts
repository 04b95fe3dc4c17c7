import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { DebtInvoicingMessages, InvoiceCopy, InvoicingMessages, ServiceName } from '@clientfees/contracts';
import { addDays, localDateInZone, PROTECTED_ADDRESS_MARKER } from '@clientfees/domain';
import { sendServiceMessage } from '@clientfees/platform';
import { eventually, IncomeVerificationDemo, serviceApi, startIncomeVerificationDemo, TEST_SIGNING_KEY } from '@clientfees/testing';

/**
 * From the population register's change feed to the invoice: the demo data (C-2019 reviewed as
 * the stand-ins' fictional Aino Testinen, 120340-902K), a move the register reports, the next
 * billing run, then a security ban and a move to a protected address. Invoicing, income
 * verification, the stand-ins and the workflow worker run as processes on a real Temporal server
 * and Postgres; the address travels as a signed TCP message from income verification to invoicing.
 */
describe('an address from the population register reaches the next invoice', () => {
  let stack: IncomeVerificationDemo;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'register-address-test');
  const incomes = serviceApi(() => stack.url('income-verification'), 'officer-1');
  const officer = ['client-fee-officer'];
  const simChange = (change: Record<string, unknown>) => stack.recordPopulationChange('120340-902K', change);
  /** What another service gets of invoicing over TCP (ADR 0013), as that service. */
  const askInvoicing = async <R>(pattern: string, body: unknown, from: ServiceName): Promise<R> => {
    const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort('invoicing') } });
    try {
      return await sendServiceMessage<R>(client, pattern, body, from, TEST_SIGNING_KEY);
    } finally {
      client.close();
    }
  };
  const readFeed = () => stack.readPopulationFeed('fi-demo');

  beforeAll(async () => {
    stack = await startIncomeVerificationDemo();
  }, 180000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('a move from the feed becomes the billing address from the month of the move; the next invoice goes there; a later protected address is never copied and the sent invoice keeps its recipient', async () => {
    const today = localDateInZone(Date.now(), 'Europe/Helsinki');
    const period = today.slice(0, 7);
    const [client] = await invoicing.ok('GET', '/clients?organisationId=fi-demo&clientNumber=C-2019', officer);
    const [before] = await invoicing.ok('GET', `/clients/${client.id}/billing-settings`, officer);
    expect(before.residenceAddress).toMatchObject({ streetAddress: 'Sahatie 10 B 6' });

    // C-2019 needs an income to be billed: the official confirms the demo's waiting review. The demo
    // started it with invoicing's client id alone: its first step asked invoicing (over TCP) for the
    // identity code, and the registers answered for the fictional Aino Testinen — her pensions.
    const review = (await incomes.ok('GET', '/income-reviews?organisationId=fi-demo&state=awaiting-review', officer)).find((r: { clientId: string }) => r.clientId === client.id);
    const reviewed = await incomes.ok('GET', `/income-reviews/${review.id}`, officer);
    expect(reviewed.summary.client.lines.map((l: { typeCode: string; grossMonthly: string }) => [l.typeCode, l.grossMonthly])).toEqual(expect.arrayContaining([['1001', '1650.00'], ['1002', '120.50']]));
    expect(JSON.stringify(reviewed)).not.toContain('120340');
    await incomes.ok('POST', `/income-reviews/${review.id}/decision`, officer, { action: 'confirm', validFrom: `${period}-01` });
    await eventually(() => invoicing.ok('GET', `/clients/${client.id}/incomes`, officer), (list) => list.length === 1, 60000, 250);

    // The first reading of the feed starts from today; then the register records the move.
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 0, securityBanChanges: 0 });
    await simChange({ kind: 'address', street: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo', from: today });
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 1, securityBanChanges: 0 });

    // The billing address from the first day of the month of the move; the earlier version keeps the old one.
    const versions = await invoicing.ok('GET', `/clients/${client.id}/billing-settings`, officer);
    expect(versions.at(-1)).toMatchObject({
      validFrom: `${period}-01`,
      validTo: null,
      residenceAddress: { streetAddress: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo', country: 'FI' },
      addressProtected: false,
      debitingArea: before.debitingArea,
      accountString: before.accountString,
    });
    if (before.validFrom < `${period}-01`) {
      expect(versions).toHaveLength(2);
      expect(versions[0]).toMatchObject({ id: before.id, validTo: addDays(`${period}-01`, -1), residenceAddress: { streetAddress: 'Sahatie 10 B 6' } });
      expect(versions[1].createdBy).toBe('population-register');
    }
    // Read again: the change is not sent twice, nothing changes.
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 0, securityBanChanges: 0 });
    expect(await invoicing.ok('GET', `/clients/${client.id}/billing-settings`, officer)).toEqual(versions);

    // The next billing run: the demo's other error (C-2020's account string) fixed, then approved.
    const [selection] = await invoicing.ok('GET', '/selection-rules?organisationId=fi-demo', ['billing-supervisor']);
    const run = await invoicing.ok('POST', '/billing-runs', ['billing-supervisor'], { organisationId: 'fi-demo', period, selectionRuleId: selection.id });
    await eventually(() => invoicing.ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 60000);
    const errors = await invoicing.ok('GET', `/billing-runs/${run.id}/clients?status=error`, ['finance-centre']);
    expect(errors.map((e: { clientNumber: string }) => e.clientNumber)).toEqual(['C-2020']);
    const [version] = await invoicing.ok('GET', `/clients/${errors[0].clientId}/billing-settings`, officer);
    await invoicing.ok('PATCH', `/clients/${errors[0].clientId}/billing-settings/${version.id}`, officer, { accountString: '4100-5230-SOUTH' });
    await invoicing.ok('POST', `/billing-runs/${run.id}/recalculate`, officer, { clientId: errors[0].clientId });
    await invoicing.ok('GET', `/billing-runs/${run.id}/journal.csv`, ['billing-supervisor']);
    const approver = { sub: 'supervisor-sanna' };
    await invoicing.ok('POST', `/billing-runs/${run.id}/journal-review`, ['billing-supervisor'], undefined, approver);
    await invoicing.ok('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, approver);
    await eventually(() => invoicing.ok('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 90000);
    const billed = await invoicing.ok('GET', `/billing-runs/${run.id}/clients?limit=100`, ['finance-centre']);
    const invoiceId = billed.find((c: { clientNumber: string }) => c.clientNumber === 'C-2019').invoiceId;
    expect(invoiceId).not.toBeNull();
    const invoice = await invoicing.ok('GET', `/invoices/${invoiceId}`, ['finance-centre']);
    expect(invoice.recipient).toMatchObject({ kind: 'client', name: 'Oiva Kettunen', streetAddress: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo', addressProtected: false });

    // A security ban, then a move the register does not disclose (turvakielto).
    await simChange({ kind: 'security-ban', active: true });
    await simChange({ kind: 'address', street: 'Piilotie 9', postalCode: '02700', city: 'Kauniainen', from: today });
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 1, securityBanChanges: 1 });
    const protectedVersions = await invoicing.ok('GET', `/clients/${client.id}/billing-settings`, officer);
    // From the ban's month no version has an address, and while the ban is in force none is shown at all.
    expect(protectedVersions.at(-1)).toMatchObject({ validFrom: `${period}-01`, residenceAddress: null, addressProtected: true });
    expect(protectedVersions.every((v: { residenceAddress: unknown; addressProtected: boolean }) => v.residenceAddress === null && v.addressProtected)).toBe(true);
    expect(JSON.stringify(protectedVersions)).not.toMatch(/Piilotie|Uusikatu|Sahatie/);
    // A person cannot type an address in either.
    const typed = await invoicing.call('PATCH', `/clients/${client.id}/billing-settings/${protectedVersions.at(-1).id}`, officer, {
      residenceAddress: { streetAddress: 'Piilotie 9', postalCode: '02700', city: 'Kauniainen' },
    });
    expect(typed.status).toBe(400);
    expect(typed.body.problems).toEqual([expect.objectContaining({ field: 'residenceAddress', reason: expect.stringContaining('security ban') })]);
    // The invoice already sent keeps in storage the recipient it was sent to, but while the ban is
    // in force no view shows it: the invoice to every role, the list, the copies debt follow-up
    // prints with its letters and the invoice collection reads.
    const masked = { ...invoice.recipient, streetAddress: PROTECTED_ADDRESS_MARKER, postalCode: '', city: '', addressProtected: true };
    const shown = async () => ({
      views: await Promise.all(['finance-centre', 'billing-supervisor', 'client-fee-officer'].map(async (role) => (await invoicing.ok('GET', `/invoices/${invoiceId}`, [role])).recipient)),
      list: (await invoicing.ok('GET', '/invoices?organisationId=fi-demo&limit=500', ['finance-centre'])).find((i: { id: string }) => i.id === invoiceId).recipient,
      copy: (await askInvoicing<InvoiceCopy[]>(DebtInvoicingMessages.invoiceCopies, { organisationId: 'fi-demo', invoiceIds: [invoiceId] }, 'debt-followup'))[0].recipient,
      collection: (await askInvoicing<{ recipient: unknown }>(InvoicingMessages.getInvoice, { organisationId: 'fi-demo', id: invoiceId }, 'collection')).recipient,
    });
    const underBan = await shown();
    expect(underBan).toEqual({ views: [masked, masked, masked], list: masked, copy: expect.objectContaining({ streetAddress: PROTECTED_ADDRESS_MARKER, postalCode: '', city: '', addressProtected: true }), collection: masked });
    expect(JSON.stringify(underBan)).not.toMatch(/Uusikatu|02600|Espoo/);

    // The register lifts the ban: the invoice shows again the address it was sent to; the settings
    // show their earlier addresses, and the latest version asks for one (the register gave none).
    await simChange({ kind: 'security-ban', active: false });
    expect(await readFeed()).toEqual({ deaths: 0, addressChanges: 0, securityBanChanges: 1 });
    const lifted = await shown();
    expect(lifted).toEqual({ views: [invoice.recipient, invoice.recipient, invoice.recipient], list: invoice.recipient, copy: expect.objectContaining({ streetAddress: 'Uusikatu 1 A 3', addressProtected: false }), collection: invoice.recipient });
    const afterBan = await invoicing.ok('GET', `/clients/${client.id}/billing-settings`, officer);
    expect(afterBan.at(-1)).toMatchObject({ residenceAddress: null, addressProtected: false });
    expect(JSON.stringify(afterBan)).toMatch(/Sahatie/);
  }, 300000);
});
