import { eventually } from '@clientfees/testing';
import { agencyStatusSignal, paymentPlanUpdate, paymentSignal, lifecycleStatusQuery } from '@clientfees/contracts';
import { fakeCollection, fakeInvoicing, keepHistory, runTransfer as runTransferOn, skipTo, startLifecycle, timeSkippingServerPerTest, withWorkers } from './lifecycle-harness';

// Due 11.8.2028; overdue from 12.8. The plan: 123.45 € in two parts, 15.9 and 15.10.
const INVOICE_DATE = '2028-07-25';
const plan = { instalments: 2, firstDueDate: '2028-09-15', actor: 'officer-1', role: 'client-fee-officer' };

describe('payment plans on the time-skipping server', () => {
  const server = timeSkippingServerPerTest(INVOICE_DATE);

  const start = (id: string) => startLifecycle(server.env, id);
  const runTransfer = (runDate: string) => runTransferOn(server.env, runDate);

  it('a kept plan settles the invoice, and no transfer run takes it meanwhile', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE, { transferCandidates: ['kept'] }).activities,
      async () => {
        const handle = await start('kept');
        await skipTo(server.env, '2028-08-14');
        const planned = await handle.executeUpdate(paymentPlanUpdate, { args: [plan] });
        expect(planned).toMatchObject({
          state: 'in-payment-plan',
          paymentPlan: { instalments: [{ number: 1, dueDate: '2028-09-15', amountCents: 6173 }, { number: 2, dueDate: '2028-10-15', amountCents: 6172 }] },
        });
        await expect(handle.executeUpdate(paymentPlanUpdate, { args: [plan] })).rejects.toThrow();
        await runTransfer('2028-08-29');
        await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 6173, paidOn: '2028-09-14' });
        await skipTo(server.env, '2028-10-01');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('in-payment-plan');
        await handle.signal(paymentSignal, { paymentId: 'p2', amountCents: 6172, paidOn: '2028-10-10' });
        expect(await handle.result()).toMatchObject({ state: 'paid', paidCents: 12345 });
        keepHistory(server.env, handle.workflowId, 'invoice-lifecycle-v4-payment-plan-kept');
      },
      collection.activities,
    );
    expect(collection.calls).toEqual([]);
  });

  it('a missed instalment breaks the plan and the rest goes to the next transfer run', async () => {
    const invoicing = fakeInvoicing(INVOICE_DATE, { transferCandidates: ['broken'] });
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      invoicing.activities,
      async () => {
        const handle = await start('broken');
        await skipTo(server.env, '2028-08-14');
        await handle.executeUpdate(paymentPlanUpdate, { args: [plan] });
        await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 6173, paidOn: '2028-09-10' });
        await skipTo(server.env, '2028-10-15');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('in-payment-plan');
        await skipTo(server.env, '2028-10-16');
        const broken = await handle.query(lifecycleStatusQuery);
        expect(broken.state).toBe('overdue');
        expect(broken.paymentPlan).toBeUndefined();
        await runTransfer('2028-10-17');
        expect((await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.state !== 'overdue')).state).toBe('reminded');
      },
      collection.activities,
    );
    expect(invoicing.changes.map((c) => [c.state, c.transferEligibleDate])).toEqual([
      ['overdue', undefined],
      ['in-payment-plan', undefined],
      ['overdue', '2028-10-16'],
      ['reminded', undefined],
    ]);
    expect(collection.calls.map((c) => [c.activity, c.on])).toEqual([['sendReminder', '2028-10-17']]);
  });

  it('refuses a plan from a caseworker and a plan of one instalment', async () => {
    await withWorkers(server.env, fakeInvoicing(INVOICE_DATE).activities, async () => {
      const handle = await start('refused');
      await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.dueDate !== undefined);
      await expect(handle.executeUpdate(paymentPlanUpdate, { args: [{ ...plan, role: 'caseworker' }] })).rejects.toMatchObject({
        cause: expect.objectContaining({ message: 'role caseworker may not make payment plans' }),
      });
      await expect(handle.executeUpdate(paymentPlanUpdate, { args: [{ ...plan, instalments: 1 }] })).rejects.toMatchObject({
        cause: expect.objectContaining({ message: expect.stringMatching(/count/) }),
      });
    });
  });

  it('a plan for an invoice at the agency is handed to the agency, which reports when it is paid', async () => {
    const collection = fakeCollection();
    await withWorkers(
      server.env,
      fakeInvoicing(INVOICE_DATE, { transferCandidates: ['agency-plan'] }).activities,
      async () => {
        const handle = await start('agency-plan');
        await runTransfer('2028-08-29');
        await skipTo(server.env, '2028-09-13');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('at-agency');
        const planned = await handle.executeUpdate(paymentPlanUpdate, { args: [{ ...plan, firstDueDate: '2028-10-15' }] });
        expect(planned.state).toBe('in-payment-plan');
        await skipTo(server.env, '2028-12-01');
        expect((await handle.query(lifecycleStatusQuery)).state).toBe('in-payment-plan');
        await handle.signal(agencyStatusSignal, { reportId: 'r1', status: 'paid', amountCents: 12345, reportedOn: '2028-12-01' });
        expect(await handle.result()).toMatchObject({ state: 'paid' });
      },
      collection.activities,
    );
    expect(collection.calls.map((c) => [c.activity, c.detail])).toEqual([
      ['sendReminder', '2028-08-29→2028-09-12'],
      ['transferToAgency', '2028-09-13'],
      ['tellAgencyOfPaymentPlan', '2 instalments'],
    ]);
  });
});
