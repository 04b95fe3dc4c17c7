import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  AgencyApiRecipient,
  AgencyEstateStepMessage,
  AgencyEstateStepOutcome,
  AgencyStatusSignal,
  agencyStatusSignal,
  InvoiceLifecycleWorkflow,
  InvoiceSnapshot,
  InvoicingActivities,
  invoiceLifecycleWorkflowId,
  lifecycleStatusQuery,
  ReminderRequest,
  TaskQueues,
  transferRunSignal,
} from '@clientfees/contracts';
import { Country, REFERENCE_RATES, ReferenceRateTable } from '@clientfees/domain';
import { Database, SERVICE_LOGGER } from '@clientfees/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  prebuiltWorkflowBundle,
  serviceTestEnv,
  ServiceProcess,
  ServiceUnderTest,
  startDevServer,
  startServiceForTest,
  startServiceProcess,
  testToken,
  TestDatabase,
} from '@clientfees/testing';
import { CollectionModule } from '../src/collection.module';
import { CollectionActivities, CollectionFailures } from '../src/collection.activities';
import { AgencySteps } from '../src/agency-cases/agency-steps';
import { AgencyClient, AgencyRequest, AgencyResponse, AgencyTransport, AgencyUnavailableError, HttpAgencyTransport } from '../src/agency/agency-client';
import type { ReferenceRateSource } from '../src/reference-rates/reference-rate-source';
import type { InvoiceRecipients } from '../src/agency/invoice-recipients';
import { DebtFollowupMessages, EstateStepForwarder } from '../src/agency-cases/estate-step-forwarder';

/**
 * The reference rates the service reads, as the invoicing service would answer them: the shipped
 * tables until a test plays the administrator who enters a rate.
 */
class AdministeredRates implements ReferenceRateSource {
  tables: Record<Country, ReferenceRateTable> = { ...REFERENCE_RATES };
  async ratesFor(country: Country): Promise<ReferenceRateTable> {
    return this.tables[country];
  }
}

/**
 * Invoicing's answer of an invoice's current recipient, as a stand-in: the recipient the invoice
 * was issued to unless a test readdresses it (a deceased client's invoice goes to the estate).
 */
class InvoicingRecipients implements InvoiceRecipients {
  readonly readdressed = new Map<string, AgencyApiRecipient>();
  async recipientOf(invoice: InvoiceSnapshot): Promise<AgencyApiRecipient> {
    return this.readdressed.get(invoice.invoiceId) ?? invoice.recipient;
  }
}

/** Debt follow-up's TCP messages as a stand-in that can be down: it records what arrived while up. */
class DebtFollowupStandIn implements DebtFollowupMessages {
  up = false;
  readonly received: AgencyEstateStepMessage[] = [];
  async agencyEstateStep(message: AgencyEstateStepMessage): Promise<AgencyEstateStepOutcome> {
    if (!this.up) throw new Error('connect ECONNREFUSED 127.0.0.1:4005');
    this.received.push(message);
    return 'signalled';
  }
}

/** The real HTTP transport, recording what the service asked the agency. */
class RecordingTransport implements AgencyTransport {
  readonly calls: AgencyRequest[] = [];
  constructor(private readonly inner: AgencyTransport) {}
  send(request: AgencyRequest): Promise<AgencyResponse> {
    this.calls.push(request);
    return this.inner.send(request);
  }
  count(method: string, pathPattern: RegExp): number {
    return this.calls.filter((c) => c.method === method && pathPattern.test(c.path)).length;
  }
}

const snapshot = (overrides: Partial<InvoiceSnapshot> = {}): InvoiceSnapshot => ({
  invoiceId: randomUUID(),
  organisationId: 'fi-demo',
  country: 'FI',
  currency: 'EUR',
  invoiceNumber: 17,
  clientNumber: 'C-100234',
  paymentReference: '1000000172',
  recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' },
  invoiceDate: '2024-02-26',
  dueDate: '2024-03-15',
  ...overrides,
});

