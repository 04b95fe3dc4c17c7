import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { dueDate, localDateInZone, validateFinnishCreditorReference, validateRfCreditorReference } from '@clientfees/domain';
import { Worker } from '@temporalio/worker';
import {
  CollectionTransferRunWorkflow,
  feeReductionSignal,
  invoiceLifecycleWorkflowId,
  InvoicingMessages,
  lifecycleStatusQuery,
  paymentSignal,
  Role,
  SearchAttributes,
  TaskQueues,
  WorkflowFunctionOf,
} from '@clientfees/contracts';
import { sendServiceMessage } from '@clientfees/platform';
import { eventually, fakeCollection, startDevServer, startTimeSkippingServer, TEST_SIGNING_KEY } from '@clientfees/testing';
import { FI_ORGANISATION, InvoicingStack, startInvoicingStack } from './invoicing-stack';
import { InvoicesService } from '../src/invoices/invoices.service';



const invoiceBody = (invoiceDate: string) => ({
  organisationId: 'fi-demo',
  clientNumber: 'C-100234',
  recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
  invoiceDate,
  rows: [
    { description: 'Home care 6/2017', amount: '120.50' },
    { description: 'Meal service 6/2017', amount: '45.25' },
  ],
});

describe('invoicing service with the Temporal dev server', () => {
  let stack: InvoicingStack;
  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers health with the database, Temporal and its worker up', async () => {
    const health = await stack.service.request('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } });
  });

  it('issues the seed invoice: 25.7.2017 falls due 11.8.2017 and, never paid, turns overdue', async () => {
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody('2017-07-25') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'issued', total: '165.75', currency: 'EUR', invoiceDate: '2017-07-25' });
    const id = created.body.id as string;

    const overdue = await eventually(
      () => stack.service.request('GET', `/invoices/${id}`, { roles: ['client-fee-officer'] }),
      (r) => r.body.state === 'overdue',
    );
    expect(overdue.body.dueDate).toBe('2017-08-11');
    expect(overdue.body.events.map((e: { state: string; actor: string }) => [e.state, e.actor])).toEqual([
      ['issued', 'test-user'],
      ['overdue', 'system:invoiceLifecycle'],
    ]);
    expect(overdue.body.rows).toEqual([
      { lineNumber: 1, description: 'Home care 6/2017', amount: '120.50' },
      { lineNumber: 2, description: 'Meal service 6/2017', amount: '45.25' },
    ]);

    // The finance centre finds it in Temporal by state and organisation, never by identity code.
    const listed = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const wf of stack.env.client.workflow.list({ query: `InvoiceState = "overdue" AND OrganisationId = "fi-demo"` })) ids.push(wf.workflowId);
        return ids;
      },
      (ids) => ids.includes(overdue.body.workflowId),
    );
    expect(listed).toContain(`invoice-${id}`);
    const description = await stack.env.client.workflow.getHandle(`invoice-${id}`).describe();
    expect(description.typedSearchAttributes.get(SearchAttributes.amountCents)).toBe(16575);
    expect(description.typedSearchAttributes.get(SearchAttributes.clientNumber)).toBe('C-100234');
  });

  it('numbers each organisation’s invoices without gaps, even when issued at once and when some are refused', async () => {
    const before = await stack.service.request('GET', '/invoices?organisationId=fi-demo&limit=1000');
    const highest = Math.max(0, ...before.body.map((i: { invoiceNumber: number }) => i.invoiceNumber));
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        stack.service.request('POST', '/invoices', { body: i % 4 === 3 ? { ...invoiceBody('2017-02-30') } : invoiceBody('2026-11-02') }),
      ),
    );
    expect(attempts.filter((r) => r.status === 400)).toHaveLength(3);
    const numbers = attempts.filter((r) => r.status === 201).map((r) => r.body.invoiceNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 9 }, (_, i) => highest + 1 + i));
    const references = new Set(attempts.filter((r) => r.status === 201).map((r) => r.body.paymentReference));
    expect(references.size).toBe(9);
    const first = attempts.find((r) => r.status === 201)!.body;
    expect(validateFinnishCreditorReference(first.paymentReference).valid).toBe(true);
    expect(validateRfCreditorReference(first.paymentReferenceInternational).valid).toBe(true);
    expect(first.recipient).toEqual({ ...invoiceBody('x').recipient, country: 'FI', addressProtected: false });
  });

  it('defers by role: the officer within 3 months, longer through the supervisor’s inbox', async () => {
    // 2.11.2026 + 14 days + 3 banking days = 19.11.2026: already overdue.
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody('2026-11-02') });
    const id = created.body.id as string;
    await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.state === 'overdue');

    const tooFar = await stack.service.request('POST', `/invoices/${id}/deferrals`, {
      roles: ['client-fee-officer'],
      body: { requestedDueDate: '2027-03-19', reason: 'waiting for a pension decision' },
    });
    expect(tooFar).toMatchObject({ status: 422, body: { rule: 'deferDueDate' } });
    expect(tooFar.body.problems).toEqual([{ field: 'requestedDueDate', reason: expect.stringMatching(/client-fee officer's limit of 3 months/) }]);

    const granted = await stack.service.request('POST', `/invoices/${id}/deferrals`, {
      roles: ['client-fee-officer'],
      body: { requestedDueDate: '2027-01-19', reason: 'waiting for a pension decision' },
    });
    expect(granted).toMatchObject({ status: 200, body: { outcome: 'granted', dueDate: '2027-01-19' } });

    const asked = await stack.service.request('POST', `/invoices/${id}/deferral-approvals`, {
      roles: ['client-fee-officer'],
      body: { requestedDueDate: '2027-10-19', reason: 'long hospital stay' },
    });
    expect(asked.status).toBe(201);
    const inbox = await stack.service.request('GET', '/deferral-approvals?organisationId=fi-demo', { roles: ['billing-supervisor'] });
    const waiting = inbox.body.find((a: { invoiceId: string }) => a.invoiceId === id);
    expect(waiting).toMatchObject({ status: 'pending', requestedDueDate: '2027-10-19', requestedBy: 'test-user' });

    const byOfficer = await stack.service.request('POST', `/deferral-approvals/${waiting.id}/decision`, { roles: ['client-fee-officer'], body: { approve: true } });
    expect(byOfficer.status).toBe(403);
    // The person who asked does not decide, whatever role they hold (four eyes).
    const ownRequest = await stack.service.request('POST', `/deferral-approvals/${waiting.id}/decision`, { roles: ['billing-supervisor'], body: { approve: true, note: 'mine' } });
    expect(ownRequest).toMatchObject({ status: 422, body: { rule: 'decideDeferralApproval', message: 'test-user asked for it, so another person must decide it' } });
    const decided = await stack.service.request('POST', `/deferral-approvals/${waiting.id}/decision`, {
      roles: ['billing-supervisor'],
      sub: 'supervisor-sanna',
      body: { approve: true, note: 'medical certificate' },
    });
    expect(decided).toMatchObject({ status: 200, body: { outcome: 'granted', dueDate: '2027-10-19' } });

    const invoice = await stack.service.request('GET', `/invoices/${id}`);
    expect(invoice.body).toMatchObject({ state: 'deferred', dueDate: '2027-10-19' });
    expect(invoice.body.events.map((e: { state: string }) => e.state)).toEqual(['issued', 'overdue', 'deferred', 'deferred', 'deferred']);
    const after = await stack.service.request('GET', '/deferral-approvals?organisationId=fi-demo&status=approved', { roles: ['billing-supervisor'] });
    expect(after.body.map((a: { id: string }) => a.id)).toContain(waiting.id);
  });

  it('starts the lifecycle of an invoice that was stored while Temporal could not be reached', async () => {
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody('2026-11-20') });
    const id = created.body.id as string;
    // As if the service had stopped between storing the invoice and starting its workflow.
    await stack.env.client.workflow.getHandle(`invoice-${id}`).terminate('simulated loss');
    const db = stack.service.app.get(DataSource);
    const copy = randomUUID();
    await db.query(
      `INSERT INTO invoice (id, organisation_id, invoice_number, payment_reference, recipient, client_number, currency, total_cents, invoice_date, state, created_by)
       SELECT $1, organisation_id, invoice_number + 100000, payment_reference || '0', recipient, client_number, currency, total_cents, invoice_date, 'issued', created_by
       FROM invoice WHERE id = $2`,
      [copy, id],
    );
    expect(await stack.service.app.get(InvoicesService).startPendingLifecycles()).toBe(1);
    const started = await eventually(() => stack.service.request('GET', `/invoices/${copy}`), (r) => r.body.dueDate !== null);
    expect(started.body.dueDate).toBe('2026-12-09');
    expect(await stack.service.app.get(InvoicesService).startPendingLifecycles()).toBe(0);
  });

  it('keeps a weekly Tuesday transfer-run Schedule per organisation, monthly when set so', async () => {
    const schedule = stack.env.client.schedule.getHandle('transfer-run-fi-demo');
    const weekly = await schedule.describe();
    expect(weekly.spec.calendars).toEqual([expect.objectContaining({ dayOfWeek: [{ start: 'TUESDAY', end: 'TUESDAY', step: 1 }], hour: [{ start: 6, end: 6, step: 1 }] })]);
    expect(weekly.spec.timezone).toBe('Europe/Helsinki');
    expect(weekly.action).toMatchObject({ type: 'startWorkflow', workflowType: CollectionTransferRunWorkflow.workflowType });

    const monthly = await stack.service.request('PUT', '/organisations/se-monthly', {
      roles: ['administrator'],
      body: { ...FI_ORGANISATION, country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm', transferScheduleKind: 'monthly', transferScheduleDay: 15 },
    });
    expect(monthly.status).toBe(200);
    const described = await stack.env.client.schedule.getHandle('transfer-run-se-monthly').describe();
    expect(described.spec.calendars).toEqual([expect.objectContaining({ dayOfMonth: [{ start: 15, end: 15, step: 1 }] })]);

    // A day the short months lack runs on their last day, as the domain's timeline says.
    const monthEnd = await stack.service.request('PUT', '/organisations/fi-month-end', {
      roles: ['administrator'],
      body: { ...FI_ORGANISATION, transferScheduleKind: 'monthly', transferScheduleDay: 31 },
    });
    expect(monthEnd.status).toBe(200);
    const monthEndSpec = (await stack.env.client.schedule.getHandle('transfer-run-fi-month-end').describe()).spec;
    expect(monthEndSpec.calendars).toHaveLength(4);
    expect(monthEndSpec.calendars).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dayOfMonth: [{ start: 30, end: 30, step: 1 }], month: expect.arrayContaining([{ start: 'APRIL', end: 'APRIL', step: 1 }]) }),
      ]),
    );
    for (const [kind, day, reason] of [
      ['weekly', 8, 'a weekly run day is an ISO weekday from 1 (Monday) to 7 (Sunday)'],
      ['monthly', 32, 'a monthly run day is a day of the month from 1 to 31 (a shorter month runs on its last day)'],
    ] as const) {
      const refused = await stack.service.request('PUT', '/organisations/fi-bad-day', {
        roles: ['administrator'],
        body: { ...FI_ORGANISATION, transferScheduleKind: kind, transferScheduleDay: day },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.problems).toEqual([{ field: 'transferScheduleDay', reason }]);
    }

    const tooHigh = await stack.service.request('PUT', '/organisations/fi-greedy', { roles: ['administrator'], body: { ...FI_ORGANISATION, reminderFee: '5.01' } });
    expect(tooHigh.status).toBe(400);
    expect(JSON.stringify(tooHigh.body.problems)).toMatch(/5\.00|cap/);
  });

  it('charges no Swedish reminder fee unless the organisation records where it was agreed (lag 1981:739 2 §)', async () => {
    const se = { ...FI_ORGANISATION, country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm' };
    const plain = await stack.service.request('PUT', '/organisations/se-no-basis', { roles: ['administrator'], body: se });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ reminderFeeCents: null, reminderFeeBasis: null });

    const refused = await stack.service.request('PUT', '/organisations/se-no-basis', { roles: ['administrator'], body: { ...se, reminderFee: '60' } });
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([{ field: 'reminderFee', reason: expect.stringMatching(/1981:739\) om ersättning för inkassokostnader m\.m\. 2 §.*reminderFeeBasis/) }]);
    expect((await stack.service.request('GET', '/organisations/se-no-basis', { roles: ['administrator'] })).body.reminderFeeCents).toBeNull();

    const basis = 'agreed in the fee decision’s terms of payment (avgiftsbeslut) since 1.1.2024';
    const agreed = await stack.service.request('PUT', '/organisations/se-with-basis', { roles: ['administrator'], body: { ...se, reminderFee: '60', reminderFeeBasis: basis } });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ reminderFeeCents: 6000, reminderFeeBasis: basis });
    const tooLong = await stack.service.request('PUT', '/organisations/se-with-basis', { roles: ['administrator'], body: { ...se, reminderFeeBasis: 'x'.repeat(501) } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.problems[0].field).toBe('reminderFeeBasis');
  });

  it('credits, waives and refuses a recall of an invoice that is not at the agency', async () => {
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody('2026-11-24') });
    const id = created.body.id as string;
    await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.dueDate !== null);

    const credit = await stack.service.request('POST', `/invoices/${id}/credit-notes`, { body: { amount: '45.25', reason: 'meals not delivered' } });
    expect(credit).toMatchObject({ status: 201, body: { totalCents: 12050 } });
    const tooMuch = await stack.service.request('POST', `/invoices/${id}/credit-notes`, { body: { amount: '500.00', reason: 'x' } });
    expect(tooMuch).toMatchObject({ status: 422, body: { rule: 'creditInvoice', problems: [{ reason: expect.stringMatching(/^the credit is more than the \d+ cents still open$/) }] } });

    const recall = await stack.service.request('POST', `/invoices/${id}/recall`, { body: { reason: 'error' } });
    expect(recall.status).toBe(409);
    expect(recall.body.problems[0].reason).toMatch(/not at the agency/);

    expect((await stack.service.request('POST', `/invoices/${id}/waiver`, { body: { grounds: 'hardship' } })).status).toBe(403);
    const waived = await stack.service.request('POST', `/invoices/${id}/waiver`, { roles: ['result-area-director'], body: { grounds: 'decision 2026/412: hardship' } });
    expect(waived).toMatchObject({ status: 200, body: { state: 'waived' } });

    const invoice = await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.state === 'waived');
    const reasons = invoice.body.events.map((e: { reason: string }) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^credit note \d+ of 45\.25: meals not delivered$/), expect.stringMatching(/hardship/)]));
  });

  it('writes an unpaid invoice off by the supervisor’s or director’s decision, not while it is at the agency', async () => {
    const put = await stack.service.request('PUT', '/organisations/fi-write-off', { roles: ['administrator'], body: FI_ORGANISATION });
    expect(put.status).toBe(200);
    const create = async (invoiceDate: string) => {
      const created = await stack.service.request('POST', '/invoices', { body: { ...invoiceBody(invoiceDate), organisationId: 'fi-write-off' } });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.state === 'overdue');
      return id;
    };
    const overdue = await create('2026-11-02'); // due 19.11.2026: overdue, not yet eligible for transfer
    const atAgency = await create('2017-07-25'); // due 11.8.2017: taken by the run of 29.8.2017, then to the agency
    const writeOff = (id: string, roles: Role[], body: object) => stack.service.request('POST', `/invoices/${id}/write-off`, { roles, body });

    const decide = () => decideWriteOffs(overdue, atAgency, writeOff);
    // The collection service's side played by the shared fakes; the transfer run is the real workflow.
    const collection = fakeCollection();
    const worker = await Worker.create({ connection: stack.env.nativeConnection, taskQueue: TaskQueues.collection, activities: collection.activities });
    await worker.runUntil(async () => {
      const run = await stack.env.client.workflow.start<WorkflowFunctionOf<typeof CollectionTransferRunWorkflow>>(CollectionTransferRunWorkflow.workflowType, {
        workflowId: `transfer-run-fi-write-off-${randomUUID()}`,
        taskQueue: CollectionTransferRunWorkflow.taskQueue,
        args: [{ organisationId: 'fi-write-off', runDate: '2017-08-29' }],
      });
      expect(await run.result()).toEqual({ runDate: '2017-08-29', offered: 1 });
      await eventually(() => stack.service.request('GET', `/invoices/${atAgency}`), (r) => r.body.state === 'at-agency');
      await decide();
    });
    expect(collection.calls.map((c) => c.activity)).toEqual(['sendReminder', 'transferToAgency', 'recallFromAgency']);
  });

  type WriteOffRequest = (id: string, roles: Role[], body: object) => ReturnType<InvoicingStack['service']['request']>;
  /** The decisions of the write-off test, while the collection fakes run. */
  async function decideWriteOffs(overdue: string, atAgency: string, writeOff: WriteOffRequest) {
    const note = 'no income or assets; decision 2026/77';
    for (const role of ['finance-centre', 'client-fee-officer'] as const) expect((await writeOff(overdue, [role], { grounds: 'uncollectable', note })).status).toBe(403);
    const noGrounds = await writeOff(overdue, ['billing-supervisor'], { note });
    expect(noGrounds.status).toBe(400);
    expect(noGrounds.body.problems.map((p: { field: string }) => p.field)).toContain('grounds');
    const badGrounds = await writeOff(overdue, ['billing-supervisor'], { grounds: 'hardship', note });
    expect(badGrounds.status).toBe(400);
    expect(badGrounds.body.problems).toEqual([{ field: 'grounds', reason: expect.stringContaining('grounds must be one of uncollectable, estate-without-assets') }]);
    expect((await writeOff(overdue, ['billing-supervisor'], { grounds: 'uncollectable' })).body.problems.map((p: { field: string }) => p.field)).toContain('note');

    const refused = await writeOff(atAgency, ['billing-supervisor'], { grounds: 'uncollectable', note });
    expect(refused.status).toBe(409);
    expect(refused.body.problems).toEqual([{ field: 'state', reason: 'the invoice is at the collection agency: recall it from the agency first, then write it off' }]);

    const accepted = await writeOff(overdue, ['billing-supervisor'], { grounds: 'uncollectable', note });
    expect(accepted).toMatchObject({ status: 200, body: { state: 'written-off', writtenOff: { amountCents: 16575, grounds: 'uncollectable', note } } });
    const invoice = await eventually(() => stack.service.request('GET', `/invoices/${overdue}`), (r) => r.body.state === 'written-off');
    expect(invoice.body.events.at(-1)).toMatchObject({
      state: 'written-off',
      actor: 'test-user',
      reason: `165.75 EUR written off by the billing supervisor (uncollectable): ${note}`,
    });
    const listed = await stack.service.request('GET', '/invoices?organisationId=fi-write-off&state=written-off');
    expect(listed.body.map((i: { id: string }) => i.id)).toEqual([overdue]);

    // Recalled first (no collection costs), the director writes it off.
    expect((await stack.service.request('POST', `/invoices/${atAgency}/recall`, { body: { reason: 'estate without assets' } })).status).toBe(200);
    const byDirector = await writeOff(atAgency, ['result-area-director'], { grounds: 'estate-without-assets', note: 'estate inventory: no assets' });
    expect(byDirector).toMatchObject({ status: 200, body: { state: 'written-off' } });
  }

  it('makes a payment plan of the open amount', async () => {
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody('2026-11-25') });
    const id = created.body.id as string;
    await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.dueDate !== null);
    const badDate = await stack.service.request('POST', `/invoices/${id}/payment-plan`, { roles: ['client-fee-officer'], body: { instalments: 3, firstDueDate: '15.1.2027' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.problems).toEqual([{ field: 'firstDueDate', reason: 'firstDueDate must be a date YYYY-MM-DD' }]);
    // Due in December 2026: the officer's plan ends within 3 months of it; a longer one is the billing supervisor's.
    const tooLong = await stack.service.request('POST', `/invoices/${id}/payment-plan`, { roles: ['client-fee-officer'], body: { instalments: 6, firstDueDate: '2027-01-10' } });
    expect(tooLong).toMatchObject({ status: 422, body: { message: expect.stringMatching(/last instalment 2027-06-10 is beyond the client-fee officer's limit .* needs the billing supervisor's approval/) } });
    const planned = await stack.service.request('POST', `/invoices/${id}/payment-plan`, { roles: ['client-fee-officer'], body: { instalments: 3, firstDueDate: '2027-01-10' } });
    expect(planned.status).toBe(201);
    expect(planned.body.paymentPlan.instalments.map((i: { dueDate: string; amountCents: number }) => [i.dueDate, i.amountCents])).toEqual([
      ['2027-01-10', 5525],
      ['2027-02-10', 5525],
      ['2027-03-10', 5525],
    ]);
    const again = await stack.service.request('POST', `/invoices/${id}/payment-plan`, { roles: ['client-fee-officer'], body: { instalments: 2, firstDueDate: '2027-01-10' } });
    expect(again.status).toBe(409);
    expect((await stack.service.request('GET', `/invoices/${id}`)).body.state).toBe('in-payment-plan');
  });

  it('records a § 11 decision once and tells each of the client’s open invoices through the outbox', async () => {
    const issue = async () => {
      const created = await stack.service.request('POST', '/invoices', { body: { ...invoiceBody('2026-11-25'), clientNumber: 'C-711' } });
      await eventually(() => stack.service.request('GET', `/invoices/${created.body.id}`), (r) => r.body.dueDate !== null);
      return created.body.id as string;
    };
    const [open, paid] = [await issue(), await issue()];
    await stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(paid)).signal(paymentSignal, { paymentId: 'bank-711', amountCents: 16575, paidOn: '2026-11-30' });
    await eventually(() => stack.service.request('GET', `/invoices/${paid}`), (r) => r.body.state === 'paid');

    const decision = { organisationId: 'fi-demo', clientNumber: 'C-711', decisionReference: 'LU/2026/711', validFrom: '2026-12-01', validTo: '2027-05-31' };
    const post = (body: object) => stack.service.request('POST', '/fee-reduction-decisions', { roles: ['client-fee-officer'], body });
    const recorded = await post(decision);
    expect(recorded).toMatchObject({ status: 201, body: { decisionId: expect.any(String), invoicesPaused: 1 } });
    const status = await eventually(
      () => stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(open)).query(lifecycleStatusQuery),
      (s) => s.collectionPausedUntil !== undefined,
    );
    expect(status.collectionPausedUntil).toBe('2027-05-31');

    // Posted again (its answer was lost): the same decision, and no second signal.
    expect(await post(decision)).toMatchObject({ status: 201, body: { decisionId: recorded.body.decisionId, invoicesPaused: 1 } });
    // The same reference for another period is another decision's: refused (docs/security.md).
    expect((await post({ ...decision, validTo: '2027-12-31' })).status).toBe(409);
    const history = await stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(open)).fetchHistory();
    const told = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === feeReductionSignal.name);
    expect(told).toHaveLength(1);
    expect((await stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(open)).query(lifecycleStatusQuery)).collectionPausedUntil).toBe('2027-05-31');

    expect(await post({ ...decision, decisionReference: 'LU/2026/712', validTo: '2026-11-30' })).toMatchObject({ status: 400, body: { problems: [{ field: 'validTo' }] } });
    expect((await post({ ...decision, organisationId: 'nowhere' })).status).toBe(404);
    expect((await stack.service.request('POST', '/fee-reduction-decisions', { roles: ['finance-centre'], body: decision })).status).toBe(403);
  });

  it('answers another service over TCP messages', async () => {
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody('2026-11-02') });
    const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
    try {
      const view = await sendServiceMessage(client, InvoicingMessages.getInvoice, { organisationId: 'fi-demo', id: created.body.id }, 'collection', TEST_SIGNING_KEY);
      expect(view).toMatchObject({ id: created.body.id, total: '165.75', clientNumber: 'C-100234' });
    } finally {
      client.close();
    }
  });

  it.each([
    [{ ...invoiceBody('2017-02-30') }, 'invoiceDate'],
    [{ ...invoiceBody('25.7.2017') }, 'invoiceDate'],
    [{ ...invoiceBody('2017-07-25'), rows: [{ description: 'x', amount: '12.345' }] }, 'rows.0.amount'],
    [{ ...invoiceBody('2017-07-25'), rows: [] }, 'rows'],
    [{ ...invoiceBody('2017-07-25'), rows: [{ description: 'credit', amount: '-5.00' }] }, 'rows'],
    [{ ...invoiceBody('2017-07-25'), clientNumber: '131052-308T' }, 'clientNumber'],
    [{ ...invoiceBody('2017-07-25'), surprise: true }, 'surprise'],
    [{ ...invoiceBody('2017-07-25'), recipient: { ...invoiceBody('x').recipient, kind: 'neighbour' } }, 'recipient.kind'],
    [{ ...invoiceBody('2017-07-25'), recipient: undefined }, 'recipient'],
  ])('refuses bad input with 400 naming the field (%#)', async (body, field) => {
    const response = await stack.service.request('POST', '/invoices', { body });
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(JSON.stringify(response.body)).not.toContain('131052-308T');
  });

  it('does not issue an invoice for an organisation the caller does not act for: 404, as for one that does not exist', async () => {
    const response = await stack.service.request('POST', '/invoices', { body: { ...invoiceBody('2017-07-25'), organisationId: 'nowhere' } });
    expect(response.status).toBe(404);
  });

  it('refuses callers without a token or without a permitted role', async () => {
    expect((await stack.service.request('POST', '/invoices', { token: null, body: invoiceBody('2017-07-25') })).status).toBe(401);
    expect((await stack.service.request('POST', '/invoices', { roles: ['caseworker'], body: invoiceBody('2017-07-25') })).status).toBe(403);
    expect((await stack.service.request('PUT', '/organisations/fi-x', { roles: ['finance-centre'], body: FI_ORGANISATION })).status).toBe(403);
  });

  it('answers 404 for an unknown invoice and 400 for a malformed id', async () => {
    expect((await stack.service.request('GET', '/invoices/8f0c1f9e-2c8b-4a51-9a55-5a0f4c6f2b11')).status).toBe(404);
    expect((await stack.service.request('GET', '/invoices/not-a-uuid')).status).toBe(400);
  });

  it('records a § 11 decision once per reference, and refuses the reference for another client’s decision', async () => {
    const decision = { organisationId: 'fi-demo', clientNumber: 'R-1', decisionReference: 'LU/2026/900', validFrom: '2026-12-01', validTo: '2027-02-28' };
    const post = (body: Record<string, unknown>) => stack.service.request('POST', '/fee-reduction-decisions', { roles: ['client-fee-officer'], body });
    const first = await post(decision);
    expect(first.status).toBe(201);
    // Posting it again delivers the same decision again.
    expect((await post(decision)).body.decisionId).toBe(first.body.decisionId);
    // The reference reused for another client, or another period, would pause invoices the decision never named.
    const other = await post({ ...decision, clientNumber: 'R-2' });
    expect(other).toMatchObject({ status: 409, body: { problems: [{ field: 'decisionReference', reason: 'already names another decision' }] } });
    expect((await post({ ...decision, validTo: '2027-12-31' })).status).toBe(409);
  });

  it('publishes its OpenAPI description at /docs', async () => {
    const response = await fetch(`${stack.service.baseUrl}/docs/openapi.json`);
    const document = (await response.json()) as { info: { description: string }; paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/invoices', '/invoices/{id}', '/invoices/{id}/write-off', '/health']));
    type Operation = { summary: string; responses: Record<string, { description: string; content?: { 'application/json': { schema: { required: string[] } } } }> };
    const writeOff = (document.paths['/invoices/{id}/write-off'] as { post: Operation }).post;
    expect(writeOff.summary).toMatch(/written-off/);
    // A rule's refusal is documented where it can happen, with the body it has (ADR 0033).
    expect(writeOff.responses['422'].description).toMatch(/rule `writeOff`/);
    expect(writeOff.responses['422'].content!['application/json'].schema.required).toEqual(expect.arrayContaining(['rule', 'reason', 'problems']));
    expect(document.info.description).toMatch(/422 a rule of the domain refuses a well-formed request/);
  });
});

