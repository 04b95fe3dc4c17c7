import type { Country } from '../country';
import { validateFinnishCreditorReference } from '../identifiers/finnish-creditor-reference';
import { validateRfCreditorReference } from '../identifiers/rf-creditor-reference';
import { validateSwedishOcrReference } from '../identifiers/swedish-ocr-reference';

export type NormalisedReference = { valid: true; value: string } | { valid: false; problem: string };

/**
 * The reference a payment carries, in the form the organisation's invoices store it, so that
 * matching is one exact lookup. Banks and payers vary the form: FI references arrive grouped
 * with spaces or padded with leading zeros (the virtual bank barcode pads them to 20 digits),
 * and SEPA payers send the RF form, whose body is the national reference itself. An RF whose
 * body is not a national reference stays in RF form and can still meet an invoice's
 * international reference.
 *
 * A reference that fails its check digit is refused rather than looked up: a typo that happens
 * to hit another invoice's reference would put the money on the wrong client's invoice.
 *
 * Sources: the Finnish creditor reference (viitenumero) with its 7-3-1 check digit (Finance
 * Finland's reference standard); the virtual bank barcode (virtuaaliviivakoodi), whose version 4
 * carries the reference zero-padded to 20 digits; the RF creditor reference (ISO 11649), "RF" +
 * two check digits + the reference, which for a Finnish reference is the national one; the
 * Swedish OCR reference (OCR-nummer) with its Luhn check digit (Bankgirot's OCR control).
 */
export function normalisePaymentReference(input: string | null | undefined, country: Country): NormalisedReference {
  const text = (input ?? '').replace(/\s+/g, '').toUpperCase();
  if (text === '') return { valid: false, problem: 'the payment carries no reference' };

  if (text.startsWith('RF')) {
    const rf = validateRfCreditorReference(text);
    if (!rf.valid) return { valid: false, problem: `not a valid RF creditor reference: ${rf.reason}` };
    if (country === 'FI') {
      const national = validateFinnishCreditorReference(rf.reference);
      if (national.valid) return { valid: true, value: national.value };
    }
    return { valid: true, value: rf.value };
  }

  if (!/^\d+$/.test(text)) return { valid: false, problem: 'not a creditor reference (digits, or RF and digits)' };
  if (country === 'FI') {
    const national = validateFinnishCreditorReference(text);
    return national.valid ? { valid: true, value: national.value } : { valid: false, problem: `not a valid Finnish creditor reference: ${national.reason}` };
  }
  const ocr = validateSwedishOcrReference(text);
  return ocr.valid ? { valid: true, value: ocr.value } : { valid: false, problem: `not a valid OCR reference: ${ocr.reason}` };
}
