import { Money } from '../money/money';
import { fiHomeCareFee } from './fi-home-care';
import { fiLongTermCareFee } from './fi-long-term-care';
import { seElderlyCareFee } from './se-elderly-care';

// Fees on both sides of every period boundary since 1.7.2021 (FI) and 1.1.2021 (SE): a bill or a
// correction for any day of the last five years must find the rule that was in force that day.

const eur = (text: string) => Money.parse(text, 'EUR');
const sek = (text: string) => Money.parse(text, 'SEK');
const homeCare = (date: string, householdSize: number, income: string, hours = 38) =>
  fiHomeCareFee({ date, householdSize, grossMonthlyIncome: eur(income), hoursPerMonth: hours }).fee.toDecimalString();

describe('FI home care at the income limits of each period', () => {
  it.each([
    // [period, first day, last day, limit for 1 person]
    ['7–12/2021', '2021-07-01', '2021-12-31', '588'],
    ['2022–2023', '2022-01-01', '2023-12-31', '598'],
    ['2024–2025', '2024-01-01', '2025-12-31', '653'],
    ['2026 (estimate)', '2026-01-01', '2026-12-31', '698'],
  ])('%s: nothing at the limit, 35 % of each euro above it, on the first and last day', (_period, first, last, limit) => {
    for (const day of [first, last]) {
      expect(homeCare(day, 1, `${limit}.00`)).toBe('0.00');
      // One euro above: 35 % × 1.00 = 0.35; a cent above: 0.0035 → 0.00 (half up).
      expect(homeCare(day, 1, `${Number(limit) + 1}.00`)).toBe('0.35');
      expect(homeCare(day, 1, `${limit}.01`)).toBe('0.00');
    }
  });

  it('moves the limit on the day of each index review: the same income pays less from that day', () => {
    // 598 €: 35 % × (598 − 588) = 3.50 on 31.12.2021, nothing from 1.1.2022.
    expect([homeCare('2021-12-31', 1, '598.00'), homeCare('2022-01-01', 1, '598.00')]).toEqual(['3.50', '0.00']);
    // 653 €: 35 % × (653 − 598) = 19.25 on 31.12.2023, nothing from 1.1.2024.
    expect([homeCare('2023-12-31', 1, '653.00'), homeCare('2024-01-01', 1, '653.00')]).toEqual(['19.25', '0.00']);
    // 698 €: 35 % × 45 = 15.75 on 31.12.2025, nothing from 1.1.2026.
    expect([homeCare('2025-12-31', 1, '698.00'), homeCare('2026-01-01', 1, '698.00')]).toEqual(['15.75', '0.00']);
  });

  it('uses each period’s limits for larger households and for each person beyond six', () => {
    // Two persons, 24 h (24 %): 24 % × (2 000 − limit).
    expect(['2021-08-01', '2022-06-01', '2024-06-01', '2026-06-01'].map((d) => homeCare(d, 2, '2000.00', 24))).toEqual([
      '219.84', // 24 % × (2 000 − 1 084)
      '215.28', // 24 % × (2 000 − 1 103)
      '190.80', // 24 % × (2 000 − 1 205)
      '170.64', // 24 % × (2 000 − 1 289)
    ]);
    // Eight persons (12 %): limit 2 924 + 2 × 350 = 3 624 in 2021; 2 976 + 2 × 356 = 3 688 in 2022.
    expect(fiHomeCareFee({ date: '2021-10-01', householdSize: 8, grossMonthlyIncome: eur('4000.00'), hoursPerMonth: 20 }).incomeLimit.toDecimalString()).toBe('3624.00');
    expect(fiHomeCareFee({ date: '2023-10-01', householdSize: 8, grossMonthlyIncome: eur('4000.00'), hoursPerMonth: 20 }).incomeLimit.toDecimalString()).toBe('3688.00');
  });

  it('has no rule before the reform of 1.7.2021', () => {
    expect(() => homeCare('2021-06-30', 1, '1000.00')).toThrow(/no rule for 2021-06-30/);
  });
});

