import { DomainValidationError } from '../errors';
import { daysInPeriod, firstDayOfPeriod, lastDayOfPeriod, nextPeriod, parseBillingPeriod, periodOf, previousPeriod, settingsEffectiveFrom } from './period';

describe('billing periods', () => {
  it('parses YYYY-MM and names the field when it is not a month', () => {
    expect(parseBillingPeriod('2024-06')).toBe('2024-06');
    expect(() => parseBillingPeriod('2024-13', 'selection.period')).toThrow(DomainValidationError);
    expect(() => parseBillingPeriod('2024-13', 'selection.period')).toThrow('selection.period: must be a month as YYYY-MM');
    for (const bad of ['2024-6', '2024-00', '06/2024', '2024-06-01', '', '0000-01']) expect(() => parseBillingPeriod(bad)).toThrow(/^period: /);
    expect(() => parseBillingPeriod(undefined as never)).toThrow(/^period: /);
  });

  it('gives the first and last day, leap years included', () => {
    expect([firstDayOfPeriod('2024-02'), lastDayOfPeriod('2024-02'), daysInPeriod('2024-02')]).toEqual(['2024-02-01', '2024-02-29', 29]);
    expect([firstDayOfPeriod('2023-02'), lastDayOfPeriod('2023-02')]).toEqual(['2023-02-01', '2023-02-28']);
    expect(lastDayOfPeriod('2024-12')).toBe('2024-12-31');
  });

  it('steps over the year end both ways and finds the period of a date', () => {
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(nextPeriod('2024-06')).toBe('2024-07');
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(periodOf('2024-06-30')).toBe('2024-06');
    expect(() => periodOf('2024-06-31')).toThrow(/^date: /);
  });

  it('lets a new address or recipient take effect from the period after the current one', () => {
    // Saved on 15.6.2024: the June invoices may already be made, so it applies from 1.7.2024.
    expect(settingsEffectiveFrom('2024-06-15')).toBe('2024-07-01');
    // Even on the first day of a period: the current period is still June.
    expect(settingsEffectiveFrom('2024-06-01')).toBe('2024-07-01');
    expect(settingsEffectiveFrom('2024-12-31')).toBe('2025-01-01');
  });
});
