import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { TaskQueues, WhatIfActivities, whatIfRunWorkflowId } from '@clientfees/contracts';
import { prebuiltWorkflowBundle } from '@clientfees/testing';
import { whatIfRun } from '../src/workflows/what-if-run';
import { timeSkippingServerPerTest } from './lifecycle-harness';

/**
 * The invoicing side of a what-if run in memory: batches of known sizes, a record of every call,
 * how many batches were being compared at once, and batches that fail a given number of times.
 */
function fakeWhatIf(sizes: number[], failures: Record<number, { times: number; message: string; nonRetryable?: boolean }> = {}) {
  const compared: number[] = [];
  const attempts = new Map<number, number>();
  const calls: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let failedWith: string | undefined;
  const activities: WhatIfActivities = {
    async planWhatIfRun(runId) {
      calls.push(`plan ${runId}`);
      return sizes.length;
    },
    async compareWhatIfBatch(_runId, batch) {
      const attempt = (attempts.get(batch) ?? 0) + 1;
      attempts.set(batch, attempt);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        // Long enough that the lanes overlap.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const failure = failures[batch];
        if (failure && attempt <= failure.times) {
          if (failure.nonRetryable) throw ApplicationFailure.nonRetryable(failure.message);
          throw new Error(failure.message);
        }
        compared.push(batch);
        return sizes[batch];
      } finally {
        inFlight--;
      }
    },
    async completeWhatIfRun(runId) {
      calls.push(`complete ${runId}`);
      return compared.reduce((sum, batch) => sum + sizes[batch], 0);
    },
    async failWhatIfRun(runId, reason) {
      calls.push(`fail ${runId}`);
      failedWith = reason;
    },
  };
  return { activities, compared, attempts, calls, mostInFlight: () => mostInFlight, failedWith: () => failedWith };
}

async function run(env: TestWorkflowEnvironment, activities: WhatIfActivities, runId: string) {
  const workflows = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
  const invoicing = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.invoicing, activities });
  return workflows.runUntil(
    invoicing.runUntil(env.client.workflow.execute(whatIfRun, { workflowId: whatIfRunWorkflowId(runId), taskQueue: TaskQueues.workflows, args: [{ runId }] })),
  );
}

describe('whatIfRun', () => {
  const server = timeSkippingServerPerTest('2026-12-14');

  it('compares every batch once, three at a time, retries a lost batch and completes with every client', async () => {
    const sizes = [2000, 1990, 2004, 1500, 1, 2000, 377];
    const fake = fakeWhatIf(sizes, { 3: { times: 1, message: 'worker lost' } });
    const result = await run(server.env, fake.activities, 'run-1');
    expect(result).toEqual({ runId: 'run-1', state: 'completed', clients: sizes.reduce((a, b) => a + b, 0) });
    expect([...fake.compared].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(fake.attempts.get(3)).toBe(2);
    expect(fake.mostInFlight()).toBe(3);
    expect(fake.calls).toEqual(['plan run-1', 'complete run-1']);
  });

  it('completes an empty population at once', async () => {
    const fake = fakeWhatIf([]);
    expect(await run(server.env, fake.activities, 'run-empty')).toEqual({ runId: 'run-empty', state: 'completed', clients: 0 });
    expect(fake.calls).toEqual(['plan run-empty', 'complete run-empty']);
  });

  it('fails the run with the reason once a batch has failed five times, and never completes it', async () => {
    const fake = fakeWhatIf([10, 10, 10, 10], { 2: { times: 99, message: 'could not serialize access' } });
    const result = await run(server.env, fake.activities, 'run-2');
    expect(result).toEqual({ runId: 'run-2', state: 'failed', clients: 0 });
    expect(fake.attempts.get(2)).toBe(5);
    expect(fake.failedWith()).toBe('could not serialize access');
    expect(fake.calls).toEqual(['plan run-2', 'fail run-2']);
  });

  it('fails at once on a refusal that retrying cannot change', async () => {
    const fake = fakeWhatIf([10, 10], { 0: { times: 1, message: 'no rule for 2027-01-01 in FI home-care income limits', nonRetryable: true } });
    const result = await run(server.env, fake.activities, 'run-3');
    expect(result.state).toBe('failed');
    expect(fake.attempts.get(0)).toBe(1);
    expect(fake.failedWith()).toBe('no rule for 2027-01-01 in FI home-care income limits');
  });
});
