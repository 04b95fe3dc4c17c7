import { refusalOf } from '../internal/refusal';
import { addDays } from '../dates/local-date';
import { Decimal } from '../money/decimal';
import { Money } from '../money/money';
import { lateInterest, lateInterestRate } from './late-interest';
import { REFERENCE_RATES, ReferenceRatePeriod, validateReferenceRateTable } from './reference-rates';

const eur = (text: string) => Money.parse(text, 'EUR');
const sek = (text: string) => Money.parse(text, 'SEK');
const row = (validFrom: string, validTo: string, referenceRatePercent: string): ReferenceRatePeriod => ({
  validFrom,
  validTo,
  referenceRatePercent,
  status: 'check',
  source: 'test',
});

const reasonOf = (action: () => unknown): string => refusalOf(action).message;

describe('lateInterest', () => {
  it('charges the seed-era 7 % (reference rate 0.0 % in 2017) from the day after the due date', () => {
    // 12.8.-29.8.2017 = 18 days: 100 × 7 % × 18 / 365 = 0.3452… → 0.35
    const result = lateInterest('FI', eur('100.00'), '2017-08-12', '2017-08-29');
    expect(result.days).toBe(18);
    expect(result.interest.toString()).toBe('0.35 EUR');
    expect(result.breakdown.map((period) => period.annualRatePercent.toString())).toEqual(['7']);
  });

  it('splits the days at a half-year boundary and sums them exactly before rounding once', () => {
    // 20.6.-30.6.2023: 11 days at 2.5 + 7 = 9.5 %; 1.7.-10.7.2023: 10 days at 4.0 + 7 = 11 %.
    // (100 × 9.5 × 11 + 100 × 11 × 10) / 36 500 = 21 450 / 36 500 = 0.587671… → 0.59
    const result = lateInterest('FI', eur('100.00'), '2023-06-20', '2023-07-10');
    expect(result.days).toBe(21);
    expect(result.interest.toDecimalString()).toBe('0.59');
    expect(result.exactAmount.toFixed(6)).toBe('0.587671');
    expect(
      result.breakdown.map((p) => [p.from, p.to, p.days, p.referenceRatePercent.toFixed(2), p.annualRatePercent.toFixed(2), p.exactAmount.toFixed(6), p.status]),
    ).toEqual([
      ['2023-06-20', '2023-06-30', 11, '2.50', '9.50', '0.286301', 'confirmed'],
      ['2023-07-01', '2023-07-10', 10, '4.00', '11.00', '0.301370', 'confirmed'],
    ]);
    expect(result.breakdown.reduce((sum, p) => sum.plus(p.exactAmount), new Decimal(0)).toFixed(30)).toBe(result.exactAmount.toFixed(30));
  });

  it('counts both ends: one day when from and to are the same', () => {
    // 1 000 × 11.5 % / 365 = 0.31506… → 0.32
    const result = lateInterest('FI', eur('1000.00'), '2024-03-01', '2024-03-01');
    expect(result.days).toBe(1);
    expect(result.interest.toDecimalString()).toBe('0.32');
  });

  it('divides by 365 in a leap year too, and counts 29 February', () => {
    // 366 days × 365 × 11.5 % / 365 = 42.09
    const year = lateInterest('FI', eur('365.00'), '2024-01-01', '2024-12-31');
    expect(year.days).toBe(366);
    expect(year.interest.toDecimalString()).toBe('42.09');
    expect(year.breakdown.map((p) => p.days)).toEqual([182, 184]);
    expect(lateInterest('FI', eur('365.00'), '2024-02-28', '2024-03-01').days).toBe(3);
  });

  it('adds 8 pp in Sweden, also to a negative reference rate', () => {
    // 2017: −0.50 + 8 = 7.5 %; 1 000 kr × 7.5 % × 365 / 365 = 75.00
    const result = lateInterest('SE', sek('1000.00'), '2017-01-01', '2017-12-31');
    expect(result.interest.toString()).toBe('75.00 SEK');
    expect(result.breakdown.map((p) => p.annualRatePercent.toFixed(2))).toEqual(['7.50', '7.50']);
    // 2.00 + 8 = 10 %: 36 500 kr for one day = 10.00 kr
    expect(lateInterest('SE', sek('36500'), '2025-09-01', '2025-09-01').interest.toDecimalString()).toBe('10.00');
  });

  it('rounds half up at the end', () => {
    // A 1 % rate (reference −6 + 7): 18.25 × 1 % / 365 = 0.0005 per day → 10 days = 0.005 → 0.01
    const onePercent = [row('2030-01-01', '2030-12-31', '-6')];
    expect(lateInterest('FI', eur('18.25'), '2030-01-01', '2030-01-10', onePercent).interest.toDecimalString()).toBe('0.01');
    expect(lateInterest('FI', eur('18.25'), '2030-01-01', '2030-01-09', onePercent).interest.toDecimalString()).toBe('0.00');
    expect(lateInterest('FI', eur('0'), '2024-01-01', '2024-12-31').interest.isZero()).toBe(true);
  });

  it('rounds once, not per period', () => {
    // Two periods of 0.0025 each: 0.00 + 0.00 if rounded apart, 0.005 → 0.01 together.
    const split = [row('2030-01-01', '2030-01-05', '-6'), row('2030-01-06', '2030-01-31', '-6')];
    const result = lateInterest('FI', eur('18.25'), '2030-01-01', '2030-01-10', split);
    expect(result.breakdown.map((p) => p.exactAmount.toString())).toEqual(['0.0025', '0.0025']);
    expect(result.interest.toDecimalString()).toBe('0.01');
  });

  it('refuses a day without a rate, naming the date', () => {
    expect(reasonOf(() => lateInterest('FI', eur('100'), '2015-12-30', '2016-01-05'))).toBe(
      'no late-payment interest rate for FI on 2015-12-30: the table covers 2016-01-01 … 2026-12-31, with no row for that day',
    );
    expect(reasonOf(() => lateInterest('SE', sek('100'), '2026-12-31', '2027-01-01'))).toMatch(/^no late-payment interest rate for SE on 2027-01-01/);
    const gap = [row('2030-01-01', '2030-01-31', '1'), row('2030-03-01', '2030-03-31', '1')];
    expect(reasonOf(() => lateInterest('FI', eur('100'), '2030-01-15', '2030-03-15', gap))).toMatch(/on 2030-02-01: the table covers 2030-01-01 … 2030-03-31/);
    expect(reasonOf(() => lateInterest('FI', eur('100'), '2030-01-15', '2030-01-20', []))).toBe('no late-payment interest rate for FI on 2030-01-15: the table is empty, with no row for that day');
  });

  it('refuses bad input', () => {
    expect(reasonOf(() => lateInterest('FI', eur('100'), '2024-02-10', '2024-02-09'))).toBe('to: must not be before from (2024-02-10)');
    expect(reasonOf(() => lateInterest('FI', eur('-1'), '2024-02-10', '2024-02-11'))).toBe('principal: must not be negative');
    expect(reasonOf(() => lateInterest('FI', sek('1'), '2024-02-10', '2024-02-11'))).toBe('principal: must be in EUR for FI');
    expect(reasonOf(() => lateInterest('FI', eur('1'), '2024-02-30', '2024-03-11'))).toBe('from: day 30 does not exist in 2024-02');
    expect(reasonOf(() => lateInterest('NO' as never, eur('1'), '2024-02-10', '2024-02-11'))).toBe('country: must be FI or SE');
  });
});

