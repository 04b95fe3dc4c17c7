import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  approveUpdate,
  BILLING_APPROVER_ROLES,
  BillingActivities,
  BillingApproval,
  BillingCancellation,
  BillingRunCounts,
  BillingRunInput,
  BillingRunResult,
  BillingRunState,
  BillingRunStatus,
  billingRunStatusQuery,
  BillingRunWorkflow,
  cancelUpdate,
  recalculateUpdate,
  TaskQueues,
  WorkflowFunctionOf,
} from '@clientfees/contracts';
import { refuse } from './refuse';

/**
 * A batch takes seconds; if the invoicing worker dies under it, the attempt is given up after a
 * minute and retried elsewhere. Each attempt is a transaction, so a lost one left nothing behind.
 */
const billing = proxyActivities<BillingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/** Starting a batch's lifecycles reports progress, so a lost worker is noticed within seconds. */
const lifecycleStarts = proxyActivities<Pick<BillingActivities, 'startBillingLifecycles'>>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/** Batches in flight at once: enough to keep Postgres and the invoicing worker busy, not more. */
const PARALLEL_BATCHES = 4;

/** Runs `work` for batches 0..count-1, at most PARALLEL_BATCHES at a time. */
async function forEachBatch(count: number, work: (batch: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const batch = next++;
      await work(batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, count) }, lane));
}

/**
 * The billing run of one organisation, period and selection (seed 002 p.26-38):
 *
 *   select ─► calculate every client in batches (a couple together; red → yellow)
 *          ─► error list ─ fix, recalculate one client or the selection ─┐
 *          ◄──────────────────────────────────────────────────────────────┘
 *          ─► journal reviewed ─► approve (refused while anyone is uncalculated or in error;
 *             the billing team is reminded every few banking days until someone decides)
 *          ─► period locked (green) ─► invoices created ─► their lifecycles started
 *
 * Invoices are made batch by batch; the period lock taken with each invoice makes a retried or
 * resumed batch skip what it already made, so no client is invoiced twice for a period.
 */
export async function billingRun(input: BillingRunInput): Promise<BillingRunResult> {
  // Handlers are set before the first activity, so a query or decision never finds them missing.
  let runId = input.runId ?? '';
  let batches = 0;
  let state: BillingRunState = 'selecting';
  let counts: BillingRunCounts = { total: 0, notCalculated: 0, calculated: 0, error: 0 };
  let busy = 0;
  let approval: BillingApproval | undefined;
  let cancellation: BillingCancellation | undefined;
  const status = (): BillingRunStatus => ({ runId, state, counts, busy: busy > 0 });

  setHandler(billingRunStatusQuery, status);

  const calculateAll = async () => {
    await forEachBatch(batches, (batch) => billing.calculateBillingBatch(runId, batch));
    counts = await billing.countBillingRun(runId);
  };

  setHandler(
    recalculateUpdate,
    async (command) => {
      busy++;
      try {
        if (command.clientId) {
          await billing.recalculateBillingClient(runId, command.clientId);
          counts = await billing.countBillingRun(runId);
        } else {
          batches = await billing.reselectBillingClients(runId);
          await calculateAll();
        }
      } finally {
        busy--;
      }
      return status();
    },
    { validator: (_command) => requireAwaitingApproval(state) },
  );

  setHandler(
    approveUpdate,
    (command) => {
      approval = command;
      return status();
    },
    {
      validator: (command) => {
        requireAwaitingApproval(state);
        if (!(BILLING_APPROVER_ROLES as readonly string[]).includes(command.role)) {
          refuse('role', `the ${command.role} role may not approve a billing run; the billing team (${BILLING_APPROVER_ROLES.join(', ')}) approves`);
        }
        if (busy > 0) refuse('state', 'a recalculation is still running; approve when it has finished');
        if (counts.error > 0 || counts.notCalculated > 0) {
          refuse('state', `${counts.error} client(s) in error and ${counts.notCalculated} not calculated: fix and recalculate them first`);
        }
      },
    },
  );

  setHandler(
    cancelUpdate,
    (command) => {
      cancellation = command;
      return status();
    },
    { validator: (_command) => requireAwaitingApproval(state) },
  );

  const opened = await billing.openBillingRun(input);
  runId = opened.runId;
  batches = opened.batches;
  if (opened.empty) {
    state = 'completed';
    await billing.setBillingRunState(runId, state);
    return { runId, state, invoices: 0 };
  }
  state = 'calculating';
  await billing.setBillingRunState(runId, state);
  await calculateAll();
  state = 'awaiting-approval';
  await billing.setBillingRunState(runId, state);

  const decided = () => (approval !== undefined || cancellation !== undefined) && busy === 0;
  while (!decided()) {
    // Invoices should not wait for a forgotten approval: remind the billing team every few banking days.
    const remindAt = await billing.billingApprovalReminderAt(runId);
    if (await condition(decided, Math.max(1, remindAt - Date.now()))) break;
    await billing.remindBillingApprover(runId);
  }
  if (cancellation) {
    state = 'cancelled';
    await billing.setBillingRunState(runId, state, cancellation.actor);
    return { runId, state, invoices: 0 };
  }

  state = 'approved';
  await billing.setBillingRunState(runId, state, approval?.actor);
  state = 'invoicing';
  await billing.setBillingRunState(runId, state);
  let invoices = 0;
  await forEachBatch(batches, async (batch) => {
    // Not `invoices += await …`: that reads the sum before the await and loses the other lanes' counts.
    const made = await billing.createBillingInvoices(runId, batch);
    invoices += made;
  });
  await forEachBatch(batches, (batch) => lifecycleStarts.startBillingLifecycles(runId, batch));
  state = 'completed';
  await billing.setBillingRunState(runId, state);
  return { runId, state, invoices };
}

function requireAwaitingApproval(state: BillingRunState): void {
  if (state !== 'awaiting-approval') refuse('state', `the run is ${state}; only a run awaiting approval can be recalculated, approved or cancelled`);
}

billingRun satisfies WorkflowFunctionOf<typeof BillingRunWorkflow>;