describe('FI long-term care: the käyttövara of each period always remains', () => {
  const ltc = (date: string, income: string, careType?: 'institutional-care') =>
    fiLongTermCareFee({ date, netMonthlyIncome: eur(income), ...(careType ? { careType } : {}) }).fee.toDecimalString();

  it.each([
    ['7–12/2021', '2021-07-01', '2021-12-31', '836.00', '590.00'],
    ['2022–2023', '2022-01-01', '2023-12-31', '833.00', '588.00'],
    ['2024–2025 (estimate)', '2024-01-01', '2025-12-31', '818.00', '578.00'],
    ['2026 (estimate)', '2026-01-01', '2026-12-31', '805.00', '570.00'],
  ])('%s: 1 000 € in service housing leaves the allowance; 700 € in institutional care too', (_period, first, last, serviceHousing, institutional) => {
    for (const day of [first, last]) {
      // 85 % × 1 000 = 850 would leave less than the allowance (164 / 167 / 182 / 195 €).
      expect(ltc(day, '1000.00')).toBe(serviceHousing);
      // 85 % × 700 = 595 would leave less than 110 / 112 / 122 / 130 €.
      expect(ltc(day, '700.00', 'institutional-care')).toBe(institutional);
    }
  });

  it('charges the full 85 % once the income is high enough that the allowance remains anyway', () => {
    // 85 % × 1 100 = 935; 1 100 − 935 = 165 ≥ 164 (2021) but < 167 (2022): the edge of the allowance.
    expect([ltc('2021-12-31', '1100.00'), ltc('2022-01-01', '1100.00')]).toEqual(['935.00', '933.00']);
  });

  it('moves the allowance on the day of each index review: the same income pays less from that day', () => {
    // 1 100 €: 1 100 − 167 = 933 on 31.12.2023, 1 100 − 182 = 918 from 1.1.2024, 1 100 − 195 = 905 from 1.1.2026.
    expect([ltc('2023-12-31', '1100.00'), ltc('2024-01-01', '1100.00'), ltc('2025-12-31', '1100.00'), ltc('2026-01-01', '1100.00')]).toEqual(['933.00', '918.00', '918.00', '905.00']);
    // Institutional care, 800 €: 85 % = 680 leaves 120 ≥ 112 in 2023; from 2024 it would leave less
    // than 122, so 800 − 122 = 678, and from 2026 800 − 130 = 670.
    expect([ltc('2023-12-31', '800.00', 'institutional-care'), ltc('2024-01-01', '800.00', 'institutional-care'), ltc('2026-01-01', '800.00', 'institutional-care')]).toEqual([
      '680.00',
      '678.00',
      '670.00',
    ]);
  });

  it('has no rule before the reform of 1.7.2021', () => {
    expect(() => ltc('2021-06-30', '1000.00')).toThrow(/no rule for 2021-06-30/);
  });

  it('says "estimate" from the first day of an estimated row, and not on the day before', () => {
    // No source document gives STM's 2024 and 2026 amounts: a fee on them must say so.
    const allowanceSource = (date: string) => fiLongTermCareFee({ date, netMonthlyIncome: eur('1000.00') }).explanation.rules[1].source;
    const limitSource = (date: string) => fiHomeCareFee({ date, householdSize: 2, grossMonthlyIncome: eur('2000.00'), hoursPerMonth: 24 }).explanation.rules[0].source;
    expect([allowanceSource('2023-12-31'), allowanceSource('2024-01-01'), allowanceSource('2025-12-31'), allowanceSource('2026-01-01')].map((s) => /estimate/.test(s))).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect([limitSource('2025-12-31'), limitSource('2026-01-01')].map((s) => /estimate/.test(s))).toEqual([false, true]);
  });
});

