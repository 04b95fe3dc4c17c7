import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Logger } from 'pino';
import { TaskQueues } from '@clientfees/contracts';
import { Database, SERVICE_LOGGER, TEMPORAL_CLIENT } from '@clientfees/platform';
import { markWorkflowStarted, pendingWorkflowStarts } from './workflow-start.queries';

const INTERVAL_MS = 30_000;

/**
 * Starts the workflows that facts recorded here call for (an estate for a death, a proposal, a
 * restructuring, a manual month-end review): at once after the commit, and whatever could not be
 * started then (Temporal unreachable for a moment) at service start and every 30 seconds. A
 * workflow already running with the id counts as started, so a start is never made twice.
 */
@Injectable()
export class WorkflowStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts these (just committed) workflows now; a failure is left to the poller. */
  async startNow(workflowIds: readonly string[]): Promise<void> {
    if (workflowIds.length === 0) return;
    await this.startPending(workflowIds).catch((error: unknown) => this.logger.warn({ err: error, workflowIds }, 'workflow not started yet; the poller retries'));
  }

  async startPending(workflowIds?: readonly string[]): Promise<number> {
    const pending = await this.db.read((tx) => pendingWorkflowStarts(tx, 100, workflowIds));
    for (const start of pending) {
      try {
        await this.temporal.workflow.start(start.workflowType, { workflowId: start.workflowId, taskQueue: TaskQueues.workflows, args: start.args });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      await this.db.transaction((tx) => markWorkflowStarted(tx, start.workflowId));
    }
    return pending.length;
  }

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.startPending()
      .then((started) => {
        if (started > 0) this.logger.info({ started }, 'started pending workflows');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'pending workflows not started yet'))
      .finally(() => {
        this.running = undefined;
      });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
