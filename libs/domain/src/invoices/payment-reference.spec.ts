import { validateFinnishCreditorReference } from '../identifiers/finnish-creditor-reference';
import { validateRfCreditorReference } from '../identifiers/rf-creditor-reference';
import { validateSwedishOcrReference } from '../identifiers/swedish-ocr-reference';
import { paymentReferencesFor } from './payment-reference';

describe('paymentReferencesFor', () => {
  it('gives a Finnish invoice a valid creditor reference and its RF form', () => {
    const refs = paymentReferencesFor('FI', 1);
    // Base 100000001: weights 7,3,1 from the right give 1×7 + 1×1 = 8, so the check digit is 2.
    expect(refs.national).toBe('1000000012');
    expect(validateFinnishCreditorReference(refs.national).valid).toBe(true);
    expect(refs.international).toMatch(/^RF\d{2}1000000012$/);
    expect(validateRfCreditorReference(refs.international!).valid).toBe(true);
  });

  it('gives a Swedish invoice a valid OCR reference with a length digit', () => {
    const refs = paymentReferencesFor('SE', 42);
    expect(refs.international).toBeNull();
    expect(refs.national).toHaveLength(11);
    expect(validateSwedishOcrReference(refs.national, { lengthDigit: true }).valid).toBe(true);
  });

  it('gives different invoices different references', () => {
    const seen = new Set(Array.from({ length: 500 }, (_, i) => paymentReferencesFor('FI', i + 1).national));
    expect(seen.size).toBe(500);
  });

  it.each([0, -1, 1.5, 100_000_000])('refuses invoice number %p', (n) => {
    expect(() => paymentReferencesFor('FI', n)).toThrow(/invoiceNumber: an invoice number is a whole number/);
  });
});
