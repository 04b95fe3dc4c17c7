import { CalendarSpec, Client, Month, Range, ScheduleNotFoundError, ScheduleOptionsAction, ScheduleOverlapPolicy, ScheduleSpec } from '@temporalio/client';
import { monthlyRunDays } from '@clientfees/domain';

/** ISO weekday 1-7 as Temporal's calendar spells it. */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/**
 * Temporal Schedules as the services keep them: one per organisation and recurring run, created
 * or brought in step with the organisation's settings.
 */

/**
 * Creates the Schedule, or brings an existing one in step with the spec and action. A run still
 * busy when the next is due keeps the floor (overlap SKIP): nothing runs twice at once, and a run
 * missed while the server was down is caught up within a day.
 */
export async function upsertSchedule(temporal: Client, scheduleId: string, spec: ScheduleSpec, action: ScheduleOptionsAction): Promise<void> {
  try {
    await temporal.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await temporal.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' } });
  }
}

/** Removes the Schedule if there is one. */
export async function deleteSchedule(temporal: Client, scheduleId: string): Promise<void> {
  try {
    await temporal.schedule.getHandle(scheduleId).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}

const MONTHS: readonly Month[] = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
/**
 * February's last day for a run on the 29th-31st. Temporal's calendars know no "last day of the
 * month", so leap and common years are spelled out as year ranges; Temporal accepts years
 * 2000-2100 only (2100 is a common year).
 */
const LEAP_YEARS: Range<number>[] = [{ start: 2024, end: 2096, step: 4 }];
const COMMON_YEARS: Range<number>[] = [
  { start: 2025, end: 2097, step: 4 },
  { start: 2026, end: 2098, step: 4 },
  { start: 2027, end: 2099, step: 4 },
  { start: 2100, end: 2100, step: 1 },
];

/**
 * A monthly run on a day 1-31 at the hour, or on the last day of a month too short for the day
 * (31: every month's last day), as the domain's `monthlyRunDays` spells it out.
 */
export function monthlyRunCalendars(dayOfMonth: number, hour: number): CalendarSpec[] {
  return monthlyRunDays(dayOfMonth).map((entry) => ({
    dayOfMonth: entry.dayOfMonth,
    ...(entry.months.length < 12 ? { month: entry.months.map((month) => MONTHS[month - 1]) } : {}),
    ...(entry.years ? { year: entry.years === 'leap' ? LEAP_YEARS : COMMON_YEARS } : {}),
    hour,
  }));
}
