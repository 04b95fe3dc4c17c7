import type { Country } from '../country';
import { paymentReferencesFor } from '../invoices/payment-reference';

/**
 * The number in the organisation's gapless series (invoices and credit notes share it) that a
 * payer's reference or document number names. References are derived from the number
 * (`paymentReferencesFor`), so a credit note has one too, and a remittance that deducts credit
 * note 12 by its reference or by its number (`RfrdDocInf/Nb`, Handelsbanken pads it with zeros to
 * 20 digits) finds it.
 */
export function seriesNumberOfReference(country: Country, normalisedReference: string): number | null {
  if (!/^1\d{9,10}$/.test(normalisedReference)) return null;
  const number = Number(normalisedReference.slice(1, 9));
  if (number < 1) return null;
  return paymentReferencesFor(country, number).national === normalisedReference ? number : null;
}

/** A referred document's number (`00000000000009580521` → 9580521), if it can be one of ours. */
export function seriesNumberOfDocument(text: string): number | null {
  const digits = text.replace(/\s+/g, '');
  if (!/^\d{1,20}$/.test(digits)) return null;
  const number = Number(digits.replace(/^0+/, '') || '0');
  return number >= 1 && number <= 99_999_999 ? number : null;
}
