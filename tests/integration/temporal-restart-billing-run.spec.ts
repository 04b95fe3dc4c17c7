import { InvoiceLifecycleWorkflow } from '@clientfees/contracts';
import { eventually } from '@clientfees/testing';
import { billThroughFault, CLIENTS, InvoicingUnderTest, startInvoicingUnderTest } from './invoicing-under-fault';

/**
 * Chaos, counted (issue 14): kills the Temporal server (SIGKILL) while an approved billing run is
 * creating its invoices, keeps it down for a few seconds, and starts it again from its own
 * persisted state (the dev server's `--db-filename`; the services and the worker keep running and
 * reconnect). The run completes with exactly one invoice per client, a gapless number series and
 * every invoice's lifecycle running in the restarted server.
 */
describe('the Temporal server killed in the middle of a billing run', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await startInvoicingUnderTest({ persistentTemporal: true });
  }, 120000);

  afterAll(async () => {
    await invoicing?.stop();
  });

  it(`invoices each of ${CLIENTS} clients exactly once`, async () => {
    const { stack } = invoicing;
    // Down long enough for the worker's polls and the activities' heartbeats and completions to
    // fail (activities already running keep writing invoices meanwhile: Postgres is up).
    const expected = await billThroughFault(invoicing, 'fi-chaos', () => stack.restartTemporal(() => new Promise((resolve) => setTimeout(resolve, 5000))));
    // Every lifecycle runs in the restarted server: its workflows survived the kill.
    const running = `ExecutionStatus = 'Running' AND WorkflowType = '${InvoiceLifecycleWorkflow.workflowType}'`;
    await eventually(async () => (await stack.temporal.client.workflow.count(running)).count, (n) => n === expected, 60000);
  }, 300000);
});
