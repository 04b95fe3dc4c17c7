import { DomainValidationError } from '../errors';
import { nextMonthlyRunDay, nextWeeklyRunDay } from './schedules';

describe('nextWeeklyRunDay', () => {
  it('finds the Tuesday transfer run of seed 000 (due 11.8.2017 + 17 days → Tue 29.8.2017)', () => {
    expect(nextWeeklyRunDay('2017-08-28', 2)).toBe('2017-08-29');
    expect(nextWeeklyRunDay('2017-08-29', 2)).toBe('2017-08-29');
    expect(nextWeeklyRunDay('2017-08-30', 2)).toBe('2017-09-05');
  });

  it('handles every weekday from a Sunday', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((weekday) => nextWeeklyRunDay('2025-12-28', weekday as 1))).toEqual([
      '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2025-12-28',
    ]);
  });

  it('refuses weekdays outside 1-7', () => {
    expect(() => nextWeeklyRunDay('2025-01-01', 0 as 1)).toThrow(new DomainValidationError('must be between 1 and 7', 'isoWeekday'));
    expect(() => nextWeeklyRunDay('2025-01-01', 8 as 1)).toThrow(DomainValidationError);
  });
});

describe('nextMonthlyRunDay', () => {
  it('keeps the date when it is the run day and otherwise moves forward', () => {
    expect(nextMonthlyRunDay('2025-01-15', 15)).toBe('2025-01-15');
    expect(nextMonthlyRunDay('2025-01-10', 15)).toBe('2025-01-15');
    expect(nextMonthlyRunDay('2025-01-16', 15)).toBe('2025-02-15');
    expect(nextMonthlyRunDay('2025-12-20', 15)).toBe('2026-01-15');
    expect(nextMonthlyRunDay('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(nextMonthlyRunDay('2025-02-10', 31)).toBe('2025-02-28');
    expect(nextMonthlyRunDay('2024-02-10', 31)).toBe('2024-02-29');
    expect(nextMonthlyRunDay('2025-02-28', 31)).toBe('2025-02-28');
    expect(nextMonthlyRunDay('2025-03-01', 31)).toBe('2025-03-31');
    expect(nextMonthlyRunDay('2025-04-05', 31)).toBe('2025-04-30');
    expect(nextMonthlyRunDay('2025-01-31', 30)).toBe('2025-02-28');
    expect(nextMonthlyRunDay('2025-01-30', 30)).toBe('2025-01-30');
  });

  it('refuses days outside 1-31', () => {
    expect(() => nextMonthlyRunDay('2025-01-01', 0)).toThrow(new DomainValidationError('must be between 1 and 31', 'dayOfMonth'));
    expect(() => nextMonthlyRunDay('2025-01-01', 32)).toThrow(DomainValidationError);
  });
});
