import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, runToExit, startServiceProcess } from '@clientfees/testing';
import { AuthoritySim, createAuthoritySim } from '../src/server';

/** A stand-in creditor: records every callback and answers with the statuses it is told to. */
class FakeCreditor {
  readonly received: Array<{ authorization?: string; body: Record<string, unknown> }> = [];
  private answers: number[] = [];
  private server?: Server;
  url = '';

  answerNext(...statuses: number[]): void {
    this.answers.push(...statuses);
  }

  async start(): Promise<void> {
    this.server = createServer(async (request: IncomingMessage, response) => {
      let text = '';
      for await (const chunk of request) text += chunk;
      this.received.push({ authorization: request.headers.authorization, body: JSON.parse(text) });
      const status = this.answers.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: status < 300 }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/agency/reports`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON comes back
type Answer = { status: number; body: any; headers: Headers };

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

let invoiceSeq = 0;
const reminder = (overrides: Record<string, unknown> = {}) => ({
  invoiceId: `inv-${++invoiceSeq}-${Date.now()}`,
  creditorId: 'fi-demo',
  invoiceNumber: 17,
  clientNumber: 'C-100234',
  recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' },
  reference: '1000000172',
  currency: 'EUR',
  invoiceDate: '2017-07-25',
  invoiceDueDate: '2017-08-11',
  principalCents: 16575,
  reminderFeeCents: 210,
  interestCents: 57,
  reminderDate: '2017-08-29',
  reminderDueDate: '2017-09-12',
  ...overrides,
});

const TOKEN = 'creditor-issued-token';

describe('collection agency simulator', () => {
  let sim: AuthoritySim;
  let creditor: FakeCreditor;
  let base: string;
  const post = (path: string, body?: unknown) => call(base, 'POST', path, body);
  const get = (path: string) => call(base, 'GET', path);
  const open = async (overrides: Record<string, unknown> = {}) => {
    const created = await post('/agency/v1/reminders', reminder(overrides));
    expect(created.status).toBe(201);
    return created.body as { caseId: string; invoiceId: string };
  };

  beforeAll(async () => {
    creditor = new FakeCreditor();
    await creditor.start();
    sim = createAuthoritySim({ agency: { callback: { url: creditor.url, token: TOKEN, attempts: 3, backoffMs: 10, timeoutMs: 2000 } } });
    base = `http://127.0.0.1:${await sim.listen(0)}`;
  });
  afterAll(async () => {
    await sim?.close();
    await creditor?.stop();
  });

