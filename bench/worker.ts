import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { TaskQueues } from '@clientfees/contracts';
import { benchInvoicing } from './fake-invoicing';

/**
 * The benchmark's worker process, forked by bench/start-throughput.ts: the invoiceLifecycle
 * workflows on the workflows queue, the bench no-op on its own queue, and the lean fake invoicing
 * activities on the invoicing queue. It answers `stats` messages with its own memory figures and
 * leaves on `shutdown` (or when the parent goes away).
 */
export interface WorkerStats {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  dueDatesSet: number;
  stateChanges: number;
  unexpectedActivities: number;
  lifecycleCached: number;
  noopCached: number;
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number | undefined;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the worker is started by bench/start-throughput.ts`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  const connection = await NativeConnection.connect({ address: required('BENCH_ADDRESS') });
  const { activities, counters } = benchInvoicing(required('BENCH_INVOICE_DATE'));
  const maxCached = process.env.BENCH_MAX_CACHED ? Number(process.env.BENCH_MAX_CACHED) : undefined;
  const lifecycles = await Worker.create({
    connection,
    taskQueue: TaskQueues.workflows,
    workflowBundle: { codePath: required('BENCH_LIFECYCLE_BUNDLE') },
    ...(maxCached !== undefined ? { maxCachedWorkflows: maxCached } : {}),
  });
  const noops = await Worker.create({ connection, taskQueue: required('BENCH_NOOP_QUEUE'), workflowBundle: { codePath: required('BENCH_NOOP_BUNDLE') } });
  const invoicing = await Worker.create({ connection, taskQueue: TaskQueues.invoicing, activities });
  const workers = [lifecycles, noops, invoicing];

  const stats = (): WorkerStats => {
    const memory = process.memoryUsage();
    return {
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      dueDatesSet: counters.dueDatesSet,
      stateChanges: counters.stateChanges,
      unexpectedActivities: counters.other,
      lifecycleCached: lifecycles.getStatus().numCachedWorkflows,
      noopCached: noops.getStatus().numCachedWorkflows,
      maxCachedWorkflows: lifecycles.options.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: lifecycles.options.maxConcurrentWorkflowTaskExecutions,
    };
  };
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') process.send?.({ type: 'stats', stats: stats() });
    if (message.type === 'shutdown') stop();
  });
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);

  const running = Promise.all(workers.map((worker) => worker.run()));
  process.send?.({ type: 'ready', stats: stats() });
  await running;
  await connection.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
