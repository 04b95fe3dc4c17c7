import { parseLocalDate } from '../dates/local-date';
import { checkInvoiceDate } from './invoice-date';

const today = parseLocalDate('2026-12-03');

describe('checkInvoiceDate', () => {
  it('accepts the seed example of 2017, today and one year ahead to the day', () => {
    for (const date of ['2017-07-25', '2000-01-01', '2026-12-03', '2027-12-03']) expect(checkInvoiceDate(parseLocalDate(date), today)).toBe(date);
  });

  it('refuses 9999-12-31, which the lifecycle could never schedule, naming the field and the window', () => {
    expect(() => checkInvoiceDate(parseLocalDate('9999-12-31'), today)).toThrow(expect.objectContaining({ field: 'invoiceDate' }));
    expect(() => checkInvoiceDate(parseLocalDate('9999-12-31'), today)).toThrow('must be between 2000-01-01 and 2027-12-03');
  });

  it('refuses a day beyond either end', () => {
    expect(() => checkInvoiceDate(parseLocalDate('1999-12-31'), today)).toThrow('must be between');
    expect(() => checkInvoiceDate(parseLocalDate('2027-12-04'), today)).toThrow('must be between');
  });

  it('counts a year ahead from a leap day to the last day of February', () => {
    expect(() => checkInvoiceDate(parseLocalDate('2029-02-28'), parseLocalDate('2028-02-29'))).not.toThrow();
    expect(() => checkInvoiceDate(parseLocalDate('2029-03-01'), parseLocalDate('2028-02-29'))).toThrow('and 2029-02-28');
  });
});
