import { proxyActivities } from '@temporalio/workflow';
import { CollectionActivities, InvoicingActivities, TaskQueues } from '@clientfees/contracts';

/** The invoicing service's side: due dates, recorded states, deferrals, credit notes. */
export const invoicing = proxyActivities<InvoicingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** The collection service's side: the agency's reminder service and collection. */
export const collection = proxyActivities<CollectionActivities>({
  taskQueue: TaskQueues.collection,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});
