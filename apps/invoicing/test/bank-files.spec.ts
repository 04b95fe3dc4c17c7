import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { paymentReferencesFor } from '@clientfees/domain';
import { parseCamt054 } from '@clientfees/iso20022';
import { Worker } from '@temporalio/worker';
import { CollectionTransferRunWorkflow, invoiceLifecycleWorkflowId, lifecycleStatusQuery, type Role, TaskQueues, type WorkflowFunctionOf } from '@clientfees/contracts';
import { allCamt054Fixtures, bookedCopy, camt054Fixture, fileTotals } from '@clientfees/iso20022/fixtures';
import { eventually, fakeCollection, startDevServer, testToken } from '@clientfees/testing';
import { FI_ORGANISATION, InvoicingStack, startInvoicingStack } from './invoicing-stack';

// Issue 16 end to end: published bank files (libs/iso20022/fixtures/camt054/SOURCES.md) through
// POST /payments/camt054, with a real Postgres, Temporal server and invoice lifecycles.

interface ImportBody {
  fileId: string;
  created: number;
  duplicates: number;
  reversalsApplied: number;
  reversalsUnresolved: number;
  payments: Array<{ externalId: string; amount: string; paymentId: string | null; status: string; unmatchedReason: string | null }>;
  reversals: Array<{ externalId: string; amount: string; reversalId: string | null; status: string; reversesPaymentId: string | null; note: string | null }>;
  ignored: Array<{ amount: string; currency: string; at: string; reason: string }>;
}

