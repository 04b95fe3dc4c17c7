import { eventually } from '@clientfees/testing';
import { creditInvoiceUpdate, feeReductionSignal, paymentSignal, statusQuery, waiveCollectionUpdate } from '../src/workflows/invoice-lifecycle';
import { fakeCollection, fakeInvoicing, runTransfer as runTransferOn, skipTo, startLifecycle, timeSkippingServerPerTest, withWorkers } from './lifecycle-harness';

// 25.7.2028 is the seed's weekday pattern again: due 11.8, reminded on the run of 29.8, agency 13.9.
const INVOICE_DATE = '2028-07-25';

describe('waivers and credit notes on the time-skipping server', () => {
  const server = timeSkippingServerPerTest(INVOICE_DATE);

  const start = (id: string) => startLifecycle(server.env, id);
  const runTransfer = (runDate: string) => runTransferOn(server.env, runDate);

  it('lets only the result-area director waive collection; a waiver at the agency recalls the case first', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE, { transferCandidates: ['waive'] }).activities,
      async () => {
        const handle = await start('waive');
        await runTransfer('2028-08-29');
        await skipTo(server.env, '2028-09-13');
        expect((await handle.query(statusQuery)).state).toBe('at-agency');
        for (const role of ['client-fee-officer', 'billing-supervisor', 'finance-centre']) {
          await expect(handle.executeUpdate(waiveCollectionUpdate, { args: [{ grounds: 'hardship', actor: 'u', role }] })).rejects.toMatchObject({
            cause: expect.objectContaining({ message: `only the result-area director may waive collection, not ${role}` }),
          });
        }
        const waived = await handle.executeUpdate(waiveCollectionUpdate, {
          args: [{ grounds: 'collection would endanger the client’s livelihood (decision 12/2028)', actor: 'director-1', role: 'result-area-director' }],
        });
        expect(waived.state).toBe('waived');
        expect(await handle.result()).toMatchObject({ state: 'waived', paidCents: 0 });
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => c.activity)).toEqual(['sendReminder', 'transferToAgency', 'recallFromAgency']);
  });

  it('a partial credit lowers what is owed, so the rest paid settles the invoice', async () => {
    const invoicing = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, invoicing.activities, async () => {
      const handle = await start('partial-credit');
      await eventually(() => handle.query(statusQuery), (s) => s.dueDate !== undefined);
      const refusedBecause = (message: RegExp) => ({ cause: expect.objectContaining({ message: expect.stringMatching(message) }) });
      await expect(handle.executeUpdate(creditInvoiceUpdate, { args: [{ amountCents: 20000, reason: 'too much', actor: 'f', role: 'finance-centre' }] })).rejects.toMatchObject(
        refusedBecause(/more than the 12345 cents still open/),
      );
      await expect(handle.executeUpdate(creditInvoiceUpdate, { args: [{ amountCents: 100, reason: 'x', actor: 'c', role: 'caseworker' }] })).rejects.toMatchObject(
        refusedBecause(/may not credit/),
      );
      const credited = await handle.executeUpdate(creditInvoiceUpdate, { args: [{ amountCents: 2345, reason: 'absence 1.7-10.7', actor: 'officer-1', role: 'client-fee-officer' }] });
      expect(credited).toMatchObject({ state: 'issued', totalCents: 10000 });
      await handle.signal(paymentSignal, { paymentId: 'bank-1', amountCents: 10000, paidOn: '2028-08-01' });
      expect(await handle.result()).toMatchObject({ state: 'paid', paidCents: 10000, totalCents: 10000 });
    });
    expect(invoicing.credits).toEqual([2345]);
  });

  it('a full credit closes an overdue invoice without a reminder', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE).activities,
      async () => {
        const handle = await start('full-credit');
        await skipTo(server.env, '2028-08-14');
        expect((await handle.query(statusQuery)).state).toBe('overdue');
        await handle.executeUpdate(creditInvoiceUpdate, { args: [{ amountCents: 12345, reason: 'billed in error', actor: 'f', role: 'finance-centre' }] });
        expect(await handle.result()).toMatchObject({ state: 'credited', totalCents: 0 });
      },
      collection.activities,
    );
    expect(collection.calls).toEqual([]);
  });

  it('a § 11 fee reduction decision holds the reminder back until it ends', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE, { transferCandidates: ['paused'] }).activities,
      async () => {
        const handle = await start('paused');
        await skipTo(server.env, '2028-08-14');
        await handle.signal(feeReductionSignal, { decisionId: 'd1', validFrom: '2028-08-01', validTo: '2028-09-30' });
        await runTransfer('2028-08-29');
        await runTransfer('2028-09-26');
        expect(await handle.query(statusQuery)).toMatchObject({ state: 'overdue', collectionPausedUntil: '2028-09-30' });
        await runTransfer('2028-10-03');
        expect((await eventually(() => handle.query(statusQuery), (s) => s.state !== 'overdue')).state).toBe('reminded');
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => [c.activity, c.on])).toEqual([['sendReminder', '2028-10-03']]);
  });
});
