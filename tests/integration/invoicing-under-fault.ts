import { Pool } from 'pg';
import { billingRunWorkflowId } from '@clientfees/contracts';
import { eventually, generateBillingData, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

export const CLIENTS = 2000;
const PERIOD = '2026-10';

/**
 * Invoicing and the workflow worker as processes, and Postgres connections on invoicing's schema
 * to count what they wrote: a pool, which opens new connections when a database restart has
 * ended the old ones.
 */
export interface InvoicingUnderTest {
  stack: ProcessStack;
  pg: Pool;
  stop(): Promise<void>;
}

export async function startInvoicingUnderTest(
  options: { persistentTemporal?: boolean; privatePostgres?: boolean; invoicingEnv?: Record<string, string> } = {},
): Promise<InvoicingUnderTest> {
  const stack = await startProcessStack({ names: ['invoicing', 'workflows'], persistentTemporal: options.persistentTemporal, privatePostgres: options.privatePostgres });
  const pg = new Pool({ connectionString: stack.db.url, max: 2, options: '-c search_path=invoicing,public' });
  // An idle connection ended by a database restart: the pool drops it and opens another when asked.
  pg.on('error', () => undefined);
  try {
    await stack.start('invoicing', options.invoicingEnv);
    await stack.start('workflows');
  } catch (error) {
    await pg.end();
    await stack.stop();
    throw error;
  }
  return {
    stack,
    pg,
    async stop() {
      await pg.end();
      await stack.stop();
    },
  };
}

/**
 * A monthly billing run of CLIENTS clients of a new organisation, approved by a second
 * supervisor; `fault` strikes as soon as the first invoices are in, while other batches are in
 * flight. Then the run must still complete with exactly one invoice per client, a gapless number
 * series and every lifecycle started. Answers how many invoices the run made.
 */
export async function billThroughFault({ stack, pg }: InvoicingUnderTest, organisationId: string, fault: () => Promise<void>): Promise<number> {
  const call = serviceApi(() => stack.url('invoicing'), 'fault-test').ok;
  const count = async (query: string, params: unknown[]) => ((await pg.query(query, params)).rows[0] as { n: number }).n;
  const invoicesOfRun = (runId: string) => count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1', [runId]);

  await call('PUT', `/organisations/${organisationId}`, ['administrator'], { name: 'Fault county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 });
  const { selectionRuleId } = await generateBillingData(pg, organisationId, CLIENTS, PERIOD);
  const run = await call('POST', '/billing-runs', ['billing-supervisor'], { organisationId, period: PERIOD, selectionRuleId });
  const calculated = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'awaiting-approval', 120000).catch(
    async (error: Error) => {
      throw new Error(`${error.message}\nthe run's workflow: ${await workflowDiagnosis(stack, billingRunWorkflowId(run.id))}`);
    },
  );
  expect(calculated.counts).toMatchObject({ total: CLIENTS, error: 0 });
  const expected = await count(`SELECT count(*)::int AS n FROM billing_run_client WHERE run_id = $1 AND total_cents > 0`, [run.id]);
  expect(expected).toBeGreaterThan(0);
  // Another supervisor reviews the journal and approves (four eyes).
  await call('POST', `/billing-runs/${run.id}/journal-review`, ['billing-supervisor'], undefined, { sub: 'supervisor-sanna' });
  await call('POST', `/billing-runs/${run.id}/approve`, ['billing-supervisor'], undefined, { sub: 'supervisor-sanna' });

  // The fault strikes mid-run: some invoices are in, not all (activities already running may
  // still write some while Temporal is down, so the count is taken before the fault).
  const atFault = await eventually(() => invoicesOfRun(run.id), (n) => n > 0, 60000);
  await fault();
  expect(atFault).toBeLessThan(expected);

  const done = await eventually(() => call('GET', `/billing-runs/${run.id}`, ['finance-centre']), (view) => view.state === 'completed', 180000).catch(async (error: Error) => {
    throw new Error(`${error.message}\nthe run's workflow: ${await workflowDiagnosis(stack, billingRunWorkflowId(run.id))}`);
  });
  expect(done.invoices.count).toBe(expected);
  expect(await invoicesOfRun(run.id)).toBe(expected);
  expect(await count(`SELECT count(*)::int AS n FROM (SELECT client_number FROM invoice WHERE billing_period = $1 GROUP BY client_number HAVING count(*) > 1) AS twice`, [PERIOD])).toBe(0);
  const numbers = (await pg.query(`SELECT min(invoice_number)::int AS low, max(invoice_number)::int AS high, count(*)::int AS n FROM invoice WHERE organisation_id = $1`, [organisationId])).rows[0];
  expect(numbers).toEqual({ low: 1, high: expected, n: expected });
  await eventually(() => count('SELECT count(*)::int AS n FROM invoice WHERE billing_run_id = $1 AND NOT lifecycle_started', [run.id]), (n) => n === 0, 120000);
  return expected;
}

/** Where a workflow stands when a test gives up on it: its pending workflow task and activities, with their attempts and last failures. */
async function workflowDiagnosis(stack: ProcessStack, workflowId: string): Promise<string> {
  try {
    const { raw } = await stack.temporal.client.workflow.getHandle(workflowId).describe();
    const task = raw.pendingWorkflowTask;
    return JSON.stringify({
      status: raw.workflowExecutionInfo?.status,
      historyLength: String(raw.workflowExecutionInfo?.historyLength ?? ''),
      pendingWorkflowTask: task ? { state: task.state, attempt: task.attempt, scheduledTime: task.scheduledTime?.seconds?.toString() } : null,
      pendingActivities: (raw.pendingActivities ?? []).map((activity) => ({
        type: activity.activityType?.name,
        state: activity.state,
        attempt: activity.attempt,
        lastFailure: activity.lastFailure?.message,
        lastWorker: activity.lastWorkerIdentity,
      })),
    });
  } catch (error) {
    return `not described: ${(error as Error).message}`;
  }
}
