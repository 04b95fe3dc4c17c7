import { Inject, Injectable } from '@nestjs/common';
import { Client, ScheduleSpec } from '@temporalio/client';
import { BillingRunInput, BillingRunWorkflow, correctionRunScheduleId, monthlyBillingScheduleId } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT, WorkflowMessages } from '@clientfees/platform';
import { deleteSchedule, upsertSchedule, WEEKDAYS } from '../schedules/upsert-schedule';

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
    private readonly workflows: WorkflowMessages,
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
    if (calendar === null) return deleteSchedule(this.temporal, id);
    await upsertSchedule(this.temporal, id, { calendars: [calendar], timezone }, this.workflows.scheduleAction(BillingRunWorkflow, id, [input]));
  }
}
