import { proxyActivities } from '@temporalio/workflow';
import { DebtFollowupActivities, DebtInvoicingActivities, TaskQueues, VoucherDeathActivities } from '@clientfees/contracts';

/** The debt-followup service's own activities: its tables, inbox and documents. */
export const debt = proxyActivities<DebtFollowupActivities>({
  taskQueue: TaskQueues.debtFollowup,
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** What debt follow-up asks of invoicing: debt list, ledger, billing stop, estate recipient, write-off. */
export const invoicing = proxyActivities<DebtInvoicingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Provider settlement closes the deceased client's service vouchers. Until a provider-settlement
 * worker polls its queue the task waits there, so the estate goes on beside it.
 */
export const vouchers = proxyActivities<VoucherDeathActivities>({
  taskQueue: TaskQueues.providerSettlement,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/** Refuses an update: `state` is a conflict with where the process is (409), otherwise a rule (422). */
export { DebtFollowupFailures } from '@clientfees/contracts';
