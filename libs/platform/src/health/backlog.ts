import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { TaskQueues } from '@clientfees/contracts';
import { Database } from '../database/database';
import { outboxBacklog } from '../outbox/outbox.queries';
import { SERVICE_CONFIG, SERVICE_DESCRIPTOR, TEMPORAL_CLIENT } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceDescriptor } from '../service-descriptor';

/** A poller last seen longer ago than this has gone: a live one polls again within a minute (long polls). */
const POLLER_GONE_AFTER_SECONDS = 90;
const DESCRIBE_DEADLINE_MS = 1000;

/** What a task queue holds and who polls it, as Temporal's DescribeTaskQueue reports it. */
export interface QueueFigures {
  /** Workers seen polling within the last 90 s. */
  pollers: number;
  /** Tasks waiting for a worker (Temporal's approximate count). */
  backlog: number;
  /** How long the oldest waiting task has waited: the schedule-to-start lag a new task would see at least. */
  oldestSeconds: number;
}

export type BacklogCheck =
  | ({ status: 'up' } & Record<string, unknown>)
  | ({ status: 'down'; reason: string } & Record<string, unknown>)
  | { status: 'unknown'; reason: string };

/**
 * Is a task queue's work moving? Down when tasks wait and no worker polls (the worker died, as
 * the workflow worker did while 178 tasks piled up), or when the oldest has waited longer than
 * `limitSeconds` (a worker that polls but does not keep up, or is stuck).
 */
export function judgeQueue(taskQueue: string, worker: string, figures: QueueFigures, limitSeconds: number): BacklogCheck {
  const shown = { taskQueue, ...figures };
  if (figures.backlog > 0 && figures.pollers === 0) return { status: 'down', reason: `${figures.backlog} tasks wait and no ${worker} polls ${taskQueue}`, ...shown };
  if (figures.oldestSeconds > limitSeconds) return { status: 'down', reason: `the oldest task on ${taskQueue} has waited ${figures.oldestSeconds} s (limit ${limitSeconds} s)`, ...shown };
  return { status: 'up', ...shown };
}

/** Is the outbox being delivered? Down when its oldest signal has waited longer than `limitSeconds`. */
export function judgeOutbox(figures: { pending: number; oldestSeconds: number }, limitSeconds: number): BacklogCheck {
  if (figures.pending > 0 && figures.oldestSeconds > limitSeconds) {
    return { status: 'down', reason: `${figures.pending} signals wait in the outbox, the oldest for ${figures.oldestSeconds} s (limit ${limitSeconds} s)`, ...figures };
  }
  return { status: 'up', ...figures };
}

/** What this module reads of a DescribeTaskQueue answer (temporal.api.workflowservice.v1). */
export interface DescribedTaskQueue {
  pollers?: Array<{ lastAccessTime?: { seconds?: unknown } | null }> | null;
  stats?: { approximateBacklogCount?: unknown; approximateBacklogAge?: { seconds?: unknown } | null } | null;
}

/** temporal.api.enums.v1.TaskQueueType */
const TASK_QUEUE_TYPE = { workflow: 1, activity: 2 } as const;

/** The figures of a DescribeTaskQueue answer. */
export function queueFigures(answer: DescribedTaskQueue, nowMs: number): QueueFigures {
  const seenSeconds = (poller: { lastAccessTime?: { seconds?: unknown } | null }) => Number(poller.lastAccessTime?.seconds ?? 0);
  const pollers = (answer.pollers ?? []).filter((poller) => nowMs / 1000 - seenSeconds(poller) <= POLLER_GONE_AFTER_SECONDS).length;
  return {
    pollers,
    backlog: Number(answer.stats?.approximateBacklogCount ?? 0),
    oldestSeconds: Math.floor(Number(answer.stats?.approximateBacklogAge?.seconds ?? 0)),
  };
}

/**
 * The worker side of a service's health: the workflow task queue (the workflow worker, shared by
 * every service), the service's own activity task queue (its own worker) and its signal outbox.
 */
@Injectable()
export class WorkerBacklog {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
    private readonly db: Database,
  ) {}

  async checks(): Promise<{ workflowTasks: BacklogCheck; activityTasks: BacklogCheck; outbox?: BacklogCheck }> {
    const limit = this.config.HEALTH_BACKLOG_LIMIT_SECONDS;
    const [workflowTasks, activityTasks, outbox] = await Promise.all([
      this.queue(TaskQueues.workflows, TASK_QUEUE_TYPE.workflow, 'workflow worker', limit),
      this.queue(this.descriptor.name, TASK_QUEUE_TYPE.activity, `${this.descriptor.name} worker`, limit),
      this.db.read((tx) => outboxBacklog(tx)).then(
        (figures): BacklogCheck | undefined => (figures ? judgeOutbox(figures, limit) : undefined),
        (error: unknown): BacklogCheck => ({ status: 'unknown', reason: error instanceof Error ? error.message : String(error) }),
      ),
    ]);
    return { workflowTasks, activityTasks, ...(outbox ? { outbox } : {}) };
  }

  /** Unknown (not down) when Temporal cannot say: an outage is the `temporal` check's to report. */
  private async queue(name: string, type: number, worker: string, limit: number): Promise<BacklogCheck> {
    try {
      const connection = this.temporal.connection;
      const answer = await connection.withDeadline(Date.now() + DESCRIBE_DEADLINE_MS, () =>
        connection.workflowService.describeTaskQueue({ namespace: this.config.TEMPORAL_NAMESPACE, taskQueue: { name }, taskQueueType: type, reportStats: true }),
      );
      return judgeQueue(name, worker, queueFigures(answer, Date.now()), limit);
    } catch (error) {
      return { status: 'unknown', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
