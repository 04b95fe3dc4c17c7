import { latestMonthEnd } from './month-end';

describe('the month end a debt review covers', () => {
  it('is the day itself on a month’s last day', () => {
    expect(latestMonthEnd('2027-02-28')).toBe('2027-02-28');
    expect(latestMonthEnd('2028-02-29')).toBe('2028-02-29');
  });

  it('is the previous month’s end on any other day (a caught-up or a manual run)', () => {
    expect(latestMonthEnd('2027-03-01')).toBe('2027-02-28');
    expect(latestMonthEnd('2027-01-15')).toBe('2026-12-31');
  });
});
