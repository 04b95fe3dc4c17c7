import { paymentReferencesFor } from '../invoices/payment-reference';
import { seriesNumberOfDocument, seriesNumberOfReference } from './document-number';

describe('seriesNumberOfReference', () => {
  it.each([
    ['FI', 1],
    ['FI', 12_345],
    ['SE', 7],
    ['SE', 99_999_999],
  ] as const)('reads back the number a %s reference was made from (%d)', (country, number) => {
    expect(seriesNumberOfReference(country, paymentReferencesFor(country, number).national)).toBe(number);
  });

  it.each([['FI', '3900'], ['FI', '1000000013'], ['SE', '1000000012'], ['FI', '10000000000']] as const)('finds no number in %s %s', (country, reference) => {
    expect(seriesNumberOfReference(country, reference)).toBeNull();
  });
});

describe('seriesNumberOfDocument', () => {
  it.each([
    ['9580572', 9580572],
    ['00000000000009580521', 9580521],
    ['217827182718', null],
    ['INV 43459', null],
    ['0', null],
  ])('reads %p as %p', (text, number) => {
    expect(seriesNumberOfDocument(text)).toBe(number);
  });
});
