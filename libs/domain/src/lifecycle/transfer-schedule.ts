import { IsoWeekday, daysInMonth } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import type { TransferSchedule } from './terms';

export type TransferScheduleKind = TransferSchedule['kind'];

export interface TransferScheduleFields {
  /** Field named when the kind is wrong; `transferSchedule` by default. */
  readonly kind?: string;
  /** Field named when the day is wrong; `transferSchedule.isoWeekday` / `.dayOfMonth` by default. */
  readonly day?: string;
}

/**
 * The organisation's transfer-run schedule (siirtoajo) from its two settings: weekly on an ISO
 * weekday 1 (Monday) … 7 (Sunday), seed 000's Tuesday = 2; or monthly on a day of the month
 * 1 … 31, seed 004's 15th. A month too short for the day runs on its last day (see
 * `nextMonthlyRunDay` and `monthlyRunDays`). Refuses anything else, naming the field.
 */
export function transferSchedule(kind: string, day: number, fields: TransferScheduleFields = {}): TransferSchedule {
  const dayIsWhole = Number.isSafeInteger(day);
  if (kind === 'weekly') {
    const field = fields.day ?? 'transferSchedule.isoWeekday';
    if (!dayIsWhole || day < 1 || day > 7) throw new DomainValidationError('a weekly run day is an ISO weekday from 1 (Monday) to 7 (Sunday)', field);
    return Object.freeze({ kind: 'weekly', isoWeekday: day as IsoWeekday });
  }
  if (kind === 'monthly') {
    const field = fields.day ?? 'transferSchedule.dayOfMonth';
    if (!dayIsWhole || day < 1 || day > 31) {
      throw new DomainValidationError('a monthly run day is a day of the month from 1 to 31 (a shorter month runs on its last day)', field);
    }
    return Object.freeze({ kind: 'monthly', dayOfMonth: day });
  }
  throw new DomainValidationError('must be weekly (on an ISO weekday) or monthly (on a day of the month)', fields.kind ?? 'transferSchedule');
}

/** Checks a schedule given as an object (the lifecycle terms). */
export function checkTransferSchedule(schedule: TransferSchedule, field = 'transferSchedule'): TransferSchedule {
  const kind = schedule?.kind;
  const day = kind === 'weekly' ? schedule.isoWeekday : kind === 'monthly' ? schedule.dayOfMonth : NaN;
  return transferSchedule(kind, day, { kind: field, day: `${field}.${kind === 'weekly' ? 'isoWeekday' : 'dayOfMonth'}` });
}

/** On which day of which months a monthly run falls, for a scheduler that knows no "last day". */
export interface MonthlyRunDays {
  readonly months: readonly number[];
  readonly dayOfMonth: number;
  /** February only: in leap years, or in common years; absent = every year. */
  readonly years?: 'leap' | 'common';
}

/**
 * The monthly run day spelled out month by month: with day 31, the 31st of the long months, the
 * 30th of April, June, September and November, and the last of February (29th in leap years,
 * 28th otherwise), matching `nextMonthlyRunDay`. Days 1-28 are one entry.
 */
export function monthlyRunDays(dayOfMonth: number): readonly MonthlyRunDays[] {
  transferSchedule('monthly', dayOfMonth, { day: 'dayOfMonth' });
  const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (dayOfMonth <= 28) return [{ months: all, dayOfMonth }];
  const byDay = new Map<number, number[]>();
  for (const month of all.filter((m) => m !== 2)) {
    // 2001 is a common year; only February depends on the year.
    const day = Math.min(dayOfMonth, daysInMonth(2001, month));
    byDay.set(day, [...(byDay.get(day) ?? []), month]);
  }
  return [
    ...[...byDay.entries()].sort(([a], [b]) => b - a).map(([day, months]) => ({ months, dayOfMonth: day })),
    { months: [2], dayOfMonth: 29, years: 'leap' as const },
    { months: [2], dayOfMonth: 28, years: 'common' as const },
  ];
}
