import { randomUUID } from 'node:crypto';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Client as PgClient } from 'pg';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { CollectionTransferRunWorkflow, DEBT_LIST_MAX_PAGE, DebtInvoicingMessages, DebtListPage, InvoiceCopy, InvoicingMessages, invoiceLifecycleWorkflowId, lifecycleStatusQuery, Role, TaskQueues } from '@clientfees/contracts';
import { readPdf } from '@clientfees/documents/testing';
import { finnishTestIdentityCode, startOfDayInZone } from '@clientfees/domain';
import {
  createTestDatabase,
  eventually,
  FAKE_ZONE,
  fakeVoucherClosing,
  freePort,
  prebuiltWorkflowBundle,
  serviceTestEnv,
  ServiceProcess,
  ServiceUnderTest,
  startServiceForTest,
  startServiceProcess,
  startTimeSkippingServer,
  TestDatabase,
  TEST_SIGNING_KEY,
  testToken,
} from '@clientfees/testing';
import { sendServiceMessage } from '@clientfees/platform';
// The two services run in this process beside the time-skipping server (a process stack's dev
// server cannot skip an estate's months), so the test needs their modules; apps have no alias.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DebtFollowupModule } from '../../apps/debt-followup/src/debt-followup.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { InvoicingModule } from '../../apps/invoicing/src/invoicing.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CollectionModule } from '../../apps/collection/src/collection.module';

