import type { Currency } from '@clientfees/domain';

/** Invoice states (laskun tila / fakturastatus). Later lifecycle steps add to this list. */
export const INVOICE_STATES = ['issued', 'overdue', 'paid'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

export interface InvoiceLifecycleInput {
  invoiceId: string;
  organisationId: string;
  clientNumber: string;
  totalCents: number;
  currency: Currency;
}

export interface InvoiceDueDate {
  /** Calendar date in the organisation's time zone, YYYY-MM-DD. */
  dueDate: string;
  /** The instant the due date ends (00:00 of the next day in the organisation's time zone). */
  dueDateEndsAtMs: number;
}

export interface InvoiceStateChange {
  invoiceId: string;
  state: InvoiceState;
  reason: string;
  /** Who made the change: a user id, or `system:<workflow>` for automatic steps. */
  actor: string;
}

/** Activities the invoicing service runs on its own task queue. */
export interface InvoicingActivities {
  /** Computes the due date from the organisation's payment terms and stores it on the invoice. */
  setInvoiceDueDate(invoiceId: string): Promise<InvoiceDueDate>;
  /** Stores a state change with its time, actor and reason. Idempotent per (invoice, state). */
  recordInvoiceState(change: InvoiceStateChange): Promise<void>;
}

export interface PaymentSignal {
  /** The bank's or registrar's id for this payment; a repeated id is ignored. */
  paymentId: string;
  amountCents: number;
  paidOn: string;
}

export interface InvoiceLifecycleStatus {
  state: InvoiceState;
  dueDate?: string;
  paidCents: number;
  totalCents: number;
}

export const invoiceLifecycleWorkflowId = (invoiceId: string): string => `invoice-${invoiceId}`;

/** Message patterns that the invoicing service answers over @nestjs/microservices. */
export const InvoicingMessages = {
  getInvoice: 'invoicing.invoice.get',
} as const;
