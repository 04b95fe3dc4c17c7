import { CollectionTransferRunWorkflow } from '@clientfees/contracts';
import { localDateInZone } from '@clientfees/domain';
import { eventually, ProcessStack, serviceApi, startProcessStack } from '@clientfees/testing';

const INVOICES = 120;

/**
 * Crashes in the middle of a transfer run, and checks that every overdue invoice got exactly one
 * reminder: no invoice lost, none reminded twice. First the collection service and the workflow
 * worker are killed (SIGKILL, as a crash would) and started again; then the Temporal server is
 * killed (SIGKILL) and started again from its own persisted state (the dev server's
 * `--db-filename`), the services and the worker running on and reconnecting (issue 14's chaos).
 */
describe('crash in the middle of a transfer run', () => {
  let stack: ProcessStack;
  const invoicing = serviceApi(() => stack.url('invoicing'), 'crash-test', { organisations: ['fi-crash', 'fi-chaos'] });
  const collection = serviceApi(() => stack.url('collection'), 'crash-test', { organisations: ['fi-crash', 'fi-chaos'] });

  beforeAll(async () => {
    stack = await startProcessStack({
      names: ['authority-sim', 'invoicing', 'collection', 'workflows'],
      env: (url) => ({ AGENCY_URL: url('authority-sim') }),
      persistentTemporal: true,
    });
    await stack.start('authority-sim');
    await stack.start('invoicing');
    await stack.start('workflows');
    await confirmReferenceRatesUpToToday();
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

  /**
   * Makes the organisation's overdue invoices, runs its transfer run while collection is down (so
   * that the reminders wait in Temporal), starts collection, lets `crash` strike once the agency
   * has seen the first cases, and counts: each overdue invoice reminded once, one agency case
   * and one reminder each.
   */
  async function remindEachOnce(organisationId: string, crash: () => Promise<void>): Promise<void> {
    const organisation = { name: 'Crash county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
    expect((await invoicing.call('PUT', `/organisations/${organisationId}`, ['administrator'], organisation)).status).toBe(200);
    const recipient = { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' };
    const ids = new Set<string>();
    for (let i = 0; i < INVOICES; i++) {
      const created = await invoicing.call('POST', '/invoices', ['finance-centre'], {
        organisationId,
        clientNumber: `C-${1000 + i}`,
        recipient,
        invoiceDate: '2025-06-02',
        rows: [{ description: 'Home care 5/2025', amount: '85.40' }],
      });
      expect(created.status).toBe(201);
      ids.add(created.body.id);
    }
    const invoicesIn = async (state: string) =>
      (await invoicing.call('GET', `/invoices?organisationId=${organisationId}&state=${state}&limit=1000`, ['finance-centre'])).body.length;
    await eventually(() => invoicesIn('overdue'), (n) => n === INVOICES, 60000);

    const run = await stack.temporal.client.workflow.start(CollectionTransferRunWorkflow.workflowType, {
      workflowId: `transfer-run-${organisationId}-test`,
      taskQueue: CollectionTransferRunWorkflow.taskQueue,
      args: [{ organisationId }],
    });
    await run.result();

    await stack.start('collection');
    const cases = async () =>
      ((await (await fetch(`${stack.url('authority-sim')}/sim/cases`)).json()) as { cases: Array<{ invoiceId: string }> }).cases.filter((c) => ids.has(c.invoiceId));
    const seenAtCrash = (await eventually(cases, (list) => list.length > 0, 60000)).length;
    await crash();
    expect(seenAtCrash).toBeLessThan(INVOICES);

    await eventually(() => invoicesIn('reminded'), (n) => n === INVOICES, 90000);
    const agencyCases = await cases();
    expect(agencyCases).toHaveLength(INVOICES);
    expect(new Set(agencyCases.map((c) => c.invoiceId)).size).toBe(INVOICES);
    const reminders = await collection.call('GET', `/reminders?organisationId=${organisationId}&limit=1000`, ['finance-centre']);
    expect(reminders.body).toHaveLength(INVOICES);
    expect(new Set(reminders.body.map((r: { invoiceId: string }) => r.invoiceId)).size).toBe(INVOICES);
  }

  it(`reminds each of ${INVOICES} overdue invoices exactly once when collection and the worker are killed`, async () => {
    await remindEachOnce('fi-crash', async () => {
      await Promise.all([stack.process('collection').crash(), stack.process('workflows').crash()]);
      await stack.start('workflows');
      await stack.start('collection');
    });
  }, 240000);

  it(`reminds each of ${INVOICES} overdue invoices exactly once when the Temporal server is killed`, async () => {
    // Collection down again, so that this run's reminders wait in Temporal as the first's did.
    await stack.process('collection').stop();
    // Down long enough for the worker's polls and the activities' completions to fail.
    await remindEachOnce('fi-chaos', () => stack.restartTemporal(() => new Promise((resolve) => setTimeout(resolve, 5000))));
  }, 240000);
});
