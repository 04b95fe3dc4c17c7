import { Inject, Injectable } from '@nestjs/common';
import { Client, ScheduleNotFoundError, ScheduleOptionsAction, ScheduleOverlapPolicy, ScheduleSpec } from '@temporalio/client';
import { TaskQueues } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT } from '@clientfees/platform';
import type { Organisation } from './organisation.entity';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
/** Runs start early in the morning of the run day, in the organisation's own time zone. */
const RUN_HOUR = 6;

export const transferRunScheduleId = (organisationId: string): string => `transfer-run-${organisationId}`;

/**
 * Keeps each organisation's transfer-run Schedule (siirtoajo: weekly on Tuesdays in seed 000,
 * monthly on the 15th in seed 004) in step with its settings.
 */
@Injectable()
export class TransferRunSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async upsert(organisation: Organisation): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    const spec: ScheduleSpec = {
      calendars: [
        organisation.transferScheduleKind === 'weekly'
          ? { dayOfWeek: WEEKDAYS[organisation.transferScheduleDay - 1], hour: RUN_HOUR }
          : { dayOfMonth: organisation.transferScheduleDay, hour: RUN_HOUR },
      ],
      timezone: organisation.timeZone,
    };
    const action: ScheduleOptionsAction = {
      type: 'startWorkflow',
      workflowType: 'collectionTransferRun',
      workflowId: transferRunScheduleId(organisation.id),
      taskQueue: TaskQueues.workflows,
      args: [{ organisationId: organisation.id }],
    };
    const id = transferRunScheduleId(organisation.id);
    try {
      await this.temporal.schedule.getHandle(id).update((previous) => ({ ...previous, spec, action }));
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await this.temporal.schedule.create({
        scheduleId: id,
        spec,
        action,
        // A run still busy when the next is due finishes first; nothing runs twice at once.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
    }
  }
}