/** FI 2024: 100.00 € due 15.3.2024, reminder 15.4.2024 (31 days overdue, 16.3.–15.4.). */
const reminderRequest = (overrides: Partial<ReminderRequest> = {}, invoice: Partial<InvoiceSnapshot> = {}): ReminderRequest => ({
  invoice: snapshot(invoice),
  openCents: 10000,
  reminderDate: '2024-04-15',
  reminderDueDate: '2024-04-29',
  reminderFeeCents: 210,
  ...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }
  throw new Error('expected the activity to fail');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON comes back
async function simCall(sim: ServiceProcess, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The agencyStatus signals in a history (WORKFLOW_EXECUTION_SIGNALED events), decoded. */
function agencyStatusSignals(history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>>): AgencyStatusSignal[] {
  return (history.events ?? [])
    .filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === agencyStatusSignal.name)
    .map((e) => JSON.parse(Buffer.from(e.workflowExecutionSignaledEventAttributes!.input!.payloads![0].data!).toString('utf8')) as AgencyStatusSignal);
}

describe('collection service with the agency simulator and the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let service: ServiceUnderTest;
  let sim: ServiceProcess;
  let transport: RecordingTransport;
  let activities: CollectionActivities;
  const rates = new AdministeredRates();
  const recipients = new InvoicingRecipients();
  const debtFollowup = new DebtFollowupStandIn();
  const agencyToken = testToken({ sub: 'agency-sim', roles: ['collection-agency'] });

  beforeAll(async () => {
    env = await startDevServer();
    db = await createTestDatabase();
    const simPort = await freePort();
    const agencyUrl = `http://127.0.0.1:${simPort}`;
    transport = new RecordingTransport(new HttpAgencyTransport({ baseUrl: agencyUrl, timeoutMs: 5000 }));
    service = await startServiceForTest(
      CollectionModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(await freePort()), AGENCY_URL: agencyUrl }), {
        agencyTransport: transport,
        referenceRates: rates,
        invoiceRecipients: recipients,
        debtFollowup,
      }),
    );
    // The simulator starts second because its callback URL is the service's, known only now.
    sim = await startServiceProcess('authority-sim', {
      HTTP_PORT: String(simPort),
      AGENCY_CALLBACK_URL: `${service.baseUrl}/agency/reports`,
      AGENCY_CALLBACK_TOKEN: agencyToken,
      AGENCY_CALLBACK_BACKOFF_MS: '50',
    });
    activities = service.app.get(CollectionActivities);
  });
  afterAll(async () => {
    await sim?.stop();
    await service?.close();
    await db?.drop();
    await env?.teardown();
  });

  const casesAtAgency = async (invoiceId: string) => (await simCall(sim, 'GET', `/sim/cases?invoiceId=${invoiceId}`)).body.cases as Array<Record<string, unknown>>;

  it('answers health with the database, Temporal and its worker up', async () => {
    const health = await service.request('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } });
  });

  it('sends a reminder once when the activity runs twice, with interest from the day after the due date to the reminder date', async () => {
    const request = reminderRequest();
    const { invoiceId } = request.invoice;
    const first = await activities.sendReminder(request);
    // 100.00 € × (4.5 + 7) % × 31 / 365 = 0.9767… → 0.98 €.
    expect(first).toEqual({
      reminderId: expect.any(String),
      reminderFeeCents: 210,
      interestCents: 98,
      totalCents: 10308,
      reminderDueDate: '2024-04-29',
      agencyCaseId: expect.stringMatching(/^AG-/),
    });
    const second = await activities.sendReminder(request);
    expect(second).toEqual(first);

    expect(transport.calls.filter((c) => c.path === '/reminders' && (c.body as { invoiceId: string }).invoiceId === invoiceId)).toHaveLength(1);
    const atAgency = await casesAtAgency(invoiceId);
    expect(atAgency).toHaveLength(1);
    expect(atAgency[0]).toMatchObject({ caseId: first.agencyCaseId, status: 'reminder-sent', reminder: { principalCents: 10000, reminderFeeCents: 210, interestCents: 98 } });

    const listed = await service.request('GET', '/reminders?organisationId=fi-demo', { roles: ['client-fee-officer'] });
    expect(listed.status).toBe(200);
    expect(listed.body.filter((r: { invoiceId: string }) => r.invoiceId === invoiceId)).toEqual([
      expect.objectContaining({
        id: first.reminderId,
        open: '100.00',
        fee: '2.10',
        interest: '0.98',
        total: '103.08',
        interestFrom: '2024-03-16',
        interestTo: '2024-04-15',
        reminderDate: '2024-04-15',
        dueDate: '2024-04-29',
        agencyCaseId: first.agencyCaseId,
      }),
    ]);
  });

  it('names as debtor the recipient invoicing holds when the reminder goes out, not the one the lifecycle’s snapshot had (an estate)', async () => {
    const request = reminderRequest();
    const estate = { kind: 'estate', name: 'Aino Testinen kuolinpesä c/o Matti Testinen', streetAddress: 'Rantatie 2', postalCode: '02100', city: 'Espoo', country: 'FI' };
    recipients.readdressed.set(request.invoice.invoiceId, estate);
    expect(request.invoice.recipient.name).not.toBe(estate.name);
    await activities.sendReminder(request);
    const [atAgency] = await casesAtAgency(request.invoice.invoiceId);
    expect(atAgency.recipient).toEqual(estate);
  });

  it('holds a reminder whose interest needs a reference rate nobody has confirmed, and sends it once an administrator enters the rate', async () => {
    // Due 20.7.2026, reminder 15.8.2026: every interest day is in 7–12/2026, an estimate as shipped.
    const request = reminderRequest({ reminderDate: '2026-08-15', reminderDueDate: '2026-08-29' }, { invoiceDate: '2026-07-01', dueDate: '2026-07-20' });
    const { invoiceId } = request.invoice;
    const financeCentre = testToken({ sub: 'fc-1', roles: ['finance-centre'], organisations: ['fi-demo'] });
    const held = async () =>
      (await service.request('GET', '/reminders/held?organisationId=fi-demo', { token: financeCentre })).body.filter((h: { invoiceId: string }) => h.invoiceId === invoiceId);

    for (const attempt of [1, 2]) {
      const failure = await failureOf(activities.sendReminder(request));
      // Retryable: Temporal keeps trying, so the reminder is not lost, and nothing was guessed.
      expect(failure).toMatchObject({ type: CollectionFailures.referenceRateUnconfirmed, nonRetryable: false });
      expect(failure.message).toMatch(/^no confirmed late-payment interest rate for FI from 2026-07-01 to 2026-12-31/);
      expect(await held()).toEqual([
        expect.objectContaining({ invoiceNumber: 17, clientNumber: 'C-100234', reminderDate: '2026-08-15', rateFrom: '2026-07-01', rateTo: '2026-12-31', attempts: attempt }),
      ]);
    }
    expect(await casesAtAgency(invoiceId)).toHaveLength(0);
    // Another organisation's finance centre does not see it.
    const other = testToken({ sub: 'fc-2', roles: ['finance-centre'], organisations: ['fi-other'] });
    expect((await service.request('GET', '/reminders/held?organisationId=fi-demo', { token: other })).status).toBe(404);

    // The administrator enters the Bank of Finland's rate for 1.7.–31.12.2026: the next retry sends it.
    rates.tables = {
      ...REFERENCE_RATES,
      FI: REFERENCE_RATES.FI.map((p) => (p.validFrom === '2026-07-01' ? { ...p, referenceRatePercent: '2.50', status: 'confirmed' as const, source: 'Suomen Pankin ilmoitus (test)' } : p)),
    };
    const sent = await activities.sendReminder(request);
    // 21.7.–15.8.2026 = 26 days at 2.5 + 7 = 9.5 %: 100.00 × 9.5 % × 26 / 365 = 0.6767… → 0.68 €.
    expect(sent).toMatchObject({ interestCents: 68, reminderFeeCents: 210 });
    expect(await held()).toEqual([]);
  });

  it('computes the seed example: 165.75 € due 11.8.2017, reminder 29.8.2017 at 7 % for 18 days', async () => {
    const sent = await activities.sendReminder(
      reminderRequest({ openCents: 16575, reminderDate: '2017-08-29', reminderDueDate: '2017-09-12' }, { invoiceDate: '2017-07-25', dueDate: '2017-08-11' }),
    );
    // 165.75 × 7 % × 18 / 365 = 0.5722… → 0.57 €.
    expect(sent).toMatchObject({ interestCents: 57, reminderFeeCents: 210, totalCents: 16575 + 210 + 57 });
  });

  it('makes one reminder when attempts run at once, and heals a crash between the agency and the database', async () => {
    const request = reminderRequest();
    const { invoiceId } = request.invoice;
    const results = await Promise.all([activities.sendReminder(request), activities.sendReminder(request), activities.sendReminder(request)]);
    expect(new Set(results.map((r) => r.reminderId)).size).toBe(1);
    expect(await casesAtAgency(invoiceId)).toHaveLength(1);

    // As if the process had died after the agency answered and before the rows were stored.
    const dataSource = service.app.get(DataSource);
    await dataSource.query('DELETE FROM reminder WHERE invoice_id = $1', [invoiceId]);
    await dataSource.query('DELETE FROM agency_case WHERE invoice_id = $1', [invoiceId]);
    const retried = await activities.sendReminder(request);
    expect(retried.agencyCaseId).toBe(results[0].agencyCaseId);
    expect(await casesAtAgency(invoiceId)).toHaveLength(1);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM reminder WHERE invoice_id = $1', [invoiceId]);
    expect(count).toBe(1);
  });

  it.each([
    ['a reminder before 14 days have passed in Finland', reminderRequest({ reminderDate: '2024-03-25', reminderDueDate: '2024-04-08' }), 'reminderDate'],
    ['a fee above the legal cap', reminderRequest({ reminderFeeCents: 501 }), 'fees.reminder'],
    ['a reminder due before it is sent', reminderRequest({ reminderDueDate: '2024-04-15' }), 'reminderDueDate'],
    ['nothing left to pay', reminderRequest({ openCents: 0 }), 'openCents'],
    ['a currency that does not fit the country', reminderRequest({}, { currency: 'SEK' }), 'invoice.currency'],
    ['an invoice id that is not invoicing’s UUID', reminderRequest({}, { invoiceId: 'invoice-1' }), 'invoice.invoiceId'],
  ])('refuses %s for good, before anything reaches the agency', async (_what, request, field) => {
    const failure = await failureOf(activities.sendReminder(request));
    expect(failure).toMatchObject({ type: CollectionFailures.invalidRequest, nonRetryable: true });
    expect(failure.details).toEqual([expect.objectContaining({ field })]);
    expect(await casesAtAgency(request.invoice.invoiceId)).toHaveLength(0);
  });

  it('leaves an unreachable agency to Temporal’s retries and gives up for good when the agency refuses', async () => {
    const unreachable = new CollectionActivities(
      new AgencySteps(
        service.app.get(Database),
        new AgencyClient(new HttpAgencyTransport({ baseUrl: `http://127.0.0.1:${await freePort()}`, timeoutMs: 1000 })),
        rates,
        recipients,
        service.app.get(SERVICE_LOGGER),
      ),
    );
    const request = reminderRequest();
    const down = await unreachable.sendReminder(request).catch((error: unknown) => error);
    expect(down).toBeInstanceOf(AgencyUnavailableError);
    expect(down).not.toBeInstanceOf(ApplicationFailure);
    expect((await service.request('GET', '/reminders?organisationId=fi-demo')).body.map((r: { invoiceId: string }) => r.invoiceId)).not.toContain(request.invoice.invoiceId);

    // The agency wants an ISO country code; its 400 is final, and names the field.
    const refused = await failureOf(activities.sendReminder(reminderRequest({}, { recipient: { ...snapshot().recipient, country: 'Finland' } })));
    expect(refused).toMatchObject({ type: CollectionFailures.agencyRejected, nonRetryable: true });
    expect(refused.details).toEqual([expect.objectContaining({ status: 400, field: 'recipient.country' })]);
  });

  it('transfers to collection once, however often it is asked', async () => {
    const request = reminderRequest();
    const { invoice } = request;
    const sent = await activities.sendReminder(request);
    const transfer = { invoice, openCents: 10000, reminderId: sent.reminderId, transferDate: '2024-05-07' };
    expect(await activities.transferToAgency(transfer)).toEqual({ agencyCaseId: sent.agencyCaseId });
    expect(await activities.transferToAgency(transfer)).toEqual({ agencyCaseId: sent.agencyCaseId });
    expect(transport.count('POST', new RegExp(`^/cases/${sent.agencyCaseId}/collection$`))).toBe(1);

    const [atAgency] = await casesAtAgency(invoice.invoiceId);
    expect(atAgency).toMatchObject({ status: 'in-collection', transferDate: '2024-05-07' });
    expect((atAgency.history as Array<{ event: string }>).filter((e) => e.event === 'collection-started')).toHaveLength(1);
    const ours = await service.request('GET', `/agency-cases/${invoice.invoiceId}`);
    expect(ours).toMatchObject({ status: 200, body: { caseId: sent.agencyCaseId, status: 'in-collection', collectionTransferDate: '2024-05-07', collectionCostsWaived: false } });

    // Our row lost the update (a crash after the agency's answer): the retry asks again, and
    // the agency's idempotent answer sets it right without a second demand.
    await service.app.get(DataSource).query(`UPDATE agency_case SET status = 'transferred-to-reminder' WHERE invoice_id = $1`, [invoice.invoiceId]);
    expect(await activities.transferToAgency(transfer)).toEqual({ agencyCaseId: sent.agencyCaseId });
    const [again] = await casesAtAgency(invoice.invoiceId);
    expect((again.history as Array<{ event: string }>).filter((e) => e.event === 'collection-started')).toHaveLength(1);
    expect((await service.request('GET', `/agency-cases/${invoice.invoiceId}`)).body.status).toBe('in-collection');
  });

  it('sends the collection demand to the estate when the client died after the reminder went to them', async () => {
    const request = reminderRequest();
    const { invoice } = request;
    const sent = await activities.sendReminder(request);
    expect((await casesAtAgency(invoice.invoiceId))[0].recipient).toMatchObject({ name: invoice.recipient.name });
    // The client died; the estate investigator entered the contact and invoicing readdressed the invoice.
    const estate = { kind: 'estate', name: `${invoice.recipient.name} kuolinpesä c/o Matti Testinen`, streetAddress: 'Rantatie 2', postalCode: '02100', city: 'Espoo', country: 'FI' };
    recipients.readdressed.set(invoice.invoiceId, estate);
    await activities.transferToAgency({ invoice, openCents: 10000, reminderId: sent.reminderId, transferDate: '2024-05-07' });
    const [atAgency] = await casesAtAgency(invoice.invoiceId);
    expect(atAgency).toMatchObject({ status: 'in-collection', recipient: estate });
    expect((atAgency.history as Array<{ event: string; note?: string }>).at(-1)).toMatchObject({ event: 'collection-started', note: `transferred 2024-05-07; debtor ${estate.name}` });
  });

  it('recalls a transfer made in error once: case closed, collection costs waived', async () => {
    const request = reminderRequest();
    const { invoice } = request;
    const sent = await activities.sendReminder(request);
    await activities.transferToAgency({ invoice, openCents: 10000, reminderId: sent.reminderId, transferDate: '2024-05-07' });
    const recall = { invoiceId: invoice.invoiceId, reason: 'transferred by a staff error', actor: 'officer-7' };
    await activities.recallFromAgency(recall);
    await activities.recallFromAgency({ ...recall, reason: 'a second thought' });
    expect(transport.count('POST', new RegExp(`^/cases/${sent.agencyCaseId}/recall$`))).toBe(1);

    const [atAgency] = await casesAtAgency(invoice.invoiceId);
    expect(atAgency).toMatchObject({ status: 'recalled', collectionCostsWaived: true, recallReason: 'transferred by a staff error' });
    expect((atAgency.history as Array<{ event: string }>).filter((e) => e.event === 'recalled')).toHaveLength(1);
    const ours = await service.request('GET', `/agency-cases/${invoice.invoiceId}`);
    expect(ours.body).toMatchObject({ status: 'recalled', collectionCostsWaived: true, recallReason: 'transferred by a staff error', recalledBy: 'officer-7' });

    const transferAgain = await failureOf(activities.transferToAgency({ invoice, openCents: 10000, reminderId: sent.reminderId, transferDate: '2024-05-14' }));
    expect(transferAgain).toMatchObject({ type: CollectionFailures.caseClosed, nonRetryable: true });
  });

  it('tells the agency of a payment plan once; the agency follows it from then on', async () => {
    const request = reminderRequest();
    const { invoice } = request;
    const sent = await activities.sendReminder(request);
    await activities.transferToAgency({ invoice, openCents: 10000, reminderId: sent.reminderId, transferDate: '2024-05-07' });
    const plan = { invoiceId: invoice.invoiceId, instalments: [{ dueDate: '2024-06-15', amountCents: 5000 }, { dueDate: '2024-07-15', amountCents: 5000 }], actor: 'officer-7' };
    await activities.tellAgencyOfPaymentPlan(plan);
    await activities.tellAgencyOfPaymentPlan(plan);
    expect(transport.count('POST', new RegExp(`^/cases/${sent.agencyCaseId}/payment-plan$`))).toBe(1);
    const [atAgency] = await casesAtAgency(invoice.invoiceId);
    expect(atAgency.status).toBe('payment-plan');
    expect((atAgency.history as Array<{ event: string }>).filter((e) => e.event === 'payment-plan')).toHaveLength(1);
    expect((await service.request('GET', `/agency-cases/${invoice.invoiceId}`)).body.status).toBe('payment-plan');
  });

  it('does not transfer a case the agency already settled at the reminder stage, and does not fail the lifecycle for it', async () => {
    const request = reminderRequest();
    const sent = await activities.sendReminder(request);
    expect((await simCall(sim, 'POST', `/sim/cases/${sent.agencyCaseId}/report`, { status: 'payment-plan' })).status).toBe(200);
    const transfer = { invoice: request.invoice, openCents: 10000, reminderId: sent.reminderId, transferDate: '2024-05-07' };
    expect(await activities.transferToAgency(transfer)).toEqual({ agencyCaseId: sent.agencyCaseId });
    expect(transport.count('POST', new RegExp(`^/cases/${sent.agencyCaseId}/collection$`))).toBe(0);
    expect((await service.request('GET', `/agency-cases/${request.invoice.invoiceId}`)).body.status).toBe('payment-plan');
  });

  it('refuses a transfer or a recall for an invoice that never went to the agency', async () => {
    const invoice = snapshot();
    expect(await failureOf(activities.transferToAgency({ invoice, openCents: 100, reminderId: randomUUID(), transferDate: '2024-05-07' }))).toMatchObject({
      type: CollectionFailures.noAgencyCase,
      nonRetryable: true,
    });
    expect(await failureOf(activities.recallFromAgency({ invoiceId: invoice.invoiceId, reason: 'x', actor: 'y' }))).toMatchObject({ type: CollectionFailures.noAgencyCase });
  });

  /**
   * An invoice reminded through the agency, with its real invoiceLifecycle started by name and no
   * worker polling: the workflow waits in the queue, and its history shows what was signalled.
   */
  async function remindedWithLifecycle() {
    const request = reminderRequest();
    const { invoiceId } = request.invoice;
    const sent = await activities.sendReminder(request);
    // The real invoiceLifecycle, started by name with no worker polling: it waits in the queue,
    // and its history shows what was signalled.
    const handle = await env.client.workflow.start(InvoiceLifecycleWorkflow.workflowType, {
      workflowId: invoiceLifecycleWorkflowId(invoiceId),
      taskQueue: TaskQueues.workflows,
      args: [{ invoiceId, organisationId: 'fi-demo', clientNumber: 'C-100234', totalCents: 10000, currency: 'EUR' }],
    });
    return { invoiceId, sent, handle };
  }

  it('stores an agency report once and signals the invoice’s lifecycle workflow with agencyStatus', async () => {
    const { invoiceId, sent, handle } = await remindedWithLifecycle();

    const reported = await simCall(sim, 'POST', `/sim/cases/${sent.agencyCaseId}/report`, { status: 'paid', amountCents: 10000, reportedOn: '2024-04-22' });
    expect(reported.status).toBe(200);
    expect(reported.body.deliveries).toEqual([expect.objectContaining({ status: 200 })]);
    const reportId = reported.body.report.reportId as string;

    // The agency delivers the same report again (its answer was lost): stored and signalled once.
    const redelivered = await simCall(sim, 'POST', `/sim/reports/${reportId}/deliver`);
    expect(redelivered.status).toBe(200);

    expect(agencyStatusSignals(await handle.fetchHistory())).toEqual([{ reportId, status: 'paid', amountCents: 10000, reportedOn: '2024-04-22' }]);
    const ours = await service.request('GET', `/agency-cases/${invoiceId}`);
    expect(ours.body).toMatchObject({ status: 'paid', collected: '100.00', reports: [{ reportId, status: 'paid', amount: '100.00', reportedOn: '2024-04-22', signalOutcome: 'signalled' }] });

    const direct = await service.request('POST', '/agency/reports', {
      token: agencyToken,
      body: { reportId, caseId: sent.agencyCaseId, invoiceId, status: 'paid', amountCents: 10000, reportedOn: '2024-04-22' },
    });
    expect(direct).toMatchObject({ status: 200, body: { reportId, duplicate: true, signal: 'signalled' } });
    expect(agencyStatusSignals(await handle.fetchHistory())).toHaveLength(1);
    await handle.terminate('test done');
  });

  it('records a report for an invoice whose lifecycle has ended and answers 200, so the agency stops retrying', async () => {
    const { invoiceId, sent, handle } = await remindedWithLifecycle();
    await handle.terminate('closed before the agency reported');

    const reported = await simCall(sim, 'POST', `/sim/cases/${sent.agencyCaseId}/report`, { status: 'returned' });
    expect(reported.status).toBe(200);
    expect(reported.body.deliveries).toHaveLength(1);
    const ours = await service.request('GET', `/agency-cases/${invoiceId}`);
    expect(ours.body).toMatchObject({ status: 'returned', reports: [{ status: 'returned', amount: null, signalOutcome: 'workflow-not-running' }] });
    expect(agencyStatusSignals(await handle.fetchHistory())).toEqual([]);
  });

  it('runs the real invoiceLifecycle through reminder, collection and the agency’s paid report', async () => {
    // The lifecycle workflow and a stand-in for the invoicing activities; the collection
    // activities are the service's own worker, the agency the simulator process.
    const invoiceId = randomUUID();
    const invoice = snapshot({ invoiceId, invoiceDate: '2024-02-27', dueDate: '2024-03-15' });
    const states: string[] = [];
    const invoicingActivities: Pick<InvoicingActivities, 'setInvoiceDueDate' | 'recordInvoiceState'> = {
      async setInvoiceDueDate() {
        return {
          dueDate: '2024-03-15',
          dueDateEndsAtMs: Date.parse('2024-03-15T22:00:00Z'),
          timeZone: 'Europe/Helsinki',
          transferEligibleDate: '2024-04-01',
          reminderDueDays: 14,
          reminderFeeCents: 210,
          snapshot: invoice,
        };
      },
      async recordInvoiceState(change) {
        states.push(change.state);
      },
    };
    const workflows = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
    const invoicing = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.invoicing, activities: invoicingActivities });
    await workflows.runUntil(
      invoicing.runUntil(async () => {
        const handle = await env.client.workflow.start(InvoiceLifecycleWorkflow.workflowType, {
          workflowId: invoiceLifecycleWorkflowId(invoiceId),
          taskQueue: TaskQueues.workflows,
          args: [{ invoiceId, organisationId: 'fi-demo', clientNumber: 'C-100234', totalCents: 10000, currency: 'EUR' }],
        });
        const status = () => handle.query(lifecycleStatusQuery);
        await eventually(status, (s) => s.state === 'overdue');
        // The Tuesday transfer run 16.4.2024, 32 days after the due date.
        await handle.signal(transferRunSignal, { runId: 'run-2024-04-16', runDate: '2024-04-16' });
        await eventually(status, (s) => s.state === 'at-agency');

        const [atAgency] = await casesAtAgency(invoiceId);
        // 100.00 € × 11.5 % × 32 / 365 = 1.0082… → 1.01 €, from 16.3. to 16.4.2024.
        expect(atAgency).toMatchObject({ status: 'in-collection', reminder: { interestCents: 101, reminderFeeCents: 210, reminderDate: '2024-04-16', reminderDueDate: '2024-04-30' } });
        const reported = await simCall(sim, 'POST', `/sim/cases/${atAgency.caseId}/report`, { status: 'paid', amountCents: 10000 });
        expect(reported.status).toBe(200);
        expect(await handle.result()).toMatchObject({ state: 'paid', paidCents: 10000 });
      }),
    );
    expect(states).toEqual(['overdue', 'reminded', 'at-agency', 'paid']);
    expect((await service.request('GET', `/agency-cases/${invoiceId}`)).body).toMatchObject({ status: 'paid', reports: [{ signalOutcome: 'signalled' }] });
  });

  it('refuses agency callbacks without a token (401), with another role (403), and bad payloads with 400 naming the field', async () => {
    const sent = await activities.sendReminder(reminderRequest());
    const [agencyCase] = (await service.app.get(DataSource).query('SELECT invoice_id, case_id FROM agency_case WHERE case_id = $1', [sent.agencyCaseId])) as Array<{
      invoice_id: string;
      case_id: string;
    }>;
    const good = { reportId: randomUUID(), caseId: agencyCase.case_id, invoiceId: agencyCase.invoice_id, status: 'payment-plan', reportedOn: '2024-04-22' };

    expect((await service.request('POST', '/agency/reports', { token: null, body: good })).status).toBe(401);
    expect((await service.request('POST', '/agency/reports', { token: 'not-a-token', body: good })).status).toBe(401);
    expect((await service.request('POST', '/agency/reports', { roles: ['finance-centre'], body: good })).status).toBe(403);

    for (const [body, field] of [
      [{ ...good, status: 'lost' }, 'status'],
      [{ ...good, invoiceId: 'not-a-uuid' }, 'invoiceId'],
      [{ ...good, amountCents: -1 }, 'amountCents'],
      [{ ...good, amountCents: 12.5 }, 'amountCents'],
      [{ ...good, reportId: undefined }, 'reportId'],
      [{ ...good, reportedOn: '22.4.2024' }, 'reportedOn'],
      [{ ...good, reportedOn: '2024-02-30' }, 'reportedOn'],
      [{ ...good, surprise: 1 }, 'surprise'],
      [{ ...good, invoiceId: randomUUID() }, 'invoiceId'],
    ] as const) {
      const answer = await service.request('POST', '/agency/reports', { token: agencyToken, body });
      expect({ status: answer.status, fields: answer.body.problems?.map((p: { field: string }) => p.field) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
    }
    const unknownCase = await service.request('POST', '/agency/reports', { token: agencyToken, body: { ...good, caseId: 'AG-000000000000' } });
    expect(unknownCase).toMatchObject({ status: 404, body: { problems: [{ field: 'caseId' }] } });

    // Nothing of the refused calls was stored; the good one is.
    expect((await service.request('GET', `/agency-cases/${good.invoiceId}`)).body.reports).toEqual([]);
    expect(await service.request('POST', '/agency/reports', { token: agencyToken, body: good })).toMatchObject({
      status: 200,
      body: { duplicate: false, signal: 'workflow-not-running' },
    });
  });

  it('stores the agency’s estate steps and tells debt follow-up, later if it is down, once per report; the case and the lifecycle stay as they are', async () => {
    const request = reminderRequest();
    const sent = await activities.sendReminder(request);
    const { invoiceId } = request.invoice;
    const step = { reportId: randomUUID(), caseId: sent.agencyCaseId, invoiceId, status: 'demand-to-shareholders', reportedOn: '2024-04-22' };

    // Debt follow-up is down: the report is stored and answered 200, the step waits.
    debtFollowup.up = false;
    expect(await service.request('POST', '/agency/reports', { token: agencyToken, body: step })).toMatchObject({
      status: 200,
      body: { reportId: step.reportId, duplicate: false, signal: 'workflow-not-running', estateCase: 'pending' },
    });
    const db = service.app.get(DataSource);
    expect(await db.query('SELECT attempts, forwarded_at, last_error FROM estate_step_forward WHERE report_id = $1', [step.reportId])).toEqual([
      { attempts: 1, forwarded_at: null, last_error: expect.stringContaining('ECONNREFUSED') },
    ]);
    // It is not the lifecycle's: no agencyStatus signal is written for it.
    expect(await db.query(`SELECT count(*)::int AS n FROM signal_outbox WHERE key = $1`, [`agency-report:${step.reportId}`])).toEqual([{ n: 0 }]);

    // Debt follow-up is back: the forwarder's next round delivers it, with the client number of the reminder.
    debtFollowup.up = true;
    expect(await service.app.get(EstateStepForwarder).forward()).toBeGreaterThanOrEqual(1);
    expect(debtFollowup.received.filter((m) => m.reportId === step.reportId)).toEqual([
      { organisationId: 'fi-demo', clientNumber: request.invoice.clientNumber, reportId: step.reportId, invoiceId, step: 'demand-to-shareholders', reportedOn: '2024-04-22' },
    ]);
    // A redelivery by the agency is stored once and not sent again.
    expect(await service.request('POST', '/agency/reports', { token: agencyToken, body: step })).toMatchObject({ status: 200, body: { duplicate: true, estateCase: 'signalled' } });
    const second = { ...step, reportId: randomUUID(), status: 'payment-order-applied', reportedOn: '2024-05-20' };
    expect(await service.request('POST', '/agency/reports', { token: agencyToken, body: second })).toMatchObject({ status: 200, body: { duplicate: false, estateCase: 'signalled' } });
    // The agency (simulator) reports a step to the callback as it reports a status.
    const fromSim = await simCall(sim, 'POST', `/sim/cases/${sent.agencyCaseId}/report`, { status: 'second-demand-personal-liability', reportedOn: '2024-06-03' });
    expect(fromSim).toMatchObject({ status: 200, body: { delivered: true } });
    expect(debtFollowup.received.filter((m) => m.invoiceId === invoiceId).map((m) => m.step)).toEqual(['demand-to-shareholders', 'payment-order-applied', 'second-demand-personal-liability']);

    // The agency case keeps its status; both steps are on it, as every report is.
    const ours = await service.request('GET', `/agency-cases/${invoiceId}`);
    expect(ours.body).toMatchObject({
      status: 'transferred-to-reminder',
      reports: [{ status: 'demand-to-shareholders' }, { status: 'payment-order-applied' }, { status: 'second-demand-personal-liability', signalOutcome: null }],
    });
    expect(await service.request('POST', '/agency/reports', { token: agencyToken, body: { ...step, reportId: randomUUID(), status: 'estate-inventory' } })).toMatchObject({ status: 400 });
  });

  it('guards its read APIs by role', async () => {
    expect((await service.request('GET', '/reminders?organisationId=fi-demo', { roles: ['caseworker'] })).status).toBe(403);
    expect((await service.request('GET', '/reminders?organisationId=fi-demo', { token: null })).status).toBe(401);
    const withoutOrganisation = await service.request('GET', '/reminders', { roles: ['finance-centre'] });
    expect(withoutOrganisation.status).toBe(400);
    expect(withoutOrganisation.body.problems.map((p: { field: string }) => p.field)).toContain('organisationId');
    const invoiceId = randomUUID();
    expect((await service.request('GET', `/agency-cases/${invoiceId}`, { roles: ['client-fee-officer'] })).status).toBe(403);
    expect((await service.request('GET', `/agency-cases/${invoiceId}`, { roles: ['finance-centre'] })).status).toBe(404);
    expect((await service.request('GET', '/agency-cases/not-a-uuid', { roles: ['finance-centre'] })).status).toBe(400);
  });

  it('publishes its OpenAPI description at /docs', async () => {
    const document = (await (await fetch(`${service.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/reminders', '/agency-cases/{invoiceId}', '/agency/reports', '/health']));
  });
});

describe('collection service configuration', () => {
  it('refuses a malformed AGENCY_URL and names it', () => {
    expect(() => CollectionModule.register(serviceTestEnv('postgres://x', '127.0.0.1:7233', { AGENCY_URL: 'nowhere' }))).toThrow(/AGENCY_URL/);
  });
});
