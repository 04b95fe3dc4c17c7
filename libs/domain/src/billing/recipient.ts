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

/**
 * What a view shows in place of a protected address: the street line says so, postcode and city
 * are empty (turvakielto / skyddad identitet).
 */
export const PROTECTED_ADDRESS_MARKER = 'address protected (security ban)';

/** An address as a view, a copy or a letter shows it. */
export interface ShownAddress {
  readonly kind: RecipientKind;
  readonly streetAddress: string;
  readonly postalCode: string;
  readonly city: string;
}

/**
 * A security ban masks the client's own address wherever it is shown, for every role, while the
 * ban is in force — also on invoices made before it, which keep in storage the address they were
 * sent to (the record of what happened). The ban protects the client's address: an invoice to the
 * client is masked; one to a guardian, trustee, relative or estate carries that person's own
 * address and is shown as it is. `addressProtected` tells a reader which it got.
 */
export function shownRecipient<T extends ShownAddress>(recipient: T, clientAddressProtected: boolean): T & { readonly addressProtected: boolean } {
  if (!clientAddressProtected || recipient.kind !== 'client') return { ...recipient, addressProtected: false };
  return { ...recipient, streetAddress: PROTECTED_ADDRESS_MARKER, postalCode: '', city: '', addressProtected: true };
}

/**
 * Billing settings as a view shows them: while the client's ban is in force (the latest version
 * is protected), no version shows the residence address nor an address given for the client as
 * recipient — an earlier version may hold the address the ban protects. Another recipient's own
 * address stays.
 */
export function shownSettings<T extends RecipientSettings & { readonly addressProtected: boolean }>(settings: T, clientAddressProtected: boolean): T {
  if (!clientAddressProtected) return settings;
  const recipient = settings.recipient.kind === 'client' ? { ...settings.recipient, address: null } : settings.recipient;
  return { ...settings, recipient, residenceAddress: null, addressProtected: true };
}
