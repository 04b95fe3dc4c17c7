import { Money } from '../money/money';
import { decimal } from '../money/decimal';
import { validateDatedTable } from '../rule-tables/dated-table';
import { fiHomeCareFee, homeCareHoursCharged } from './fi-home-care';
import { FI_HOME_CARE_INCOME_LIMITS, FI_HOME_CARE_PERCENTAGES, HomeCarePercentageTable } from './fi-home-care-tables';

const eur = (text: string) => Money.parse(text, 'EUR');
const fee = (date: string, householdSize: number, income: string, hours: number | string, extra: object = {}) =>
  fiHomeCareFee({ date, householdSize, grossMonthlyIncome: eur(income), hoursPerMonth: hours, ...extra });

describe('FI home-care tables', () => {
  it('ship the statutory limits from the reform of 1.7.2021, one row per index review', () => {
    expect(FI_HOME_CARE_INCOME_LIMITS.map((r) => [r.validFrom, r.validTo, r.value.bySize[0], r.value.eachFurtherPerson, r.status])).toEqual([
      ['2021-07-01', '2021-12-31', '588', '350', 'check'],
      ['2022-01-01', '2023-12-31', '598', '356', 'check'],
      ['2024-01-01', '2025-12-31', '653', '389', 'check'],
      ['2026-01-01', null, '698', '416', 'estimate'],
    ]);
    expect(FI_HOME_CARE_INCOME_LIMITS[1].value.bySize).toEqual(['598', '1103', '1731', '2140', '2591', '2976']);
    expect(FI_HOME_CARE_INCOME_LIMITS[1].source).toMatch(/STM ilmoitus 932\/2021/);
  });

  it('estimate the 2026 limits as the 2024-2025 limits × 1.0693 rounded to whole euros until the notice is entered', () => {
    const [, , old, current] = FI_HOME_CARE_INCOME_LIMITS;
    const derived = (value: string) => decimal(value).times('1.0693').toDecimalPlaces(0).toString();
    expect(current.value.bySize).toEqual(old.value.bySize.map(derived));
    expect(current.value.eachFurtherPerson).toBe(derived(old.value.eachFurtherPerson));
    expect(current.source).toMatch(/index review 1\.1\.2026 \(\+6\.93 %.*rounding edge \(1 205 × 1\.0693 = 1 288\.51/);
  });

  const table = FI_HOME_CARE_PERCENTAGES[0].value;
  it.each([
    [4, ['8', '7', '6', '6', '6', '6']],
    [10, ['18', '15.5', '13', '13', '13', '12']],
    [20, ['26', '22', '18', '16', '14', '12']],
    [24, ['28', '24', '19', '16', '14', '12']],
    [38, ['35', '24', '19', '16', '14', '12']],
  ])('agree with reference.md at %i hours', (hours, percentages) => {
    expect(table.rows.find((r) => r.hours === hours)?.percentages).toEqual(percentages);
  });

  it('have one row per hour from 4 to 38, rising with hours, falling with household size, within the statutory maximums', () => {
    expect(table.rows.map((r) => r.hours)).toEqual(Array.from({ length: 35 }, (_, i) => i + 4));
    const maximums = [35, 24, 19, 16, 14, 12];
    table.rows.forEach((r, i) => {
      r.percentages.forEach((p, size) => {
        expect(Number(p)).toBeLessThanOrEqual(maximums[size]);
        if (size > 0) expect(Number(p)).toBeLessThanOrEqual(Number(r.percentages[size - 1]));
        if (i > 0) expect(Number(p)).toBeGreaterThanOrEqual(Number(table.rows[i - 1].percentages[size]));
      });
    });
  });
});

describe('fiHomeCareFee', () => {
  it('charges the percentage of income above the limit: one person, 38 h, 2 000 €', () => {
    const result = fee('2024-06-01', 1, '2000.00', 38);
    expect(result.incomeLimit.toDecimalString()).toBe('653.00');
    expect(result.percentage).toBe('35');
    // 35 % × 1 347.00 = 471.45
    expect(result.fee).toEqual(eur('471.45'));
  });

  it('rounds half up to the cent: two persons, 10 h, 15.5 % × 795.00 = 123.225', () => {
    const result = fee('2025-03-15', 2, '2000.00', 10);
    expect(result.percentage).toBe('15.5');
    expect(result.fee.toDecimalString()).toBe('123.23');
  });

  it('uses the quarter-point rows of the statute between the rows reference.md gives', () => {
    expect(fee('2024-06-01', 2, '2205.00', 5).percentage).toBe('8.75');
    expect(fee('2024-06-01', 2, '2205.00', 5).fee.toDecimalString()).toBe('87.50');
    expect(fee('2024-06-01', 1, '1653.00', 15).percentage).toBe('23');
  });

  it('charges nothing at or below the income limit', () => {
    expect(fee('2024-06-01', 1, '653.00', 38).fee.isZero()).toBe(true);
    expect(fee('2024-06-01', 1, '400.00', 38).fee.isZero()).toBe(true);
    expect(fee('2024-06-01', 1, '653.01', 38).fee.toDecimalString()).toBe('0.00');
    expect(fee('2024-06-01', 1, '653.02', 38).fee.toDecimalString()).toBe('0.01');
  });

  it('never charges more than the service costs', () => {
    const result = fee('2024-06-01', 1, '5000.00', 38, { serviceCost: eur('900.00') });
    expect(result.fee).toEqual(eur('900.00'));
    expect(result.costCapApplied).toBe(true);
    expect(result.explanation.lines).toContain('capped at the cost of the service 900.00 EUR');
    expect(fee('2024-06-01', 1, '2000.00', 38, { serviceCost: eur('900.00') }).costCapApplied).toBe(false);
  });

  it('uses the ≤ 4 h row below 4 hours and the ≥ 38 h row above 38, rounding fractions half up', () => {
    expect(fee('2024-06-01', 1, '1000.00', 1).percentage).toBe('8');
    expect(fee('2024-06-01', 1, '1000.00', 0).percentage).toBe('8');
    expect(fee('2024-06-01', 1, '1000.00', 120).percentage).toBe('35');
    expect(homeCareHoursCharged('12.5')).toBe(13);
    expect(homeCareHoursCharged('12.49')).toBe(12);
  });

  it('raises the limit by 389 € for each person beyond six and uses the 6+ column', () => {
    const result = fee('2024-06-01', 8, '5000.00', 20);
    expect(result.incomeLimit.toDecimalString()).toBe('4029.00');
    expect(result.percentage).toBe('12');
    expect(result.fee.toDecimalString()).toBe('116.52');
  });

  it('uses the 2026 limits from 1.1.2026', () => {
    const result = fee('2026-01-01', 1, '2000.00', 38);
    expect(result.incomeLimit.toDecimalString()).toBe('698.00');
    expect(result.fee.toDecimalString()).toBe('455.70');
    expect(result.explanation.rules[0].source).toMatch(/estimate/);
  });

  it('has no rule for a date before the reform of 1.7.2021', () => {
    expect(() => fee('2021-06-30', 1, '2000.00', 38)).toThrow(/^date: no rule for 2021-06-30 in FI home-care income limits/);
  });

  it('explains the rule versions, the inputs and the arithmetic', () => {
    const { explanation } = fee('2024-06-01', 1, '2000.00', 38);
    expect(explanation.rules.map((r) => [r.table, r.validFrom, r.validTo])).toEqual([
      ['FI home-care income limits', '2024-01-01', '2025-12-31'],
      ['FI home-care percentages', '2021-07-01', null],
    ]);
    expect(explanation.rules[0].source).toMatch(/734\/1992/);
    expect(explanation.inputs).toEqual({ date: '2024-06-01', householdSize: '1', grossMonthlyIncome: '2000.00', hoursPerMonth: '38' });
    expect(explanation.lines).toEqual([
      'income limit for a household of 1: 653.00 EUR',
      'service hours 38 a month → 38 h in the table',
      'percentage for 38 h and 1 person(s): 35 % (statutory maximum 35 %)',
      '2000.00 EUR − 653.00 EUR = 1347.00 EUR above the limit',
      '35 % × 1347.00 EUR = 471.45 EUR (rounded half up to the cent)',
      'fee 471.45 EUR a month',
    ]);
  });

  describe('a lower organisation tariff', () => {
    it('applies a factor to the statutory percentage', () => {
      const result = fee('2024-06-01', 1, '2000.00', 38, { tariff: { kind: 'factor', factor: '0.5', source: 'board decision 12/2024' } });
      expect(result.percentage).toBe('17.5');
      expect(result.statutoryPercentage).toBe('35');
      expect(result.fee.toDecimalString()).toBe('235.73');
      expect(result.explanation.rules[2].source).toBe('board decision 12/2024 (× 0.5)');
    });

    const own = (percent: string): HomeCarePercentageTable => ({ rows: [{ hours: 4, percentages: [percent, '7', '6', '6', '6', '6'] }, { hours: 38, percentages: [percent, '24', '19', '16', '14', '12'] }] });

    it('uses its own dated table', () => {
      const percentages = validateDatedTable([{ validFrom: '2024-01-01', validTo: null, source: 'regional tariff 2024', value: own('7') }]);
      const result = fee('2024-06-01', 1, '2000.00', 38, { tariff: { kind: 'table', percentages } });
      expect(result.percentage).toBe('7');
      expect(result.fee.toDecimalString()).toBe('94.29');
    });

    it('refuses a percentage above the statutory maximum and a factor above 1', () => {
      const percentages = validateDatedTable([{ validFrom: '2024-01-01', validTo: null, source: 'regional tariff 2024', value: own('9') }]);
      expect(() => fee('2024-06-01', 1, '2000.00', 4, { tariff: { kind: 'table', percentages } })).toThrow('tariff: 9 % exceeds the statutory maximum 8 %');
      expect(() => fee('2024-06-01', 1, '2000.00', 4, { tariff: { kind: 'factor', factor: '1.1', source: 'x' } })).toThrow(/tariff.factor: must be between 0 and 1/);
    });
  });

  it('refuses bad input with the field named', () => {
    expect(() => fee('2024-06-01', 0, '2000.00', 38)).toThrow(/householdSize/);
    expect(() => fee('2024-06-01', 1.5, '2000.00', 38)).toThrow(/householdSize/);
    expect(() => fee('2024-06-01', 1, '-1.00', 38)).toThrow('grossMonthlyIncome: must not be negative');
    expect(() => fee('2024-06-01', 1, '2000.00', '-1')).toThrow('hoursPerMonth: must not be negative');
    expect(() => fee('2024-06-01', 1, '2000.00', 'many')).toThrow(/hoursPerMonth/);
    expect(() => fiHomeCareFee({ date: '2024-06-01', householdSize: 1, grossMonthlyIncome: Money.parse('1', 'SEK'), hoursPerMonth: 4 })).toThrow('grossMonthlyIncome: must be in EUR');
  });
});
