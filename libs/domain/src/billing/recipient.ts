import type { BillingSettingsSnapshot, PostalAddress, RecipientKind } from './types';

type RecipientSettings = Pick<BillingSettingsSnapshot, 'recipient' | 'residenceAddress'>;

/** An invoice's recipient as it is printed on the invoice. */
export interface InvoiceRecipientAddress extends PostalAddress {
  readonly kind: RecipientKind;
  readonly name: string;
}

/**
 * Where an invoice goes: the recipient's own address if the settings give one; otherwise the
 * client's own invoices go to the residence address. Null when there is none — a guardian
 * without an address, or a client whose address a security ban keeps out of invoicing.
 */
export function invoiceAddressOf(settings: RecipientSettings): PostalAddress | null {
  return settings.recipient.address ?? (settings.recipient.kind === 'client' ? settings.residenceAddress : null);
}

/** The invoice's recipient: its kind, its name (the client's own when the settings name nobody) and its address; null without an address. */
export function invoiceRecipientOf(settings: RecipientSettings, clientName: string): InvoiceRecipientAddress | null {
  const address = invoiceAddressOf(settings);
  if (!address) return null;
  return {
    kind: settings.recipient.kind,
    name: settings.recipient.name ?? clientName,
    streetAddress: address.streetAddress,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
  };
}
