import { invoiceLifecycleWorkflowId, paymentSignal, type PaymentSignal } from '@clientfees/contracts';
import type { OutboxMessage } from '@clientfees/platform';

/** The outbox key of an allocation's payment signal: one signal per allocation. */
export const paymentDeliveryKey = (allocationId: string): string => `payment-allocation:${allocationId}`;

/** The id a reversal's row is signalled under: the lifecycle counts a payment id once, so the taking back is a payment of its own. */
export const reversedPaymentId = (paymentId: string): string => `${paymentId}:reversed`;

/**
 * The `payment` signal that tells an invoice's lifecycle of the money allocated to it. It is
 * written to the service's signal outbox in the allocation's own transaction (ADR 0008), so a
 * signal lost to a Temporal outage or a crash is only late; the lifecycle counts a payment id once.
 * A reversal's row (a negative amount naming the allocation it takes back) is its own signal,
 * `<paymentId>:reversed`, which opens the invoice again by what the bank took back.
 */
export function paymentDelivery(
  allocation: { id: string; invoiceId: string; amountCents: number; reversesAllocationId?: string | null },
  payment: { id: string; paidOn: string },
): OutboxMessage<[PaymentSignal]> {
  const paymentId = allocation.reversesAllocationId ? reversedPaymentId(payment.id) : payment.id;
  return {
    key: paymentDeliveryKey(allocation.id),
    workflowId: invoiceLifecycleWorkflowId(allocation.invoiceId),
    signal: paymentSignal,
    args: [{ paymentId, amountCents: allocation.amountCents, paidOn: payment.paidOn }],
  };
}
