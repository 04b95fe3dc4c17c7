import type { CalendarSpec, Range } from '@temporalio/client';
import { addDays, dayOfWeek, localDateParts, nextMonthlyRunDay, nextWeeklyRunDay, transferSchedule } from '@clientfees/domain';
import { transferRunCalendars } from '../src/organisations/transfer-run-schedule';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Whether a value is in a Temporal calendar field as transferRunCalendars writes it (absent = any). */
function inField(field: unknown, value: string | number): boolean {
  if (field === undefined || field === '*') return true;
  const ranges = (Array.isArray(field) ? field : [field]) as Array<string | number | Range<string | number>>;
  return ranges.some((range) => {
    if (typeof range !== 'object' || range === null) return range === value;
    const { start, end = start, step = 1 } = range;
    if (typeof start === 'number' && typeof end === 'number' && typeof value === 'number') {
      return value >= start && value <= end && (value - start) % step === 0;
    }
    return start === value;
  });
}

function runsOn(calendars: CalendarSpec[], date: string): boolean {
  const { year, month, day } = localDateParts(date);
  return calendars.some(
    (c) =>
      inField(c.year, year) && inField(c.month, MONTHS[month - 1]) && inField(c.dayOfMonth, day) && inField(c.dayOfWeek, WEEKDAYS[dayOfWeek(date) - 1]),
  );
}

describe('transfer-run Schedule calendars', () => {
  it('runs weekly on the ISO weekday at 06:00', () => {
    expect(transferRunCalendars(transferSchedule('weekly', 2))).toEqual([{ dayOfWeek: 'TUESDAY', hour: 6 }]);
    expect(transferRunCalendars(transferSchedule('weekly', 7))).toEqual([{ dayOfWeek: 'SUNDAY', hour: 6 }]);
  });

  it('runs monthly on days 1-28 with one calendar', () => {
    expect(transferRunCalendars(transferSchedule('monthly', 15))).toEqual([{ dayOfMonth: 15, hour: 6 }]);
  });

  it.each([
    ['weekly', 1],
    ['weekly', 2],
    ['monthly', 1],
    ['monthly', 15],
    ['monthly', 28],
    ['monthly', 29],
    ['monthly', 30],
    ['monthly', 31],
  ] as const)('%s on %s runs on the days of the domain rule, 2027-2100 spot checks included', (kind, day) => {
    const schedule = transferSchedule(kind, day);
    const calendars = transferRunCalendars(schedule);
    const expected = (date: string) => (schedule.kind === 'weekly' ? nextWeeklyRunDay(date, schedule.isoWeekday) : nextMonthlyRunDay(date, schedule.dayOfMonth)) === date;
    const check = (from: string, to: string) => {
      for (let date = from; date < to; date = addDays(date, 1)) expect([date, runsOn(calendars, date)]).toEqual([date, expected(date)]);
    };
    check('2027-01-01', '2029-03-05'); // 2028 is a leap year
    check('2100-02-01', '2100-03-05'); // 2100 is not
  });
});
