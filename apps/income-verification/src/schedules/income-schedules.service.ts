import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Client, ScheduleOptionsAction } from '@temporalio/client';
import { POPULATION_CHANGES_WORKFLOW, populationChangesScheduleId, TaskQueues, YEARLY_REVIEW_WORKFLOW, yearlyReviewScheduleId } from '@clientfees/contracts';
import { Database, SERVICE_CONFIG, ServiceConfig, TEMPORAL_CLIENT, upsertSchedule } from '@clientfees/platform';
import { allSettings, IncomeScheduleSettings, insertSettings } from './schedule-settings.queries';

const action = (workflowType: string, workflowId: string, organisationId: string): ScheduleOptionsAction => ({
  type: 'startWorkflow',
  workflowType,
  workflowId,
  taskQueue: TaskQueues.workflows,
  args: [{ organisationId }],
});

/**
 * Each organisation's two Schedules: the population register's change feed read every few
 * minutes, and the yearly reviews opened every morning in the organisation's time zone. A run
 * still going when the next is due is skipped (overlap SKIP), so the feed is never read twice at once.
 */
@Injectable()
export class IncomeSchedulesService implements OnApplicationBootstrap {
  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Brings every organisation's Schedules in step with its settings (a Schedule lost with a Temporal namespace comes back). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    for (const settings of await this.db.read((tx) => allSettings(tx))) await this.upsert(settings);
  }

  async configure(settings: Omit<IncomeScheduleSettings, 'changedAt'>): Promise<IncomeScheduleSettings> {
    const saved = await this.db.transaction((tx) => insertSettings(tx, settings));
    await this.upsert(saved);
    return saved;
  }

  private async upsert(s: IncomeScheduleSettings): Promise<void> {
    if (this.config.TEMPORAL_SCHEDULES !== 'true') return;
    const feedId = populationChangesScheduleId(s.organisationId);
    await upsertSchedule(this.temporal, feedId, { intervals: [{ every: `${s.changeFeedEveryMinutes} minutes` }] }, action(POPULATION_CHANGES_WORKFLOW, feedId, s.organisationId));
    const yearlyId = yearlyReviewScheduleId(s.organisationId);
    await upsertSchedule(this.temporal, yearlyId, { calendars: [{ hour: s.yearlyReviewHour }], timezone: s.timeZone }, action(YEARLY_REVIEW_WORKFLOW, yearlyId, s.organisationId));
  }
}
