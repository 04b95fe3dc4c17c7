import { Client as PgClient } from 'pg';
import { invoiceLifecycleWorkflowId, lifecycleStatusQuery, voucherSettlementWorkflowId } from '@clientfees/contracts';
import { addMonths, finnishTestIdentityCode, firstDayOfMonth, lastDayOfPeriod, localDateInZone } from '@clientfees/domain';
import { eventually, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

const ORG = 'fi-own-share';
const ZONE = 'Europe/Helsinki';
const OFFICER = ['client-fee-officer'];
const FINANCE = ['finance-centre'];
const ADMIN = ['administrator'];
const PROVIDER = { providerId: 'kotiranta' };
const PROVIDER_ROLE = ['service-provider'];

/**
 * Issue 12 §8: the client's own share (price − voucher value) becomes an invoice through
 * invoicing. Provider settlement, invoicing and the workflow worker run as processes on a real
 * Temporal server and Postgres: a month is settled, each client's own share arrives in invoicing
 * as a numbered invoice with its rows and a running lifecycle, the own-share record points at it,
 * and settling again — or again after the link was lost — makes no second invoice.
 */
describe('the client’s own share of service vouchers becomes an invoice', () => {
  let stack: ProcessStack;
  let sql: PgClient;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'own-share-test', { organisations: [ORG] });
  const vouchers = serviceApi(() => stack.url('provider-settlement'), 'own-share-test', { organisations: [ORG] });

  // The month two months back: its settlement day (the 4th of the next month) has passed, so it settles at once.
  const today = localDateInZone(Date.now(), ZONE);
  const first = addMonths(firstDayOfMonth(today), -2);
  const month = first.slice(0, 7);
  const last = lastDayOfPeriod(month);
  const days = Number(last.slice(8, 10));

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['invoicing', 'provider-settlement', 'workflows'] });
    await Promise.all([stack.start('invoicing'), stack.start('provider-settlement'), stack.start('workflows')]);
    sql = new PgClient({ connectionString: stack.db.url });
    await sql.connect();
  }, 180000);

  afterAll(async () => {
    await sql?.end();
    await stack?.stop();
  });

  it('settles a month, invoices each client’s own share once, and links the invoices', async () => {
    // ---- invoicing: the organisation and two clients; the second has no billing address yet ----
    await invoicing.ok('PUT', `/organisations/${ORG}`, ADMIN, { name: 'Own-share county', country: 'FI', currency: 'EUR', timeZone: ZONE, paymentTermDays: 14, dueDateBankingDays: 3 });
    const client = async (clientNumber: string, birth: string, serial: number, name: string) =>
      invoicing.ok('POST', '/clients', OFFICER, { organisationId: ORG, clientNumber, identityCode: finnishTestIdentityCode(birth, serial), name });
    const aino = await client('C-7001', '120340', 921, 'Aino Asukas');
    const bertta = await client('C-7002', '230745', 922, 'Bertta Kotona');
    const cecilia = await client('C-7003', '010150', 923, 'Cecilia Setelillä');
    const settings = { debitingArea: 'NORTH', feeCalculationType: 'single', acceptsMaximumFee: false, accountString: '4100-5230', recipient: { kind: 'client' }, validFrom: first };
    await invoicing.ok('POST', `/clients/${aino.id}/billing-settings`, OFFICER, { ...settings, residenceAddress: { streetAddress: 'Rantatie 4 B 7', postalCode: '45100', city: 'Kouvola' } });
    await invoicing.ok('POST', `/clients/${cecilia.id}/billing-settings`, OFFICER, { ...settings, residenceAddress: { streetAddress: 'Kauppalankatu 1', postalCode: '45100', city: 'Kouvola' } });

    // ---- provider settlement: organisation, a provider approved with its price lists ------------
    await vouchers.ok('PUT', `/settlement-organisations/${ORG}`, ADMIN, {
      name: 'Own-share county', country: 'FI', currency: 'EUR', timeZone: ZONE, payerName: 'Own-share county', payerIban: 'FI2112345600000785', payerBic: 'NDEAFIHH', payerBusinessId: '0245437-2', paymentTermDays: 14,
    });
    await vouchers.ok('PUT', `/settlement-organisations/${ORG}/services/ENHANCED-HOUSING`, ADMIN, { name: 'Tehostettu palveluasuminen', continuingDaily: true, contents: [{ code: 'CARE-DAY', name: 'Hoivapalvelu / vrk', unit: 'day' }], requiredAttachments: [] });
    await vouchers.ok('PUT', `/settlement-organisations/${ORG}/services/HOME-CARE`, ADMIN, { name: 'Kotihoito', continuingDaily: false, contents: [{ code: 'CARE-HOUR', name: 'Kotihoito / tunti', unit: 'hour' }], requiredAttachments: [] });
    await vouchers.ok('POST', '/providers', PROVIDER_ROLE, { organisationId: ORG, businessId: '1572860-0', name: 'Hoivakoti Kotiranta', streetAddress: 'Rantatie 4', postalCode: '45100', city: 'Kouvola', email: 'info@kotiranta.example' }, PROVIDER);
    const unit = await vouchers.ok('POST', '/providers/kotiranta/units', PROVIDER_ROLE, { name: 'Kotiranta', streetAddress: 'Rantatie 4', postalCode: '45100', city: 'Kouvola' }, PROVIDER);
    await vouchers.ok('PUT', '/providers/kotiranta/bank-account', PROVIDER_ROLE, { iban: 'FI4950009420028730', bic: 'OKOYFIHH' }, PROVIDER);
    for (const [serviceCode, contentCode, unitPrice] of [['ENHANCED-HOUSING', 'CARE-DAY', '98.50'], ['HOME-CARE', 'CARE-HOUR', '40.00']]) {
      const application = await vouchers.ok('POST', '/providers/kotiranta/applications', PROVIDER_ROLE, { serviceCode, unitIds: [unit.id] }, PROVIDER);
      await vouchers.ok('POST', `/applications/${application.id}/submit`, PROVIDER_ROLE, undefined, PROVIDER);
      await vouchers.ok('POST', `/applications/${application.id}/decision`, OFFICER, { decision: 'approve', grounds: 'checked', approvedFrom: first });
      const list = await vouchers.ok('POST', '/providers/kotiranta/price-lists', PROVIDER_ROLE, { serviceCode, name: `Hinnasto ${first}`, validFrom: first, items: [{ contentCode, unitPrice }] }, PROVIDER);
      await vouchers.ok('POST', `/price-lists/${list.id}/decision`, OFFICER, { approve: true, grounds: 'within the ceiling' });
    }
    const grant = async (number: string, who: { id: string; clientNumber: string; name: string }, serviceCode: string, contentCode: string, unitValue: string) => {
      const voucher = await vouchers.ok('POST', '/vouchers', ['caseworker'], { organisationId: ORG, number, client: { clientId: who.id, clientNumber: who.clientNumber, name: who.name }, serviceCode, validFrom: first, contents: [{ contentCode, unitValue }] });
      await vouchers.ok('POST', '/providers/kotiranta/reservations', PROVIDER_ROLE, { voucherNumber: number, contentCode, unitId: unit.id, termsAccepted: true }, PROVIDER);
      return voucher;
    };
    const housing = await grant('PS-7001', aino, 'ENHANCED-HOUSING', 'CARE-DAY', '82.00');
    const homeCare = await grant('PS-7002', bertta, 'HOME-CARE', 'CARE-HOUR', '35.00');
    // The voucher covers Cecilia's whole price: no own share, no invoice.
    const covered = await grant('PS-7003', cecilia, 'ENHANCED-HOUSING', 'CARE-DAY', '98.50');

    // ---- the month's events, complete ----------------------------------------------------------
    const record = (voucherId: string, body: object) => vouchers.ok('POST', `/vouchers/${voucherId}/events`, PROVIDER_ROLE, { complete: true, ...body }, PROVIDER);
    await record(housing.id, { contentCode: 'CARE-DAY', startDate: first, endDate: last });
    await record(covered.id, { contentCode: 'CARE-DAY', startDate: first, endDate: last });
    const tenth = `${month}-10`;
    await record(homeCare.id, { contentCode: 'CARE-HOUR', startDate: tenth, endDate: tenth, minutes: 120 });
    await record(homeCare.id, { contentCode: 'CARE-HOUR', startDate: `${month}-11`, endDate: `${month}-11`, minutes: 90 });

    // ---- settle the month -------------------------------------------------------------------------
    const settle = async () => {
      const { workflowId } = await vouchers.ok('POST', '/settlements', FINANCE, { organisationId: ORG, month });
      expect(workflowId).toBe(voucherSettlementWorkflowId(ORG, month));
      return stack.temporal.client.workflow.getHandle(workflowId).result();
    };
    const firstRun = await settle();
    // Aino invoiced; Bertta refused (no billing address in invoicing); Cecilia has nothing to pay.
    expect(firstRun.ownShareInvoices).toEqual({ invoiced: 1, refused: 1 });
    const [settlement] = await vouchers.ok('GET', `/settlements?organisationId=${ORG}`, FINANCE);
    type OwnShare = { id: string; clientNumber: string; state: string; invoicedCents: number; invoiceId: string; invoiceNumber: number; problem: string | null };
    const ownShares = async () => new Map<string, OwnShare>((await vouchers.ok('GET', `/settlements/${settlement.id}/own-shares`, FINANCE)).map((o: OwnShare) => [o.clientNumber, o]));
    let records = await ownShares();
    expect([...records.keys()].sort()).toEqual(['C-7001', 'C-7002']);

    // Aino: `days` days × (98.50 − 82.00) = days × 16.50 €.
    const ainoShare = records.get('C-7001')!;
    expect(ainoShare).toMatchObject({ state: 'invoiced', invoicedCents: days * 1650, invoiceId: expect.any(String), invoiceNumber: expect.any(Number), problem: null });
    const ainoInvoice = await invoicing.ok('GET', `/invoices/${ainoShare.invoiceId}`, FINANCE);
    expect(ainoInvoice).toMatchObject({
      organisationId: ORG,
      invoiceNumber: ainoShare.invoiceNumber,
      clientNumber: 'C-7001',
      total: (days * 16.5).toFixed(2),
      recipient: { kind: 'client', name: 'Aino Asukas', streetAddress: 'Rantatie 4 B 7', postalCode: '45100', city: 'Kouvola', country: 'FI' },
      paymentReference: expect.any(String),
    });
    expect(ainoInvoice.rows).toEqual([
      {
        lineNumber: 1,
        description: `Tehostettu palveluasuminen CARE-DAY, palveluseteli PS-7001, ${first}–${last}: ${days} vrk, hinta ${(days * 98.5).toFixed(2)}, setelin arvo ${(days * 82).toFixed(2)}, omavastuu ${(days * 16.5).toFixed(2)}`,
        amount: (days * 16.5).toFixed(2),
      },
    ]);
    // The row as billing's rows are kept: kind, content code, units, and the period billed.
    expect(await invoicing.ok('GET', `/invoices/${ainoShare.invoiceId}/explanation`, FINANCE)).toMatchObject({
      billingPeriod: month,
      totalCents: days * 1650,
      rows: [{ kind: 'voucher-own-share', code: 'CARE-DAY', quantity: `${days}.00`, amountCents: days * 1650 }],
    });
    // Its lifecycle runs: the due date is set by the workflow, which waits for payment.
    const withDueDate = await eventually(() => invoicing.ok('GET', `/invoices/${ainoShare.invoiceId}`, FINANCE), (invoice) => invoice.dueDate !== null, 30000, 250);
    expect(withDueDate.state).toBe('issued');
    const lifecycle = stack.temporal.client.workflow.getHandle(invoiceLifecycleWorkflowId(ainoShare.invoiceId));
    expect((await lifecycle.describe()).status.name).toBe('RUNNING');
    expect(await lifecycle.query(lifecycleStatusQuery)).toMatchObject({ state: 'issued', totalCents: days * 1650, paidCents: 0 });

    // Bertta's own share waits, with the reason, until invoicing can invoice her.
    expect(records.get('C-7002')).toMatchObject({ state: 'to-invoice', invoicedCents: 1750, invoiceId: null, problem: 'client C-7002 has no billing settings with an address to invoice' });

    // ---- the address is given; the month is settled again: Bertta's invoice, nothing twice ----
    await invoicing.ok('POST', `/clients/${bertta.id}/billing-settings`, OFFICER, { ...settings, residenceAddress: { streetAddress: 'Kotikuja 2', postalCode: '45100', city: 'Kouvola' } });
    expect((await settle()).ownShareInvoices).toEqual({ invoiced: 1, refused: 0 });
    records = await ownShares();
    const berttaShare = records.get('C-7002')!;
    // 2 h + 1 h 30 min at 40.00 − 35.00 = 3.5 h × 5.00 €.
    expect(berttaShare).toMatchObject({ state: 'invoiced', invoicedCents: 1750, problem: null });
    const berttaInvoice = await invoicing.ok('GET', `/invoices/${berttaShare.invoiceId}/explanation`, FINANCE);
    expect(berttaInvoice.rows.map((row: { quantity: string; amountCents: number }) => [row.quantity, row.amountCents])).toEqual([['2.00', 1000], ['1.50', 750]]);
    expect(berttaInvoice.invoiceNumber).toBe(ainoShare.invoiceNumber + 1);
    expect(records.get('C-7001')).toMatchObject({ invoiceId: ainoShare.invoiceId, invoiceNumber: ainoShare.invoiceNumber });

    // ---- the link is lost after invoicing made the invoice (a crash between the two steps) -----
    await sql.query(`UPDATE provider_settlement.own_share_invoice SET state = 'to-invoice', invoice_id = NULL, invoice_number = NULL, invoiced_at = NULL WHERE id = $1`, [ainoShare.id]);
    expect((await settle()).ownShareInvoices).toEqual({ invoiced: 1, refused: 0 });
    expect((await ownShares()).get('C-7001')).toMatchObject({ state: 'invoiced', invoiceId: ainoShare.invoiceId, invoiceNumber: ainoShare.invoiceNumber });
    const all = await invoicing.ok('GET', `/invoices?organisationId=${ORG}`, FINANCE);
    expect(all.map((invoice: { clientNumber: string; total: string }) => [invoice.clientNumber, invoice.total]).sort()).toEqual([
      ['C-7001', (days * 16.5).toFixed(2)],
      ['C-7002', '17.50'],
    ]);
  }, 300000);
});
