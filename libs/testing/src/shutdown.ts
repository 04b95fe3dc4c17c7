import type { TestWorkflowEnvironment } from '@temporalio/testing';

/** Anything a test stack shuts down: a Temporal worker. */
interface ShutdownWorker {
  shutdown(): void;
}

/**
 * Stops a test stack in order — workers first, then the rest (service, database, Temporal) — and
 * always reaches the end. A worker whose activity ignores cancellation never finishes draining;
 * waiting for it without a bound kept the Temporal test servers alive, and with them the Jest
 * process, until CI's time limit. So the drain gets `drainMs`, and the later steps run even when
 * an earlier one failed; the first failure is rethrown once everything is stopped.
 */
export async function stopTestStack(
  stack: { workers: readonly ShutdownWorker[]; running: Promise<unknown>; then: ReadonlyArray<() => Promise<unknown>>; env?: TestWorkflowEnvironment },
  drainMs = 30000,
): Promise<void> {
  const failures: unknown[] = [];
  for (const worker of stack.workers) worker.shutdown();
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    stack.running.then(
      () => true,
      (error) => (failures.push(error), true),
    ),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), drainMs))),
  ]);
  clearTimeout(timer);
  if (!drained) failures.push(new Error(`the test workers did not drain within ${drainMs} ms; stopping the stack anyway`));
  for (const step of [...stack.then, ...(stack.env ? [() => stack.env!.teardown()] : [])]) {
    await step().catch((error) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
}
