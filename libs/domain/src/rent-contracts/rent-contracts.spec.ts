import { Money } from '../money/money';
import { rentContractEndDate, rentContractStartDate, rentFreeMonth } from './rent-contracts';

describe('rentContractStartDate', () => {
  it.each([
    ['care', '2024-03-01', '2024-03-17'],
    ['care', '2024-03-14', '2024-03-17'],
    ['care', '2024-03-15', '2024-04-01'],
    ['care', '2024-03-31', '2024-04-01'],
    ['care', '2024-12-20', '2025-01-01'],
    ['service-apartment', '2024-03-01', '2024-03-01'],
    ['service-apartment', '2024-03-14', '2024-03-01'],
    ['service-apartment', '2024-03-15', '2024-03-17'],
    ['service-apartment', '2024-02-29', '2024-02-17'],
  ] as const)('%s housing, move-in %s → contract date %s', (housing, moveIn, contractDate) => {
    expect(rentContractStartDate(housing, moveIn)).toBe(contractDate);
  });

  it('refuses an unknown housing type and a bad date', () => {
    expect(() => rentContractStartDate('castle' as never, '2024-03-01')).toThrow('housing: must be one of care, service-apartment');
    expect(() => rentContractStartDate('care', '2024-02-30')).toThrow(/moveIn/);
  });
});

describe('rentContractEndDate', () => {
  it('ends on the 14th for half a month’s rent and on the last day for a full month', () => {
    expect(rentContractEndDate('2024-02-03', 'half')).toBe('2024-02-14');
    expect(rentContractEndDate('2024-02-20', 'half')).toBe('2024-02-14');
    expect(rentContractEndDate('2024-02-03', 'full')).toBe('2024-02-29');
    expect(rentContractEndDate('2025-02-03', 'full')).toBe('2025-02-28');
    expect(() => rentContractEndDate('2025-02-03', 'most' as never)).toThrow('rent: must be half or full');
  });
});

describe('rentFreeMonth', () => {
  const rent = Money.parse('6200.00', 'SEK');
  const base = { fromOrdinaryHousing: true, documentedHousingCostForMoveInMonth: true, monthlyRent: rent };

  it('gives a single person from ordinary housing a deduction of one month’s rent on the next invoice', () => {
    const result = rentFreeMonth({ ...base, household: 'single' });
    expect(result.eligible).toBe(true);
    expect(result.deduction).toEqual(Money.parse('-6200.00', 'SEK'));
  });

  it('gives it to a couple moving in together', () => {
    expect(rentFreeMonth({ ...base, household: 'couple-moving-together' }).eligible).toBe(true);
  });

  it('refuses a cohabitant whose partner stays, an undocumented cost and a move from other care', () => {
    const partnerStays = rentFreeMonth({ ...base, household: 'cohabitant-partner-stays' });
    expect(partnerStays).toMatchObject({ eligible: false, reason: expect.stringMatching(/stays in the old home/) });
    expect(partnerStays.deduction.isZero()).toBe(true);
    expect(rentFreeMonth({ ...base, household: 'single', documentedHousingCostForMoveInMonth: false }).reason).toBe('no documented housing cost for the move-in month');
    expect(rentFreeMonth({ ...base, household: 'couple-moving-together', fromOrdinaryHousing: false }).eligible).toBe(false);
  });

  it('refuses an unknown household and a negative rent', () => {
    expect(() => rentFreeMonth({ ...base, household: 'commune' as never })).toThrow(/^household/);
    expect(() => rentFreeMonth({ ...base, household: 'single', monthlyRent: Money.parse('-1', 'SEK') })).toThrow('monthlyRent: must not be negative');
  });
});
