import { Inject, Injectable } from '@nestjs/common';
import { CalendarSpec, Client, Month, Range, ScheduleSpec } from '@temporalio/client';
import { monthlyRunDays, TransferSchedule, transferSchedule } from '@clientfees/domain';
import { CollectionTransferRunWorkflow } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT, WorkflowMessages } from '@clientfees/platform';
import type { Organisation } from './organisation.queries';
import { upsertSchedule, WEEKDAYS } from '../schedules/upsert-schedule';

const MONTHS: readonly Month[] = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
/** Runs start early in the morning of the run day, in the organisation's own time zone. */
const RUN_HOUR = 6;
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
 * The Schedule's calendars for a transfer schedule: weekly on the weekday; monthly on the day, or
 * on the last day of a month too short for it, as the domain's `monthlyRunDays` spells out.
 */
export function transferRunCalendars(schedule: TransferSchedule): CalendarSpec[] {
  if (schedule.kind === 'weekly') return [{ dayOfWeek: WEEKDAYS[schedule.isoWeekday - 1], hour: RUN_HOUR }];
  return monthlyRunDays(schedule.dayOfMonth).map((entry) => ({
    dayOfMonth: entry.dayOfMonth,
    ...(entry.months.length < 12 ? { month: entry.months.map((month) => MONTHS[month - 1]) } : {}),
    ...(entry.years ? { year: entry.years === 'leap' ? LEAP_YEARS : COMMON_YEARS } : {}),
    hour: RUN_HOUR,
  }));
}

export const transferRunScheduleId = (organisationId: string): string => `transfer-run-${organisationId}`;

/**
 * Keeps each organisation's transfer-run Schedule (siirtoajo: weekly on Tuesdays in seed 000,
 * monthly on the 15th in seed 004) in step with its settings, checked by the domain's
 * `transferSchedule(kind, day)`.
 */
@Injectable()
export class TransferRunSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly workflows: WorkflowMessages,
  ) {}

  async upsert(organisation: Organisation): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    const schedule = transferSchedule(organisation.transferScheduleKind, organisation.transferScheduleDay, {
      kind: 'transferScheduleKind',
      day: 'transferScheduleDay',
    });
    const spec: ScheduleSpec = { calendars: transferRunCalendars(schedule), timezone: organisation.timeZone };
    const id = transferRunScheduleId(organisation.id);
    const action = this.workflows.scheduleAction(CollectionTransferRunWorkflow, id, [{ organisationId: organisation.id }]);
    await upsertSchedule(this.temporal, id, spec, action);
  }
}
