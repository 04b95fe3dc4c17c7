import { Context } from '@temporalio/activity';
import { localDateInZone } from '@clientfees/domain';

/** When an activity acts: the server's time of its scheduling (skipped in time-skipping tests). */
export function activityTime(): number {
  return Context.current().info.currentAttemptScheduledTimestampMs;
}

/** The calendar day an activity acts on, in the organisation's zone. */
export function activityDate(timeZone: string): string {
  return localDateInZone(activityTime(), timeZone);
}

/** Once per activity execution: a retried attempt finds what the first one wrote. */
export function activityKey(): string {
  const info = Context.current().info;
  return `${info.workflowExecution?.workflowId}/${info.workflowExecution?.runId}/${info.activityId}`;
}
