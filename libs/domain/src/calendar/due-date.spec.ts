import { DomainValidationError } from '../errors';
import { dueDate } from './due-date';

describe('dueDate', () => {
  it('matches the worked example of seed 000: 25.7.2017 → 11.8.2017', () => {
    // 25.7. + 14 = Tue 8.8.; + 3 banking days = Wed 9.8., Thu 10.8., Fri 11.8.
    expect(dueDate('FI', '2017-07-25')).toBe('2017-08-11');
    expect(dueDate('FI', '2017-07-25', { paymentTermDays: 14, bankingDays: 3 })).toBe('2017-08-11');
  });

  it.each([
    // invoice date, FI, SE, what the 14th day is
    ['2025-04-02', '2025-04-23', '2025-04-23', 'Wed 16.4.2025, before Maundy Thursday (a banking day)'],
    ['2025-04-03', '2025-04-24', '2025-04-24', 'Maundy Thursday 17.4.2025; Good Friday to Easter Monday are closed'],
    ['2025-04-04', '2025-04-24', '2025-04-24', 'Good Friday 18.4.2025'],
    ['2025-05-14', '2025-06-03', '2025-06-03', 'Wed 28.5.2025, before Ascension Day'],
    ['2025-05-22', '2025-06-10', '2025-06-11', 'Thu 5.6.2025, before the Swedish National Day; Whit Monday is open'],
    ['2025-06-05', '2025-06-25', '2025-06-25', 'Thu 19.6.2025, before Midsummer Eve'],
    ['2026-06-04', '2026-06-24', '2026-06-24', 'Thu 18.6.2026, before Midsummer Eve'],
    ['2026-06-05', '2026-06-24', '2026-06-24', 'Midsummer Eve 19.6.2026'],
    ['2026-12-09', '2026-12-30', '2026-12-30', 'Wed 23.12.2026, before Christmas Eve'],
    ['2026-12-10', '2026-12-30', '2026-12-30', 'Christmas Eve 24.12.2026'],
    ['2026-12-15', '2027-01-04', '2027-01-05', "Tue 29.12.2026; New Year's Eve is open in Finland only"],
    ['2026-12-16', '2027-01-05', '2027-01-07', "Wed 30.12.2026; Epiphany 6.1.2027 is closed"],
    ['2024-12-10', '2024-12-31', '2025-01-02', "Christmas Eve 24.12.2024; then 27.12., 30.12. and New Year's Eve in Finland"],
    ['2024-12-17', '2025-01-07', '2025-01-07', "New Year's Eve 31.12.2024; then 2.1., 3.1. and, after Epiphany, 7.1."],
  ])('invoice %s: FI %s, SE %s (day 14 is %s)', (invoiceDate, fi, se) => {
    expect(dueDate('FI', invoiceDate)).toBe(fi);
    expect(dueDate('SE', invoiceDate)).toBe(se);
  });

  it('uses the organisation’s own terms', () => {
    expect(dueDate('FI', '2025-03-03', { paymentTermDays: 30 })).toBe('2025-04-07');
    expect(dueDate('FI', '2025-03-03', { paymentTermDays: 0, bankingDays: 1 })).toBe('2025-03-04');
  });

  it('moves a due date off a closed day when no banking days are added', () => {
    expect(dueDate('FI', '2025-03-01', { bankingDays: 0 })).toBe('2025-03-17'); // 15.3. is a Saturday
    expect(dueDate('SE', '2025-12-17', { bankingDays: 0 })).toBe('2026-01-02'); // 31.12. closed, 1.1. closed
    expect(dueDate('FI', '2025-12-17', { bankingDays: 0 })).toBe('2025-12-31');
    expect(dueDate('FI', '2025-03-03', { bankingDays: 0 })).toBe('2025-03-17');
  });

  it('refuses nonsensical terms', () => {
    expect(() => dueDate('FI', '2025-03-03', { paymentTermDays: -1 })).toThrow(new DomainValidationError('must be between 0 and 3660', 'paymentTermDays'));
    expect(() => dueDate('FI', '2025-03-03', { bankingDays: 1.5 })).toThrow('bankingDays: must be a whole number');
    expect(() => dueDate('FI', '2025-02-29')).toThrow(DomainValidationError);
  });
});
