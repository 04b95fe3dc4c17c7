import { DomainValidationError } from '../errors';
import { refusalOf } from '../internal/refusal';
import {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  fromEpochDay,
  isAfter,
  isBefore,
  isLeapYear,
  isLocalDate,
  isOnOrAfter,
  isOnOrBefore,
  lastDayOfMonth,
  localDateOf,
  localDateParts,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  parseLocalDate,
  toEpochDay,
} from './local-date';

const reasonOf = (action: () => unknown): string => refusalOf(action).reason;

describe('parseLocalDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2017-07-25'])('accepts %s', (text) => {
    expect(parseLocalDate(text)).toBe(text);
  });

  it.each(['2025-1-01', '25-01-01', '2025/01/01', '20250101', ' 2025-01-01', '2025-01-01T00:00:00', '', '+2025-01-01', '२०२५-०१-०१'])(
    'rejects the malformed %p',
    (text) => {
      expect(reasonOf(() => parseLocalDate(text))).toBe('must be a date in the form YYYY-MM-DD');
    },
  );

  it('rejects non-strings, which can arrive from untyped JSON', () => {
    expect(reasonOf(() => parseLocalDate(20250101 as unknown as string))).toBe('must be a date in the form YYYY-MM-DD');
  });

  it('rejects impossible dates with the reason', () => {
    expect(reasonOf(() => parseLocalDate('2025-02-29'))).toBe('day 29 does not exist in 2025-02');
    expect(reasonOf(() => parseLocalDate('1900-02-29'))).toBe('day 29 does not exist in 1900-02');
    expect(reasonOf(() => parseLocalDate('2025-04-31'))).toBe('day 31 does not exist in 2025-04');
    expect(reasonOf(() => parseLocalDate('2025-01-00'))).toBe('day 0 does not exist in 2025-01');
    expect(reasonOf(() => parseLocalDate('2025-13-01'))).toBe('month must be between 01 and 12');
    expect(reasonOf(() => parseLocalDate('2025-00-10'))).toBe('month must be between 01 and 12');
    expect(reasonOf(() => parseLocalDate('0000-01-01'))).toBe('year must be between 0001 and 9999');
  });

  it('names the field when given one', () => {
    try {
      parseLocalDate('2025-02-30', 'invoiceDate');
      throw new Error('not thrown');
    } catch (error) {
      expect((error as DomainValidationError).field).toBe('invoiceDate');
      expect((error as DomainValidationError).message).toBe('invoiceDate: day 30 does not exist in 2025-02');
    }
  });

  it('isLocalDate answers without throwing', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate(null)).toBe(false);
    expect(isLocalDate(42)).toBe(false);
  });
});

describe('parseLocalDate remembers valid dates', () => {
  it('answers the same the second time, and still refuses what does not exist', () => {
    for (let i = 0; i < 2; i++) {
      expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
      expect(localDateParts('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
      expect(() => parseLocalDate('2025-02-29', 'validFrom')).toThrow('validFrom: day 29 does not exist in 2025-02');
      expect(() => parseLocalDate('2024-2-29')).toThrow(DomainValidationError);
    }
    expect(compareLocalDates('2024-02-29', '2024-03-01')).toBe(-1);
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
  });
});

describe('parts and construction', () => {
  it('builds and splits dates', () => {
    expect(localDateOf(2025, 3, 7)).toBe('2025-03-07');
    expect(localDateOf(5, 1, 1)).toBe('0005-01-01');
    expect(localDateParts('2025-03-07')).toEqual({ year: 2025, month: 3, day: 7 });
    expect(() => localDateOf(2025, 2, 29)).toThrow(DomainValidationError);
    expect(() => localDateOf(2025, 1.5, 1)).toThrow(DomainValidationError);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(() => daysInMonth(2024, 13)).toThrow(DomainValidationError);
  });
});

describe('epoch days', () => {
  it('counts from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1970-01-02')).toBe(1);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(fromEpochDay(MIN_EPOCH_DAY)).toBe('0001-01-01');
    expect(fromEpochDay(MAX_EPOCH_DAY)).toBe('9999-12-31');
  });

  it('agrees with the UTC calendar of the JavaScript engine for every day of 1895-2105', () => {
    const start = Date.UTC(1895, 0, 1) / 86_400_000;
    const end = Date.UTC(2105, 11, 31) / 86_400_000;
    for (let day = start; day <= end; day++) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const date = fromEpochDay(day);
      if (date !== expected || toEpochDay(date) !== day) throw new Error(`mismatch at ${day}: ${date} vs ${expected}`);
    }
  });

  it('round-trips across the whole supported range in big steps', () => {
    for (let day = MIN_EPOCH_DAY; day <= MAX_EPOCH_DAY; day += 9973) expect(toEpochDay(fromEpochDay(day))).toBe(day);
  });

  it('refuses days outside the range or with fractions', () => {
    expect(() => fromEpochDay(MAX_EPOCH_DAY + 1)).toThrow('outside the supported range');
    expect(() => fromEpochDay(MIN_EPOCH_DAY - 1)).toThrow('outside the supported range');
    expect(() => fromEpochDay(1.5)).toThrow('must be a whole number');
    expect(() => fromEpochDay(Number.NaN)).toThrow('must be a whole number');
  });
});

describe('arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2017-07-25', 14)).toBe('2017-08-08');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(() => addDays('2025-01-01', 0.5)).toThrow(DomainValidationError);
    expect(() => addDays('9999-12-31', 1)).toThrow(DomainValidationError);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonths('2025-01-15', 0)).toBe('2025-01-15');
    expect(() => addMonths('9999-12-01', 1)).toThrow(DomainValidationError);
    expect(() => addMonths('0001-01-01', -1)).toThrow(DomainValidationError);
  });

  it('counts days between dates, positive forwards', () => {
    expect(daysBetween('2017-07-25', '2017-08-11')).toBe(17);
    expect(daysBetween('2017-08-11', '2017-07-25')).toBe(-17);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
  });

  it('gives the ISO weekday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2017-08-08')).toBe(2);
    expect(dayOfWeek('2017-08-11')).toBe(5);
    expect(dayOfWeek('2025-01-05')).toBe(7);
    expect(dayOfWeek('2025-01-06')).toBe(1);
    expect(dayOfWeek('1900-01-01')).toBe(1);
    expect(dayOfWeek('0001-01-01')).toBe(1);
  });

  it('compares dates', () => {
    expect(compareLocalDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareLocalDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareLocalDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(['2025-03-01', '2024-12-31', '2025-01-15'].sort(compareLocalDates)).toEqual(['2024-12-31', '2025-01-15', '2025-03-01']);
    expect(isBefore('2025-01-01', '2025-01-02')).toBe(true);
    expect(isBefore('2025-01-02', '2025-01-02')).toBe(false);
    expect(isAfter('2025-01-03', '2025-01-02')).toBe(true);
    expect(isAfter('2025-01-02', '2025-01-02')).toBe(false);
    expect(isOnOrBefore('2025-01-02', '2025-01-02')).toBe(true);
    expect(isOnOrAfter('2025-01-02', '2025-01-02')).toBe(true);
    expect(isOnOrAfter('2025-01-01', '2025-01-02')).toBe(false);
    expect(() => compareLocalDates('2025-1-1', '2025-01-01')).toThrow(DomainValidationError);
  });

  it('finds the first and last day of a month', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(lastDayOfMonth('2025-12-01')).toBe('2025-12-31');
    expect(lastDayOfMonth('2025-04-30')).toBe('2025-04-30');
    expect(firstDayOfMonth('2025-04-30')).toBe('2025-04-01');
  });
});
