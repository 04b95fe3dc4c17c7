import type { Country } from '../country';
import { DomainValidationError } from '../errors';
import { createFinnishCreditorReference } from '../identifiers/finnish-creditor-reference';
import { createRfCreditorReference } from '../identifiers/rf-creditor-reference';
import { createSwedishOcrReference } from '../identifiers/swedish-ocr-reference';

export interface PaymentReferences {
  /** What the client types or the bank reads: FI viitenumero, SE OCR-nummer. */
  national: string;
  /** FI: the RF creditor reference (ISO 11649) for SEPA payments; SE: none. */
  international: string | null;
}

const MAX_INVOICE_NUMBER = 99_999_999;

/**
 * The payment reference of an invoice, derived from its number in the organisation's gapless
 * series. A leading 1 keeps the base free of leading zeros (banks drop them) and the eight
 * digits keep every reference of a series the same length.
 */
export function paymentReferencesFor(country: Country, invoiceNumber: number): PaymentReferences {
  if (!Number.isSafeInteger(invoiceNumber) || invoiceNumber < 1 || invoiceNumber > MAX_INVOICE_NUMBER) {
    throw new DomainValidationError(`an invoice number is a whole number from 1 to ${MAX_INVOICE_NUMBER}`, 'invoiceNumber');
  }
  const base = `1${String(invoiceNumber).padStart(8, '0')}`;
  if (country === 'FI') {
    const national = createFinnishCreditorReference(base);
    return { national, international: createRfCreditorReference(national) };
  }
  return { national: createSwedishOcrReference(base, { lengthDigit: true }), international: null };
}