  it('answers its health check and names its simulators', async () => {
    expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'up', service: 'authority-sim', simulators: ['agency', 'incomes-register', 'population-register', 'tax-administration'] } });
  });

  it('opens one case per invoice: a repeat returns the original case with 200, whatever its figures', async () => {
    const first = reminder();
    const created = await post('/agency/v1/reminders', first);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      caseId: expect.stringMatching(/^AG-[0-9A-F]{12}$/),
      invoiceId: first.invoiceId,
      status: 'reminder-sent',
      collectionCostsWaived: false,
      reminder: { principalCents: 16575, reminderFeeCents: 210, interestCents: 57, totalCents: 16842, reminderDate: '2017-08-29', reminderDueDate: '2017-09-12' },
    });

    const again = await post('/agency/v1/reminders', { ...first, interestCents: 99, reminderDate: '2017-09-05', reminderDueDate: '2017-09-19' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(created.body);

    const listed = await get(`/sim/cases?invoiceId=${encodeURIComponent(first.invoiceId)}`);
    expect(listed.body.cases).toHaveLength(1);
    expect(listed.body.cases[0].history.map((e: { event: string }) => e.event)).toEqual(['reminder-sent']);
  });

  it('opens one case even when the same invoice arrives several times at once', async () => {
    const body = reminder();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('/agency/v1/reminders', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(1);
    expect((await get(`/sim/cases?invoiceId=${body.invoiceId}`)).body.cases).toHaveLength(1);
  });

  it.each([
    [{ invoiceId: undefined }, 'invoiceId'],
    [{ principalCents: '165.75' }, 'principalCents'],
    [{ principalCents: 0 }, 'principalCents'],
    [{ reminderFeeCents: -1 }, 'reminderFeeCents'],
    [{ currency: 'USD' }, 'currency'],
    [{ reminderDate: '2017-02-30' }, 'reminderDate'],
    [{ reminderDate: '2017-08-11' }, 'reminderDate'],
    [{ reminderDueDate: '2017-08-29' }, 'reminderDueDate'],
    [{ recipient: undefined }, 'recipient'],
    [{ recipient: { name: 'Aino', streetAddress: 'Koivukuja 3', city: 'Espoo', country: 'FI' } }, 'recipient.postalCode'],
    [{ recipient: { ...reminder().recipient, country: 'Finland' } }, 'recipient.country'],
    [{ surprise: true }, 'surprise'],
  ])('refuses a bad reminder with 400 naming the field (%#)', async (overrides, field) => {
    const answer = await post('/agency/v1/reminders', reminder(overrides));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'bad-request', field, reason: expect.any(String) });
  });

  it('refuses a body that is not JSON', async () => {
    expect(await post('/agency/v1/reminders', '{"invoiceId": ')).toMatchObject({ status: 400, body: { field: 'body' } });
    expect(await post('/agency/v1/reminders', [1, 2])).toMatchObject({ status: 400, body: { field: 'body' } });
  });

  it('answers 404 for an unknown case on every case endpoint', async () => {
    for (const [method, path, body] of [
      ['GET', '/agency/v1/cases/AG-000000000000', undefined],
      ['POST', '/agency/v1/cases/AG-000000000000/collection', undefined],
      ['POST', '/agency/v1/cases/AG-000000000000/recall', { reason: 'staff error' }],
      ['POST', '/sim/cases/AG-000000000000/report', { status: 'paid' }],
    ] as const) {
      expect(await call(base, method, path, body)).toMatchObject({ status: 404, body: { error: 'not-found', field: 'caseId' } });
    }
    expect((await get('/agency/v1/nothing-here')).status).toBe(404);
    expect((await call(base, 'DELETE', '/agency/v1/reminders')).status).toBe(405);
  });

  it('starts collection once: a repeat answers the same case with no second demand', async () => {
    const { caseId } = await open();
    const started = await post(`/agency/v1/cases/${caseId}/collection`, { transferDate: '2017-09-19' });
    expect(started).toMatchObject({ status: 200, body: { caseId, status: 'in-collection', collectionCostsCents: 1400, collectionCostsWaived: false, transferDate: '2017-09-19' } });
    const again = await post(`/agency/v1/cases/${caseId}/collection`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(started.body);
    const events = (await get(`/agency/v1/cases/${caseId}`)).body.history.map((e: { event: string }) => e.event);
    expect(events).toEqual(['reminder-sent', 'collection-started']);
    expect(await post(`/agency/v1/cases/${caseId}/collection`, { transferDate: 'tomorrow' })).toMatchObject({ status: 400, body: { field: 'transferDate' } });
  });

  it('recalls a case transferred in error: closed, collection costs waived, and a repeat changes nothing', async () => {
    const { caseId } = await open();
    await post(`/agency/v1/cases/${caseId}/collection`);
    expect(await post(`/agency/v1/cases/${caseId}/recall`, {})).toMatchObject({ status: 400, body: { field: 'reason' } });
    const recalled = await post(`/agency/v1/cases/${caseId}/recall`, { reason: 'transferred by a staff error', requestedBy: 'officer-7' });
    expect(recalled).toMatchObject({ status: 200, body: { caseId, status: 'recalled', collectionCostsWaived: true, recallReason: 'transferred by a staff error' } });
    const again = await post(`/agency/v1/cases/${caseId}/recall`, { reason: 'another reason' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(recalled.body);

    const history = (await get(`/agency/v1/cases/${caseId}`)).body.history;
    expect(history.map((e: { event: string; status: string }) => [e.event, e.status])).toEqual([
      ['reminder-sent', 'reminder-sent'],
      ['collection-started', 'in-collection'],
      ['recalled', 'recalled'],
    ]);
    // A recalled case is closed: no collection and no more reports.
    expect(await post(`/agency/v1/cases/${caseId}/collection`)).toMatchObject({ status: 409, body: { error: 'conflict', field: 'caseId' } });
    expect((await post(`/sim/cases/${caseId}/report`, { status: 'paid' })).status).toBe(409);
  });

  it('reports a status to the creditor with its bearer token and changes the case', async () => {
    const { caseId, invoiceId } = await open();
    const before = creditor.received.length;
    const answer = await post(`/sim/cases/${caseId}/report`, { status: 'paid', reportedOn: '2017-09-20' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ delivered: true, deliveries: [{ status: 200 }] });
    const delivered = creditor.received.slice(before);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].authorization).toBe(`Bearer ${TOKEN}`);
    // A paid report without an amount means the principal in full.
    expect(delivered[0].body).toEqual({ reportId: expect.any(String), caseId, invoiceId, status: 'paid', amountCents: 16575, reportedOn: '2017-09-20' });
    expect((await get(`/agency/v1/cases/${caseId}`)).body).toMatchObject({ status: 'paid', collectedCents: 16575 });
    expect((await get(`/sim/reports?caseId=${caseId}`)).body.reports).toHaveLength(1);
  });

  it('reports a step against an estate without changing the case', async () => {
    const { caseId, invoiceId } = await open();
    await post(`/agency/v1/cases/${caseId}/collection`, { transferDate: '2017-09-19' });
    const before = creditor.received.length;
    const answer = await post(`/sim/cases/${caseId}/report`, { status: 'second-demand-personal-liability', reportedOn: '2017-11-20' });
    expect(answer).toMatchObject({ status: 200, body: { delivered: true } });
    expect(creditor.received.slice(before).map((r) => r.body)).toEqual([{ reportId: expect.any(String), caseId, invoiceId, status: 'second-demand-personal-liability', reportedOn: '2017-11-20' }]);
    expect((await get(`/agency/v1/cases/${caseId}`)).body).toMatchObject({ status: 'in-collection' });
    expect((await post(`/sim/cases/${caseId}/report`, { status: 'estate-inventory' })).status).toBe(400);
  });

  it('retries a report the creditor could not take, sending the same reportId each time', async () => {
    const { caseId } = await open();
    const before = creditor.received.length;
    creditor.answerNext(503, 500);
    const answer = await post(`/sim/cases/${caseId}/report`, { status: 'payment-plan' });
    expect(answer.status).toBe(200);
    expect(answer.body.deliveries.map((d: { status: number }) => d.status)).toEqual([503, 500, 200]);
    const sent = creditor.received.slice(before).map((r) => r.body.reportId);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(1);
    expect(creditor.received.at(-1)!.body).not.toHaveProperty('amountCents');
  });

  it('gives up at once on a refusal, gives up after its tries on failures, and redelivers the same report on request', async () => {
    const { caseId } = await open();
    creditor.answerNext(401);
    const refused = await post(`/sim/cases/${caseId}/report`, { status: 'payment-plan' });
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ delivered: false, deliveries: [{ status: 401 }] });
    const reportId = refused.body.report.reportId as string;

    creditor.answerNext(500, 500, 500);
    const exhausted = await post(`/sim/reports/${reportId}/deliver`);
    expect(exhausted.status).toBe(502);
    expect(exhausted.body.deliveries.map((d: { status: number }) => d.status)).toEqual([401, 500, 500, 500]);

    const redelivered = await post(`/sim/reports/${reportId}/deliver`);
    expect(redelivered).toMatchObject({ status: 200, body: { delivered: true } });
    expect(creditor.received.at(-1)!.body.reportId).toBe(reportId);
    expect((await post('/sim/reports/no-such-report/deliver')).status).toBe(404);
  });

  it('refuses a bad report command with 400 naming the field', async () => {
    const { caseId } = await open();
    expect(await post(`/sim/cases/${caseId}/report`, { status: 'lost' })).toMatchObject({ status: 400, body: { field: 'status' } });
    expect(await post(`/sim/cases/${caseId}/report`, { status: 'paid', amountCents: 1.5 })).toMatchObject({ status: 400, body: { field: 'amountCents' } });
    expect(await post(`/sim/cases/${caseId}/report`, { status: 'paid', reportedOn: '20.9.2017' })).toMatchObject({ status: 400, body: { field: 'reportedOn' } });
  });
});

