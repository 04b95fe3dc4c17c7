import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { TaskQueues } from '@clientfees/contracts';
import { workflowBundleOptions } from '../bundle';

export interface WorkflowWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  /** A bundle made beforehand (tests bundle once per run); otherwise the sources are bundled now. */
  workflowBundle?: { code: string } | { codePath: string };
  /** Lifecycles kept in the worker's sticky cache; see DEFAULT_MAX_CACHED_WORKFLOWS. */
  maxCachedWorkflows?: number;
}

/**
 * The benchmark (BENCHMARKS.md) measured about 3.4 MiB of worker memory per cached lifecycle
 * while workflow code imported the full domain (date-holidays in every workflow context); with
 * the SDK's default cache size the workflow thread ran out of memory at about 1,700 open
 * lifecycles. Since workflows import `@clientfees/domain/workflow` it is about 0.8 MiB, so 500
 * keeps the worker well under 1 GiB and could be raised; evicted lifecycles are replayed when
 * they wake.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 500;

/** The worker that hosts every clientfees workflow on the workflows task queue. */
export async function createWorkflowWorker(options: WorkflowWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: TaskQueues.workflows,
    workflowBundle: options.workflowBundle ?? (await bundleWorkflowCode(workflowBundleOptions)),
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
  });
}
