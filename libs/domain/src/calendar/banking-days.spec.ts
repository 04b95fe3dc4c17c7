import { DomainValidationError } from '../errors';
import { addBankingDays, isBankingDay, nextBankingDayOnOrAfter, previousBankingDayOnOrBefore } from './banking-days';

describe('isBankingDay', () => {
  it.each([
    // date, FI, SE, why
    ['2025-01-02', true, true, 'an ordinary Thursday'],
    ['2025-01-04', false, false, 'Saturday'],
    ['2025-01-05', false, false, 'Sunday'],
    ['2025-01-06', false, false, 'Epiphany'],
    ['2026-01-05', true, true, 'Twelfth Night eve is a half-day in Sweden, not a closed day'],
    ['2025-04-17', true, true, 'Maundy Thursday'],
    ['2025-04-18', false, false, 'Good Friday'],
    ['2025-04-21', false, false, 'Easter Monday'],
    ['2025-04-30', true, true, 'Walpurgis Eve'],
    ['2025-05-01', false, false, 'May Day'],
    ['2025-05-29', false, false, 'Ascension Day'],
    ['2025-06-06', true, false, 'Swedish National Day'],
    ['2025-06-09', true, true, 'Whit Monday is not a holiday'],
    ['2025-06-20', false, false, 'Midsummer Eve'],
    ['2025-10-31', true, true, "All Saints' Eve"],
    ['2024-12-06', false, true, 'Finnish Independence Day'],
    ['2025-12-24', false, false, 'Christmas Eve'],
    ['2025-12-25', false, false, 'Christmas Day'],
    ['2025-12-26', false, false, 'Boxing Day'],
    ['2025-12-31', true, false, "New Year's Eve: a banking day in Finland only"],
    ['2026-01-01', false, false, "New Year's Day"],
  ])('%s: FI %s, SE %s (%s)', (date, fi, se) => {
    expect(isBankingDay('FI', date)).toBe(fi);
    expect(isBankingDay('SE', date)).toBe(se);
  });

  it('refuses malformed dates', () => {
    expect(() => isBankingDay('FI', '2025-02-30')).toThrow(DomainValidationError);
  });
});

describe('nextBankingDayOnOrAfter / previousBankingDayOnOrBefore', () => {
  it('keeps a banking day and moves past closed days', () => {
    expect(nextBankingDayOnOrAfter('FI', '2025-04-16')).toBe('2025-04-16');
    expect(nextBankingDayOnOrAfter('FI', '2025-04-18')).toBe('2025-04-22');
    expect(nextBankingDayOnOrAfter('FI', '2025-12-24')).toBe('2025-12-29');
    expect(nextBankingDayOnOrAfter('FI', '2026-12-31')).toBe('2026-12-31');
    expect(nextBankingDayOnOrAfter('SE', '2026-12-31')).toBe('2027-01-04');
    expect(previousBankingDayOnOrBefore('FI', '2025-04-21')).toBe('2025-04-17');
    expect(previousBankingDayOnOrBefore('SE', '2026-01-01')).toBe('2025-12-30');
    expect(previousBankingDayOnOrBefore('FI', '2026-01-01')).toBe('2025-12-31');
    expect(previousBankingDayOnOrBefore('SE', '2025-06-12')).toBe('2025-06-12');
  });
});

describe('addBankingDays', () => {
  it('counts banking days strictly after the date', () => {
    expect(addBankingDays('FI', '2025-01-02', 1)).toBe('2025-01-03');
    expect(addBankingDays('FI', '2025-01-03', 1)).toBe('2025-01-07'); // Fri → Mon 6.1. is Epiphany → Tue
    expect(addBankingDays('FI', '2025-01-04', 1)).toBe('2025-01-07');
    expect(addBankingDays('SE', '2025-06-05', 1)).toBe('2025-06-09');
    expect(addBankingDays('FI', '2025-06-05', 1)).toBe('2025-06-06');
    expect(addBankingDays('FI', '2025-12-30', 2)).toBe('2026-01-02');
    expect(addBankingDays('SE', '2025-12-30', 2)).toBe('2026-01-05');
  });

  it('returns the date itself for n = 0, even on a closed day', () => {
    expect(addBankingDays('FI', '2025-01-02', 0)).toBe('2025-01-02');
    expect(addBankingDays('FI', '2025-01-04', 0)).toBe('2025-01-04');
    expect(addBankingDays('SE', '2025-12-25', 0)).toBe('2025-12-25');
  });

  it('composes: adding a then b equals adding a + b', () => {
    for (const start of ['2025-04-15', '2025-12-20', '2026-06-18', '2026-12-27']) {
      for (const [a, b] of [[1, 2], [3, 4], [0, 5], [10, 10]]) {
        expect(addBankingDays('SE', addBankingDays('SE', start, a), b)).toBe(addBankingDays('SE', start, a + b));
        expect(addBankingDays('FI', addBankingDays('FI', start, a), b)).toBe(addBankingDays('FI', start, a + b));
      }
    }
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addBankingDays('FI', '2025-01-02', -1)).toThrow(new DomainValidationError('must be at least 0', 'bankingDays'));
    expect(() => addBankingDays('FI', '2025-01-02', 1.5)).toThrow('bankingDays: must be a whole number');
  });
});
