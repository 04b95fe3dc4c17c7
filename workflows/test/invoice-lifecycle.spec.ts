import { TestWorkflowEnvironment } from '@temporalio/testing';
import { localDateInZone } from '@clientfees/domain';
import { SearchAttributes, TaskQueues, invoiceLifecycleWorkflowId, paymentSignal, lifecycleStatusQuery } from '@clientfees/contracts';
import { eventually, startTimeSkippingServer } from '@clientfees/testing';
import { invoiceLifecycle } from '../src/workflows/invoice-lifecycle';
import { fakeInvoicing, keepHistory, lifecycleInput as input, skipTo as skipToOn, withWorkers as withWorkersOn, ZONE } from './lifecycle-harness';

describe('invoiceLifecycle on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeEach(async () => {
    env = await startTimeSkippingServer();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const skipTo = (date: string) => skipToOn(env, date);
  const withWorkers = <T>(activities: Parameters<typeof withWorkersOn>[1], body: () => Promise<T>) => withWorkersOn(env, activities, body);

  it('becomes overdue the day after a due date that Easter pushed out, and paid when the money arrives', async () => {
    // 10.3.2027 + 14 days = Wed 24.3; banking days 25.3, (Good Friday 26.3, weekend, Easter Monday 29.3) 30.3, 31.3.
    await skipTo('2027-03-10');
    const { activities, changes } = fakeInvoicing('2027-03-10');
    await withWorkers(activities, async () => {
      const handle = await env.client.workflow.start(invoiceLifecycle, {
        workflowId: invoiceLifecycleWorkflowId('easter'),
        taskQueue: TaskQueues.workflows,
        args: [input('easter')],
      });
      await skipTo('2027-03-31');
      expect(await handle.query(lifecycleStatusQuery)).toMatchObject({ state: 'issued', dueDate: '2027-03-31' });
      await skipTo('2027-04-01');
      expect(await handle.query(lifecycleStatusQuery)).toMatchObject({ state: 'overdue' });

      await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 12345, paidOn: '2027-04-01' });
      expect(await handle.result()).toMatchObject({ state: 'paid', paidCents: 12345 });

      const description = await handle.describe();
      expect(description.typedSearchAttributes.get(SearchAttributes.invoiceState)).toBe('paid');
      expect(description.typedSearchAttributes.get(SearchAttributes.dueDate)?.toISOString()).toBe('2027-03-31T00:00:00.000Z');
      keepHistory(env, handle.workflowId, 'invoice-lifecycle-v1-overdue-then-paid');
    });
    expect(changes.map((c) => c.state)).toEqual(['overdue', 'paid']);
    // The overdue step happens at the first moment of 1 April in Helsinki, not a day early or late.
    expect(localDateInZone(Date.parse(changes[0].at), ZONE)).toBe('2027-04-01');
  });

  it('is partially paid, then paid, without ever being overdue; a repeated payment counts once', async () => {
    // Christmas 2026: 10.12 + 14 = Thu 24.12 (Christmas Eve); banking days 28.12, 29.12, 30.12.
    await skipTo('2026-12-10');
    const { activities, changes } = fakeInvoicing('2026-12-10');
    await withWorkers(activities, async () => {
      const handle = await env.client.workflow.start(invoiceLifecycle, {
        workflowId: invoiceLifecycleWorkflowId('christmas'),
        taskQueue: TaskQueues.workflows,
        args: [input('christmas')],
      });
      await skipTo('2026-12-29');
      await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 10000, paidOn: '2026-12-29' });
      await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 10000, paidOn: '2026-12-29' });
      const partly = await eventually(() => handle.query(lifecycleStatusQuery), (s) => s.state !== 'issued');
      expect(partly).toMatchObject({ state: 'partially-paid', dueDate: '2026-12-30', paidCents: 10000 });
      await handle.signal(paymentSignal, { paymentId: 'p2', amountCents: 2345, paidOn: '2026-12-30' });
      expect(await handle.result()).toMatchObject({ state: 'paid', paidCents: 12345 });
      keepHistory(env, handle.workflowId, 'invoice-lifecycle-v5-partially-paid-then-paid');
    });
    expect(changes.map((c) => c.state)).toEqual(['partially-paid', 'paid']);
  });
});
