import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { TaskQueues } from '@clientfees/contracts';
import { workflowBundleOptions } from '../bundle';

export interface WorkflowWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  /** A bundle made beforehand (tests bundle once per run); otherwise the sources are bundled now. */
  workflowBundle?: { code: string } | { codePath: string };
}

/** The worker that hosts every clientfees workflow on the workflows task queue. */
export async function createWorkflowWorker(options: WorkflowWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: TaskQueues.workflows,
    workflowBundle: options.workflowBundle ?? (await bundleWorkflowCode(workflowBundleOptions)),
  });
}
