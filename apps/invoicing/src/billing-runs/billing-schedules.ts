import { Inject, Injectable } from '@nestjs/common';
import { Client, ScheduleNotFoundError, ScheduleOptionsAction, ScheduleOverlapPolicy, ScheduleSpec } from '@temporalio/client';
import { BillingRunInput, correctionRunScheduleId, monthlyBillingScheduleId, TaskQueues } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT } from '@clientfees/platform';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
/** Runs start early in the morning, in the organisation's own time zone. */
const RUN_HOUR = 5;

export interface SelectionSchedule {
  selectionRuleId: string;
  organisationId: string;
  timeZone: string;
  /** The service's billing day of the month (seed 002: "an agreed day of the month"). */
  billingDay: number | null;
  /** The weekday (ISO 1-7) of the weekly correction run. */
  correctionWeekday: number | null;
}

/**
 * Each selection (a service's debiting areas) has a monthly Schedule on its billing day that
 * starts the month's billing run, and a weekly Schedule for the correction run that bills what
 * the monthly run missed or what was remade after an error.
 */
@Injectable()
export class BillingSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async upsert(selection: SelectionSchedule): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    const run = (kind: BillingRunInput['kind']): BillingRunInput => ({ organisationId: selection.organisationId, selectionRuleId: selection.selectionRuleId, kind });
    await this.put(monthlyBillingScheduleId(selection.selectionRuleId), selection.billingDay === null ? null : { dayOfMonth: selection.billingDay, hour: RUN_HOUR }, selection.timeZone, run('monthly'));
    await this.put(
      correctionRunScheduleId(selection.selectionRuleId),
      selection.correctionWeekday === null ? null : { dayOfWeek: WEEKDAYS[selection.correctionWeekday - 1], hour: RUN_HOUR },
      selection.timeZone,
      run('correction'),
    );
  }

  private async put(id: string, calendar: NonNullable<ScheduleSpec['calendars']>[number] | null, timezone: string, input: BillingRunInput): Promise<void> {
    const handle = this.temporal.schedule.getHandle(id);
    if (calendar === null) {
      try {
        await handle.delete();
      } catch (error) {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      }
      return;
    }
    const spec: ScheduleSpec = { calendars: [calendar], timezone };
    const action: ScheduleOptionsAction = { type: 'startWorkflow', workflowType: 'billingRun', workflowId: id, taskQueue: TaskQueues.workflows, args: [input] };
    try {
      await handle.update((previous) => ({ ...previous, spec, action }));
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await this.temporal.schedule.create({
        scheduleId: id,
        spec,
        action,
        // A run still waiting for approval when the next is due keeps the floor; none runs twice at once.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
    }
  }
}
