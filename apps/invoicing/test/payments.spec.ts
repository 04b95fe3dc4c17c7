import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { DomainValidationError, paymentReferencesFor } from '@clientfees/domain';
import { invoiceLifecycleWorkflowId, lifecycleStatusQuery, type Role } from '@clientfees/contracts';
import { Database, SignalOutbox } from '@clientfees/platform';
import { eventually, startDevServer, testToken } from '@clientfees/testing';
import { FI_ORGANISATION, InvoicingStack, startInvoicingStack } from './invoicing-stack';
import { assertBankFileOfOrganisation } from '../src/payments/bank-file-organisation';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('payments with the Temporal dev server', () => {
  let stack: InvoicingStack;
  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer(), { organisations: ['fi-demo', 'fi-camt', 'fi-other'] });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const issue = async (organisationId = 'fi-demo', clientNumber = 'C-100234') => {
    const created = await stack.service.request('POST', '/invoices', {
      body: {
        organisationId,
        clientNumber,
        recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
        invoiceDate: '2026-11-20',
        rows: [
          { description: 'Home care 10/2026', amount: '120.50' },
          { description: 'Meal service 10/2026', amount: '45.25' },
        ],
      },
    });
    expect(created.status).toBe(201);
    // The lifecycle has set the due date: it is running and will hear the payment signal.
    await eventually(() => stack.service.request('GET', `/invoices/${created.body.id}`), (r) => r.body.dueDate !== null);
    return created.body as { id: string; invoiceNumber: number; paymentReference: string; paymentReferenceInternational: string };
  };
  const pay = (body: Record<string, unknown>, roles: Role[] = ['finance-centre']) =>
    stack.service.request('POST', '/payments', {
      roles,
      body: { organisationId: 'fi-demo', currency: 'EUR', paidOn: '2026-11-24', debtorName: 'Aino Testinen', ...body },
    });
  const invoiceState = async (id: string) => (await stack.service.request('GET', `/invoices/${id}`)).body.state as string;
  const paidState = (id: string) => eventually(() => invoiceState(id), (state) => state === 'paid');
  const lifecycle = (id: string) => stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(id)).query(lifecycleStatusQuery);
  const sendCamt = async (xml: string, options: { organisationId?: string; roles?: Role[]; contentType?: string; idempotencyKey?: string } = {}) => {
    const token = testToken({ roles: options.roles ?? ['finance-centre'] }, stack.service.organisations.list());
    const response = await fetch(`${stack.service.baseUrl}/payments/camt054?organisationId=${options.organisationId ?? 'fi-camt'}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': options.contentType ?? 'application/xml',
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
      body: xml,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, replayed: response.headers.get('idempotent-replayed') };
  };
  const importCamt = async (xml: string, options: { organisationId?: string; roles?: Role[]; contentType?: string } = {}) => {
    const { status, body } = await sendCamt(xml, options);
    return { status, body };
  };

  it('marks an invoice paid by an exact payment', async () => {
    const invoice = await issue();
    const paid = await pay({ externalId: 'desk-1', amount: '165.75', reference: invoice.paymentReference });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({
      source: 'rest',
      externalId: 'desk-1',
      amount: '165.75',
      invoiceId: invoice.id,
      status: 'allocated',
      normalisedReference: invoice.paymentReference,
      paidOn: '2026-11-24',
      credit: null,
    });
    expect(paid.body.allocations).toEqual([expect.objectContaining({ invoiceId: invoice.id, amount: '165.75', allocatedBy: 'system:payments', signalledAt: expect.any(String) })]);

    await paidState(invoice.id);
    expect(await lifecycle(invoice.id)).toMatchObject({ state: 'paid', paidCents: 16575 });
    const listed = await stack.service.request('GET', `/payments?organisationId=fi-demo&invoiceId=${invoice.id}`, { roles: ['client-fee-officer'] });
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([paid.body.id]);
  });

  it('keeps a partly paid invoice open and marks it paid when the rest arrives', async () => {
    const invoice = await issue();
    const first = await pay({ externalId: 'desk-2a', amount: '100.00', reference: `0000 ${invoice.paymentReference.slice(0, 5)} ${invoice.paymentReference.slice(5)}` });
    expect(first.body).toMatchObject({ status: 'allocated', allocations: [expect.objectContaining({ amount: '100.00' })] });
    await eventually(() => lifecycle(invoice.id), (status) => status.paidCents === 10000);
    expect(await invoiceState(invoice.id)).not.toBe('paid');

    const rest = await pay({ externalId: 'desk-2b', amount: '65.75', reference: invoice.paymentReferenceInternational });
    expect(rest.body).toMatchObject({ status: 'allocated', normalisedReference: invoice.paymentReference, allocations: [expect.objectContaining({ amount: '65.75' })] });
    await paidState(invoice.id);
    expect(await lifecycle(invoice.id)).toMatchObject({ paidCents: 16575 });
  });

  it('puts an overpayment’s excess on the client’s credit balance with a refund proposal the finance centre approves', async () => {
    const invoice = await issue('fi-demo', 'C-200001');
    const paid = await pay({ externalId: 'desk-3', amount: '200.00', reference: invoice.paymentReference });
    expect(paid.body).toMatchObject({
      status: 'refund-proposed',
      invoiceId: invoice.id,
      allocations: [expect.objectContaining({ amount: '165.75' })],
      credit: { clientNumber: 'C-200001', amount: '34.25', refundStatus: 'proposed' },
    });
    await paidState(invoice.id);
    // The workflow hears only what was allocated to the invoice, not the excess.
    expect(await lifecycle(invoice.id)).toMatchObject({ paidCents: 16575 });

    // A second payment to the invoice now paid goes wholly to the credit balance.
    const again = await pay({ externalId: 'desk-3b', amount: '20.00', reference: invoice.paymentReference });
    expect(again.body).toMatchObject({ status: 'refund-proposed', invoiceId: invoice.id, allocations: [], credit: { amount: '20.00', refundStatus: 'proposed' } });

    const balances = await stack.service.request('GET', '/credit-balances?organisationId=fi-demo&clientNumber=C-200001');
    expect(balances.body).toEqual([
      expect.objectContaining({ clientNumber: 'C-200001', currency: 'EUR', total: '54.25', awaitingRefundApproval: '54.25', approvedForRefund: '0.00' }),
    ]);
    expect(balances.body[0].entries.map((e: { paymentId: string }) => e.paymentId)).toEqual([paid.body.id, again.body.id]);

    const proposals = await stack.service.request('GET', '/refund-proposals?organisationId=fi-demo&status=proposed', { roles: ['billing-supervisor'] });
    const proposal = proposals.body.find((p: { paymentId: string }) => p.paymentId === paid.body.id);
    expect(proposal).toMatchObject({ clientNumber: 'C-200001', amount: '34.25', status: 'proposed', approvedBy: null });

    expect((await stack.service.request('POST', `/refund-proposals/${proposal.id}/approve`, { roles: ['client-fee-officer'] })).status).toBe(403);
    // Four eyes: whoever recorded the payment (here over REST) does not approve the refund it produced.
    const own = await stack.service.request('POST', `/refund-proposals/${proposal.id}/approve`, { roles: ['finance-centre'] });
    expect(own).toMatchObject({ status: 422, body: { rule: 'four-eyes', problems: [{ field: 'approver', reason: expect.stringMatching(/^test-user recorded the payment.*, so another person must approve the refund$/) }] } });
    const approved = await stack.service.request('POST', `/refund-proposals/${proposal.id}/approve`, { roles: ['finance-centre'], sub: 'finance-fia' });
    expect(approved).toMatchObject({ status: 200, body: { id: proposal.id, status: 'approved', approvedBy: 'finance-fia', approvedAt: expect.any(String) } });
    const twice = await stack.service.request('POST', `/refund-proposals/${proposal.id}/approve`, { sub: 'finance-fia' });
    expect(twice.body.approvedAt).toBe(approved.body.approvedAt);
    const after = await stack.service.request('GET', '/credit-balances?organisationId=fi-demo&clientNumber=C-200001');
    expect(after.body[0]).toMatchObject({ total: '54.25', awaitingRefundApproval: '20.00', approvedForRefund: '34.25' });
    expect((await stack.service.request('POST', '/refund-proposals/8f0c1f9e-2c8b-4a51-9a55-5a0f4c6f2b11/approve')).status).toBe(404);
  });

  it('counts a credit note: a part-credited invoice is paid by what is left, the rest goes to the credit balance', async () => {
    const invoice = await issue('fi-demo', 'C-200002');
    const credited = await stack.service.request('POST', `/invoices/${invoice.id}/credit-notes`, { body: { amount: '65.75', reason: 'meal service not delivered' } });
    expect(credited.status).toBe(201);
    const paid = await pay({ externalId: 'desk-credit-1', amount: '165.75', reference: invoice.paymentReference });
    expect(paid.body).toMatchObject({
      status: 'refund-proposed',
      allocations: [expect.objectContaining({ amount: '100.00' })],
      credit: { clientNumber: 'C-200002', amount: '65.75', refundStatus: 'proposed' },
    });
    await paidState(invoice.id);
  });

  it('books a payment to a written-off invoice as a recovered credit loss, up to what was written off', async () => {
    const invoice = await issue('fi-demo', 'C-200003');
    // Written off as the lifecycle's writeOff update leaves it (the state and its event); the
    // lifecycle's own write-off is tested in workflows/ and across the services.
    const sql = new PgClient({ connectionString: stack.db.url, options: '-c search_path=invoicing' });
    await sql.connect();
    try {
      await sql.query(`UPDATE invoice SET state = 'written-off' WHERE id = $1`, [invoice.id]);
    } finally {
      await sql.end();
    }
    const first = await pay({ externalId: 'desk-recovery-1', amount: '100.00', reference: invoice.paymentReference });
    expect(first.body).toMatchObject({ status: 'credit-loss-recovered', invoiceId: invoice.id, allocations: [], credit: null, recoveredCreditLoss: '100.00' });
    // 65.75 was left of the loss: that much is recovered, the rest is the client's credit.
    const second = await pay({ externalId: 'desk-recovery-2', amount: '80.00', reference: invoice.paymentReference });
    expect(second.body).toMatchObject({ status: 'credit-loss-recovered', recoveredCreditLoss: '65.75', credit: { clientNumber: 'C-200003', amount: '14.25', refundStatus: 'proposed' } });
    const third = await pay({ externalId: 'desk-recovery-3', amount: '5.00', reference: invoice.paymentReference });
    expect(third.body).toMatchObject({ status: 'refund-proposed', recoveredCreditLoss: null, credit: { amount: '5.00' } });
    const timeline = (await stack.service.request('GET', `/invoices/${invoice.id}`)).body;
    expect(timeline.state).toBe('written-off');
    expect(timeline.events.filter((e: { reason: string }) => e.reason.startsWith('recovered credit loss')).map((e: { reason: string }) => e.reason)).toEqual([
      `recovered credit loss of 100.00: payment ${first.body.id}`,
      `recovered credit loss of 65.75: payment ${second.body.id}`,
    ]);
  });

  it('queues a payment with an unknown reference until the finance centre allocates it by hand', async () => {
    const invoice = await issue();
    const unknown = await pay({ externalId: 'desk-4', amount: '165.75', reference: paymentReferencesFor('FI', 99_999_999).national });
    expect(unknown.body).toMatchObject({ status: 'unmatched', invoiceId: null, allocations: [], unmatchedReason: `reference ${paymentReferencesFor('FI', 99_999_999).national}: no invoice or credit note of the organisation has this reference` });
    const invalid = await pay({ externalId: 'desk-4b', amount: '1.00', reference: '1000000013' });
    expect(invalid.body).toMatchObject({ status: 'unmatched', normalisedReference: null, unmatchedReason: expect.stringMatching(/check digit/) });

    const queue = await stack.service.request('GET', '/payments/unmatched?organisationId=fi-demo', { roles: ['client-fee-officer'] });
    expect(queue.body.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([unknown.body.id, invalid.body.id]));

    const path = `/payments/${unknown.body.id}/allocation`;
    expect((await stack.service.request('POST', path, { roles: ['client-fee-officer'], body: { invoiceId: invoice.id } })).status).toBe(403);
    const elsewhere = await issue('fi-other');
    const wrongOrganisation = await stack.service.request('POST', path, { body: { invoiceId: elsewhere.id } });
    expect(wrongOrganisation).toMatchObject({ status: 400, body: { problems: [{ field: 'invoiceId', reason: expect.any(String) }] } });

    const allocated = await stack.service.request('POST', path, { body: { invoiceId: invoice.id } });
    expect(allocated).toMatchObject({
      status: 200,
      body: { status: 'allocated', invoiceId: invoice.id, unmatchedReason: null, allocations: [expect.objectContaining({ amount: '165.75', allocatedBy: 'test-user' })] },
    });
    await paidState(invoice.id);
    const queueAfter = await stack.service.request('GET', '/payments/unmatched?organisationId=fi-demo');
    expect(queueAfter.body.map((p: { id: string }) => p.id)).not.toContain(unknown.body.id);
    expect((await stack.service.request('POST', path, { body: { invoiceId: invoice.id } })).status).toBe(409);
    expect((await stack.service.request('POST', '/payments/8f0c1f9e-2c8b-4a51-9a55-5a0f4c6f2b11/allocation', { body: { invoiceId: invoice.id } })).status).toBe(404);
  });

  it('records a payment once per externalId', async () => {
    const invoice = await issue();
    const first = await pay({ externalId: 'desk-5', amount: '10.00', reference: invoice.paymentReference });
    const again = await pay({ externalId: 'desk-5', amount: '10.00', reference: invoice.paymentReference });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    const different = await pay({ externalId: 'desk-5', amount: '11.00', reference: invoice.paymentReference });
    expect(different).toMatchObject({ status: 409, body: { problems: [{ field: 'externalId' }] } });
    await eventually(() => lifecycle(invoice.id), (status) => status.paidCents === 1000);
    const listed = await stack.service.request('GET', `/payments?organisationId=fi-demo&invoiceId=${invoice.id}`);
    expect(listed.body).toHaveLength(1);
  });

  it.each([
    [{ externalId: 'x', amount: '0.00', reference: '1000000012' }, 'amount'],
    [{ externalId: 'x', amount: '12,50', reference: '1000000012' }, 'amount'],
    [{ externalId: 'x', amount: '12.50', reference: '1000000012', paidOn: '2026-02-30' }, 'paidOn'],
    [{ externalId: 'x', amount: '12.50', reference: '1000000012', currency: 'USD' }, 'currency'],
    [{ externalId: '', amount: '12.50', reference: '1000000012' }, 'externalId'],
    [{ externalId: 'x', amount: '12.50' }, 'reference'],
    [{ externalId: 'x', amount: '12.50', reference: '1000000012', iban: 'FI21' }, 'iban'],
  ])('refuses a bad payment with 400 naming the field (%#)', async (body, field) => {
    const response = await pay(body);
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { field: string }) => p.field)).toContain(field);
  });

  it('does not record a payment for an organisation the caller does not act for: 404, as for one that does not exist', async () => {
    const response = await pay({ externalId: 'x', amount: '12.50', reference: '1000000012', organisationId: 'nowhere' });
    expect(response.status).toBe(404);
  });

  it('registers each receiving account to one organisation, and refuses a bank file under an organisation its accounts are not registered to', async () => {
    const admin = (id: string, receivingAccounts: string[]) =>
      stack.service.request('PUT', `/organisations/${id}`, { roles: ['administrator'], sub: 'admin-aaro', body: { ...FI_ORGANISATION, receivingAccounts } });
    expect((await admin('fi-accounts-a', ['fi21 1234 5600 0007 85'])).body.receivingAccounts).toEqual(['FI2112345600000785']);
    // Another organisation may not claim the account: its files would pay the first one's invoices.
    const claimed = await admin('fi-accounts-b', ['FI2112345600000785', 'FI4950009420028730']);
    expect(claimed).toMatchObject({ status: 409, body: { problems: [{ field: 'receivingAccounts', reason: 'registered to another organisation' }] } });
    expect((await admin('fi-accounts-b', ['FI4950009420028730'])).status).toBe(200);

    const db = stack.service.app.get(Database);
    const check = (organisationId: string, accounts: string[]) => db.read((tx) => assertBankFileOfOrganisation(tx, organisationId, accounts));
    await expect(check('fi-accounts-a', ['FI2112345600000785'])).resolves.toBeUndefined();
    const wrong = check('fi-accounts-a', ['FI4950009420028730']);
    await expect(wrong).rejects.toBeInstanceOf(DomainValidationError);
    await expect(wrong).rejects.toMatchObject({ field: 'organisationId', message: expect.stringMatching(/registered to another organisation/) });
    await expect(check('fi-demo', ['FI2112345600000785'])).rejects.toMatchObject({ message: expect.stringMatching(/fi-demo has no receiving accounts registered/) });
  });

  describe('camt.054 import', () => {
    const file = fixture('camt054-fi-reference-payments.xml');
    const ACCOUNT = 'FI2112345600000785';
    let invoices: Array<{ id: string; paymentReference: string }>;
    let first: { status: number; body: Record<string, unknown> };

    beforeAll(async () => {
      // A fresh organisation: its invoices 1-4 carry the references the fixture pays.
      invoices = [];
      for (let i = 0; i < 4; i++) invoices.push(await issue('fi-camt', `C-30000${i + 1}`));
      expect(invoices.map((i) => i.paymentReference)).toEqual(['1000000012', '1000000025', '1000000038', '1000000041']);
      first = await importCamt(file);
    });

    it('matches each payment by its reference and reports what it did', async () => {
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        fileId: expect.any(String),
        messageId: 'NDEAFIHH-054-20261124-000123',
        version: 'camt.054.001.02',
        accounts: [ACCOUNT],
        created: 5,
        duplicates: 0,
        allocated: 4,
        unmatched: 1,
        creditBalanceCents: 3425,
        reversalsApplied: 0,
        reversalsUnresolved: 0,
        reversals: [],
        ignored: [{ amount: '2.50', currency: 'EUR', at: expect.any(String), reason: expect.stringMatching(/^A debit/) }],
      });
      expect(first.body.payments).toEqual([
        { externalId: `${ACCOUNT}/acctsvcr:261124593ABC0001`, amount: '165.75', paymentId: expect.any(String), status: 'allocated', unmatchedReason: null },
        expect.objectContaining({ amount: '50.00', status: 'allocated' }),
        expect.objectContaining({ amount: '200.00', status: 'refund-proposed' }),
        expect.objectContaining({ amount: '25.00', status: 'unmatched', unmatchedReason: expect.stringMatching(/^reference 10000999994: /) }),
        expect.objectContaining({ amount: '165.75', status: 'allocated' }),
      ]);
      const [exact, partial, over, rf] = invoices;
      await paidState(exact.id);
      await paidState(over.id);
      await paidState(rf.id);
      await eventually(() => lifecycle(partial.id), (status) => status.paidCents === 5000);
      expect(await invoiceState(partial.id)).not.toBe('paid');

      const payments = (await stack.service.request('GET', '/payments?organisationId=fi-camt')).body as Array<Record<string, unknown>>;
      const byAmount = Object.fromEntries(payments.map((p) => [`${p.amount} ${p.reference}`, p]));
      expect(byAmount['165.75 00000000001000000012']).toMatchObject({
        source: 'camt054',
        externalId: `${ACCOUNT}/acctsvcr:261124593ABC0001`,
        account: ACCOUNT,
        fileId: first.body.fileId,
        invoiceId: exact.id,
        status: 'allocated',
        debtorName: 'TESTINEN AINO',
      });
      expect(byAmount['200.00 1000000038']).toMatchObject({ invoiceId: over.id, status: 'refund-proposed', credit: { clientNumber: 'C-300003', amount: '34.25' } });
      expect(byAmount['165.75 RF16 1000 0000 41']).toMatchObject({ invoiceId: rf.id, status: 'allocated', normalisedReference: '1000000041', paidOn: '2026-11-23' });
      const unmatched = await stack.service.request('GET', '/payments/unmatched?organisationId=fi-camt');
      expect(unmatched.body).toEqual([expect.objectContaining({ amount: '25.00', reference: '10000999994', debtorName: 'NIEMINEN PEKKA' })]);
      const proposals = await stack.service.request('GET', '/refund-proposals?organisationId=fi-camt');
      expect(proposals.body).toEqual([expect.objectContaining({ clientNumber: 'C-300003', amount: '34.25', status: 'proposed' })]);
    });

    it('changes nothing when the same file, or its entries under another message id, come again', async () => {
      const [, partial] = invoices;
      const before = (await stack.service.request('GET', '/payments?organisationId=fi-camt&limit=1000')).body;
      const again = await importCamt(file);
      const duplicates = (first.body.payments as Array<Record<string, unknown>>).map((p) => ({ ...p, paymentId: null, status: 'duplicate', unmatchedReason: null }));
      expect(again).toEqual({
        status: 200,
        body: { ...first.body, created: 0, duplicates: 5, allocated: 0, unmatched: 0, creditBalanceCents: 0, payments: duplicates },
      });
      const resent = await importCamt(file.replace('NDEAFIHH-054-20261124-000123', 'NDEAFIHH-054-20261124-000999'));
      expect(resent.body).toMatchObject({ created: 0, duplicates: 5, allocated: 0, unmatched: 0, creditBalanceCents: 0, payments: duplicates });
      expect(resent.body.fileId).not.toBe(first.body.fileId);

      const after = (await stack.service.request('GET', '/payments?organisationId=fi-camt&limit=1000')).body;
      expect(after).toEqual(before);
      const balances = await stack.service.request('GET', '/credit-balances?organisationId=fi-camt');
      expect(balances.body.map((b: { clientNumber: string; total: string }) => [b.clientNumber, b.total])).toEqual([['C-300003', '34.25']]);
      // No second signal reached the lifecycle: the part payment is still counted once.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await lifecycle(partial.id)).toMatchObject({ paidCents: 5000 });

      // The rest of the part-paid invoice arrives later and settles it.
      const rest = await pay({ organisationId: 'fi-camt', externalId: 'desk-camt-rest', amount: '115.75', reference: partial.paymentReference });
      expect(rest.body.status).toBe('allocated');
      await paidState(partial.id);
    });

    it('settles a lost signal to an invoice whose lifecycle has ended, without failing', async () => {
      const [exact, partial] = invoices;
      for (const invoice of [exact, partial]) await stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(invoice.id)).result();
      const dataSource = stack.service.app.get(DataSource);
      // As if the service had died between committing the allocations and signalling them.
      const outboxOf = `SELECT o.key FROM signal_outbox o JOIN payment_allocation a ON o.key = 'payment-allocation:' || a.id WHERE a.invoice_id = ANY($1)`;
      await dataSource.query(`UPDATE signal_outbox SET delivered_at = NULL, outcome = NULL, note = NULL WHERE key IN (${outboxOf})`, [[exact.id, partial.id]]);
      // (The service's own 30-second poller may get there first; either way the rows below tell.)
      await stack.service.app.get(SignalOutbox).deliverPending();
      const rows = (await dataSource.query(`SELECT delivered_at, outcome, note FROM signal_outbox WHERE key IN (${outboxOf})`, [[exact.id, partial.id]])) as Array<{
        delivered_at: Date | null;
        outcome: string | null;
        note: string | null;
      }>;
      expect(rows).toHaveLength(3); // the exact payment, and the part payment with its rest
      expect(rows.every((row) => row.delivered_at !== null && row.outcome === 'workflow-ended')).toBe(true);
      // Both lifecycles are over (paid): the allocations stand, noted, and the poller leaves them be.
      expect(rows.map((row) => row.note)).toEqual(rows.map(() => expect.stringMatching(/had already ended/)));
      expect(await stack.service.app.get(SignalOutbox).deliverPending()).toBe(0);
      const view = await stack.service.request('GET', `/payments?organisationId=fi-camt&limit=1000`);
      const allocations = (view.body as Array<{ allocations: Array<{ invoiceId: string; deliveryNote: string | null }> }>).flatMap((p) => p.allocations);
      expect(allocations.filter((a) => a.invoiceId === exact.id).map((a) => a.deliveryNote)).toEqual([expect.stringMatching(/had already ended/)]);
    });

    it('re-signals to a running lifecycle, which counts the payment once', async () => {
      const invoice = await issue('fi-camt');
      const paid = await pay({ organisationId: 'fi-camt', externalId: 'desk-camt-resignal', amount: '40.00', reference: invoice.paymentReference });
      await eventually(() => lifecycle(invoice.id), (status) => status.paidCents === 4000);
      const dataSource = stack.service.app.get(DataSource);
      await dataSource.query(
        `UPDATE signal_outbox SET delivered_at = NULL, outcome = NULL WHERE key IN (SELECT 'payment-allocation:' || id FROM payment_allocation WHERE payment_id = $1)`,
        [paid.body.id],
      );
      expect((await stack.service.request('GET', `/payments/${paid.body.id}`)).body.allocations[0]).toMatchObject({ signalledAt: null });
      await stack.service.app.get(SignalOutbox).deliverPending();
      const view = await stack.service.request('GET', `/payments/${paid.body.id}`);
      expect(view.body.allocations[0]).toMatchObject({ signalledAt: expect.any(String), deliveryNote: null });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await lifecycle(invoice.id)).toMatchObject({ paidCents: 4000 });
    });

    it.each([
      ['malformed XML', () => fixture('camt054-malformed.xml'), 'body'],
      ['a missing MsgId', () => fixture('camt054-missing-message-id.xml'), 'Document/BkToCstmrDbtCdtNtfctn/GrpHdr/MsgId'],
      ['an empty body', () => '', 'body'],
    ])('refuses %s with 400 and records nothing', async (_case, xml, field) => {
      const before = (await stack.service.request('GET', '/payments?organisationId=fi-camt&limit=1000')).body.length;
      const response = await importCamt(xml());
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([{ field, reason: expect.any(String) }]);
      expect((await stack.service.request('GET', '/payments?organisationId=fi-camt&limit=1000')).body).toHaveLength(before);
    });

    it('refuses other content types, unknown organisations and callers outside the finance centre', async () => {
      expect((await importCamt(file, { contentType: 'text/plain' })).status).toBe(415);
      expect((await importCamt(file, { contentType: 'text/xml' })).body).toMatchObject({ duplicates: 5 });
      expect((await importCamt(file, { organisationId: 'nowhere' })).status).toBe(404);
      expect((await importCamt(file, { roles: ['client-fee-officer'] })).status).toBe(403);
      const tooLarge = await importCamt(`${file}<!--${'x'.repeat(10 * 1024 * 1024)}-->`);
      expect(tooLarge.status).toBe(413);
    });

    it('hashes every byte of the file under an Idempotency-Key: the same file is replayed, another of the same length is a 409', async () => {
      // Two notifications differing only in a digit of GrpHdr/MsgId: the same length, different files.
      const [one, other] = ['000901', '000902'].map((suffix) => file.replace('NDEAFIHH-054-20261124-000123', `NDEAFIHH-054-20261124-${suffix}`));
      expect(Buffer.byteLength(one)).toBe(Buffer.byteLength(other));
      expect(one).not.toBe(other);
      const files = async () => (await stack.service.app.get(Database).read((tx) => tx.query(`SELECT message_id FROM payment_file ORDER BY message_id`))).map((row: { message_id: string }) => row.message_id);

      const first = await sendCamt(one, { idempotencyKey: 'camt-one' });
      expect(first).toMatchObject({ status: 200, replayed: null, body: { messageId: 'NDEAFIHH-054-20261124-000901', duplicates: 5 } });
      const again = await sendCamt(one, { idempotencyKey: 'camt-one' });
      expect(again).toEqual({ status: 200, replayed: 'true', body: first.body });

      const different = await sendCamt(other, { idempotencyKey: 'camt-one' });
      expect(different.status).toBe(409);
      expect(different.body.problems).toEqual([{ field: 'Idempotency-Key', reason: expect.stringMatching(/different request/) }]);
      expect(await files()).not.toContain('NDEAFIHH-054-20261124-000902');
      // Under its own key the other file is imported.
      expect(await sendCamt(other, { idempotencyKey: 'camt-other' })).toMatchObject({ status: 200, body: { messageId: 'NDEAFIHH-054-20261124-000902' } });
    });
  });

  it('publishes the payment routes in its OpenAPI description', async () => {
    const document = (await (await fetch(`${stack.service.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/payments',
        '/payments/camt054',
        '/payments/unmatched',
        '/payments/{id}',
        '/payments/{id}/allocation',
        '/credit-balances',
        '/refund-proposals',
        '/refund-proposals/{id}/approve',
      ]),
    );
    expect(Object.keys((document.paths['/payments/camt054'].post as { requestBody: { content: object } }).requestBody.content)).toContain('application/xml');
  });
});
