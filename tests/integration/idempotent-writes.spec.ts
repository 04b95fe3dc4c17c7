import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestDatabase, freePort, serviceTestEnv, ServiceProcess, startDevServer, startServiceProcess, testToken, TestDatabase } from '@clientfees/testing';

const CREATIONS = 40;
const ORGANISATION = 'fi-resend';

/**
 * Creating an invoice can be resent safely (ADR 0028): a resend with the same Idempotency-Key
 * gets the first answer, and after the service is killed in the middle of a burst of creations,
 * resending every request finds exactly one invoice per request.
 */
describe('idempotent writes', () => {
  let temporal: TestWorkflowEnvironment;
  let db: TestDatabase;
  let invoicing: ServiceProcess;
  let port: number;
  let env: Record<string, string>;

  const token = testToken({ sub: 'resend-test', roles: ['finance-centre', 'administrator'] }, [ORGANISATION]);
  const call = async (method: string, path: string, body?: unknown, key?: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers are checked field by field
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as any };
  };
  const invoice = (clientNumber: string) => ({
    organisationId: ORGANISATION,
    clientNumber,
    recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
    invoiceDate: '2026-11-02',
    rows: [{ description: 'Home care 10/2026', amount: '85.40' }],
  });
  const invoicesOf = async (clientNumber: string) =>
    ((await call('GET', `/invoices?organisationId=${ORGANISATION}&limit=1000`)).body as Array<{ clientNumber: string }>).filter(
      (found) => found.clientNumber === clientNumber,
    );

  beforeAll(async () => {
    [temporal, db] = await Promise.all([startDevServer(), createTestDatabase()]);
    port = await freePort();
    env = serviceTestEnv(db.url, temporal.address, { HTTP_PORT: String(port), TCP_PORT: String(await freePort()), TEMPORAL_SCHEDULES: 'false', IDEMPOTENCY_ABANDON_AFTER_MS: '500' });
    invoicing = await startServiceProcess('invoicing', env);
    const organisation = { name: 'Resend county', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 };
    expect((await call('PUT', `/organisations/${ORGANISATION}`, organisation)).status).toBe(200);
  }, 120000);

  afterAll(async () => {
    await invoicing?.stop();
    await db?.drop();
    await temporal?.teardown();
  });

  it('answers a resend with the first answer and creates one invoice', async () => {
    const first = await call('POST', '/invoices', invoice('C-1'), 'create-C-1');
    const again = await call('POST', '/invoices', invoice('C-1'), 'create-C-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await invoicesOf('C-1')).toHaveLength(1);
  });

  it('refuses the same key for a different request, naming the header', async () => {
    expect((await call('POST', '/invoices', invoice('C-2'), 'create-C-2')).status).toBe(201);
    const other = await call('POST', '/invoices', invoice('C-3'), 'create-C-2');
    expect(other.status).toBe(409);
    expect(other.body.problems[0].field).toBe('Idempotency-Key');
    expect(await invoicesOf('C-3')).toHaveLength(0);
  });

  it('replays a refusal, and a malformed key is a 400', async () => {
    const bad = { ...invoice('C-4'), rows: [] };
    const refused = await call('POST', '/invoices', bad, 'create-C-4');
    expect(refused.status).toBe(400);
    expect((await call('POST', '/invoices', bad, 'create-C-4')).body).toEqual(refused.body);
    const malformed = await call('POST', '/invoices', invoice('C-5'), 'key with spaces');
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems[0].field).toBe('Idempotency-Key');
  });

  it(`finds exactly one invoice for each of ${CREATIONS} creations resent after the service was killed among them`, async () => {
    const clientNumbers = Array.from({ length: CREATIONS }, (_, i) => `K-${100 + i}`);
    const sent = clientNumbers.map((clientNumber) => call('POST', '/invoices', invoice(clientNumber), `create-${clientNumber}`).catch(() => undefined));
    await Promise.race(sent); // the first answer is in: the others are being carried out
    await invoicing.crash();
    const firstAnswers = await Promise.all(sent);
    invoicing = await startServiceProcess('invoicing', env);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past IDEMPOTENCY_ABANDON_AFTER_MS

    const lost = firstAnswers.filter((answer) => answer?.status !== 201).length;
    for (const clientNumber of clientNumbers) {
      const resend = await call('POST', '/invoices', invoice(clientNumber), `create-${clientNumber}`);
      // Created now, replayed, or carried out before the crash with its answer lost: never twice.
      expect([201, 409]).toContain(resend.status);
      if (resend.status === 409) expect(resend.body.message).toContain('answer was lost');
      expect(await invoicesOf(clientNumber)).toHaveLength(1);
    }
    expect(lost).toBeGreaterThan(0);
  }, 180000);
});
