import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { debtReviewScheduleId, MonthlyDebtReviewWorkflow, MonthlyDebtReviewInput, TaskQueues } from '@clientfees/contracts';
import { deleteSchedule, monthlyRunCalendars, SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT, upsertSchedule } from '@clientfees/platform';
import type { OrganisationSettings } from './organisation-settings.queries';

/** The review runs in the evening of the month's last day, in the organisation's own time zone. */
const REVIEW_HOUR = 20;

/**
 * Keeps each organisation's month-end review Schedule (`debt-review-<organisation>`) in step with
 * its settings: on the last day of every month (seed 004, "i slutet på månaden").
 */
@Injectable()
export class DebtReviewSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async upsert(settings: OrganisationSettings): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    const scheduleId = debtReviewScheduleId(settings.organisationId);
    if (!settings.monthEndReview) return deleteSchedule(this.temporal, scheduleId);
    const input: MonthlyDebtReviewInput = { organisationId: settings.organisationId };
    await upsertSchedule(
      this.temporal,
      scheduleId,
      { calendars: monthlyRunCalendars(31, REVIEW_HOUR), timezone: settings.timeZone },
      { type: 'startWorkflow', workflowType: MonthlyDebtReviewWorkflow.workflowType, workflowId: scheduleId, taskQueue: TaskQueues.workflows, args: [input] },
    );
  }
}
