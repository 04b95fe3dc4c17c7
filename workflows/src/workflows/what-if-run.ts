import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import { TaskQueues, WhatIfActivities, WhatIfRunInput, WhatIfRunResult } from '@clientfees/contracts';

/** A batch reads and compares a few thousand clients; a lost worker is given up after a minute. */
const whatIf = proxyActivities<WhatIfActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Batches in flight at once: one computes while the next reads its clients. */
const PARALLEL_BATCHES = 3;

/**
 * A what-if run over a large population (docs/rules.md):
 *
 *   number the households into batches ─► compare each batch (today's rules vs the draft;
 *   results and the batch's tally stored) ─► add the tallies up ─► completed
 *
 * Nothing here touches billing. A batch that keeps failing fails the run with its reason, and the
 * run can simply be started again: every step is idempotent.
 */
export async function whatIfRun(input: WhatIfRunInput): Promise<WhatIfRunResult> {
  try {
    const batches = await whatIf.planWhatIfRun(input.runId);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < batches) await whatIf.compareWhatIfBatch(input.runId, next++);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches) }, lane));
    const clients = await whatIf.completeWhatIfRun(input.runId);
    return { runId: input.runId, state: 'completed', clients };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause instanceof ApplicationFailure || error.cause instanceof Error ? error.cause.message : error.message;
    await whatIf.failWhatIfRun(input.runId, cause);
    return { runId: input.runId, state: 'failed', clients: 0 };
  }
}
