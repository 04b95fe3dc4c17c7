import { billThroughFault, CLIENTS, InvoicingUnderTest, startInvoicingUnderTest } from './invoicing-under-fault';

/**
 * Kills the invoicing service and the workflow worker (SIGKILL) while an approved billing run is
 * creating its invoices, starts them again, and checks that the run finishes with exactly one
 * invoice per client, a gapless number series and every lifecycle started.
 */
describe('crash in the middle of a billing run', () => {
  let invoicing: InvoicingUnderTest;

  beforeAll(async () => {
    invoicing = await startInvoicingUnderTest();
  }, 120000);

  afterAll(async () => {
    await invoicing?.stop();
  });

  it(`invoices each of ${CLIENTS} clients exactly once`, async () => {
    const { stack } = invoicing;
    await billThroughFault(invoicing, 'fi-crash', async () => {
      await Promise.all([stack.process('invoicing').crash(), stack.process('workflows').crash()]);
      await stack.start('invoicing');
      await stack.start('workflows');
    });
  }, 480000);
});
