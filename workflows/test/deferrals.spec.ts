import { WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  DeferralCommand,
  decideDeferralApprovalUpdate,
  deferDueDateUpdate,
  requestDeferralApprovalUpdate,
  lifecycleStatusQuery,
  paymentSignal,
} from '@clientfees/contracts';
import { eventually } from '@clientfees/testing';
import { invoiceLifecycle } from '../src/workflows/invoice-lifecycle';
import { fakeInvoicing, keepHistory, skipTo, startLifecycle, timeSkippingServerPerTest, withWorkers } from './lifecycle-harness';

// Invoice 11.1.2027 (Mon) + 14 days = Mon 25.1; banking days 26, 27, 28.1 → due Thu 28.1.2027.
const INVOICE_DATE = '2027-01-11';
const DUE = '2027-01-28';

const officer = (requestedDueDate: string): DeferralCommand => ({ requestedDueDate, reason: 'awaiting a benefit decision', actor: 'officer-1', role: 'client-fee-officer' });
const supervisor = (requestedDueDate: string): DeferralCommand => ({ ...officer(requestedDueDate), actor: 'supervisor-1', role: 'billing-supervisor' });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return String((error as WorkflowUpdateFailedError).cause?.message);
  }
  throw new Error('expected the update to be refused');
}

describe('deferral of the due date, by role, on the time-skipping server', () => {
  const server = timeSkippingServerPerTest(INVOICE_DATE);

  async function start(id: string): Promise<WorkflowHandle<typeof invoiceLifecycle>> {
    const handle = await startLifecycle(server.env, id);
    // The due date is set by the first activity; wait until the workflow knows it.
    await eventually(() => handle.query(lifecycleStatusQuery), (status) => status.dueDate !== undefined);
    return handle;
  }

  it('grants an officer 3 months; the invoice turns overdue only after the new due date', async () => {
    const fake = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, fake.activities, async () => {
      const handle = await start('officer-3');
      expect(await handle.executeUpdate(deferDueDateUpdate, { args: [officer('2027-04-28')] })).toEqual({ outcome: 'granted', dueDate: '2027-04-28' });
      await skipTo(server.env, '2027-04-28');
      expect(await handle.query(lifecycleStatusQuery)).toMatchObject({ state: 'deferred', dueDate: '2027-04-28', originalDueDate: DUE });
      await skipTo(server.env, '2027-04-29');
      expect((await handle.query(lifecycleStatusQuery)).state).toBe('overdue');
      await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 12345, paidOn: '2027-04-29' });
      await handle.result();
      keepHistory(server.env, handle.workflowId, 'invoice-lifecycle-v2-officer-deferral-then-overdue');
    });
    expect(fake.changes.map((c) => [c.state, c.actor])).toEqual([
      ['deferred', 'officer-1'],
      ['overdue', 'system:invoiceLifecycle'],
      ['paid', 'system:invoiceLifecycle'],
    ]);
  });

  it('refuses an officer 4 months, saying whose limit it is, and records nothing', async () => {
    const fake = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, fake.activities, async () => {
      const handle = await start('officer-4');
      const reason = await refusal(handle.executeUpdate(deferDueDateUpdate, { args: [officer('2027-05-28')] }));
      expect(reason).toMatch(/beyond the client-fee officer's limit of 3 months/);
      expect(reason).toMatch(/billing supervisor's approval/);
      expect((await handle.query(lifecycleStatusQuery)).dueDate).toBe(DUE);
    });
    expect(fake.changes).toEqual([]);
  });

  it('waits for the supervisor on a 12-month request, reminds them after 3 banking days, and applies the approval', async () => {
    const fake = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, fake.activities, async () => {
      const handle = await start('supervisor-12');
      // Requested on Mon 11.1.2027 → reminder at the start of the 3rd banking day after: Thu 14.1.
      const pending = await handle.executeUpdate(requestDeferralApprovalUpdate, { args: [officer('2028-01-28')] });
      expect(pending).toMatchObject({ requestedDueDate: '2028-01-28', requestedBy: 'officer-1' });

      const outsider = await refusal(
        handle.executeUpdate(decideDeferralApprovalUpdate, { args: [{ approve: true, note: '', actor: 'officer-2', role: 'client-fee-officer' }] }),
      );
      expect(outsider).toMatch(/only the billing supervisor/);

      await skipTo(server.env, '2027-01-13');
      expect(fake.reminders).toEqual([]);
      await skipTo(server.env, '2027-01-14');
      expect(fake.reminders).toEqual(['2027-01-14']);

      const approved = await handle.executeUpdate(decideDeferralApprovalUpdate, {
        args: [{ approve: true, note: 'documented income drop', actor: 'supervisor-1', role: 'billing-supervisor' }],
      });
      expect(approved).toEqual({ outcome: 'granted', dueDate: '2028-01-28' });
      await skipTo(server.env, '2027-06-01');
      expect(await handle.query(lifecycleStatusQuery)).toMatchObject({ state: 'deferred', dueDate: '2028-01-28' });
      expect((await handle.query(lifecycleStatusQuery)).pendingDeferral).toBeUndefined();
      await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 12345, paidOn: '2027-06-01' });
      await handle.result();
      keepHistory(server.env, handle.workflowId, 'invoice-lifecycle-v2-supervisor-approved-deferral');
    });
    expect(fake.closed).toEqual([{ approvalId: 'approval-1', outcome: 'approved' }]);
  });

  it('lets the supervisor defer 12 months directly but refuses 13 months to anyone', async () => {
    const fake = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, fake.activities, async () => {
      const handle = await start('supervisor-13');
      const reason = await refusal(handle.executeUpdate(deferDueDateUpdate, { args: [supervisor('2028-02-28')] }));
      expect(reason).toMatch(/beyond the billing supervisor's limit of 12 months \(at the latest 2028-01-28\)/);
      expect(await handle.executeUpdate(deferDueDateUpdate, { args: [supervisor('2028-01-28')] })).toEqual({ outcome: 'granted', dueDate: '2028-01-28' });
    });
  });

  it('never defers an estate’s invoice through the workflow', async () => {
    const fake = fakeInvoicing(INVOICE_DATE, { isEstate: true });
    await withWorkers(server.env, fake.activities, async () => {
      const handle = await start('estate');
      expect(await refusal(handle.executeUpdate(deferDueDateUpdate, { args: [officer('2027-02-28')] }))).toMatch(/estates are handled manually/);
    });
  });

  it('withdraws a waiting approval when the invoice is paid', async () => {
    const fake = fakeInvoicing(INVOICE_DATE);
    await withWorkers(server.env, fake.activities, async () => {
      const handle = await start('paid-while-waiting');
      await handle.executeUpdate(requestDeferralApprovalUpdate, { args: [officer('2027-08-28')] });
      await handle.signal(paymentSignal, { paymentId: 'p1', amountCents: 12345, paidOn: INVOICE_DATE });
      expect(await handle.result()).toMatchObject({ state: 'paid' });
      await expect(handle.executeUpdate(deferDueDateUpdate, { args: [officer('2027-02-28')] })).rejects.toThrow();
    });
    expect(fake.closed).toEqual([{ approvalId: 'approval-1', outcome: 'withdrawn' }]);
  });
});