describe('lateInterestRate', () => {
  it('gives the statutory rate of the day', () => {
    expect(lateInterestRate('FI', '2025-03-01').annualRatePercent.toString()).toBe('10.5');
    expect(lateInterestRate('FI', '2026-06-30').annualRatePercent.toString()).toBe('9.5');
    expect(lateInterestRate('SE', '2024-01-01').annualRatePercent.toString()).toBe('12');
    expect(lateInterestRate('SE', '2023-12-31').period.status).toBe('confirmed');
    expect(() => lateInterestRate('FI', '2015-06-30')).toThrow(/on 2015-06-30/);
  });
});

describe('REFERENCE_RATES', () => {
  it.each(['FI', 'SE'] as const)('covers every day from 2016 to 2026 in %s, one half-year per row', (country) => {
    const table = validateReferenceRateTable(REFERENCE_RATES[country]);
    expect(table).toHaveLength(22);
    expect(table[0].validFrom).toBe('2016-01-01');
    expect(table[table.length - 1].validTo).toBe('2026-12-31');
    for (let i = 1; i < table.length; i++) expect(table[i].validFrom).toBe(addDays(table[i - 1].validTo, 1));
    for (const period of table) {
      expect(period.source).not.toBe('');
      if (period.status === 'check') expect(period.source).toMatch(/^check: /);
    }
  });

  it('holds the Finnish rates given in docs/reference.md', () => {
    const rate = (date: string) => lateInterestRate('FI', date).referenceRatePercent.toFixed(2);
    expect([rate('2024-01-01'), rate('2024-12-31'), rate('2025-06-30'), rate('2026-01-01')]).toEqual(['4.50', '4.50', '3.50', '2.50']);
    expect(lateInterestRate('FI', '2025-07-01').period.status).toBe('check');
    expect(lateInterestRate('FI', '2026-07-01').period.status).toBe('check');
  });
});

describe('validateReferenceRateTable', () => {
  it('sorts the rows and refuses overlaps and malformed rows', () => {
    expect(validateReferenceRateTable([row('2030-07-01', '2030-12-31', '1'), row('2030-01-01', '2030-06-30', '2')]).map((r) => r.validFrom)).toEqual([
      '2030-01-01',
      '2030-07-01',
    ]);
    expect(reasonOf(() => validateReferenceRateTable([row('2030-01-01', '2030-07-01', '1'), row('2030-07-01', '2030-12-31', '2')]))).toBe(
      'table: the periods from 2030-01-01 and from 2030-07-01 overlap',
    );
    expect(reasonOf(() => validateReferenceRateTable([row('2030-02-01', '2030-01-01', '1')]))).toBe('table.0.validTo: must not be before validFrom');
    expect(reasonOf(() => validateReferenceRateTable([row('2030-01-01', '2030-01-31', 'x')]))).toBe('table.0.referenceRatePercent: must be a finite decimal number');
    expect(reasonOf(() => validateReferenceRateTable([{ ...row('2030-01-01', '2030-01-31', '1'), source: ' ' }]))).toBe('table.0.source: must name where the rate comes from');
    expect(reasonOf(() => validateReferenceRateTable([{ ...row('2030-01-01', '2030-01-31', '1'), status: 'maybe' as never }]))).toBe('table.0.status: must be "confirmed" or "check"');
  });
});
