import { invoiceLifecycleWorkflowId, paymentSignal, type PaymentSignal } from '@clientfees/contracts';
import type { OutboxMessage } from '@clientfees/platform';

/** The outbox key of an allocation's payment signal: one signal per allocation. */
export const paymentDeliveryKey = (allocationId: string): string => `payment-allocation:${allocationId}`;

/**
 * The `payment` signal that tells an invoice's lifecycle of the money allocated to it. It is
 * written to the service's signal outbox in the allocation's own transaction (ADR 0008), so a
 * signal lost to a Temporal outage or a crash is only late; the lifecycle counts a payment id once.
 */
export function paymentDelivery(
  allocation: { id: string; invoiceId: string; amountCents: number },
  payment: { id: string; paidOn: string },
): OutboxMessage<[PaymentSignal]> {
  return {
    key: paymentDeliveryKey(allocation.id),
    workflowId: invoiceLifecycleWorkflowId(allocation.invoiceId),
    signal: paymentSignal,
    args: [{ paymentId: payment.id, amountCents: allocation.amountCents, paidOn: payment.paidOn }],
  };
}
