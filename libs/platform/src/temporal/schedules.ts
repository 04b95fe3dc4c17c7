import { Client, ScheduleNotFoundError, ScheduleOptionsAction, ScheduleOverlapPolicy, ScheduleSpec } from '@temporalio/client';

/** ISO weekday 1-7 as Temporal's calendar spells it. */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/**
 * Creates the Schedule, or brings an existing one in step with the spec and action. A run still
 * busy when the next is due keeps the floor (overlap SKIP): nothing runs twice at once, and a
 * run missed while the server was down is caught up within a day.
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
