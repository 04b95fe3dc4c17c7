import { refusalOf } from '../internal/refusal';
import { nextMonthlyRunDay } from '../calendar/schedules';
import { addDays, localDateParts } from '../dates/local-date';
import { checkTransferSchedule, monthlyRunDays, transferSchedule } from './transfer-schedule';

function refusal(action: () => unknown): { field?: string; reason: string } {
  const { field, reason } = refusalOf(action);
  return { field, reason };
}

describe('transferSchedule(kind, day)', () => {
  it('takes a weekly ISO weekday 1-7 (seed 000: Tuesday) and a monthly day 1-31 (seed 004: the 15th)', () => {
    expect(transferSchedule('weekly', 2)).toEqual({ kind: 'weekly', isoWeekday: 2 });
    expect(transferSchedule('weekly', 1)).toEqual({ kind: 'weekly', isoWeekday: 1 });
    expect(transferSchedule('weekly', 7)).toEqual({ kind: 'weekly', isoWeekday: 7 });
    expect(transferSchedule('monthly', 15)).toEqual({ kind: 'monthly', dayOfMonth: 15 });
    expect(transferSchedule('monthly', 1)).toEqual({ kind: 'monthly', dayOfMonth: 1 });
    expect(transferSchedule('monthly', 31)).toEqual({ kind: 'monthly', dayOfMonth: 31 });
    expect(Object.isFrozen(transferSchedule('monthly', 31))).toBe(true);
  });

  it.each([
    ['weekly', 0],
    ['weekly', 8],
    ['weekly', 2.5],
  ])('refuses a weekly day %s/%s naming the field', (kind, day) => {
    expect(refusal(() => transferSchedule(kind, day, { day: 'transferScheduleDay' }))).toEqual({
      field: 'transferScheduleDay',
      reason: 'a weekly run day is an ISO weekday from 1 (Monday) to 7 (Sunday)',
    });
  });

  it.each([0, 32, Number.NaN, 15.5])('refuses the monthly day %s', (day) => {
    expect(refusal(() => transferSchedule('monthly', day))).toEqual({
      field: 'transferSchedule.dayOfMonth',
      reason: 'a monthly run day is a day of the month from 1 to 31 (a shorter month runs on its last day)',
    });
  });

  it('refuses an unknown kind', () => {
    expect(refusal(() => transferSchedule('daily', 1, { kind: 'transferScheduleKind' }))).toEqual({
      field: 'transferScheduleKind',
      reason: 'must be weekly (on an ISO weekday) or monthly (on a day of the month)',
    });
    expect(refusal(() => checkTransferSchedule({ kind: 'daily' } as never)).field).toBe('transferSchedule');
    expect(refusal(() => checkTransferSchedule({ kind: 'weekly', isoWeekday: 9 } as never)).field).toBe('transferSchedule.isoWeekday');
  });
});

describe('monthlyRunDays', () => {
  it('is one entry for days 1-28', () => {
    expect(monthlyRunDays(15)).toEqual([{ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], dayOfMonth: 15 }]);
  });

  it('spells out the last day of short months for 29-31', () => {
    expect(monthlyRunDays(31)).toEqual([
      { months: [1, 3, 5, 7, 8, 10, 12], dayOfMonth: 31 },
      { months: [4, 6, 9, 11], dayOfMonth: 30 },
      { months: [2], dayOfMonth: 29, years: 'leap' },
      { months: [2], dayOfMonth: 28, years: 'common' },
    ]);
    expect(monthlyRunDays(29)[0]).toEqual({ months: [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], dayOfMonth: 29 });
  });

  it.each([15, 28, 29, 30, 31])('agrees with nextMonthlyRunDay for day %s over 2027-2029', (dayOfMonth) => {
    const entries = monthlyRunDays(dayOfMonth);
    const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const runs = (date: string) => {
      const { year, month, day } = localDateParts(date);
      return entries.some(
        (e) => e.months.includes(month) && e.dayOfMonth === day && (e.years === undefined || (e.years === 'leap') === leap(year)),
      );
    };
    for (let date = '2027-01-01'; date < '2030-01-01'; date = addDays(date, 1)) {
      expect([date, runs(date)]).toEqual([date, nextMonthlyRunDay(date, dayOfMonth) === date]);
    }
  });
});
