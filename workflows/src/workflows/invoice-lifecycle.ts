import { condition, defineQuery, defineSignal, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  InvoiceLifecycleInput,
  InvoiceLifecycleStatus,
  InvoiceState,
  InvoicingActivities,
  PaymentSignal,
  SearchAttributes,
  TaskQueues,
} from '@clientfees/contracts';

export const paymentSignal = defineSignal<[PaymentSignal]>('payment');
export const statusQuery = defineQuery<InvoiceLifecycleStatus>('status');

const invoicing = proxyActivities<InvoicingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The life of one invoice (laskun elinkaari), seed 000:
 * issued → (due date: invoice date + 14 days + 3 banking days) → paid, or overdue → paid.
 * Reminders, transfer to collection, deferrals and payment plans extend this chart.
 */
export async function invoiceLifecycle(input: InvoiceLifecycleInput): Promise<InvoiceLifecycleStatus> {
  const status: InvoiceLifecycleStatus = { state: 'issued', paidCents: 0, totalCents: input.totalCents };
  const seenPayments = new Set<string>();
  const paidInFull = () => status.paidCents >= input.totalCents;

  setHandler(paymentSignal, (payment) => {
    if (seenPayments.has(payment.paymentId)) return;
    seenPayments.add(payment.paymentId);
    status.paidCents += payment.amountCents;
  });
  setHandler(statusQuery, () => ({ ...status }));

  const moveTo = async (next: InvoiceState, reason: string) => {
    status.state = next;
    upsertSearchAttributes([{ key: SearchAttributes.invoiceState, value: next }]);
    await invoicing.recordInvoiceState({ invoiceId: input.invoiceId, state: next, reason, actor: 'system:invoiceLifecycle' });
  };

  const due = await invoicing.setInvoiceDueDate(input.invoiceId);
  status.dueDate = due.dueDate;
  // The calendar due date as midnight UTC: the Temporal UI then shows the date itself.
  upsertSearchAttributes([{ key: SearchAttributes.dueDate, value: new Date(`${due.dueDate}T00:00:00Z`) }]);

  const paidByDueDate = await condition(paidInFull, Math.max(1, due.dueDateEndsAtMs - Date.now()));
  if (!paidByDueDate) {
    await moveTo('overdue', `not paid in full by the due date ${due.dueDate}`);
    await condition(paidInFull);
  }
  await moveTo('paid', 'paid in full');
  return { ...status };
}
