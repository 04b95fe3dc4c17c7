import { feeReductionSignal, invoiceIdOfLifecycle, paymentSignal } from '@clientfees/contracts';
import { SignalOutbox, type Tx } from '@clientfees/platform';
import { findInvoice } from './invoice.queries';

/**
 * "Not found" for a lifecycle means it has ended, unless its invoice was stored while Temporal
 * was away, or a bank's reversal reopened it, and the lifecycle starter has not started its run
 * yet: then the signal waits for that run.
 */
async function lifecycleHasEnded(tx: Tx, workflowId: string): Promise<boolean> {
  const invoiceId = invoiceIdOfLifecycle(workflowId);
  return invoiceId === undefined || (await findInvoice(tx, invoiceId))?.lifecycleStarted === true;
}

/** The invoicing service's signal outbox (ADR 0008): payments and § 11 decisions to invoice lifecycles. */
export const LIFECYCLE_OUTBOX = SignalOutbox.register({ signals: [paymentSignal, feeReductionSignal], hasEnded: lifecycleHasEnded });
