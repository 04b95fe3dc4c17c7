import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { addBankingDays, localDateInZone, startOfDayInZone } from '@clientfees/domain';
import {
  BillingActivities,
  BillingRunInput,
  BillingRunState,
  BillingRunStatus,
  billingRunWorkflowId,
  TaskQueues,
  approveUpdate,
  billingRunStatusQuery,
  cancelUpdate,
  recalculateUpdate,
} from '@clientfees/contracts';
import { eventually, prebuiltWorkflowBundle } from '@clientfees/testing';
import { billingRun } from '../src/workflows/billing-run';
import { keepHistory, skipTo, timeSkippingServerPerTest, ZONE } from './lifecycle-harness';

interface FakeClient {
  id: string;
  batch: number;
  /** In error until the billing team fixes it. */
  broken?: boolean;
}

/**
 * The invoicing side of a billing run in memory: calculation marks clients calculated or in
 * error, invoice creation numbers each client once however often a batch is retried.
 */
function fakeBilling(clients: FakeClient[], options: { failFirstInvoiceAttempt?: boolean; empty?: boolean } = {}) {
  const now = () => Context.current().info.currentAttemptScheduledTimestampMs;
  const status = new Map<string, 'not-calculated' | 'calculated' | 'error'>(clients.map((client) => [client.id, 'not-calculated']));
  const fixed = new Set<string>();
  const invoices = new Map<string, number>();
  const lifecycles = new Set<number>();
  const states: BillingRunState[] = [];
  const reminders: string[] = [];
  let invoiceAttempts = 0;
  const batches = Math.max(...clients.map((client) => client.batch)) + 1;
  const calculate = (client: FakeClient) => status.set(client.id, client.broken && !fixed.has(client.id) ? 'error' : 'calculated');
  const activities: BillingActivities = {
    async openBillingRun(input) {
      return { runId: input.runId ?? 'scheduled', period: '2027-02', batches: options.empty ? 0 : batches, empty: options.empty ?? false };
    },
    async reselectBillingClients() {
      return batches;
    },
    async calculateBillingBatch(_runId, batch) {
      clients.filter((client) => client.batch === batch).forEach(calculate);
    },
    async recalculateBillingClient(_runId, clientId) {
      calculate(clients.find((client) => client.id === clientId)!);
    },
    async countBillingRun() {
      const values = [...status.values()];
      const of = (s: string) => values.filter((value) => value === s).length;
      return { total: values.length, notCalculated: of('not-calculated'), calculated: of('calculated'), error: of('error') };
    },
    async setBillingRunState(_runId, state) {
      states.push(state);
    },
    async createBillingInvoices(_runId, batch) {
      const mine = clients.filter((client) => client.batch === batch);
      for (const client of mine) if (!invoices.has(client.id)) invoices.set(client.id, invoices.size + 1);
      // The activity made its invoices, then the worker died before reporting: Temporal retries it.
      if (options.failFirstInvoiceAttempt && invoiceAttempts++ === 0) throw new Error('worker lost after commit');
      return mine.length;
    },
    async startBillingLifecycles(_runId, batch) {
      const mine = clients.filter((client) => client.batch === batch);
      mine.forEach((client) => lifecycles.add(invoices.get(client.id)!));
      return mine.length;
    },
    async billingApprovalReminderAt() {
      return startOfDayInZone(addBankingDays('FI', localDateInZone(now(), ZONE), 3), ZONE) + 8 * 3600_000;
    },
    async remindBillingApprover() {
      reminders.push(localDateInZone(now(), ZONE));
    },
  };
  return { activities, status, fixed, invoices, lifecycles, states, reminders };
}

async function withBillingWorkers<T>(env: TestWorkflowEnvironment, activities: BillingActivities, body: () => Promise<T>): Promise<T> {
  const workflows = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
  const invoicing = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.invoicing, activities });
  return workflows.runUntil(invoicing.runUntil(body()));
}

const input = (runId = 'run-1'): BillingRunInput => ({ runId, organisationId: 'fi-demo', selectionRuleId: 'selection-1', kind: 'monthly' });

async function awaitingApproval(handle: { query: (q: typeof billingRunStatusQuery) => Promise<BillingRunStatus> }): Promise<BillingRunStatus> {
  return eventually(() => handle.query(billingRunStatusQuery), (status) => status.state === 'awaiting-approval');
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return error.cause?.message ?? '';
    throw error;
  }
  throw new Error('the update was accepted');
}

