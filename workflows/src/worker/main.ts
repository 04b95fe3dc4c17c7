import { NativeConnection } from '@temporalio/worker';
import { createLogger, installTemporalRuntimeLogging } from '@clientfees/platform';
import { createWorkflowWorker } from './workflow-worker';

/** Runs the workflow worker until SIGINT/SIGTERM, then drains it. */
async function main(): Promise<void> {
  const logger = createLogger('workflows', process.env.LOG_LEVEL ?? 'info');
  installTemporalRuntimeLogging(logger);
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const connection = await NativeConnection.connect({ address });
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  const maxCached = process.env.MAX_CACHED_WORKFLOWS ? Number(process.env.MAX_CACHED_WORKFLOWS) : undefined;
  if (maxCached !== undefined && !(Number.isInteger(maxCached) && maxCached >= 0)) throw new Error('MAX_CACHED_WORKFLOWS must be a whole number');
  const worker = await createWorkflowWorker({ connection, namespace, workflowBundle: bundlePath ? { codePath: bundlePath } : undefined, maxCachedWorkflows: maxCached });
  logger.info({ address, namespace, taskQueue: worker.options.taskQueue }, 'workflow worker started');
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
