import { proxyActivities } from '@temporalio/workflow';
import { OwnShareInvoicingActivities, ProviderSettlementActivities, TaskQueues } from '@clientfees/contracts';

/** Quick steps: one transaction each; a lost worker's attempt is retried after a minute. */
export const settlementActivities = proxyActivities<ProviderSettlementActivities>({
  taskQueue: TaskQueues.providerSettlement,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

/** A whole organisation's month in one transaction (automatic recording, the settlement itself). */
export const monthActivities = proxyActivities<Pick<ProviderSettlementActivities, 'recordAutomaticEvents' | 'settleVoucherMonth'>>({
  taskQueue: TaskQueues.providerSettlement,
  startToCloseTimeout: '15 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes' },
});

/** Invoicing makes a page of the clients' own-share invoices (numbers, rows, lifecycle starts) per call. */
export const ownShareInvoicing = proxyActivities<OwnShareInvoicingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes' },
});

const HOUR_MS = 3_600_000;

/** Milliseconds until `hour` o'clock on `date` in the organisation's zone (0 when it has passed). */
export function untilLocal(date: string, hour: number, timeZone: string, startOfDayInZone: (date: string, zone: string) => number): number {
  return Math.max(0, startOfDayInZone(date, timeZone) + hour * HOUR_MS - Date.now());
}