describe('collection agency simulator with an API key', () => {
  let sim: AuthoritySim;
  let base: string;
  beforeAll(async () => {
    sim = createAuthoritySim({ agency: { apiKey: 'agency-api-key-123', callback: { attempts: 1, backoffMs: 1, timeoutMs: 1000 } } });
    base = `http://127.0.0.1:${await sim.listen(0)}`;
  });
  afterAll(() => sim?.close());

  it('refuses the agency API without the key, accepts it with the key, and leaves health and simulator control open', async () => {
    expect((await call(base, 'POST', '/agency/v1/reminders', reminder())).status).toBe(401);
    expect((await call(base, 'POST', '/agency/v1/reminders', reminder(), { authorization: 'Bearer wrong-key-000000' })).status).toBe(401);
    const created = await call(base, 'POST', '/agency/v1/reminders', reminder(), { authorization: 'Bearer agency-api-key-123' });
    expect(created.status).toBe(201);
    expect((await call(base, 'GET', '/health')).status).toBe(200);
    // No callback URL configured: the report changes the case but cannot be delivered.
    const report = await call(base, 'POST', `/sim/cases/${created.body.caseId}/report`, { status: 'returned' });
    expect(report.status).toBe(502);
    expect(report.body.deliveries[0].error).toMatch(/AGENCY_CALLBACK_URL/);
  });
});

describe('authority-sim as a process', () => {
  it('starts from main.ts, serves the agency, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const sim = await startServiceProcess('authority-sim', { HTTP_PORT: String(port), AGENCY_CALLBACK_URL: 'http://127.0.0.1:9/agency/reports' });
    try {
      const created = await call(sim.baseUrl, 'POST', '/agency/v1/reminders', reminder());
      expect(created.status).toBe(201);
    } finally {
      expect(await sim.stop()).toBe(0);
    }
  });

  it('refuses to start on a bad callback URL and names the variable', async () => {
    const { code, output } = await runToExit('authority-sim', { HTTP_PORT: String(await freePort()), AGENCY_CALLBACK_URL: 'not a url' });
    expect(code).toBe(1);
    expect(output).toContain('AGENCY_CALLBACK_URL');
  });
});
