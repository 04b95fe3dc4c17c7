import type { InvoiceState } from '@clientfees/contracts';

/**
 * States in which an invoice's lifecycle has ended and counts no more money. Queries get the set
 * as a parameter; the invoice state model in libs/domain is to hold it (issue 9, the lifecycle
 * part), and this list then goes.
 */
export const CLOSED_INVOICE_STATES: readonly InvoiceState[] = ['paid', 'credited', 'waived', 'written-off'];
