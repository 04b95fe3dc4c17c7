import { continueAsNew, getExternalWorkflowHandle, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import {
  CollectionTransferRunInput,
  CollectionTransferRunWorkflow,
  invoiceLifecycleWorkflowId,
  InvoicingActivities,
  TaskQueues,
  transferRunSignal,
  TransferRunSignal,
  WorkflowFunctionOf,
} from '@clientfees/contracts';

const invoicing = proxyActivities<InvoicingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

const PAGE = 200;

/**
 * A transfer run (siirtoajo, seed 000: weekly on Tuesdays; seed 004: monthly): offers every
 * overdue invoice whose waiting time is over to its lifecycle, which then hands it to the
 * agency's reminder service. Pages of invoices keep the history small; the lifecycle ignores an
 * offer it has already taken, so a repeated or resumed run sends no reminder twice.
 */
export async function collectionTransferRun(input: CollectionTransferRunInput): Promise<{ runDate: string; offered: number }> {
  const runId = input.runId ?? workflowInfo().workflowId;
  const page = await invoicing.listInvoicesForTransferRun({ organisationId: input.organisationId, runDate: input.runDate, after: input.after, limit: PAGE });
  const signal: TransferRunSignal = { runId, runDate: page.runDate };
  await Promise.all(
    page.invoiceIds.map(async (invoiceId) => {
      try {
        await getExternalWorkflowHandle(invoiceLifecycleWorkflowId(invoiceId)).signal(transferRunSignal, signal);
      } catch (error) {
        // Closed meanwhile (paid, credited): nothing to transfer.
        log.info('invoice lifecycle not offered', { invoiceId, error: String(error) });
      }
    }),
  );
  const offered = (input.offered ?? 0) + page.invoiceIds.length;
  if (page.nextAfter) {
    await continueAsNew<typeof collectionTransferRun>({ ...input, runId, runDate: page.runDate, after: page.nextAfter, offered });
  }
  return { runDate: page.runDate, offered };
}

collectionTransferRun satisfies WorkflowFunctionOf<typeof CollectionTransferRunWorkflow>;