describe('invoicing service with the time-skipping server', () => {
  let stack: InvoicingStack;
  beforeAll(async () => {
    stack = await startInvoicingStack(await startTimeSkippingServer(), { schedules: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('waits out the real payment term and marks the invoice overdue the day after the due date', async () => {
    const today = localDateInZone(await stack.env.currentTimeMs(), 'Europe/Helsinki');
    const expectedDue = dueDate('FI', today, { paymentTermDays: 14, bankingDays: 3 });
    const created = await stack.service.request('POST', '/invoices', { body: invoiceBody(today) });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const issued = await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.dueDate !== null);
    expect(issued.body).toMatchObject({ state: 'issued', dueDate: expectedDue });

    await stack.env.sleep('16 days'); // before the due date (at least 3 banking days after day 14)
    expect((await stack.service.request('GET', `/invoices/${id}`)).body.state).toBe('issued');

    await stack.env.sleep('10 days');
    const overdue = await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.state === 'overdue');
    const overdueAt = overdue.body.events.find((e: { state: string }) => e.state === 'overdue');
    expect(overdueAt).toBeDefined();

    await stack.env.client.workflow.getHandle(invoiceLifecycleWorkflowId(id)).signal(paymentSignal, { paymentId: 'bank-1', amountCents: 16575, paidOn: today });
    await eventually(() => stack.service.request('GET', `/invoices/${id}`), (r) => r.body.state === 'paid');
  });
});
