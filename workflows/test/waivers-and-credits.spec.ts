import { eventually } from '@clientfees/testing';
import {
  WriteOffCommand,
  creditInvoiceUpdate,
  feeReductionSignal,
  paymentSignal,
  recallUpdate,
  lifecycleStatusQuery,
  waiveCollectionUpdate,
  writeOffUpdate,
  REFUSAL_FAILURE_TYPES,
} from '@clientfees/contracts';
import { fakeCollection, fakeInvoicing, keepHistory, runTransfer as runTransferOn, skipTo, startLifecycle, timeSkippingServerPerTest, withWorkers } from './lifecycle-harness';

// 25.7.2028 is the seed's weekday pattern again: due 11.8, reminded on the run of 29.8, agency 13.9.
const INVOICE_DATE = '2028-07-25';

describe('waivers, write-offs and credit notes on the time-skipping server', () => {
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
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('at-agency');
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

  const writeOff = (overrides: Partial<WriteOffCommand> = {}): { args: [WriteOffCommand] } => ({
    args: [{ grounds: 'uncollectable', note: 'no income or assets; decision 2028/77', actor: 'supervisor-1', role: 'billing-supervisor', ...overrides }],
  });
  const refusedBecause = (message: RegExp | string, type?: string) => ({
    cause: expect.objectContaining({ message: typeof message === 'string' ? message : expect.stringMatching(message), ...(type ? { type } : {}) }),
  });

  it('the billing supervisor writes a reminded invoice off: the reminder service stops, the open amount is written off, the lifecycle ends', async () => {
    const invoicing = fakeInvoicing(INVOICE_DATE, { transferCandidates: ['write-off'] });
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      invoicing.activities,
      async () => {
        const handle = await start('write-off');
        await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.dueDate !== undefined);
        await expect(handle.executeUpdate(writeOffUpdate, writeOff())).rejects.toMatchObject(
          refusedBecause('an invoice that is issued cannot be written off: only an overdue, reminded, returned or recalled one', REFUSAL_FAILURE_TYPES.state),
        );
        await handle.signal(paymentSignal, { paymentId: 'bank-1', amountCents: 2345, paidOn: '2028-08-01' });
        await runTransfer('2028-08-29');
        expect(await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.state === 'reminded')).toMatchObject({ paidCents: 2345 });

        for (const role of ['client-fee-officer', 'finance-centre']) {
          await expect(handle.executeUpdate(writeOffUpdate, writeOff({ role }))).rejects.toMatchObject(
            refusedBecause(`only the billing supervisor or the result-area director may write an invoice off, not ${role}`, REFUSAL_FAILURE_TYPES.rule),
          );
        }
        await expect(handle.executeUpdate(writeOffUpdate, writeOff({ grounds: 'hardship' }))).rejects.toMatchObject(refusedBecause(/needs its grounds, one of uncollectable/));
        await expect(handle.executeUpdate(writeOffUpdate, writeOff({ note: ' ' }))).rejects.toMatchObject(refusedBecause(/needs a note/));

        const writtenOff = await handle.executeUpdate(writeOffUpdate, writeOff());
        expect(writtenOff).toMatchObject({
          state: 'written-off',
          writtenOff: { amountCents: 10000, grounds: 'uncollectable', note: 'no income or assets; decision 2028/77', decidedBy: 'supervisor-1' },
        });
        expect(await handle.result()).toMatchObject({ state: 'written-off', paidCents: 2345, totalCents: 12345 });
        keepHistory(server.env, handle.workflowId, 'invoice-lifecycle-v6-reminded-written-off');
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => c.activity)).toEqual(['sendReminder', 'recallFromAgency']);
    expect(collection.calls[1].detail).toBe('written off (uncollectable): no income or assets; decision 2028/77');
    expect(invoicing.changes.map((c) => [c.state, c.actor])).toEqual([
      ['partially-paid', 'system:invoiceLifecycle'],
      ['overdue', 'system:invoiceLifecycle'],
      ['reminded', 'system:invoiceLifecycle'],
      ['written-off', 'supervisor-1'],
    ]);
    expect(invoicing.changes.at(-1)?.reason).toBe('100.00 EUR written off by the billing supervisor (uncollectable): no income or assets; decision 2028/77');
  });

  it('refuses to write off an invoice at the agency until it is recalled; then the director writes it off', async () => {
    const collection = fakeCollection();
    const invoicing = fakeInvoicing(INVOICE_DATE, { transferCandidates: ['write-off-agency'] });
    await withWorkers(
      server.env,
      invoicing.activities,
      async () => {
        const handle = await start('write-off-agency');
        await runTransfer('2028-08-29');
        await skipTo(server.env, '2028-09-13');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('at-agency');
        await expect(handle.executeUpdate(writeOffUpdate, writeOff())).rejects.toMatchObject(
          refusedBecause('the invoice is at the collection agency: recall it from the agency first, then write it off', REFUSAL_FAILURE_TYPES.state),
        );
        await handle.executeUpdate(recallUpdate, { args: [{ reason: 'estate without assets', actor: 'finance-1' }] });
        const writtenOff = await handle.executeUpdate(writeOffUpdate, writeOff({ grounds: 'estate-without-assets', role: 'result-area-director', actor: 'director-1' }));
        expect(writtenOff).toMatchObject({ state: 'written-off', writtenOff: { amountCents: 12345, grounds: 'estate-without-assets' } });
        await expect(handle.executeUpdate(writeOffUpdate, writeOff())).rejects.toThrow();
        expect(await handle.result()).toMatchObject({ state: 'written-off' });
      },
      collection.activities,
    );
    // Recalled once, by the recall; the write-off of a recalled invoice has nothing to tell the agency.
    expect(collection.calls.map((c) => c.activity)).toEqual(['sendReminder', 'transferToAgency', 'recallFromAgency']);
    expect(invoicing.changes.at(-1)).toMatchObject({ state: 'written-off', actor: 'director-1', reason: expect.stringMatching(/^123\.45 EUR written off by the result-area director \(estate-without-assets\)/) });
  });

  it('a partial credit lowers what is owed, so the rest paid settles the invoice', async () => {
    const invoicing = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, invoicing.activities, async () => {
      const handle = await start('partial-credit');
      await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.dueDate !== undefined);
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
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('overdue');
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
        expect(await handle.query(lifecycleStatusQuery)).toMatchObject({ state: 'overdue', collectionPausedUntil: '2028-09-30' });
        await runTransfer('2028-10-03');
        expect((await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.state !== 'overdue')).state).toBe('reminded');
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => [c.activity, c.on])).toEqual([['sendReminder', '2028-10-03']]);
  });
});