describe('SE elderly care at maxtaxa and the minimum amounts of each period', () => {
  const fee = (date: string, income: string, extra: object = {}) =>
    seElderlyCareFee({ date, netMonthlyIncome: sek(income), housingCost: sek('0.00'), serviceCost: sek('5000.00'), ...extra }).fee.toDecimalString();

  it.each([
    // [year, a day, minimum amount single, maxtaxa]
    ['2021', '2021-01-01', 5373, 2139],
    ['2022 (to 31.7)', '2022-07-31', 5653, 2170],
    ['2022 (from 1.8)', '2022-08-01', 5853, 2170],
    ['2023', '2023-12-31', 6470, 2359],
    ['2024', '2024-06-01', 7062, 2575],
    ['2025', '2025-06-30', 7247, 2642],
    ['2025 (new act)', '2025-07-01', 7247, 2642],
    ['2026', '2026-12-31', 7296, 2660],
  ])('%s: the fee reaches maxtaxa exactly when the fee room does', (_year, day, minimum, maxFee) => {
    expect(fee(day, `${minimum}.00`)).toBe('0.00');
    expect(fee(day, `${minimum + maxFee - 1}.00`)).toBe(`${maxFee - 1}.00`);
    expect(fee(day, `${minimum + maxFee}.00`)).toBe(`${maxFee}.00`);
    expect(fee(day, `${minimum + maxFee + 1000}.00`)).toBe(`${maxFee}.00`);
  });

  it('raises the minimum amount on 1.8.2022 (SFS 2022:935): the same income pays 200 kr less', () => {
    expect([fee('2022-07-31', '7000.00'), fee('2022-08-01', '7000.00')]).toEqual(['1347.00', '1147.00']);
  });

  it('moves maxtaxa and the minimum amount at each new year: the same income pays by that year’s amounts', () => {
    // 8 829 kr = 6 470 + 2 359: maxtaxa on 31.12.2023; 8 829 − 7 062 = 1 767 on 1.1.2024.
    expect([fee('2023-12-31', '8829.00'), fee('2024-01-01', '8829.00')]).toEqual(['2359.00', '1767.00']);
    // 9 889 kr = 7 247 + 2 642: maxtaxa on 31.12.2025; 9 889 − 7 296 = 2 593 on 1.1.2026.
    expect([fee('2025-12-31', '9889.00'), fee('2026-01-01', '9889.00')]).toEqual(['2642.00', '2593.00']);
  });

  it('has no rule before 2021', () => {
    expect(() => fee('2020-12-31', '9000.00')).toThrow(/no rule for 2020-12-31/);
  });
});

describe('SE couples: married partners pool their incomes, cohabitants do not', () => {
  // 2026: minimum amount 5 953 kr for each of two living together, maxtaxa 2 660 kr.
  const base = { date: '2026-03-01', housingCost: sek('0.00'), serviceCost: sek('3000.00') };
  const married = (own: string, spouse: string) =>
    seElderlyCareFee({ ...base, relationship: 'married', netMonthlyIncome: sek(own), spouseNetMonthlyIncome: sek(spouse) });
  const cohabiting = (own: string) => seElderlyCareFee({ ...base, relationship: 'cohabiting', netMonthlyIncome: sek(own) });

  it('a married couple with 14 000 and 8 000 kr each count 11 000 kr and both pay maxtaxa', () => {
    for (const [own, spouse] of [
      ['14000.00', '8000.00'],
      ['8000.00', '14000.00'],
    ]) {
      const result = married(own, spouse);
      expect(result.countedIncome.toDecimalString()).toBe('11000.00');
      expect(result.minimumAmount.toDecimalString()).toBe('5953.00');
      expect(result.fee.toDecimalString()).toBe('2660.00');
    }
  });

  it('cohabitants with the same incomes each pay on their own: 2 660 and 2 047 kr', () => {
    expect([cohabiting('14000.00'), cohabiting('8000.00')].map((r) => [r.countedIncome.toDecimalString(), r.minimumAmount.toDecimalString(), r.fee.toDecimalString()])).toEqual([
      ['14000.00', '5953.00', '2660.00'],
      ['8000.00', '5953.00', '2047.00'], // 8 000 − 5 953
    ]);
  });

  it('a low-income partner: nothing as a cohabitant, maxtaxa when married to a higher earner', () => {
    expect(cohabiting('5900.00').fee.isZero()).toBe(true);
    // (5 900 + 14 000) / 2 = 9 950; 9 950 − 5 953 = 3 997 → min(3 997, 3 000, 2 660) = 2 660.
    expect(married('5900.00', '14000.00').fee.toDecimalString()).toBe('2660.00');
  });

  it('a single person has the higher minimum amount: 7 296 kr in 2026', () => {
    const single = seElderlyCareFee({ ...base, netMonthlyIncome: sek('8000.00') });
    expect([single.minimumAmount.toDecimalString(), single.fee.toDecimalString()]).toEqual(['7296.00', '704.00']);
  });
});
