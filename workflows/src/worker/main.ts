import { NativeConnection } from '@temporalio/worker';
import { createWorkflowWorker } from './workflow-worker';

/** Runs the workflow worker until SIGINT/SIGTERM, then drains it. */
async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const connection = await NativeConnection.connect({ address });
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  const worker = await createWorkflowWorker({ connection, namespace, workflowBundle: bundlePath ? { codePath: bundlePath } : undefined });
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'workflows', msg: 'workflow worker started', address, namespace })}\n`);
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
