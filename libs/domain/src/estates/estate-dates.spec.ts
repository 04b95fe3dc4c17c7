import { estateDates, inventoryDocumentName } from './estate-dates';

describe('estate dates (kuolinpesä / dödsbo)', () => {
  it('ends billing on the date of death and closes vouchers the day after (seed 003)', () => {
    expect(estateDates('FI', '2026-03-14')).toEqual({ billingEndsOn: '2026-03-14', voucherClosesOn: '2026-03-15', inventoryDeadline: '2026-06-14' });
  });

  it('closes vouchers across a month and a year end', () => {
    expect(estateDates('SE', '2026-12-31').voucherClosesOn).toBe('2027-01-01');
    expect(estateDates('FI', '2028-02-28').voucherClosesOn).toBe('2028-02-29');
  });

  it.each([
    ['2024-11-30', '2025-02-28'],
    ['2023-11-30', '2024-02-29'],
    ['2026-05-31', '2026-08-31'],
    ['2026-03-31', '2026-06-30'],
    ['2026-10-15', '2027-01-15'],
  ])('dues the inventory three calendar months after a death on %s: %s, the month end where the month is shorter', (died, due) => {
    expect(estateDates('FI', died).inventoryDeadline).toBe(due);
    expect(estateDates('SE', died).inventoryDeadline).toBe(due);
  });

  it('refuses a date that does not exist and an unknown country', () => {
    expect(() => estateDates('FI', '2026-02-30')).toThrow(/dateOfDeath: day 30 does not exist in 2026-02/);
    expect(() => estateDates('NO' as never, '2026-02-01')).toThrow(/country: must be one of FI, SE/);
  });

  it('names the inventory by country: a dödsboanmälan exists only in Sweden', () => {
    expect(inventoryDocumentName('FI', 'fi')).toBe('perunkirjoitus');
    expect(inventoryDocumentName('SE', 'sv')).toBe('bouppteckning eller dödsboanmälan');
    expect(inventoryDocumentName('SE')).toMatch(/dödsboanmälan/);
  });
});
