import { Money } from '../money/money';
import { maximumFeeWithoutIncome } from './maximum-fee';

describe('maximumFeeWithoutIncome', () => {
  it('charges the service cost in FI home care and long-term care', () => {
    expect(maximumFeeWithoutIncome({ rule: 'fi-home-care', date: '2024-05-01', serviceCost: Money.parse('812.40', 'EUR') }).fee.toString()).toBe('812.40 EUR');
    expect(maximumFeeWithoutIncome({ rule: 'fi-long-term-care', date: '2024-05-01', serviceCost: Money.parse('4200.00', 'EUR') }).fee.toString()).toBe('4200.00 EUR');
  });

  it('charges maxtaxa in SE, or the service cost when lower', () => {
    const max = maximumFeeWithoutIncome({ rule: 'se-elderly-care', date: '2026-05-01' });
    expect(max.fee.toString()).toBe('2660.00 SEK');
    expect(max.explanation.rules[0].validFrom).toBe('2026-01-01');
    expect(maximumFeeWithoutIncome({ rule: 'se-elderly-care', date: '2026-05-01', serviceCost: Money.parse('1200', 'SEK') }).fee.toString()).toBe('1200.00 SEK');
    expect(maximumFeeWithoutIncome({ rule: 'se-elderly-care', date: '2024-05-01', serviceCost: Money.parse('9000', 'SEK') }).fee.toString()).toBe('2575.00 SEK');
  });

  it('refuses a missing service cost, the wrong currency and an unknown rule', () => {
    expect(() => maximumFeeWithoutIncome({ rule: 'fi-home-care', date: '2024-05-01' } as never)).toThrow('serviceCost: must be an amount of money');
    expect(() => maximumFeeWithoutIncome({ rule: 'fi-home-care', date: '2024-05-01', serviceCost: Money.parse('1', 'SEK') })).toThrow('serviceCost: must be in EUR');
    expect(() => maximumFeeWithoutIncome({ rule: 'no-such-rule', date: '2024-05-01' } as never)).toThrow(/^rule: must be/);
  });
});
