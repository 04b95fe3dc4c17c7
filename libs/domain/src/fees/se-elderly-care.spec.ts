import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import { seElderlyCareFee } from './se-elderly-care';
import { SE_MAX_FEES, SE_MAX_FEE_FACTOR, SE_MINIMUM_AMOUNTS, SE_MINIMUM_AMOUNT_FACTORS, SE_SPECIAL_HOUSING_FEE_CAPS, SE_SPECIAL_HOUSING_FEE_FACTOR } from './se-elderly-care-tables';

const sek = (text: string) => Money.parse(text, 'SEK');
const twelfth = (factor: string, priceBaseAmount: string) => decimal(factor).times(priceBaseAmount).dividedBy(12).toDecimalPlaces(0).toString();

describe('SE tables', () => {
  it('ship maxtaxa for every year from 2021, split at the new act on 1.7.2025, with 2027 an estimate', () => {
    expect(SE_MAX_FEES.map((r) => [r.validFrom, r.validTo, r.value.maxFee, r.status])).toEqual([
      ['2021-01-01', '2021-12-31', '2139', 'check'],
      ['2022-01-01', '2022-12-31', '2170', 'confirmed'],
      ['2023-01-01', '2023-12-31', '2359', 'check'],
      ['2024-01-01', '2024-12-31', '2575', 'check'],
      ['2025-01-01', '2025-06-30', '2642', 'check'],
      ['2025-07-01', '2025-12-31', '2642', 'check'],
      ['2026-01-01', '2026-12-31', '2660', 'check'],
      ['2027-01-01', '2027-12-31', '2660', 'estimate'],
    ]);
  });

  it('compute every maxtaxa as 0.5392 × prisbasbelopp / 12 in whole kronor', () => {
    for (const row of SE_MAX_FEES) expect(row.value.maxFee).toBe(twelfth(SE_MAX_FEE_FACTOR, row.value.priceBaseAmount));
  });

  it('compute every special-housing fee cap as 0.5539 × prisbasbelopp / 12, rounded down to the öre', () => {
    for (const row of SE_SPECIAL_HOUSING_FEE_CAPS) {
      expect(row.value.cap).toBe(decimal(SE_SPECIAL_HOUSING_FEE_FACTOR).times(row.value.priceBaseAmount).dividedBy(12).toDecimalPlaces(2, 1).toFixed(2));
    }
    expect(SE_SPECIAL_HOUSING_FEE_CAPS.find((r) => r.validFrom === '2026-01-01')?.value.cap).toBe('2732.57');
  });

  it('cite SoL 2001:453 until 30.6.2025 and the new act SFS 2025:400 from 1.7.2025', () => {
    for (const table of [SE_MAX_FEES, SE_MINIMUM_AMOUNTS, SE_SPECIAL_HOUSING_FEE_CAPS]) {
      for (const row of table) expect(row.source).toMatch(row.validFrom < '2025-07-01' ? /2001:453/ : /2025:400/);
    }
  });

  it('ship the minimum amounts of every period since 2021, with the change of 1.8.2022 (SFS 2022:935)', () => {
    expect(SE_MINIMUM_AMOUNTS.map((r) => [r.validFrom, r.validTo, r.value.single, r.value.cohabitingEach])).toEqual([
      ['2021-01-01', '2021-12-31', '5373', '4540'],
      ['2022-01-01', '2022-07-31', '5653', '4707'],
      ['2022-08-01', '2022-12-31', '5853', '4807'],
      ['2023-01-01', '2023-12-31', '6470', '5279'],
      ['2024-01-01', '2024-12-31', '7062', '5762'],
      ['2025-01-01', '2025-06-30', '7247', '5912'],
      ['2025-07-01', '2025-12-31', '7247', '5912'],
      ['2026-01-01', '2026-12-31', '7296', '5953'],
      ['2027-01-01', '2027-12-31', '7296', '5953'],
    ]);
    expect(SE_MINIMUM_AMOUNTS[0].value).toEqual({ single: twelfth('1.3546', '47600'), cohabitingEach: twelfth('1.1446', '47600') });
    expect(SE_MINIMUM_AMOUNTS[2].value).toEqual({ single: twelfth('1.4541', '48300'), cohabitingEach: twelfth('1.1942', '48300') });
    for (const row of SE_MINIMUM_AMOUNTS.slice(3)) {
      const priceBaseAmount = SE_MAX_FEES.find((m) => m.validFrom === row.validFrom)!.value.priceBaseAmount;
      expect(row.value).toEqual({ single: twelfth(SE_MINIMUM_AMOUNT_FACTORS.single, priceBaseAmount), cohabitingEach: twelfth(SE_MINIMUM_AMOUNT_FACTORS.cohabitingEach, priceBaseAmount) });
    }
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

  it('gives a cohabitant the couple’s minimum amount on their own income', () => {
    expect(seElderlyCareFee({ ...base, relationship: 'cohabiting', netMonthlyIncome: sek('12000.00') })).toMatchObject({
      minimumAmount: sek('5762.00'),
      countedIncome: sek('12000.00'),
      feeRoom: sek('1238.00'),
      fee: sek('1238.00'),
    });
  });

  it('pools and halves a married couple’s incomes, half up to the öre', () => {
    const pooled = seElderlyCareFee({ ...base, relationship: 'married', netMonthlyIncome: sek('15000.00'), spouseNetMonthlyIncome: sek('10000.01') });
    // (15 000.00 + 10 000.01) / 2 = 12 500.005 → 12 500.01, half up
    expect(pooled.countedIncome).toEqual(sek('12500.01'));
    expect(pooled.minimumAmount).toEqual(sek('5762.00'));
    expect(pooled.fee).toEqual(sek('1738.01'));
  });

  it('refuses to pool a cohabitant’s income, and needs the spouse’s income of a married client', () => {
    expect(() => seElderlyCareFee({ ...base, relationship: 'cohabiting', netMonthlyIncome: sek('12000.00'), spouseNetMonthlyIncome: sek('9000.00') })).toThrow(
      /^spouseNetMonthlyIncome: is not counted for a cohabitant/,
    );
    expect(() => seElderlyCareFee({ ...base, relationship: 'married', netMonthlyIncome: sek('12000.00') })).toThrow(/^spouseNetMonthlyIncome: is required for a married client/);
    expect(() => seElderlyCareFee({ ...base, relationship: 'partner' as never, netMonthlyIncome: sek('1') })).toThrow('relationship: must be one of single, married, cohabiting');
  });

  it('adds the individual adjustment to the reserved amount, either sign', () => {
    expect(seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00'), individualAdjustment: sek('500.00') }).fee).toEqual(sek('438.00'));
    expect(seElderlyCareFee({ ...base, netMonthlyIncome: sek('13000.00'), individualAdjustment: sek('-500.00') }).fee).toEqual(sek('1438.00'));
  });

  describe('special housing outside the tenancy act (8 kap. 5 § 2, 7 § 1 st.)', () => {
    const room = { date: '2024-05-01', housingCost: sek('0.00'), serviceCost: sek('3000.00') };

    it('reserves nothing for its housing fee and charges that fee first, at most the cap', () => {
      // 2024: cap 2 644.87; room 15 000 − 7 062 = 7 938; housing min(3 000, 2 644.87) = 2 644.87;
      // care min(7 938 − 2 644.87 = 5 293.13, 3 000, 2 575) = 2 575.
      const result = seElderlyCareFee({ ...room, netMonthlyIncome: sek('15000.00'), specialHousingFee: sek('3000.00') });
      expect(result.reservedAmount).toEqual(sek('7062.00'));
      expect(result.housingFee).toEqual(sek('2644.87'));
      expect(result.fee).toEqual(sek('2575.00'));
      expect(result.explanation.rules.map((r) => r.table)).toContain('SE special-housing fee caps');
    });

    it('leaves the care fee what the housing fee leaves of the fee room', () => {
      // Room 10 000 − 7 062 = 2 938; housing 2 000 (below the cap); care 938.
      const result = seElderlyCareFee({ ...room, netMonthlyIncome: sek('10000.00'), specialHousingFee: sek('2000.00') });
      expect([result.housingFee.toDecimalString(), result.fee.toDecimalString()]).toEqual(['2000.00', '938.00']);
      // Room 8 000 − 7 062 = 938 < the housing fee: 938 for housing, nothing for care.
      const tight = seElderlyCareFee({ ...room, netMonthlyIncome: sek('8000.00'), specialHousingFee: sek('2000.00') });
      expect([tight.housingFee.toDecimalString(), tight.fee.toDecimalString()]).toEqual(['938.00', '0.00']);
      expect(tight.explanation.lines.at(-1)).toBe('no fee room left for the care fee: no care fee');
    });

    it('charges no housing fee without fee room', () => {
      const result = seElderlyCareFee({ ...room, netMonthlyIncome: sek('7000.00'), specialHousingFee: sek('2000.00') });
      expect([result.housingFee.isZero(), result.fee.isZero()]).toEqual([true, true]);
    });
  });

  it('uses the 2026 amounts', () => {
    const result = seElderlyCareFee({ ...base, date: '2026-03-01', netMonthlyIncome: sek('20000.00') });
    expect(result.maxFee).toEqual(sek('2660.00'));
    expect(result.fee).toEqual(sek('2660.00'));
  });

  it('has no rule before 2021 or for a year nobody entered', () => {
    expect(() => seElderlyCareFee({ ...base, date: '2020-12-31', netMonthlyIncome: sek('1.00') })).toThrow(/^date: no rule for 2020-12-31/);
    expect(() => seElderlyCareFee({ ...base, date: '2028-01-01', netMonthlyIncome: sek('1.00') })).toThrow(/^date: no rule for 2028-01-01/);
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
    expect(() => seElderlyCareFee({ ...base, relationship: 'single', spouseNetMonthlyIncome: sek('1'), netMonthlyIncome: sek('1') })).toThrow(
      'spouseNetMonthlyIncome: is only for a married client',
    );
    expect(() => seElderlyCareFee({ ...base, specialHousingFee: sek('-1'), netMonthlyIncome: sek('1') })).toThrow('specialHousingFee: must not be negative');
  });
});
