import { Money } from '../money/money';
import { fiLongTermCareFee } from './fi-long-term-care';
import { FI_PERSONAL_ALLOWANCES } from './fi-long-term-care-tables';

const eur = (text: string) => Money.parse(text, 'EUR');

describe('FI personal allowance table (käyttövara)', () => {
  it('ships the amounts from 1.7.2021, the 2022-2023 ones confirmed by STM ilmoitus 932/2021', () => {
    expect(FI_PERSONAL_ALLOWANCES.map((r) => [r.validFrom, r.validTo, r.value['enhanced-service-housing'], r.value['family-care'], r.value['institutional-care'], r.status])).toEqual([
      ['2021-07-01', '2021-12-31', '164', '164', '110', 'check'],
      ['2022-01-01', '2023-12-31', '167', '167', '112', 'confirmed'],
      ['2024-01-01', '2025-12-31', '182', '182', '122', 'estimate'],
      ['2026-01-01', null, '195', '195', '130', 'estimate'],
    ]);
    expect(FI_PERSONAL_ALLOWANCES[1].source).toMatch(/STM ilmoitus 932\/2021 \(11\.11\.2021\) item 5/);
  });

  it('indexes every estimate like the income limits and never carries an old amount forward', () => {
    // The 2024 review raised the income limits by ~9.24 % (598 → 653); 167 × 1.0924 = 182.4 → 182.
    const rise = (from: string, factor: string) => Math.round(Number(from) * Number(factor));
    const [, confirmed, estimate2024, estimate2026] = FI_PERSONAL_ALLOWANCES;
    expect(estimate2024.value['enhanced-service-housing']).toBe(String(rise(confirmed.value['enhanced-service-housing'], '1.0924')));
    expect(estimate2024.value['institutional-care']).toBe(String(rise(confirmed.value['institutional-care'], '1.0924')));
    expect(estimate2026.value['enhanced-service-housing']).toBe(String(rise(estimate2024.value['enhanced-service-housing'], '1.0693')));
    expect(estimate2026.value['institutional-care']).toBe(String(rise(estimate2024.value['institutional-care'], '1.0693')));
  });
});

describe('fiLongTermCareFee', () => {
  it('charges 85 % of net income after deductions', () => {
    const result = fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1500.00'), deductions: eur('100.00') });
    // 85 % × 1 400.00 = 1 190.00; 1 500 − 100 − 167 = 1 233.00 leaves more than the allowance.
    expect(result.fee).toEqual(eur('1190.00'));
    expect(result.personalAllowance).toEqual(eur('167.00'));
    expect(result.spouseRuleApplied).toBe(false);
  });

  it('leaves the personal allowance when 85 % would take more', () => {
    const result = fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1000.00') });
    // 85 % × 1 000 = 850.00, but only 1 000 − 167 = 833.00 may be taken.
    expect(result.percentageCeiling).toEqual(eur('850.00'));
    expect(result.fee).toEqual(eur('833.00'));
  });

  it('applies the spouse rule when the spouse at home earns less: 42.5 % of the combined income', () => {
    const result = fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('2000.00'), spouseNetMonthlyIncome: eur('1000.00') });
    // 42.5 % × 3 000.00 = 1 275.00 < 85 % × 2 000.00 = 1 700.00
    expect(result.spouseRuleApplied).toBe(true);
    expect(result.fee).toEqual(eur('1275.00'));
    expect(result.explanation.lines[0]).toMatch(/^spouse rule/);
  });

  it('subtracts the deductions from the combined income under the spouse rule', () => {
    const result = fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('2000.00'), spouseNetMonthlyIncome: eur('1000.00'), deductions: eur('200.00') });
    // 42.5 % × 2 800.00 = 1 190.00
    expect(result.fee).toEqual(eur('1190.00'));
  });

  it('uses the client’s own income when the spouse earns as much or more', () => {
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1000.00'), spouseNetMonthlyIncome: eur('2000.00') })).toMatchObject({
      spouseRuleApplied: false,
      fee: eur('833.00'),
    });
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1000.00'), spouseNetMonthlyIncome: eur('1000.00') }).spouseRuleApplied).toBe(false);
  });

  it('is never negative', () => {
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('100.00') }).fee.toDecimalString()).toBe('0.00');
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('500.00'), deductions: eur('600.00') }).fee.toDecimalString()).toBe('0.00');
  });

  it('rounds half up to the cent', () => {
    // 85 % × 1 234.57 = 1 049.3845 → 1 049.38; 85 % × 1 234.59 = 1 049.4015 → 1 049.40
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1234.57') }).fee.toDecimalString()).toBe('1049.38');
    // 85 % × 1 000.03 = 850.0255 → 850.03
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1000.03'), deductions: eur('0.00') }).percentageCeiling.toDecimalString()).toBe('850.03');
  });

  it('uses the institutional-care allowance and the service-cost cap', () => {
    expect(fiLongTermCareFee({ date: '2023-05-01', careType: 'institutional-care', netMonthlyIncome: eur('1000.00') })).toMatchObject({
      personalAllowance: eur('112.00'),
      fee: eur('850.00'),
    });
    expect(fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('3000.00'), serviceCost: eur('1500.00') }).fee).toEqual(eur('1500.00'));
  });

  it('uses the estimated 2026 allowance and says it is an estimate', () => {
    const result = fiLongTermCareFee({ date: '2026-02-01', netMonthlyIncome: eur('1000.00') });
    expect(result.personalAllowance).toEqual(eur('195.00'));
    expect(result.fee).toEqual(eur('805.00'));
    expect(result.explanation.rules[1].source).toMatch(/estimate/);
  });

  it('has no rule before the reform of 1.7.2021', () => {
    expect(() => fiLongTermCareFee({ date: '2021-06-30', netMonthlyIncome: eur('1000.00') })).toThrow(/^date: no rule for 2021-06-30/);
  });

  it('refuses bad input', () => {
    expect(() => fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('-1.00') })).toThrow('netMonthlyIncome: must not be negative');
    expect(() => fiLongTermCareFee({ date: '2023-05-01', netMonthlyIncome: eur('1.00'), careType: 'hotel' as never })).toThrow(/careType/);
  });
});