const SE_ORGANISATION = { name: 'Demo municipality', country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm', paymentTermDays: 30, dueDateBankingDays: 0 };
/** Handelsbanken's example IBAN fails its check digits; the file is read for this valid one. */
const HANDELSBANKEN_ACCOUNT = 'FI1431313001234567';
const withValidAccount = (xml: string) => xml.replaceAll(HANDELSBANKEN_ACCOUNT, 'FI7433010001222090');
const SAMPLES: Array<[string, string]> = allCamt054Fixtures().map((name) => [name, withValidAccount(camt054Fixture(name))]);

describe('bank files from published samples, imported end to end', () => {
  let stack: InvoicingStack;
  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer(), { organisations: ['fi-fffs', 'fi-reversals', 'fi-samples', 'fi-hb'] });
    // Each organisation registers the accounts its files report on.
    const sampleAccounts = [...new Set(SAMPLES.flatMap(([, xml]) => parseCamt054(xml).accounts))];
    const accounts: Record<string, [object, string[]]> = {
      'fi-fffs': [FI_ORGANISATION, ['FI7433010001222090']],
      'fi-hb': [FI_ORGANISATION, ['FI7433010001222090']],
      'fi-samples': [FI_ORGANISATION, [...sampleAccounts, ...FI_ORGANISATION.bankAccounts]],
      'se-samples': [SE_ORGANISATION, sampleAccounts],
    };
    for (const [id, [body, bankAccounts]] of Object.entries(accounts)) {
      const put = await stack.service.request('PUT', `/organisations/${id}`, { roles: ['administrator'], body: { ...body, bankAccounts } });
      expect(put.status).toBe(200);
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const issue = async (organisationId: string, amount: string, clientNumber = 'C-400001', invoiceDate = '2026-11-20') => {
    const created = await stack.service.request('POST', '/invoices', {
      body: {
        organisationId,
        clientNumber,
        recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
        invoiceDate,
        rows: [{ description: 'Long-term care 10/2026', amount }],
      },
    });
    expect(created.status).toBe(201);
    await eventually(() => stack.service.request('GET', `/invoices/${created.body.id}`), (r) => r.body.dueDate !== null);
    return created.body as { id: string; invoiceNumber: number; paymentReference: string; paymentReferenceInternational: string };
  };
  /** A credit note on the invoice; answers its number in the organisation's series. */
  const credit = async (invoiceId: string, amount: string): Promise<{ id: string; number: number }> => {
    const response = await stack.service.request('POST', `/invoices/${invoiceId}/credit-notes`, { body: { amount, reason: 'service not delivered' } });
    expect(response.status).toBe(201);
    const [row] = await stack.service.app.get(DataSource).query('SELECT id, credit_note_number FROM credit_note WHERE invoice_id = $1', [invoiceId]);
    return { id: row.id, number: Number(row.credit_note_number) };
  };
  const importCamt = async (organisationId: string, xml: string, roles: Role[] = ['finance-centre']) => {
    const token = testToken({ roles }, stack.service.organisations.list());
    const response = await fetch(`${stack.service.baseUrl}/payments/camt054?organisationId=${organisationId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: xml,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as ImportBody };
  };
  const invoice = async (id: string) => (await stack.service.request('GET', `/invoices/${id}`)).body as { state: string };
  const payment = async (id: string) => (await stack.service.request('GET', `/payments/${id}`)).body;
  const lifecycle = (id: string) => stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(id)).query(lifecycleStatusQuery);

  describe('the Finance Finland (FFFS) credit advice', () => {
    let body: ImportBody;
    let a: Awaited<ReturnType<typeof issue>>;
    let b: Awaited<ReturnType<typeof issue>>;
    let c: Awaited<ReturnType<typeof issue>>;
    let creditA: { id: string; number: number };
    let creditC: { id: string; number: number };
    let xml: string;

    beforeAll(async () => {
      // The sample's invoices as this organisation's: 3900 (2,500.00, credit note 12344 of
      // 600.00), 43216 (100.00) and RF7812345 (3,500.00, credit note RF0812344 of 1,000.00). The
      // file is the published one with the organisation's references written in.
      a = await issue('fi-fffs', '2500.00', 'C-400001');
      b = await issue('fi-fffs', '100.00', 'C-400002');
      c = await issue('fi-fffs', '3500.00', 'C-400003');
      creditA = await credit(a.id, '600.00');
      creditC = await credit(c.id, '1000.00');
      xml = camt054Fixture('fffs-fi-credit-advice.v02.xml')
        .replaceAll('<Ref>3900</Ref>', `<Ref>${a.paymentReference}</Ref>`)
        .replaceAll('<Ref>12344</Ref>', `<Ref>${paymentReferencesFor('FI', creditA.number).national}</Ref>`)
        .replaceAll('<Ref>43216</Ref>', `<Ref>${b.paymentReference}</Ref>`)
        .replaceAll('<Ref>RF7812345 </Ref>', `<Ref>${c.paymentReferenceInternational} </Ref>`)
        .replaceAll('<Ref>RF0812344</Ref>', `<Ref>${paymentReferencesFor('FI', creditC.number).international}</Ref>`);
      const imported = await importCamt('fi-fffs', xml);
      expect(imported.status).toBe(200);
      body = imported.body;
    });

    it('settles the netted credit notes against their invoices: 1,900.00 pays 3900, 2,500.00 pays RF7812345', async () => {
      const netted = body.payments.find((p) => p.externalId === 'FI7433010001222090/acctsvcr:D091029N987654321S001')!;
      expect(netted).toMatchObject({ amount: '1900.00', status: 'allocated' });
      expect(await payment(netted.paymentId!)).toMatchObject({
        invoiceId: a.id,
        settledCreditNoteIds: [creditA.id],
        allocations: [expect.objectContaining({ invoiceId: a.id, amount: '1900.00' })],
        payerPaymentDate: '2009-10-28',
        bookingDate: '2009-10-29',
        paidOn: '2009-10-28',
      });
      const sct = body.payments.find((p) => p.externalId === 'FI7433010001222090/acctsvcr:D091029N123456789S001')!;
      expect(await payment(sct.paymentId!)).toMatchObject({ invoiceId: c.id, settledCreditNoteIds: [creditC.id], allocations: [expect.objectContaining({ amount: '2500.00' })] });
      await eventually(() => invoice(a.id), (i) => i.state === 'paid');
      await eventually(() => invoice(c.id), (i) => i.state === 'paid');
      await eventually(() => invoice(b.id), (i) => i.state === 'paid');
    });

    it('puts a second payment to a paid invoice on the credit balance, and a message that is no reference in the queue with it quoted', () => {
      expect(body.payments.map((p) => [p.amount, p.status])).toEqual([
        ['1900.00', 'allocated'],
        ['100.00', 'allocated'],
        ['400.00', 'refund-proposed'],
        ['100.00', 'refund-proposed'],
        ['2500.00', 'allocated'],
        ['500.00', 'unmatched'],
      ]);
      expect(body.payments[5].unmatchedReason).toBe('the payment carries no reference; its message reads "RFB/557742358"');
    });

    it('never counts the returned items (40 + 60 €) as received: ignored while INFO, and booked with RvslInd written 1', async () => {
      const returned = (result: ImportBody) => result.ignored.filter((item) => /AC01|CUST/.test(item.reason)).map((item) => item.amount);
      expect(returned(body).sort()).toEqual(['40.00', '60.00']);
      const booked = xml.replace('<RvslInd>true</RvslInd>', '<RvslInd>1</RvslInd>').replace('<Sts>INFO</Sts>', '<Sts>BOOK</Sts>').replace('BANKFILEID219073', 'BANKFILEID219074');
      const again = await importCamt('fi-fffs', booked);
      expect(again.status).toBe(200);
      expect(returned(again.body).sort()).toEqual(['40.00', '60.00']);
      expect(again.body).toMatchObject({ created: 0, duplicates: 6, reversals: [] });
      expect(again.body.payments.map((p) => p.amount)).not.toEqual(expect.arrayContaining(['40.00']));
    });
  });

  it('splits Handelsbanken’s 6,000.54 by invoice and credit note numbers (RfrdDocInf)', async () => {
    const invoice9580572 = await issue('fi-hb', '6256.70');
    const credit1 = await credit(invoice9580572.id, '166.46');
    const credit2 = await credit(invoice9580572.id, '89.70');
    const xml = withValidAccount(camt054Fixture('handelsbanken-fi-credit-notification.v02.xml'))
      .replace('<Nb> 9580572</Nb>', `<Nb> ${invoice9580572.invoiceNumber}</Nb>`)
      .replace('<Nb>00000000000009580521</Nb>', `<Nb>${String(credit1.number).padStart(20, '0')}</Nb>`)
      .replace('<Nb>00000000000009579095</Nb>', `<Nb>${String(credit2.number).padStart(20, '0')}</Nb>`);
    const imported = await importCamt('fi-hb', xml);
    const paid = imported.body.payments.find((p) => p.amount === '6000.54')!;
    expect(paid).toMatchObject({ status: 'allocated', unmatchedReason: null });
    expect(await payment(paid.paymentId!)).toMatchObject({ invoiceId: invoice9580572.id, settledCreditNoteIds: [credit1.id, credit2.id] });
    await eventually(() => invoice(invoice9580572.id), (i) => i.state === 'paid');
    // Its other payments name documents the organisation does not have: queued with the reason.
    expect(imported.body.payments.find((p) => p.amount === '742.45')).toMatchObject({ status: 'unmatched', unmatchedReason: expect.stringMatching(/^reference 9544208: /) });
  });

  describe('reversals', () => {
    const ACCOUNT = 'FI2112345600000785';
    let sequence = 0;
    /** A camt.054.001.02 file of one entry, as a Finnish bank writes a credit or its reversal. */
    const file = (entry: { amount: string; reversal?: boolean; txId?: string; reference?: string; date: string }) => {
      sequence++;
      const refs = entry.txId ? `<Refs><TxId>${entry.txId}</TxId></Refs>` : '';
      const remittance = entry.reference ? `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${entry.reference}</Ref></CdtrRefInf></Strd></RmtInf>` : '';
      const returned = entry.reversal ? '<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>' : '';
      return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>TEST-REVERSALS-${sequence}</MsgId><CreDtTm>${entry.date}T20:00:00+02:00</CreDtTm></GrpHdr>
<Ntfctn><Id>N${sequence}</Id><CreDtTm>${entry.date}T20:00:00+02:00</CreDtTm><Acct><Id><IBAN>${ACCOUNT}</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">${entry.amount}</Amt><CdtDbtInd>${entry.reversal ? 'DBIT' : 'CRDT'}</CdtDbtInd>${entry.reversal ? '<RvslInd>1</RvslInd>' : ''}<Sts>BOOK</Sts>
<BookgDt><Dt>${entry.date}</Dt></BookgDt><ValDt><Dt>${entry.date}</Dt></ValDt>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls>${refs}<AmtDtls><TxAmt><Amt Ccy="EUR">${entry.amount}</Amt></TxAmt></AmtDtls>${remittance}${returned}</TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    };

    it('takes back a part payment found by the bank’s TxId: a negative allocation, the lifecycle counts it, the invoice is open again', async () => {
      const target = await issue('fi-reversals', '165.75');
      const paid = await importCamt('fi-reversals', file({ amount: '100.00', txId: 'TX-PART-1', reference: target.paymentReference, date: '2026-11-24' }));
      const paymentId = paid.body.payments[0].paymentId!;
      await eventually(() => lifecycle(target.id), (status) => status.paidCents === 10000);

      const returnFile = file({ amount: '100.00', reversal: true, txId: 'TX-PART-1', date: '2026-11-26' });
      const reversed = await importCamt('fi-reversals', returnFile);
      expect(reversed.body).toMatchObject({ reversalsApplied: 1, reversalsUnresolved: 0, payments: [], ignored: [] });
      expect(reversed.body.reversals).toEqual([
        { externalId: `${ACCOUNT}/reversal-of-txid:TX-PART-1`, amount: '100.00', reversalId: expect.any(String), status: 'applied', reversesPaymentId: paymentId, note: null },
      ]);
      const view = await payment(paymentId);
      expect(view.status).toBe('reversed');
      expect(view.allocations.map((a: { amount: string; reversesAllocationId: string | null }) => [a.amount, a.reversesAllocationId !== null])).toEqual([
        ['100.00', false],
        ['-100.00', true],
      ]);
      await eventually(() => lifecycle(target.id), (status) => status.paidCents === 0);
      expect((await invoice(target.id)).state).not.toBe('paid');

      // The same return again, in another file: nothing changes.
      const again = await importCamt('fi-reversals', returnFile.replace(/TEST-REVERSALS-\d+/, 'TEST-REVERSALS-AGAIN'));
      expect(again.body.reversals).toEqual([expect.objectContaining({ status: 'duplicate', reversalId: null })]);
      expect((await payment(paymentId)).allocations).toHaveLength(2);

      // Paid in full afterwards, the invoice closes as usual.
      await importCamt('fi-reversals', file({ amount: '165.75', txId: 'TX-PART-2', reference: target.paymentReference, date: '2026-11-27' }));
      await eventually(() => invoice(target.id), (i) => i.state === 'paid');
    });

    it('finds the original by amount, reference and date when the return carries no id, and undoes its credit too', async () => {
      const target = await issue('fi-reversals', '50.00', 'C-400010');
      const paid = await importCamt('fi-reversals', file({ amount: '80.00', reference: target.paymentReference, date: '2026-11-24' }));
      expect(paid.body.payments[0].status).toBe('refund-proposed');
      await eventually(() => invoice(target.id), (i) => i.state === 'paid');
      const reversed = await importCamt('fi-reversals', file({ amount: '80.00', reversal: true, reference: target.paymentReference, date: '2026-12-01' }));
      // The invoice had been paid in full: it is reopened with its 50.00 open, and nothing is left for a person.
      expect(reversed.body.reversals[0]).toMatchObject({ status: 'applied', reversesPaymentId: paid.body.payments[0].paymentId, note: null });
      await eventually(() => lifecycle(target.id), (status) => status.state !== 'paid' && status.paidCents === 0);
      expect((await invoice(target.id)).state).not.toBe('paid');
      const balances = await stack.service.request('GET', '/credit-balances?organisationId=fi-reversals&clientNumber=C-400010');
      expect(balances.body[0]).toMatchObject({ total: '0.00', awaitingRefundApproval: '0.00' });
      const refunds = await stack.service.request('GET', '/refund-proposals?organisationId=fi-reversals&status=withdrawn');
      expect(refunds.body).toEqual([expect.objectContaining({ paymentId: paid.body.payments[0].paymentId, amount: '30.00' })]);
      // Another person than the one who imported the payment (four eyes), and still refused: withdrawn.
      expect((await stack.service.request('POST', `/refund-proposals/${refunds.body[0].id}/approve`, { sub: 'finance-approver' })).status).toBe(409);
      const listed = await stack.service.request('GET', '/payments/reversals?organisationId=fi-reversals&status=applied', { roles: ['client-fee-officer'] });
      expect(listed.body.map((r: { reversesPaymentId: string }) => r.reversesPaymentId)).toContain(paid.body.payments[0].paymentId);
    });

    it('reopens an invoice paid in full when the bank takes the payment back: open again, its lifecycle resumed, a reminder following', async () => {
      // Invoiced 25.7.2017: due Fri 11.8.2017, eligible for the transfer run of Tue 29.8.2017. Paid
      // in full late (a camt.054 credit), then the bank returns the payment (RvslInd, AC04).
      const target = await issue('fi-reversals', '84.20', 'C-400030', '2017-07-25');
      await eventually(() => invoice(target.id), (i) => i.state === 'overdue');
      const paid = await importCamt('fi-reversals', file({ amount: '84.20', txId: 'TX-FULL-1', reference: target.paymentReference, date: '2026-11-25' }));
      expect(paid.body.payments).toEqual([expect.objectContaining({ status: 'allocated' })]);
      await eventually(() => invoice(target.id), (i) => i.state === 'paid');
      const handle = stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(target.id));
      const ended = await eventually(() => handle.describe(), (d) => d.status.name === 'COMPLETED');

      const returnFile = file({ amount: '84.20', reversal: true, txId: 'TX-FULL-1', date: '2026-11-27' });
      const reversed = await importCamt('fi-reversals', returnFile);
      expect(reversed.body.reversals).toEqual([expect.objectContaining({ status: 'applied', reversesPaymentId: paid.body.payments[0].paymentId, note: null })]);

      // Open again, with the whole amount due, overdue by its dates; the reopening is on its timeline.
      const reopened = (await stack.service.request('GET', `/invoices/${target.id}`)).body;
      expect(reopened).toMatchObject({ state: 'overdue', total: '84.20' });
      const grounds = reopened.events.at(-1);
      expect(grounds).toMatchObject({ state: 'overdue', actor: 'test-user' });
      expect(grounds.reason).toMatch(/^reopened: the bank took back payment FI2112345600000785\/txid:TX-FULL-1 \(reversal FI2112345600000785\/reversal-of-txid:TX-FULL-1 in bank file TEST-REVERSALS-\d+, file [0-9a-f-]{36}\); 84\.20 open again, its lifecycle resumes$/);
      const balance = await stack.service.request('GET', `/payments?organisationId=fi-reversals&invoiceId=${target.id}`);
      expect(balance.body[0].allocations.map((a: { amount: string }) => a.amount)).toEqual(['84.20', '-84.20']);

      // A new run of the same lifecycle, resumed as overdue with nothing paid; the reversal's own
      // signal reaches it and counts nothing twice.
      const resumed = await eventually(() => handle.describe(), (d) => d.status.name === 'RUNNING' && d.runId !== ended.runId);
      expect(resumed.runId).not.toBe(ended.runId);
      expect(await eventually(() => lifecycle(target.id), (status) => status.dueDate !== undefined)).toMatchObject({ state: 'overdue', paidCents: 0, totalCents: 8420, dueDate: '2017-08-11' });
      await eventually(() => payment(paid.body.payments[0].paymentId!), (view) => view.allocations.every((a: { signalledAt: string | null }) => a.signalledAt !== null));
      expect((await lifecycle(target.id)).paidCents).toBe(0);

      // The next transfer run takes it: a reminder, and, its due date long past, the agency.
      const collection = fakeCollection();
      const worker = await Worker.create({ connection: stack.env.nativeConnection, taskQueue: TaskQueues.collection, activities: collection.activities });
      await worker.runUntil(async () => {
        const run = await stack.env.client.workflow.start<WorkflowFunctionOf<typeof CollectionTransferRunWorkflow>>(CollectionTransferRunWorkflow.workflowType, {
          workflowId: `transfer-run-fi-reversals-${target.id}`,
          taskQueue: CollectionTransferRunWorkflow.taskQueue,
          args: [{ organisationId: 'fi-reversals', runDate: '2017-08-29' }],
        });
        expect(await run.result()).toEqual({ runDate: '2017-08-29', offered: 1 });
        await eventually(() => invoice(target.id), (i) => i.state === 'at-agency');
      });
      expect(collection.calls.map((c) => [c.activity, c.detail])).toEqual([
        ['sendReminder', '2017-08-29→2017-09-12'],
        ['transferToAgency', '2017-09-13'],
      ]);
      const timeline = (await stack.service.request('GET', `/invoices/${target.id}`)).body.events.map((e: { state: string }) => e.state);
      expect(timeline.slice(-4)).toEqual(['paid', 'overdue', 'reminded', 'at-agency']);
    });

    it('leaves a waived invoice closed when the bank takes back a payment to it: a person decides', async () => {
      const target = await issue('fi-reversals', '30.00', 'C-400040');
      const paid = await importCamt('fi-reversals', file({ amount: '10.00', txId: 'TX-WAIVED-1', reference: target.paymentReference, date: '2026-11-25' }));
      await eventually(() => lifecycle(target.id), (status) => status.paidCents === 1000);
      const waived = await stack.service.request('POST', `/invoices/${target.id}/waiver`, { roles: ['result-area-director'], body: { grounds: 'decision 2026/501: hardship' } });
      expect(waived.status).toBe(200);
      await eventually(() => invoice(target.id), (i) => i.state === 'waived');

      const reversed = await importCamt('fi-reversals', file({ amount: '10.00', reversal: true, txId: 'TX-WAIVED-1', date: '2026-11-27' }));
      expect(reversed.body.reversals).toEqual([
        expect.objectContaining({
          status: 'applied',
          reversesPaymentId: paid.body.payments[0].paymentId,
          note: `invoice ${target.invoiceNumber}: the invoice is waived and stays so: a person decides whether the client owes anything now that the payment is taken back (3000 cents of it unpaid)`,
        }),
      ]);
      expect((await invoice(target.id)).state).toBe('waived');
    });

    it('holds a different payment under an id recorded before for a person, and takes the same one again as a duplicate', async () => {
      const target = await issue('fi-reversals', '30.00', 'C-400020');
      const first = await importCamt('fi-reversals', file({ amount: '30.00', txId: 'TX-REPEATED', reference: target.paymentReference, date: '2026-11-24' }));
      expect(first.body.payments[0].status).toBe('allocated');
      const same = await importCamt('fi-reversals', file({ amount: '30.00', txId: 'TX-REPEATED', reference: target.paymentReference, date: '2026-11-24' }));
      expect(same.body).toMatchObject({ created: 0, duplicates: 1, payments: [{ status: 'duplicate', paymentId: null }] });
      const different = await importCamt('fi-reversals', file({ amount: '31.00', txId: 'TX-REPEATED', reference: target.paymentReference, date: '2026-11-25' }));
      expect(different.body.payments).toEqual([
        expect.objectContaining({ status: 'unmatched', paymentId: expect.any(String), unmatchedReason: expect.stringMatching(/was recorded before for a different payment \(amount, booking date differ\)/) }),
      ]);
      expect((await payment(different.body.payments[0].paymentId!)).externalId).toBe(`${ACCOUNT}/txid:TX-REPEATED@${different.body.fileId}`);
    });

    it('leaves a reversal whose original it cannot find to a person, with the reason', async () => {
      const reversed = await importCamt('fi-reversals', file({ amount: '12.34', reversal: true, txId: 'TX-NOWHERE', date: '2026-12-02' }));
      expect(reversed.body.reversals).toEqual([expect.objectContaining({ status: 'unresolved', reversesPaymentId: null, note: expect.stringMatching(/no payment found .*a person finds the original/) })]);
      const queue = await stack.service.request('GET', '/payments/reversals?organisationId=fi-reversals&status=unresolved');
      expect(queue.body).toEqual([expect.objectContaining({ externalId: `${ACCOUNT}/reversal-of-txid:TX-NOWHERE`, amount: '12.34', returnReason: 'AC04' })]);
    });
  });

  it('refuses a file for an account that is not the organisation’s, recording nothing', async () => {
    const before = (await stack.service.request('GET', '/payments?organisationId=fi-reversals&limit=1000')).body.length;
    const refused = await importCamt('fi-reversals', camt054Fixture('fffs-fi-credit-advice.v02.xml'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      problems: [{ field: 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Acct/Id', reason: expect.stringMatching(/^FI7433010001222090 is not an account of organisation fi-reversals \(its accounts are FI2112345600000785\)/) }],
    });
    expect((await stack.service.request('GET', '/payments?organisationId=fi-reversals&limit=1000')).body).toHaveLength(before);
    // An account that fails its check digits is not registered.
    const bad = await stack.service.request('PUT', '/organisations/fi-reversals', { roles: ['administrator'], body: { ...FI_ORGANISATION, bankAccounts: [HANDELSBANKEN_ACCOUNT] } });
    expect(bad).toMatchObject({ status: 400, body: { problems: [{ field: 'bankAccounts[0]' }] } });
  });

  it('takes a second, different file that reuses a message id on the same account (the ISO/SWIFT samples share one)', async () => {
    const names = ['iso-swift-sample.v02.xml', 'iso-swift-sample-account-name.v02.xml'];
    const [first, second] = names.map((name) => parseCamt054(camt054Fixture(name)));
    expect(first.messageId).toBe(second.messageId);
    expect(first.accounts).toEqual(second.accounts);
    const imports = [];
    for (const name of names) imports.push(await importCamt('se-samples', camt054Fixture(name).replace(/<MsgId>([^<]*)<\/MsgId>/, '<MsgId>$1-REUSED</MsgId>')));
    expect(imports[0].body.fileId).not.toBe(imports[1].body.fileId);
  });

  describe('nothing dropped: for every sample file, payments + reversals + ignored items = the file’s transactions', () => {
    const cases: Array<[string, string]> = [...SAMPLES];
    cases.push(['lithuanian-emi/2024-11-21.xml booked', bookedCopy(camt054Fixture('lithuanian-emi/2024-11-21.xml'), '2024-11-21')]);
    // And the project's own files (a namespace prefix, .08, no archive references, pending and reversed entries).
    for (const name of ['camt054-v08-prefixed.xml', 'camt054-v04-no-archive-reference.xml']) cases.push([`project: ${name}`, readFileSync(join(__dirname, 'fixtures', name), 'utf8')]);
    it.each(cases)('%s', async (_name, xml) => {
      const expected = fileTotals(xml);
      const organisationId = 'SEK' in expected ? 'se-samples' : 'fi-samples';
      const imported = await importCamt(organisationId, xml);
      expect(imported.status).toBe(200);
      const totals = new Map<string, Decimal>();
      const add = (currency: string, amount: string) => totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(amount));
      const currency = organisationId === 'se-samples' ? 'SEK' : 'EUR';
      for (const item of [...imported.body.payments, ...imported.body.reversals]) add(currency, item.amount);
      for (const item of imported.body.ignored) add(item.currency, item.amount);
      expect(Object.fromEntries([...totals].map(([code, total]) => [code, total.toFixed(2)]))).toEqual(expected);
    });
  });
});
