import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import { seElderlyCareFee } from './se-elderly-care';
import { SE_MAX_FEES, SE_MAX_FEE_FACTOR, SE_MINIMUM_AMOUNTS, SE_MINIMUM_AMOUNT_FACTORS } from './se-elderly-care-tables';

const sek = (text: string) => Money.parse(text, 'SEK');
const twelfth = (factor: string, priceBaseAmount: string) => decimal(factor).times(priceBaseAmount).dividedBy(12).toDecimalPlaces(0).toString();

describe('SE tables', () => {
  it('ship maxtaxa 2 575 kr (2024), 2 642 kr (2025) and 2 660 kr (2026)', () => {
    expect(SE_MAX_FEES.map((r) => [r.validFrom, r.validTo, r.value.maxFee])).toEqual([
      ['2024-01-01', '2024-12-31', '2575'],
      ['2025-01-01', '2025-06-30', '2642'],
      ['2025-07-01', '2025-12-31', '2642'],
      ['2026-01-01', '2026-12-31', '2660'],
    ]);
  });

  it('compute every maxtaxa as 0.5392 × prisbasbelopp / 12 in whole kronor', () => {
    for (const row of SE_MAX_FEES) expect(row.value.maxFee).toBe(twelfth(SE_MAX_FEE_FACTOR, row.value.priceBaseAmount));
  });

  it('cite the new act SFS 2025:400 from 1.7.2025', () => {
    expect(SE_MAX_FEES[1].source).toMatch(/2001:453/);
    expect(SE_MAX_FEES[2].source).toMatch(/2025:400/);
    expect(SE_MINIMUM_AMOUNTS[2].source).toMatch(/2025:400/);
  });

  it('ship the 2024 minimum amounts and derive later years from prisbasbelopp, marked check', () => {
    expect(SE_MINIMUM_AMOUNTS[0].value).toEqual({ single: '7062', cohabitingEach: '5762' });
    SE_MINIMUM_AMOUNTS.forEach((row, i) => {
      const priceBaseAmount = SE_MAX_FEES[i].value.priceBaseAmount;
      expect(row.value.single).toBe(twelfth(SE_MINIMUM_AMOUNT_FACTORS.single, priceBaseAmount));
      expect(row.value.cohabitingEach).toBe(twelfth(SE_MINIMUM_AMOUNT_FACTORS.cohabitingEach, priceBaseAmount));
      if (i > 0) expect(row.source).toMatch(/check: derived/);
    });
  });
});

describe('seElderlyCareFee', () => {
  const base = { date: '2024-05-01', housingCost: sek('5000.00'), serviceCost: sek('3000.00') };

  it('caps the fee at maxtaxa', () => {
    const result = seElderlyCareFee({ ...base, netMonthlyIncome: sek('15000.00') });
    expect(result.minimumAmount).toEqual(sek('7062.00'));
    expect(result.reservedAmount).toEqual(sek('12062.00'));
    expect(result.feeRoom).toEqual(sek('2938.00'));
    expect(result.maxFee).toEqual(sek('2575.00'));
    expect(result.fee).toEqual(sek('2575.00'));
  });

  it('charges the fee room when it is the smallest', () => {
    expect(seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00') }).fee).toEqual(sek('938.00'));
  });

  it('charges the service cost when it is the smallest', () => {
    expect(seElderlyCareFee({ ...base, serviceCost: sek('500.00'), netMonthlyIncome: sek('15000.00') }).fee).toEqual(sek('500.00'));
  });

  it('charges nothing when the fee room is zero or negative', () => {
    const result = seElderlyCareFee({ ...base, netMonthlyIncome: sek('12000.00') });
    expect(result.feeRoom).toEqual(sek('-62.00'));
    expect(result.fee.isZero()).toBe(true);
    expect(seElderlyCareFee({ ...base, netMonthlyIncome: sek('12062.00') }).fee.isZero()).toBe(true);
  });

  it('uses the couple’s minimum amount and pools and splits a couple’s incomes', () => {
    expect(seElderlyCareFee({ ...base, cohabiting: true, netMonthlyIncome: sek('12000.00') })).toMatchObject({
      minimumAmount: sek('5762.00'),
      feeRoom: sek('1238.00'),
      fee: sek('1238.00'),
    });
    const pooled = seElderlyCareFee({ ...base, netMonthlyIncome: sek('15000.00'), spouseNetMonthlyIncome: sek('10000.01') });
    // (15 000.00 + 10 000.01) / 2 = 12 500.005 → 12 500.01, half up
    expect(pooled.countedIncome).toEqual(sek('12500.01'));
    expect(pooled.minimumAmount).toEqual(sek('5762.00'));
    expect(pooled.fee).toEqual(sek('1738.01'));
  });

  it('adds the individual adjustment to the reserved amount, either sign', () => {
    expect(seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00'), individualAdjustment: sek('500.00') }).fee).toEqual(sek('438.00'));
    expect(seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00'), individualAdjustment: sek('-500.00') }).fee).toEqual(sek('1438.00'));
  });

  it('counts at most the housing-cost cap when one is given', () => {
    const result = seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00'), housingCostCap: sek('4500.00') });
    expect(result.reservedAmount).toEqual(sek('11562.00'));
    expect(result.explanation.lines).toContain('housing cost 5000.00 SEK capped at 4500.00 SEK');
  });

  it('uses the 2026 amounts', () => {
    const result = seElderlyCareFee({ ...base, date: '2026-03-01', netMonthlyIncome: sek('20000.00') });
    expect(result.maxFee).toEqual(sek('2660.00'));
    expect(result.fee).toEqual(sek('2660.00'));
  });

  it('has no rule before 2024 or for a year nobody entered', () => {
    expect(() => seElderlyCareFee({ ...base, date: '2023-12-31', netMonthlyIncome: sek('1.00') })).toThrow(/^date: no rule for 2023-12-31/);
    expect(() => seElderlyCareFee({ ...base, date: '2027-01-01', netMonthlyIncome: sek('1.00') })).toThrow(/^date: no rule for 2027-01-01/);
  });

  it('explains the rules and the arithmetic', () => {
    const { explanation } = seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00') });
    expect(explanation.rules.map((r) => r.table)).toEqual(['SE minimum amounts (minimibelopp)', 'SE maximum fees (maxtaxa)']);
    expect(explanation.lines).toEqual([
      'minimum amount (single): 7062.00 SEK',
      'reserved amount: 7062.00 SEK + 0.00 SEK + housing 5000.00 SEK = 12062.00 SEK',
      'fee room: 13000.00 SEK − 12062.00 SEK = 938.00 SEK',
      'fee = min(fee room 938.00 SEK, service cost 3000.00 SEK, maxtaxa 2575.00 SEK) = 938.00 SEK',
    ]);
  });

  it('refuses euros, negative amounts and a spouse income for a single client', () => {
    expect(() => seElderlyCareFee({ ...base, netMonthlyIncome: Money.parse('1', 'EUR') })).toThrow('netMonthlyIncome: must be in SEK');
    expect(() => seElderlyCareFee({ ...base, housingCost: sek('-1'), netMonthlyIncome: sek('1') })).toThrow('housingCost: must not be negative');
    expect(() => seElderlyCareFee({ ...base, cohabiting: false, spouseNetMonthlyIncome: sek('1'), netMonthlyIncome: sek('1') })).toThrow(
      /spouseNetMonthlyIncome/,
    );
  });
});