const CLIENTS: FakeClient[] = [
  { id: 'a', batch: 0 },
  { id: 'b', batch: 0, broken: true },
  { id: 'c', batch: 1 },
  { id: 'd', batch: 2 },
  { id: 'e', batch: 2 },
];

describe('billingRun over Easter 2027', () => {
  // Maundy Thursday: the run is calculated the day before the Easter holidays.
  const server = timeSkippingServerPerTest('2027-03-25');

  it('refuses approval while a client is in error, recalculates the fixed client, reminds the billing team after three banking days and invoices everyone once', async () => {
    const { env } = server;
    const fake = fakeBilling(CLIENTS, { failFirstInvoiceAttempt: true });
    await withBillingWorkers(env, fake.activities, async () => {
      const handle = await env.client.workflow.start(billingRun, { workflowId: billingRunWorkflowId('run-1'), taskQueue: TaskQueues.workflows, args: [input()] });
      const calculated = await awaitingApproval(handle);
      expect(calculated.counts).toEqual({ total: 5, notCalculated: 0, calculated: 4, error: 1 });

      const officer = { actor: 'officer-1', role: 'client-fee-officer' };
      expect(await refusal(handle.executeUpdate(approveUpdate, { args: [officer] }))).toBe('1 client(s) in error and 0 not calculated: fix and recalculate them first');

      fake.fixed.add('b');
      const recalculated = await handle.executeUpdate(recalculateUpdate, { args: [{ clientId: 'b', actor: 'officer-1' }] });
      expect(recalculated.counts.error).toBe(0);
      expect(await refusal(handle.executeUpdate(approveUpdate, { args: [{ actor: 'cw-1', role: 'caseworker' }] }))).toMatch(/^the caseworker role may not approve/);

      // Good Friday, Easter Saturday and Sunday and Easter Monday are no banking days:
      // Thursday + 3 banking days is Thursday 1 April.
      await skipTo(env, '2027-03-31');
      expect(fake.reminders).toEqual([]);
      await skipTo(env, '2027-04-01');
      await eventually(async () => fake.reminders, (reminders) => reminders.length === 1);
      expect(fake.reminders).toEqual(['2027-04-01']);

      await handle.executeUpdate(approveUpdate, { args: [officer] });
      const result = await handle.result();
      expect(result).toEqual({ runId: 'run-1', state: 'completed', invoices: 5 });
      keepHistory(env, billingRunWorkflowId('run-1'), 'billing-run-v1');
    });
    expect([...fake.invoices.values()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(fake.lifecycles.size).toBe(5);
    expect(fake.states).toEqual(['calculating', 'awaiting-approval', 'approved', 'invoicing', 'completed']);
  });

  it('recalculates the whole selection and refuses decisions once the run is decided', async () => {
    const { env } = server;
    const fake = fakeBilling(CLIENTS);
    await withBillingWorkers(env, fake.activities, async () => {
      const handle = await env.client.workflow.start(billingRun, { workflowId: billingRunWorkflowId('run-2'), taskQueue: TaskQueues.workflows, args: [input('run-2')] });
      await awaitingApproval(handle);
      fake.fixed.add('b');
      const all = await handle.executeUpdate(recalculateUpdate, { args: [{ actor: 'officer-1' }] });
      expect(all.counts).toEqual({ total: 5, notCalculated: 0, calculated: 5, error: 0 });

      const cancelled = await handle.executeUpdate(cancelUpdate, { args: [{ actor: 'supervisor-1', reason: 'wrong selection' }] });
      expect(cancelled.state).toBe('awaiting-approval');
      expect(await handle.result()).toEqual({ runId: 'run-2', state: 'cancelled', invoices: 0 });
    });
    expect(fake.invoices.size).toBe(0);
    expect(fake.states.at(-1)).toBe('cancelled');
  });
});

describe('billingRun of a correction Schedule', () => {
  const server = timeSkippingServerPerTest('2027-03-03');

  it('ends at once when nothing needs correcting', async () => {
    const { env } = server;
    const fake = fakeBilling(CLIENTS, { empty: true });
    const result = await withBillingWorkers(env, fake.activities, () =>
      env.client.workflow.execute(billingRun, {
        workflowId: 'correction-run-selection-1',
        taskQueue: TaskQueues.workflows,
        args: [{ organisationId: 'fi-demo', selectionRuleId: 'selection-1', kind: 'correction' }],
      }),
    );
    expect(result).toEqual({ runId: 'scheduled', state: 'completed', invoices: 0 });
    expect(fake.states).toEqual(['completed']);
  });
});
