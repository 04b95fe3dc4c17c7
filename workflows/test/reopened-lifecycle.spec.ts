import { InvoiceLifecycleInput, InvoiceLifecycleStatus, invoiceLifecycleWorkflowId, lifecycleStatusQuery, paymentSignal, TaskQueues } from '@clientfees/contracts';
import { localDateInZone } from '@clientfees/domain';
import { eventually } from '@clientfees/testing';
import { invoiceLifecycle } from '../src/workflows/invoice-lifecycle';
import { fakeCollection, fakeInvoicing, keepHistory, lifecycleInput, runTransfer, skipTo, startLifecycle, timeSkippingServerPerTest, withWorkers, ZONE } from './lifecycle-harness';

/**
 * A paid invoice whose payment the bank takes back (camt.054 `RvslInd`) is reopened by the
 * invoicing service, which starts a new run of the same lifecycle with `resumed` (docs/payments.md).
 * The resumed run walks the real calendar from the state the invoice reopened in.
 */
describe('a lifecycle resumed for a reopened invoice, on the time-skipping server', () => {
  const server = timeSkippingServerPerTest('2026-12-10');

  const resume = (id: string, resumed: InvoiceLifecycleInput['resumed']) =>
    server.env.client.workflow.start(invoiceLifecycle, {
      workflowId: invoiceLifecycleWorkflowId(id),
      taskQueue: TaskQueues.workflows,
      args: [{ ...lifecycleInput(id), resumed }],
    });

  /**
   * The first run's end, without `result()`: that lets the server skip time while it waits, and
   * with nothing else pending it skips years ahead of the walk.
   */
  const ended = async (handle: { describe(): Promise<{ status: { name: string } }>; query: (q: typeof lifecycleStatusQuery) => Promise<InvoiceLifecycleStatus> }) => {
    await eventually(() => handle.describe(), (d) => d.status.name === 'COMPLETED');
    return handle.query(lifecycleStatusQuery);
  };

  it('reopened before a due date Christmas pushed out: issued, overdue on 31.12, reminded by the first transfer run it is eligible for', async () => {
    // 10.12.2026 + 14 days = Thu 24.12 (Christmas Eve); banking days Mon 28.12, 29.12, Wed 30.12 → due 30.12.
    // Eligible for a transfer run 17 days later: Sat 16.1.2027, so the Tuesday run of 12.1 leaves it and that of 19.1 takes it.
    const invoicing = fakeInvoicing('2026-12-10', { transferCandidates: ['returned-payment'] });
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      invoicing.activities,
      async () => {
        const first = await startLifecycle(server.env, 'returned-payment');
        const firstRunId = (await first.describe()).runId;
        await skipTo(server.env, '2026-12-18');
        await first.signal(paymentSignal, { paymentId: 'p1', amountCents: 12345, paidOn: '2026-12-18' });
        expect(await ended(first)).toMatchObject({ state: 'paid', paidCents: 12345 });

        // Mon 21.12: the bank's reversal of p1 is imported; the invoice reopens as issued with everything open.
        await skipTo(server.env, '2026-12-21');
        invoicing.reopen('returned-payment', 'issued');
        const resumed = await resume('returned-payment', {
          state: 'issued',
          paidCents: 0,
          creditedCents: 0,
          countedPaymentIds: ['p1', 'p1:reversed'],
          grounds: 'payment p1 taken back by the bank',
        });
        expect((await resumed.describe()).runId).not.toBe(firstRunId);
        await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.dueDate !== undefined);
        // The reversal's own signal, still on its way from the outbox, counts nothing again.
        await resumed.signal(paymentSignal, { paymentId: 'p1:reversed', amountCents: -12345, paidOn: '2026-12-21' });
        await skipTo(server.env, '2026-12-30');
        expect(await resumed.query(lifecycleStatusQuery)).toMatchObject({ state: 'issued', dueDate: '2026-12-30', paidCents: 0, totalCents: 12345 });
        await skipTo(server.env, '2026-12-31');
        await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.state === 'overdue');

        await runTransfer(server.env, '2027-01-12'); // 13 days overdue: not yet
        expect((await resumed.query(lifecycleStatusQuery)).state).toBe('overdue');
        await runTransfer(server.env, '2027-01-19');
        const reminded = await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.state !== 'overdue');
        expect(reminded).toMatchObject({ state: 'reminded', reminder: { reminderDueDate: '2027-02-02', feeCents: 210 } });

        await skipTo(server.env, '2027-01-25');
        await resumed.signal(paymentSignal, { paymentId: 'p2', amountCents: 12345, paidOn: '2027-01-25' });
        expect(await resumed.result()).toMatchObject({ state: 'paid', paidCents: 12345 });
        keepHistory(server.env, resumed.workflowId, 'invoice-lifecycle-v7-reopened-then-reminded-and-paid');
      },
      collection.activities,
    );
    expect(invoicing.changes.map((c) => [c.state, localDateInZone(Date.parse(c.at), ZONE)])).toEqual([
      ['paid', '2026-12-18'],
      ['overdue', '2026-12-31'],
      ['reminded', '2027-01-19'],
      ['paid', '2027-01-25'],
    ]);
    expect(collection.calls.map((c) => [c.activity, c.on, c.detail])).toEqual([['sendReminder', '2027-01-19', '2027-01-19→2027-02-02']]);
  });

  it('reopened as partially paid when one of two payments is taken back: overdue after the due date for the rest, paid by it', async () => {
    const invoicing = fakeInvoicing('2026-12-10');
    await withWorkers(server.env, invoicing.activities, async () => {
      const first = await startLifecycle(server.env, 'two-payments');
      await skipTo(server.env, '2026-12-14');
      await first.signal(paymentSignal, { paymentId: 'p1', amountCents: 5000, paidOn: '2026-12-14' });
      await eventually(() => first.query(lifecycleStatusQuery), (s) => s.state === 'partially-paid');
      await skipTo(server.env, '2026-12-16');
      await first.signal(paymentSignal, { paymentId: 'p2', amountCents: 7345, paidOn: '2026-12-16' });
      expect(await ended(first)).toMatchObject({ state: 'paid', paidCents: 12345 });

      await skipTo(server.env, '2026-12-21');
      invoicing.reopen('two-payments', 'partially-paid');
      const resumed = await resume('two-payments', { state: 'partially-paid', paidCents: 5000, creditedCents: 0, countedPaymentIds: ['p1', 'p2', 'p2:reversed'], grounds: 'payment p2 taken back by the bank' });
      // p1 sent again by an outbox counts nothing: the resumed run already counts it.
      await resumed.signal(paymentSignal, { paymentId: 'p1', amountCents: 5000, paidOn: '2026-12-14' });
      await skipTo(server.env, '2026-12-30');
      expect(await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.dueDate !== undefined)).toMatchObject({ state: 'partially-paid', paidCents: 5000 });
      await skipTo(server.env, '2026-12-31');
      await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.state === 'overdue');
      await skipTo(server.env, '2027-01-04');
      await resumed.signal(paymentSignal, { paymentId: 'p3', amountCents: 7345, paidOn: '2027-01-04' });
      expect(await resumed.result()).toMatchObject({ state: 'paid', paidCents: 12345 });
    });
    expect(invoicing.changes.map((c) => [c.state, localDateInZone(Date.parse(c.at), ZONE)])).toEqual([
      ['partially-paid', '2026-12-14'],
      ['paid', '2026-12-16'],
      ['overdue', '2026-12-31'],
      ['paid', '2027-01-04'],
    ]);
  });

  it('reopened after its due date and an answered reminder: overdue at once, a new reminder by the next transfer run, then the agency', async () => {
    // Invoice Tue 25.7.2028 → due Fri 11.8 → eligible Mon 28.8 → reminded by the run of Tue 29.8 (due 12.9), paid 5.9.
    // The bank takes the payment back on Wed 20.9: overdue again; the run of Tue 26.9 sends a new
    // reminder due 10.10; unpaid, to the agency on 11.10.
    await skipTo(server.env, '2028-07-25');
    const invoicing = fakeInvoicing('2028-07-25', { transferCandidates: ['reminded-then-returned'] });
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      invoicing.activities,
      async () => {
        const first = await startLifecycle(server.env, 'reminded-then-returned');
        await runTransfer(server.env, '2028-08-29');
        await eventually(() => first.query(lifecycleStatusQuery), (s) => s.state === 'reminded');
        await skipTo(server.env, '2028-09-05');
        await first.signal(paymentSignal, { paymentId: 'p1', amountCents: 12345, paidOn: '2028-09-05' });
        expect(await ended(first)).toMatchObject({ state: 'paid' });

        await skipTo(server.env, '2028-09-20');
        invoicing.reopen('reminded-then-returned', 'overdue');
        const resumed = await resume('reminded-then-returned', {
          state: 'overdue',
          paidCents: 0,
          creditedCents: 0,
          countedPaymentIds: ['p1', 'p1:reversed'],
          grounds: 'payment p1 taken back by the bank',
        });
        expect(await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.dueDate !== undefined)).toMatchObject({ state: 'overdue', paidCents: 0 });
        await runTransfer(server.env, '2028-09-26');
        const reminded = await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.state !== 'overdue');
        expect(reminded).toMatchObject({ state: 'reminded', reminder: { reminderDueDate: '2028-10-10' } });
        await skipTo(server.env, '2028-10-10');
        expect((await resumed.query(lifecycleStatusQuery)).state).toBe('reminded');
        await skipTo(server.env, '2028-10-11');
        await eventually(() => resumed.query(lifecycleStatusQuery), (s) => s.state === 'at-agency');
      },
      collection.activities,
    );
    // The resumed run records no second "overdue": the reopening did.
    expect(invoicing.changes.map((c) => c.state)).toEqual(['overdue', 'reminded', 'paid', 'reminded', 'at-agency']);
    expect(collection.calls.map((c) => [c.activity, c.on])).toEqual([
      ['sendReminder', '2028-08-29'],
      ['sendReminder', '2028-09-26'],
      ['transferToAgency', '2028-10-11'],
    ]);
  });
});
