import { AgencyStatusSignal, agencyStatusSignal, paymentSignal, recallUpdate, lifecycleStatusQuery } from '@clientfees/contracts';
import { eventually } from '@clientfees/testing';
import { fakeCollection, fakeInvoicing, keepHistory, runTransfer, skipTo, startLifecycle, timeSkippingServerPerTest, withWorkers } from './lifecycle-harness';

/**
 * The seed example (seed 000) on its own weekdays: 25.7.2017 and 25.7.2028 are both Tuesdays
 * and August has no holidays, so the 2028 dates are the seed's: invoice Tue 25.7 → due Fri 11.8
 * → eligible Mon 28.8 → Tuesday transfer run 29.8 (reminder sent) → reminder due 12.9.
 */
const INVOICE_DATE = '2028-07-25';

describe('collection on the time-skipping server: reminder, agency, recall', () => {
  const server = timeSkippingServerPerTest(INVOICE_DATE);

  const start = (id: string) => startLifecycle(server.env, id);
  const transferRun = (runDate: string) => runTransfer(server.env, runDate);

  const report = (reportId: string, status: AgencyStatusSignal['status'], amountCents?: number): AgencyStatusSignal => ({
    reportId,
    status,
    amountCents,
    reportedOn: '2028-10-01',
  });

  it('walks the seed example: overdue 12.8, not taken by the run of 22.8, reminded 29.8, to the agency 13.9, paid through the agency', async () => {
    const invoicing = fakeInvoicing(INVOICE_DATE, { transferCandidates: ['seed'] });
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      invoicing.activities,
      async () => {
        const handle = await start('seed');
        await skipTo(server.env, '2028-08-11');
        expect(await handle.query(lifecycleStatusQuery)).toMatchObject({ state: 'issued', dueDate: '2028-08-11' });
        await skipTo(server.env, '2028-08-12');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('overdue');

        await transferRun('2028-08-22'); // only 11 days overdue: the invoice stays put
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('overdue');

        await transferRun('2028-08-29');
        const reminded = await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.state !== 'overdue');
        expect(reminded).toMatchObject({ state: 'reminded', reminder: { reminderDueDate: '2028-09-12', feeCents: 210 } });
        await transferRun('2028-09-05'); // a later run finds it already reminded
        await skipTo(server.env, '2028-09-12');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('reminded');
        await skipTo(server.env, '2028-09-13');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('at-agency');

        await handle.signal(agencyStatusSignal, report('r1', 'payment-plan'));
        await handle.signal(agencyStatusSignal, report('r1', 'payment-plan'));
        await skipTo(server.env, '2028-10-02');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('in-payment-plan');
        await handle.signal(agencyStatusSignal, report('r2', 'paid', 12345));
        expect(await handle.result()).toMatchObject({ state: 'paid', paidCents: 12345 });
        keepHistory(server.env, handle.workflowId, 'invoice-lifecycle-v3-seed-reminder-agency-paid');
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => [c.activity, c.on, c.detail])).toEqual([
      ['sendReminder', '2028-08-29', '2028-08-29→2028-09-12'],
      ['transferToAgency', '2028-09-13', '2028-09-13'],
    ]);
    expect(invoicing.changes.map((c) => c.state)).toEqual(['overdue', 'reminded', 'at-agency', 'in-payment-plan', 'paid']);
  });

  it('stops at the reminder when the client pays before its due date', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE, { transferCandidates: ['pays-reminder'] }).activities,
      async () => {
        const handle = await start('pays-reminder');
        await transferRun('2028-08-29');
        expect((await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.state !== 'overdue')).state).toBe('reminded');
        await skipTo(server.env, '2028-09-05');
        await handle.signal(paymentSignal, { paymentId: 'bank-1', amountCents: 12345, paidOn: '2028-09-05' });
        expect(await handle.result()).toMatchObject({ state: 'paid' });
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => c.activity)).toEqual(['sendReminder']);
  });

  it('recalls a transfer made in error: the agency is told, no costs, and the invoice stays payable', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE, { transferCandidates: ['recall'] }).activities,
      async () => {
        const handle = await start('recall');
        await expect(handle.executeUpdate(recallUpdate, { args: [{ reason: 'too early', actor: 'finance-1' }] })).rejects.toThrow();
        await transferRun('2028-08-29');
        await skipTo(server.env, '2028-09-13');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('at-agency');
        const recalled = await handle.executeUpdate(recallUpdate, { args: [{ reason: 'payment already agreed with the officer', actor: 'finance-1' }] });
        expect(recalled.state).toBe('recalled');
        await handle.signal(paymentSignal, { paymentId: 'bank-2', amountCents: 12345, paidOn: '2028-09-20' });
        expect(await handle.result()).toMatchObject({ state: 'paid' });
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => c.activity)).toEqual(['sendReminder', 'transferToAgency', 'recallFromAgency']);
  });
});