const OFFICER: Role[] = ['client-fee-officer'];
const INVESTIGATOR = { roles: ['debt-adviser'] as Role[], sub: 'investigator-eero' };
const SUPERVISOR = { roles: ['billing-supervisor'] as Role[], sub: 'supervisor-sari' };
const CONTACT = { kind: 'shareholder', name: 'Matti Testinen', streetAddress: 'Rantatie 2', postalCode: '02100', city: 'Espoo', country: 'FI' };
const ADDRESS = { streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' };

/**
 * A deceased client's estate across the real services, on the time-skipping server: debt
 * follow-up records the death, invoicing stops the billing (settings end, the rent billed in
 * advance for days after the death credited through the invoice's lifecycle) and holds the open
 * invoices, which a transfer run leaves; the estate's contact readdresses them; the next transfer
 * run takes them to the agency (each lifecycle's reminder through collection and the agency
 * simulator, then collection at the agency); the agency's estate steps, reported by the simulator to collection's callback, show on
 * the case; the inventory finds no assets, the manager signs the write-off, each invoice's
 * lifecycle recalls it from the agency and writes it off, and the case closes. Provider settlement
 * (the vouchers) is the only stand-in: it does not exist yet.
 */
describe('a death across invoicing and debt follow-up (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let invoicing: ServiceUnderTest;
  let debts: ServiceUnderTest;
  let collection: ServiceUnderTest;
  let agency: ServiceProcess;
  let sql: PgClient;
  let messages: ClientProxy;
  let runs: Client;
  const stopWorkers: Array<() => Promise<void>> = [];

  const skipTo = async (date: string, hour = 10) => {
    const target = startOfDayInZone(date, FAKE_ZONE) + hour * 3600_000;
    const now = await env.currentTimeMs();
    if (target > now) await env.sleep(target - now);
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the APIs answer
  const simCall = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${agency.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, body: await response.json() };
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the APIs answer
  const ok = async (service: ServiceUnderTest, method: string, path: string, options: Parameters<ServiceUnderTest['request']>[2]): Promise<any> => {
    const response = await service.request(method, path, options);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    [env, db] = await Promise.all([startTimeSkippingServer(), createTestDatabase()]);
    const invoicingTcp = await freePort();
    invoicing = await startServiceForTest(InvoicingModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(invoicingTcp), TEMPORAL_SCHEDULES: 'false' })));
    const debtsTcp = await freePort();
    debts = await startServiceForTest(
      DebtFollowupModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(debtsTcp), INVOICING_TCP_PORT: String(invoicingTcp), TEMPORAL_SCHEDULES: 'false' }), {
        clock: { nowMs: () => env.currentTimeMs() },
      }),
    );
    // Collection sends the reminders to the agency (the simulator), receives the agency's reports
    // and tells debt follow-up of the estate steps over its TCP messages.
    const agencyPort = await freePort();
    collection = await startServiceForTest(
      CollectionModule.register(
        serviceTestEnv(db.url, env.address, {
          TCP_PORT: String(await freePort()),
          AGENCY_URL: `http://127.0.0.1:${agencyPort}`,
          INVOICING_TCP_PORT: String(invoicingTcp),
          DEBT_FOLLOWUP_TCP_PORT: String(debtsTcp),
          TEMPORAL_SCHEDULES: 'false',
        }),
      ),
    );
    // The simulator starts second because its callback URL is collection's, known only now.
    agency = await startServiceProcess('authority-sim', {
      HTTP_PORT: String(agencyPort),
      AGENCY_CALLBACK_URL: `${collection.baseUrl}/agency/reports`,
      AGENCY_CALLBACK_TOKEN: testToken({ sub: 'agency-visma', roles: ['collection-agency'], organisations: ['fi-demo'] }),
      AGENCY_CALLBACK_BACKOFF_MS: '50',
    });
    const vouchers = fakeVoucherClosing();
    for (const worker of await Promise.all([
      Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() }),
      Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.providerSettlement, activities: vouchers.activities }),
    ])) {
      const running = worker.run();
      stopWorkers.push(async () => {
        worker.shutdown();
        await running;
      });
    }
    runs = new Client({ connection: env.connection, namespace: env.namespace });
    sql = new PgClient({ connectionString: db.url, options: '-c search_path=invoicing' });
    await sql.connect();
    messages = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: invoicingTcp } });
    await ok(invoicing, 'PUT', '/organisations/fi-demo', {
      roles: ['administrator'],
      body: { name: 'Demo wellbeing services county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 },
    });
    await ok(debts, 'PUT', '/organisations/fi-demo/debt-follow-up', { roles: ['administrator'], body: { country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki' } });
  }, 180000);

  afterAll(async () => {
    await messages?.close();
    await sql?.end();
    for (const stop of stopWorkers) await stop();
    await agency?.stop();
    await collection?.close();
    await debts?.close();
    await invoicing?.close();
    await db?.drop();
    await env?.teardown();
  });

  it('a death stops billing, the invoices go to the estate, the agency reports its steps, and the case closes', async () => {
    // Aino is billed from January: settings from 1.1.2027 (the next period, on the wall clock too).
    const client = await ok(invoicing, 'POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-9001', identityCode: finnishTestIdentityCode('120340', 911), name: 'Aino Testinen' } });
    await ok(invoicing, 'POST', `/clients/${client.id}/billing-settings`, {
      roles: OFFICER,
      body: { debitingArea: 'ESPOO-NORTH', feeCalculationType: 'single', acceptsMaximumFee: false, accountString: '4100-5230', recipient: { kind: 'client' }, residenceAddress: ADDRESS, validFrom: '2027-01-01' },
    });
    await skipTo('2027-02-01');
    const invoice = async (description: string, amount: string, period: string) => {
      const made = await ok(invoicing, 'POST', '/invoices', {
        roles: ['finance-centre'],
        body: { organisationId: 'fi-demo', clientNumber: 'C-9001', recipient: { kind: 'client', name: 'Aino Testinen', ...ADDRESS }, invoiceDate: '2027-02-01', rows: [{ description, amount }] },
      });
      // As the billing run's invoice of that period (a billed invoice carries its period).
      await sql.query('UPDATE invoice SET billing_period = $2 WHERE id = $1', [made.id, period]);
      return made.id as string;
    };
    const homeCare = await invoice('Kotihoito 1/2027', '182.40', '2027-01');
    const rent = await invoice('Vuokra 2/2027', '300.00', '2027-02');
    const getInvoice = (id: string) => ok(invoicing, 'GET', `/invoices/${id}`, { roles: OFFICER });
    await eventually(() => getInvoice(rent), (i) => i.dueDate !== null);

    // Aino dies on 14.2.; the home-care unit reports it on the 16th, and again by mistake.
    await skipTo('2027-02-16');
    const death = { organisationId: 'fi-demo', clientId: client.id, dateOfDeath: '2027-02-14', sourceReference: 'death certificate seen by the home-care unit' };
    const first = await ok(debts, 'POST', '/deaths', { roles: OFFICER, body: death });
    const estateCaseId = first.estateCaseId as string;
    const estateOf = (accept: (estate: any) => boolean) => eventually(() => ok(debts, 'GET', `/estate-cases/${estateCaseId}`, { roles: OFFICER }), accept, 30000); // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
    const stopped = await estateOf((estate) => estate.state === 'awaiting-contact' && estate.events.some((e: { kind: string }) => e.kind === 'vouchers-closed'));
    expect((await ok(debts, 'POST', '/deaths', { roles: OFFICER, body: death })).estateCaseId).toBe(estateCaseId);

    // Billing stops: the client register has the death, the settings end on it.
    expect((await ok(invoicing, 'GET', `/clients/${client.id}`, { roles: OFFICER })).dateOfDeath).toBe('2027-02-14');
    const settings = await ok(invoicing, 'GET', `/clients/${client.id}/billing-settings`, { roles: OFFICER });
    expect(settings.map((s: { validFrom: string; validTo: string }) => [s.validFrom, s.validTo])).toEqual([['2027-01-01', '2027-02-14']]);
    // February's rent was billed in advance: 14 days of it are owed (300.00 × 14 / 30 = 140.00), the rest credited
    // by a credit note in the invoice's lifecycle. January's home care is owed in full.
    const credit = stopped.events.find((e: { kind: string }) => e.kind === 'billing-stopped');
    expect(credit.grounds).toMatch(/1 setting\(s\) ended; invoice \d+ credited 16000 cents; 2 open invoice\(s\) held/);
    const [note] = (await sql.query('SELECT amount_cents, reason, created_by FROM credit_note WHERE invoice_id = $1', [rent])).rows;
    expect(note).toMatchObject({ amount_cents: 16000, created_by: 'system:decedentEstate' });
    expect(note.reason).toMatch(/^charges after the death on 2027-02-14 \(estate case .+\): 2027-02: 14 day\(s\) up to the death on 2027-02-14 are charged 140.00 of 300.00$/);
    expect((await sql.query('SELECT count(*)::int AS n FROM credit_note WHERE invoice_id = $1', [rent])).rows[0].n).toBe(1);
    // Held: not sent to the deceased, not taken by a transfer run.
    for (const id of [homeCare, rent]) expect((await getInvoice(id)).heldForEstate).toBe(estateCaseId);
    expect(stopped.heldInvoiceIds.sort()).toEqual([homeCare, rent].sort());

    // Late interest is computed on a confirmed reference rate only (docs/rules.md): the
    // administrator confirms 1–6/2027 as the Bank of Finland notifies it, or the reminders of the
    // estate's invoices would wait for it.
    const rates = await ok(invoicing, 'GET', '/rule-tables/fi-reference-rates', { roles: ['administrator'] });
    const spring = rates.periods.find((period: { validFrom: string }) => period.validFrom === '2027-01-01');
    await ok(invoicing, 'PUT', '/rule-tables/fi-reference-rates/periods/2027-01-01', {
      roles: ['administrator'],
      body: { source: 'the estate test’s notified rate', status: 'confirmed', value: spring.value, grounds: 'confirmed for the test' },
    });
    // The transfer run of 15.3. (seed 004: on the 15th of every month), as the organisation's
    // Schedule starts it: both invoices are past their due date (18.2.) by more than the waiting
    // time, but held for the estate, so the run leaves them.
    const transferRun = async (runDate: string) => {
      await skipTo(runDate, 8);
      // A plain client: waiting for the run's result must not let the server skip time.
      const run = await runs.workflow.start(CollectionTransferRunWorkflow.workflowType, {
        workflowId: `transfer-run-fi-demo-${runDate}`,
        taskQueue: CollectionTransferRunWorkflow.taskQueue,
        args: [{ organisationId: 'fi-demo' }],
      });
      return run.result();
    };
    expect(await transferRun('2027-03-15')).toEqual({ runDate: '2027-03-15', offered: 0 });
    for (const id of [homeCare, rent]) expect(await getInvoice(id)).toMatchObject({ state: 'overdue', heldForEstate: estateCaseId });
    const FINANCE = { roles: ['finance-centre'] as Role[] };
    expect(await ok(collection, 'GET', '/reminders?organisationId=fi-demo', FINANCE)).toEqual([]);

    // The estate investigator enters the contact: the open invoices and the final settings go to the estate.
    await skipTo('2027-03-22');
    const withContact = await ok(debts, 'PUT', `/estate-cases/${estateCaseId}/contact`, { ...INVESTIGATOR, body: { contact: CONTACT } });
    expect(withContact).toMatchObject({ state: 'awaiting-inventory', heldInvoiceIds: [] });
    const readdressed = await getInvoice(homeCare);
    expect(readdressed).toMatchObject({ heldForEstate: null, recipient: { kind: 'estate', name: 'Aino Testinen kuolinpesä c/o Matti Testinen', streetAddress: 'Rantatie 2', city: 'Espoo' } });
    expect(readdressed.events.at(-1)).toMatchObject({ actor: 'investigator-eero', reason: expect.stringContaining('the invoice goes to Aino Testinen kuolinpesä c/o Matti Testinen') });
    expect((await ok(invoicing, 'GET', `/clients/${client.id}/billing-settings`, { roles: OFFICER }))[0].recipient).toMatchObject({ kind: 'estate', name: 'Aino Testinen kuolinpesä c/o Matti Testinen' });
    // The copies a reminder letter prints come from invoicing over its TCP messages, to the estate.
    // Signed as debt follow-up's, the one sender the message names (ADR 0013).
    const copies = await sendServiceMessage<InvoiceCopy[]>(messages, DebtInvoicingMessages.invoiceCopies, { organisationId: 'fi-demo', invoiceIds: [homeCare, rent] }, 'debt-followup', TEST_SIGNING_KEY);
    expect(copies.map((copy) => [copy.rows.map((row) => row.description), copy.recipient.name])).toEqual([
      [['Kotihoito 1/2027'], 'Aino Testinen kuolinpesä c/o Matti Testinen'],
      [['Vuokra 2/2027'], 'Aino Testinen kuolinpesä c/o Matti Testinen'],
    ]);

    // The estate's debts still go to the agency at the next run, so that they enter the estate
    // inventory (seed 004: "Alla fakturor går till Visma även när någon avlidit"): the run of 15.4.
    // offers both to their lifecycles, each of which has the agency's reminder service send a reminder.
    expect(await transferRun('2027-04-15')).toEqual({ runDate: '2027-04-15', offered: 2 });
    for (const id of [homeCare, rent]) await eventually(() => getInvoice(id), (i) => i.state === 'reminded', 60000);
    const reminders = await ok(collection, 'GET', '/reminders?organisationId=fi-demo', FINANCE);
    expect(reminders.map((r: { invoiceId: string; clientNumber: string; reminderDate: string; dueDate: string; open: string; interestFrom: string }) => [r.invoiceId, r.clientNumber, r.reminderDate, r.dueDate, r.open, r.interestFrom]).sort()).toEqual(
      [
        [homeCare, 'C-9001', '2027-04-15', '2027-04-29', '182.40', '2027-02-19'],
        [rent, 'C-9001', '2027-04-15', '2027-04-29', '140.00', '2027-02-19'],
      ].sort(),
    );
    // The rate is confirmed, so the reminders carry late interest from the day after the due date.
    for (const reminder of reminders) expect(Number(reminder.interest)).toBeGreaterThan(0);
    // Unpaid by the reminder's due date (29.4.): the lifecycle hands the invoice to collection at the agency.
    await skipTo('2027-05-04');
    const agencyCase = await eventually(() => ok(collection, 'GET', `/agency-cases/${homeCare}`, FINANCE), (c) => c.status === 'in-collection', 60000);
    const caseId = agencyCase.caseId as string;
    // The agency was told of the estate, not the deceased: the debtor is the invoice's recipient as
    // invoicing holds it (readdressed to the estate's contact), not the lifecycle's snapshot of it.
    for (const id of [homeCare, rent]) {
      const [received] = (await simCall('GET', `/sim/cases?invoiceId=${id}`)).body.cases;
      expect(received.recipient).toEqual({ kind: 'estate', name: 'Aino Testinen kuolinpesä c/o Matti Testinen', streetAddress: 'Rantatie 2', postalCode: '02100', city: 'Espoo', country: 'FI' });
    }
    expect(agencyCase.collectionTransferDate).toBe('2027-04-30');
    expect((await getInvoice(homeCare)).state).toBe('at-agency');

    // The agency reports its estate steps to collection's callback; collection tells debt follow-up,
    // which finds the estate case by the organisation and the client number and signals it.
    const steps = ['demand-to-shareholders', 'second-demand-personal-liability', 'payment-order-applied'] as const;
    const reportIds: string[] = [];
    for (const [i, step] of steps.entries()) {
      const reported = await simCall('POST', `/sim/cases/${caseId}/report`, { status: step, reportedOn: `2027-05-0${i + 1}` });
      expect(reported).toMatchObject({ status: 200, body: { delivered: true } });
      reportIds.push(reported.body.report.reportId);
    }
    // A redelivered report is stored once, and the estate counts it once.
    expect(await simCall('POST', `/sim/reports/${reportIds[0]}/deliver`)).toMatchObject({ status: 200, body: { delivered: true } });
    // The case shows a step once the workflow has it and its event is recorded (an activity after the signal).
    const withSteps = await estateOf((e) => e.agencySteps.length === 3 && e.events.filter((event: { kind: string }) => event.kind === 'agency-step').length === 3);
    expect(withSteps.agencySteps.map((s: { step: string }) => s.step)).toEqual([...steps]);
    const stepEvents = withSteps.events.filter((e: { kind: string }) => e.kind === 'agency-step');
    expect(stepEvents.map((e: { actor: string; grounds: string }) => [e.actor, e.grounds])).toEqual(steps.map((step, i) => ['collection-agency', `${step} (2027-05-0${i + 1}) for invoice ${homeCare}`]));
    // The agency case itself is not moved by an estate step; each report is on it once.
    const afterSteps = await ok(collection, 'GET', `/agency-cases/${homeCare}`, FINANCE);
    expect(afterSteps.status).toBe('in-collection');
    expect(afterSteps.reports.map((r: { status: string }) => r.status)).toEqual([...steps]);

    // No assets: the inventory says so, the supervisor signs the write-off, each lifecycle writes its invoice off.
    await skipTo('2027-05-10');
    await ok(debts, 'POST', `/estate-cases/${estateCaseId}/inventory`, { ...INVESTIGATOR, body: { outcome: 'no-assets', inventoryDate: '2027-05-07', documentReference: 'perukirja 2027/88', note: 'no assets' } });
    const proposed = await estateOf((e) => e.writeOffProposalId);
    const proposal = await eventually(() => ok(debts, 'GET', `/write-off-proposals/${proposed.writeOffProposalId}`, SUPERVISOR), (p) => p.state === 'awaiting-signature', 30000);
    // The documentation from invoicing's ledger: what is open after the credit.
    expect(proposal.invoices.map((i: { open: string }) => i.open)).toEqual(['182.40', '140.00']);
    await ok(debts, 'POST', `/write-off-proposals/${proposal.id}/sign`, { ...SUPERVISOR, body: { note: 'perukirja seen' } });
    const closed = await estateOf((e) => e.closedOn !== null);
    expect(closed.closedOn).toBe('2027-05-10');
    for (const id of [homeCare, rent]) {
      const writtenOff = await getInvoice(id);
      expect(writtenOff.state).toBe('written-off');
      expect(writtenOff.events.at(-1)).toMatchObject({ state: 'written-off', actor: 'supervisor-sari' });
      // It was in collection at the agency: recalled first, without collection costs for the estate.
      expect(writtenOff.events.at(-2)).toMatchObject({ state: 'recalled', actor: 'supervisor-sari', reason: expect.stringContaining(`write-off proposal ${proposal.id}`) });
      expect(await ok(collection, 'GET', `/agency-cases/${id}`, FINANCE)).toMatchObject({ status: 'recalled', collectionCostsWaived: true, recalledBy: 'supervisor-sari' });
    }
    const written = await ok(debts, 'GET', `/write-off-proposals/${proposal.id}`, SUPERVISOR);
    expect(written.invoices.map((i: { outcome: string; writtenOff: string }) => [i.outcome, i.writtenOff])).toEqual([
      ['written-off', '182.40'],
      ['written-off', '140.00'],
    ]);
  }, 180000);

  it('the month end reads its debt list from invoicing, prints the invoice copies, and a restructuring pauses collection in the lifecycle', async () => {
    const client = await ok(invoicing, 'POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-9002', identityCode: finnishTestIdentityCode('230745', 912), name: 'Bertta Velallinen' } });
    await ok(invoicing, 'POST', `/clients/${client.id}/billing-settings`, {
      roles: OFFICER,
      body: { debitingArea: 'ESPOO-SOUTH', feeCalculationType: 'single', acceptsMaximumFee: false, accountString: '4100-5230', recipient: { kind: 'client' }, residenceAddress: ADDRESS, validFrom: '2027-01-01' },
    });
    const made = await ok(invoicing, 'POST', '/invoices', {
      roles: ['finance-centre'],
      body: { organisationId: 'fi-demo', clientNumber: 'C-9002', recipient: { kind: 'client', name: 'Bertta Velallinen', ...ADDRESS }, invoiceDate: '2027-05-10', rows: [{ description: 'Kotihoito 4/2027', amount: '96.30' }] },
    });
    const invoiceId = made.id as string;
    await eventually(() => ok(invoicing, 'GET', `/invoices/${invoiceId}`, { roles: OFFICER }), (i) => i.dueDate !== null);

    // The county serves Espoo (049), Kauniainen (235) and Kirkkonummi (257) of Western Uusimaa.
    await ok(invoicing, 'PUT', '/organisations/fi-demo', {
      roles: ['administrator'],
      body: { name: 'Demo wellbeing services county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3, municipalityCodes: ['049', '235', '257'] },
    });
    // Cecilia, with a claim too, moves inside the county (to Kauniainen): the finance office is not told.
    const inside = await ok(invoicing, 'POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-9003', identityCode: finnishTestIdentityCode('150350', 913), name: 'Cecilia Kotona' } });
    await ok(invoicing, 'POST', `/clients/${inside.id}/billing-settings`, {
      roles: OFFICER,
      body: { debitingArea: 'ESPOO-SOUTH', feeCalculationType: 'single', acceptsMaximumFee: false, accountString: '4100-5230', recipient: { kind: 'client' }, residenceAddress: ADDRESS, validFrom: '2027-01-01' },
    });
    const insideInvoice = await ok(invoicing, 'POST', '/invoices', {
      roles: ['finance-centre'],
      body: { organisationId: 'fi-demo', clientNumber: 'C-9003', recipient: { kind: 'client', name: 'Cecilia Kotona', ...ADDRESS }, invoiceDate: '2027-05-10', rows: [{ description: 'Kotihoito 4/2027', amount: '50.00' }] },
    });
    await eventually(() => ok(invoicing, 'GET', `/invoices/${insideInvoice.id}`, { roles: OFFICER }), (i) => i.dueDate !== null);

    // Bertta moves out of the county on 10.6. (to Helsinki, 091), Cecilia inside it: income
    // verification passes the population register's changes, with the home municipality, to invoicing.
    await skipTo('2027-06-12');
    const registerMove = (clientId: string, address: { streetAddress: string; postalCode: string; city: string }, homeMunicipality: string) =>
      sendServiceMessage(
        messages,
        InvoicingMessages.registerAddress,
        { organisationId: 'fi-demo', clientId, changeId: randomUUID(), effectiveDate: '2027-06-10', address, protected: false, homeMunicipality, sourceReference: 'population register change feed, key 77' },
        'income-verification',
        TEST_SIGNING_KEY,
      );
    expect(await registerMove(client.id, { streetAddress: 'Uusi katu 1', postalCode: '00100', city: 'Helsinki' }, '091')).toMatchObject({ applied: true, from: '2027-06-01' });
    expect(await registerMove(inside.id, { streetAddress: 'Kauniaistentie 5', postalCode: '02700', city: 'Kauniainen' }, '235')).toMatchObject({ applied: true, from: '2027-06-01' });

    // The month end: Bertta's invoice is past due and open; Aino's were written off and are no claims.
    await skipTo('2027-06-30', 20);
    const FINANCE = { roles: ['finance-centre'] as Role[] };
    await ok(debts, 'POST', '/debt-reviews', { ...FINANCE, body: { organisationId: 'fi-demo', monthEnd: '2027-06-30' } });
    const [review] = await eventually(() => ok(debts, 'GET', '/debt-reviews?organisationId=fi-demo', FINANCE), (r) => r[0]?.status === 'completed', 30000);
    expect(review.summary).toMatchObject({ monthEnd: '2027-06-30', claims: 2, clients: 2, openCents: 96_30 + 50_00, newCases: 2, letters: 2, financeNotices: 1 });
    // The finance office is told of the move out of the county (a moved client is still written to:
    // the letter goes out), not of the move inside it (seed 004: utflyttade; ADR 0035).
    const notices = await ok(debts, 'GET', '/inbox?organisationId=fi-demo&kind=finance-notice', FINANCE);
    expect(notices.map((item: { subject: string }) => item.subject)).toEqual(['Debt case of client C-9002: the client has moved out of the area (home municipality 091 from 2027-06-10)']);
    expect(notices[0].detail).toMatchObject({ notice: 'moved', movedOn: '2027-06-10', moveArea: 'out-of-area', movedTo: '091' });
    // The review's activity read that list page by page over invoicing's TCP messages, which answer
    // debt follow-up only, and at most DEBT_LIST_MAX_PAGE claims a page.
    const listPage = (limit: number, from: 'debt-followup' | 'collection' = 'debt-followup') =>
      sendServiceMessage<DebtListPage>(messages, DebtInvoicingMessages.debtList, { organisationId: 'fi-demo', asOf: '2027-06-30', limit }, from, TEST_SIGNING_KEY);
    const page = await listPage(10);
    expect(page.claims.find((claim) => claim.invoiceId === invoiceId)).toMatchObject({ openCents: 96_30 });
    expect(page.clients.find((c) => c.clientNumber === 'C-9002')).toMatchObject({ debitingArea: 'ESPOO-SOUTH', status: 'moved', movedOn: '2027-06-10', moveArea: 'out-of-area', movedTo: '091' });
    const stayed = page.clients.find((c) => c.clientNumber === 'C-9003');
    expect(stayed).toMatchObject({ status: 'active' });
    expect(stayed?.movedOn).toBeUndefined();
    expect(page.nextAfter).toBeUndefined();
    await expect(listPage(DEBT_LIST_MAX_PAGE + 1)).rejects.toMatchObject({ status: 400, problems: [expect.objectContaining({ field: 'limit' })] });
    await expect(listPage(10, 'collection')).rejects.toMatchObject({ status: 403 });
    const debtCase = (await ok(debts, 'GET', '/debt-cases?organisationId=fi-demo', { roles: OFFICER })).find((c: { clientNumber: string }) => c.clientNumber === 'C-9002');
    expect(debtCase).toMatchObject({ clientNumber: 'C-9002', debitingArea: 'ESPOO-SOUTH', clientStatus: 'moved', openAmount: '96.30' });
    const [letter] = (await ok(debts, 'GET', `/debt-cases/${debtCase.id}`, { roles: OFFICER })).letters;
    const pdf = await fetch(`${debts.baseUrl}${letter.pdf}`, { headers: { authorization: `Bearer ${testToken({ roles: OFFICER })}` } });
    expect(pdf.status).toBe(200);
    const read = readPdf(Buffer.from(await pdf.arrayBuffer()));
    expect(read.pages[1]).toMatch(/Laskukopio – lasku \d+[\s\S]*Kotihoito 4\/2027 96,30 €/);

    // A debt restructuring takes effect: the lifecycle holds collection back until the write-off date.
    await skipTo('2027-07-05');
    const ADVISER = { roles: ['debt-adviser'] as Role[], sub: 'adviser-aino' };
    const restructuring = await ok(debts, 'POST', '/debt-restructurings', {
      ...ADVISER,
      body: { organisationId: 'fi-demo', clientId: client.id, decisionReference: 'Espoon KO 2027/101', decidedOn: '2027-06-28', effectiveOn: '2027-07-01', invoiceIds: [invoiceId], note: '' },
    });
    expect(restructuring.writeOffOn).toBe('2032-07-01');
    const inForce = await eventually(() => ok(debts, 'GET', `/debt-restructurings/${restructuring.id}`, ADVISER), (r) => r.state === 'in-force', 30000);
    expect(inForce.events[0].grounds).toBe('0 invoice(s) recalled from the agency without costs, 1 held from transfer runs until 2032-07-01');
    const status = await env.client.workflow.getHandle(invoiceLifecycleWorkflowId(invoiceId)).query(lifecycleStatusQuery);
    expect(status).toMatchObject({ state: 'overdue', collectionPausedUntil: '2032-07-01' });
  }, 180000);
});
