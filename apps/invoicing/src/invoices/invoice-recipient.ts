import type { RecipientKind } from '@clientfees/domain';

/**
 * Who receives the invoice (laskun saaja / fakturamottagare): the client, or a guardian, trustee
 * or relative acting for them, or the estate of a deceased client (seed 002, p.7-8).
 */
export const RECIPIENT_KINDS: readonly RecipientKind[] = ['client', 'guardian', 'trustee', 'relative', 'estate'];

/** The recipient as the invoice stores it: a snapshot, never rewritten by a later change. */
export interface InvoiceRecipient {
  kind: RecipientKind;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2; defaults to the organisation's country. */
  country: string;
}
