import { Context } from '@temporalio/activity';

/**
 * What an activity knows of the workflow that runs it. Outside an activity (a test calling a
 * provider's method, a script) each answers its neutral value, so the same code serves both.
 */

function currentInfo(): Context['info'] | undefined {
  try {
    return Context.current().info;
  } catch {
    return undefined;
  }
}

/**
 * Workflow run and activity id: the same for every retry of one activity execution, so a write
 * keyed by it happens once however often Temporal retries. Null outside an activity.
 */
export function activityIdempotencyKey(): string | null {
  const info = currentInfo();
  const execution = info?.workflowExecution;
  return info && execution ? `${execution.workflowId}/${execution.runId}/${info.activityId}` : null;
}

/** The Temporal server's time for this attempt: the clock the workflows run on. Now, outside an activity. */
export function activityScheduledAt(): number {
  return currentInfo()?.currentAttemptScheduledTimestampMs ?? Date.now();
}

/** The id of the workflow that called the activity; undefined outside an activity. */
export function callingWorkflowId(): string | undefined {
  return currentInfo()?.workflowExecution?.workflowId;
}

/** Tells Temporal a long activity is alive; nothing outside an activity. */
export function heartbeat(progress: unknown): void {
  if (currentInfo()) Context.current().heartbeat(progress);
}
