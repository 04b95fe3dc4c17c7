import { normalisePaymentReference } from './normalise-payment-reference';
import { paymentReferencesFor } from './payment-reference';

describe('normalisePaymentReference', () => {
  it.each([
    ['1000000012', 'FI', '1000000012'],
    // Grouped in fives for print, typed with spaces.
    ['10000 00012', 'FI', '1000000012'],
    // Read from a version 4 virtual bank barcode: the reference right-aligned in 20 digits.
    ['00000000001000000012', 'FI', '1000000012'],
    // ISO 11649: the RF form of a Finnish reference is the national reference behind RF + 2 digits.
    ['RF231000000012', 'FI', '1000000012'],
    ['rf23 1000 0000 12', 'FI', '1000000012'],
    // An RF whose body is not a Finnish reference stays RF, to meet an invoice's international reference.
    ['RF18539007547034', 'FI', 'RF18539007547034'],
    ['10000000116', 'SE', '10000000116'],
    // Sweden has no national form inside RF: the RF reference is kept as it is.
    ['RF231000000012', 'SE', 'RF231000000012'],
  ] as const)('%s (%s) → %s', (input, country, expected) => {
    expect(normalisePaymentReference(input, country)).toEqual({ valid: true, value: expected });
  });

  it.each([
    [null, 'FI', /no reference/],
    [undefined, 'SE', /no reference/],
    ['   ', 'FI', /no reference/],
    // A typo that fails the 7-3-1 check digit is refused, never looked up.
    ['1000000013', 'FI', /Finnish creditor reference.*check digit/],
    ['RF241000000012', 'FI', /RF creditor reference.*check digits/],
    ['invoice 12', 'FI', /not a creditor reference/],
    ['12-34', 'SE', /not a creditor reference/],
    // The Luhn digit of an OCR reference.
    ['10000000117', 'SE', /OCR reference.*check digit/],
  ] as const)('refuses %p (%s), saying why', (input, country, problem) => {
    const result = normalisePaymentReference(input, country);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.problem).toMatch(problem);
  });

  it('finds every reference the organisation issues, in every form a payer sends it', () => {
    for (const invoiceNumber of [1, 42, 99_999_999]) {
      const fi = paymentReferencesFor('FI', invoiceNumber);
      const grouped = fi.national.replace(/(\d{5})(?=\d)/g, '$1 ');
      for (const sent of [fi.national, grouped, fi.national.padStart(20, '0'), fi.international!]) {
        expect(normalisePaymentReference(sent, 'FI')).toEqual({ valid: true, value: fi.national });
      }
      const se = paymentReferencesFor('SE', invoiceNumber);
      expect(normalisePaymentReference(` ${se.national} `, 'SE')).toEqual({ valid: true, value: se.national });
    }
  });
});
