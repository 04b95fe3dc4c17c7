import { defineWorkflow } from './workflow-definitions';
/**
 * What-if runs: every active client's fee under today's rule tables and under a draft of next
 * period's rows, without touching billing (docs/rules.md). A large population is computed by
 * the `whatIfRun` workflow in batches of whole households on the invoicing service's queue.
 */

export const WHAT_IF_RUN_STATES = ['running', 'completed', 'failed', 'approved'] as const;
export type WhatIfRunState = (typeof WHAT_IF_RUN_STATES)[number];

export interface WhatIfRunInput {
  runId: string;
}

export interface WhatIfRunResult {
  runId: string;
  state: 'completed' | 'failed';
  clients: number;
}

/** Activities of the invoicing service that the what-if run calls; each is safe to retry. */
export interface WhatIfActivities {
  /** Numbers the run's households into batches (idempotent); returns the batch count. */
  planWhatIfRun(runId: string): Promise<number>;
  /** Compares one batch's clients and stores their results and the batch's tally; returns its clients. */
  compareWhatIfBatch(runId: string, batch: number): Promise<number>;
  /** Adds the batches' tallies up and marks the run completed. */
  completeWhatIfRun(runId: string): Promise<number>;
  /** Marks the run failed with the reason people will read. */
  failWhatIfRun(runId: string, reason: string): Promise<void>;
}

export const whatIfRunWorkflowId = (runId: string): string => `what-if-run-${runId}`;

/** The what-if run as its caller starts it (never by a string name). */
export const WhatIfRunWorkflow = defineWorkflow<[WhatIfRunInput], WhatIfRunResult>('whatIfRun');
