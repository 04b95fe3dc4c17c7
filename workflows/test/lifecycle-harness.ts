import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { addBankingDays, canTransition, InvoiceState, localDateInZone, startOfDayInZone } from '@clientfees/domain';
import { CollectionActivities, InvoiceLifecycleInput, InvoiceStateChange, InvoicingActivities, invoiceLifecycleWorkflowId, TaskQueues } from '@clientfees/contracts';
import type { WorkflowHandle } from '@temporalio/client';
import { eventually, FAKE_ZONE, fakeCollection, fakeDueDate, fakeInvoiceTerms, keepWorkflowHistory, prebuiltWorkflowBundle, startTimeSkippingServer } from '@clientfees/testing';
import { collectionTransferRun } from '../src/workflows/collection-transfer-run';
import { invoiceLifecycle } from '../src/workflows/invoice-lifecycle';

export const ZONE = FAKE_ZONE;
export { fakeCollection };

export interface RecordedChange extends InvoiceStateChange {
  /** The server's (skipped) time at which the activity was scheduled. */
  at: string;
}

/**
 * The invoicing activities with the real date rules and an in-memory record of what they were
 * asked to do, so the workflow can be walked through real calendars without a database. The
 * invoice's terms and the collection fakes are shared with the benchmark (libs/testing/src/fakes.ts).
 */
export function fakeInvoicing(invoiceDate: string, options: { isEstate?: boolean; transferCandidates?: string[] } = {}) {
  const changes: RecordedChange[] = [];
  const reminders: string[] = [];
  const closed: Array<{ approvalId: string; outcome: string }> = [];
  const credits: number[] = [];
  const now = () => Context.current().info.currentAttemptScheduledTimestampMs;
  let approvals = 0;
  // Every step must be a move of the domain's state model: a step outside it fails the workflow.
  const states = new Map<string, InvoiceState>();
  const record = (change: RecordedChange) => {
    const from = states.get(change.invoiceId) ?? 'issued';
    if (!canTransition(from, change.state) && !canTransition(from, change.state, { agencyPlan: true })) {
      throw ApplicationFailure.nonRetryable(`${from} → ${change.state} is not a move of the invoice state model`, 'OutsideStateModel');
    }
    states.set(change.invoiceId, change.state);
    changes.push(change);
  };
  const activities: InvoicingActivities = {
    async setInvoiceDueDate(invoiceId) {
      return fakeInvoiceTerms(invoiceId, invoiceDate, { isEstate: options.isEstate });
    },
    async recordCreditNote(input) {
      credits.push(input.amountCents);
      return { creditNoteId: `credit-${credits.length}`, creditNoteNumber: 1000 + credits.length };
    },
    async listInvoicesForTransferRun(input) {
      // Offers every lifecycle the test names; the lifecycle itself must refuse one not yet eligible.
      return { runDate: input.runDate ?? localDateInZone(now(), ZONE), invoiceIds: options.transferCandidates ?? [] };
    },
    async recordInvoiceState(change) {
      record({ ...change, at: new Date(now()).toISOString() });
    },
    async applyDeferral(input) {
      record({ invoiceId: input.invoiceId, state: 'deferred', actor: input.actor, reason: input.reason, at: new Date(now()).toISOString() });
      return fakeDueDate(input.dueDate);
    },
    async openDeferralApproval() {
      approvals += 1;
      const remindOn = addBankingDays('FI', localDateInZone(now(), ZONE), 3);
      return { approvalId: `approval-${approvals}`, remindAtMs: startOfDayInZone(remindOn, ZONE) };
    },
    async remindDeferralApprover() {
      reminders.push(localDateInZone(now(), ZONE));
    },
    async closeDeferralApproval(input) {
      closed.push({ approvalId: input.approvalId, outcome: input.outcome });
    },
  };
  /** The invoicing service reopens a paid invoice (a bank took its payment back): outside the lifecycle's moves. */
  const reopen = (invoiceId: string, state: InvoiceState) => states.set(invoiceId, state);
  return { activities, changes, reminders, closed, credits, reopen };
}

export function lifecycleInput(id: string): InvoiceLifecycleInput {
  return { invoiceId: id, organisationId: 'fi-demo', clientNumber: 'C-1', totalCents: 12345, currency: 'EUR' };
}

/** Moves the server clock to 10:00 Helsinki time on the given date. */
export async function skipTo(env: TestWorkflowEnvironment, date: string): Promise<void> {
  const target = startOfDayInZone(date, ZONE) + 10 * 3600_000;
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}

/** Runs the workflow worker and workers with the given invoicing (and collection) activities around `body`. */
export async function withWorkers<T>(
  env: TestWorkflowEnvironment,
  activities: InvoicingActivities,
  body: () => Promise<T>,
  collectionActivities: CollectionActivities = fakeCollection().activities,
): Promise<T> {
  const workflows = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.workflows,
    workflowBundle: prebuiltWorkflowBundle(),
  });
  const invoicing = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.invoicing, activities });
  const collection = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.collection, activities: collectionActivities });
  return workflows.runUntil(invoicing.runUntil(collection.runUntil(body())));
}

/** `RECORD_HISTORIES=1` keeps a finished run's history for the replay test (libs/testing). */
export function keepHistory(env: TestWorkflowEnvironment, workflowId: string, name: string): void {
  keepWorkflowHistory(env.address, workflowId, name);
}

/** Starts an invoice's lifecycle with the harness's input. */
export function startLifecycle(env: TestWorkflowEnvironment, id: string): Promise<WorkflowHandle<typeof invoiceLifecycle>> {
  return env.client.workflow.start(invoiceLifecycle, { workflowId: invoiceLifecycleWorkflowId(id), taskQueue: TaskQueues.workflows, args: [lifecycleInput(id)] });
}

/**
 * Runs a transfer run on the given day. It waits by polling rather than by `result()`, which
 * would let the server skip time to the next timer (years ahead, for an overdue invoice with
 * nothing else pending).
 */
export async function runTransfer(env: TestWorkflowEnvironment, runDate: string): Promise<void> {
  await skipTo(env, runDate);
  const run = await env.client.workflow.start(collectionTransferRun, {
    workflowId: `transfer-run-fi-demo-${runDate}`,
    taskQueue: TaskQueues.workflows,
    args: [{ organisationId: 'fi-demo', runDate }],
  });
  await eventually(async () => (await run.describe()).status.name, (status) => status === 'COMPLETED');
}

/** A fresh time-skipping server for each test of the calling `describe`, its clock moved to `startDate`. */
export function timeSkippingServerPerTest(startDate: string): { readonly env: TestWorkflowEnvironment } {
  const server = {} as { env: TestWorkflowEnvironment };
  beforeEach(async () => {
    server.env = await startTimeSkippingServer();
    await skipTo(server.env, startDate);
  });
  afterEach(async () => {
    await server.env?.teardown();
  });
  return server;
}
