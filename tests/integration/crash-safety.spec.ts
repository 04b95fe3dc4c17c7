import { CollectionTransferRunWorkflow } from '@clientfees/contracts';
import { localDateInZone } from '@clientfees/domain';
import { eventually, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

const INVOICES = 120;

/**
 * Kills the collection service and the workflow worker (SIGKILL, as a crash would) in the
 * middle of a transfer run, starts them again, and checks that every overdue invoice got
 * exactly one reminder: no invoice lost, none reminded twice.
 */
describe('crash in the middle of a transfer run', () => {
  let stack: ProcessStack;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'crash-test', { organisations: ['fi-crash'] });
  const collection = serviceApi(() => stack.url('collection'), 'crash-test', { organisations: ['fi-crash'] });

  beforeAll(async () => {
    stack = await startProcessStack({ names: ['authority-sim', 'invoicing', 'collection', 'workflows'], env: (url) => ({ AGENCY_URL: url('authority-sim') }) });
    await stack.start('authority-sim');
    await stack.start('invoicing');
    await stack.start('workflows');
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  /**
   * Reminders charge late interest only on a confirmed reference rate (docs/rules.md): as an
   * administrator would once the Bank of Finland publishes it, the test confirms every half-year
   * that has begun with a rate of its own, so that no reminder waits for one.
   */
  async function confirmReferenceRatesUpToToday(): Promise<void> {
    const table = (await invoicing.call('GET', '/rule-tables/fi-reference-rates', ['administrator'])).body as {
      periods: Array<{ validFrom: string; status: string; value: unknown }>;
    };
    const today = localDateInZone(Date.now(), 'Europe/Helsinki');
    for (const period of table.periods.filter((p) => p.status !== 'confirmed' && p.validFrom <= today)) {
      const body = { source: 'the crash test’s own rate', status: 'confirmed', value: period.value, grounds: 'confirmed for the test' };
      expect((await invoicing.call('PUT', `/rule-tables/fi-reference-rates/periods/${period.validFrom}`, ['administrator'], body)).status).toBe(200);
    }
  }

  it(`reminds each of ${INVOICES} overdue invoices exactly once`, async () => {
    const organisation = { name: 'Crash county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
    expect((await invoicing.call('PUT', '/organisations/fi-crash', ['administrator'], organisation)).status).toBe(200);
    await confirmReferenceRatesUpToToday();
    const recipient = { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' };
    for (let i = 0; i < INVOICES; i++) {
      const created = await invoicing.call('POST', '/invoices', ['finance-centre'], {
        organisationId: 'fi-crash',
        clientNumber: `C-${1000 + i}`,
        recipient,
        invoiceDate: '2025-06-02',
        rows: [{ description: 'Home care 5/2025', amount: '85.40' }],
      });
      expect(created.status).toBe(201);
    }
    await eventually(
      async () => (await invoicing.call('GET', '/invoices?organisationId=fi-crash&state=overdue&limit=1000', ['finance-centre'])).body.length,
      (n) => n === INVOICES,
      60000,
    );

    // The run offers every invoice while collection is down, so the reminders wait in Temporal.
    const run = await stack.temporal.client.workflow.start(CollectionTransferRunWorkflow.workflowType, {
      workflowId: 'transfer-run-fi-crash-test',
      taskQueue: CollectionTransferRunWorkflow.taskQueue,
      args: [{ organisationId: 'fi-crash' }],
    });
    await run.result();

    await stack.start('collection');
    const cases = async () => ((await (await fetch(`${stack.url('authority-sim')}/sim/cases`)).json()) as { cases: Array<{ invoiceId: string }> }).cases;
    const seenAtCrash = (await eventually(cases, (list) => list.length > 0, 60000)).length;
    await Promise.all([stack.process('collection').crash(), stack.process('workflows').crash()]);
    expect(seenAtCrash).toBeLessThan(INVOICES);

    await stack.start('workflows');
    await stack.start('collection');
    await eventually(
      async () => (await invoicing.call('GET', '/invoices?organisationId=fi-crash&state=reminded&limit=1000', ['finance-centre'])).body.length,
      (n) => n === INVOICES,
      90000,
    );

    const agencyCases = await cases();
    expect(agencyCases).toHaveLength(INVOICES);
    expect(new Set(agencyCases.map((c) => c.invoiceId)).size).toBe(INVOICES);
    const reminders = await collection.call('GET', '/reminders?organisationId=fi-crash&limit=1000', ['finance-centre']);
    expect(reminders.body).toHaveLength(INVOICES);
    expect(new Set(reminders.body.map((r: { invoiceId: string }) => r.invoiceId)).size).toBe(INVOICES);
  }, 300000);
});
