import { startTimeSkippingServer, testToken } from '@clientfees/testing';
import { InvoicingStack, startInvoicingStack } from './invoicing-stack';

/**
 * Input a new user might send, each of which answered 500 (or was accepted and broke later)
 * before the platform's request edge and the invoice date window: every one is now a 400 or a
 * 413 that names the field, and nothing is stored.
 */
describe('invoicing at the request edge', () => {
  let stack: InvoicingStack;
  const token = testToken({ sub: 'edge-test', roles: ['finance-centre'] }, ['fi-demo']);
  const raw = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${stack.service.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body,
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
  };
  const invoice = (overrides: Record<string, unknown> = {}) => ({
    organisationId: 'fi-demo',
    clientNumber: 'C-100234',
    recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
    invoiceDate: '2026-11-02',
    rows: [{ description: 'Home care 10/2026', amount: '85.40' }],
    ...overrides,
  });
  const stored = async () => (await raw('GET', '/invoices?organisationId=fi-demo&limit=1000')).body as unknown[];

  beforeAll(async () => {
    stack = await startInvoicingStack(await startTimeSkippingServer(), { schedules: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses an invoice dated 9999-12-31 instead of leaving it without a due date', async () => {
    const answer = await raw('POST', '/invoices', JSON.stringify(invoice({ invoiceDate: '9999-12-31' })));
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([expect.objectContaining({ field: 'invoiceDate' })]);
  });

  it('names the row whose description holds a NUL byte, and the query parameter', async () => {
    const rows = [{ description: 'Home care', amount: '10.00' }, { description: 'Meals\u0000', amount: '5.00' }];
    const answer = await raw('POST', '/invoices', JSON.stringify(invoice({ rows })));
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([{ field: 'rows.1.description', reason: 'must not contain a NUL character' }]);
    const query = await raw('GET', '/invoices?organisationId=fi%00demo');
    expect(query.status).toBe(400);
    expect(query.body.problems[0].field).toBe('organisationId');
  });

  it('takes the largest invoice its limits allow (500 rows of 200 characters) and refuses a body far beyond with 413', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ description: `${String(i).padStart(3, '0')} ${'x'.repeat(196)}`, amount: '1.00' }));
    const largest = JSON.stringify(invoice({ rows }));
    expect(largest.length).toBeGreaterThan(100_000);
    expect((await raw('POST', '/invoices', largest)).status).toBe(201);
    const huge = await raw('POST', '/invoices', JSON.stringify(invoice({ rows: [...rows, ...rows, ...rows] })));
    expect(huge.status).toBe(413);
    expect(huge.body.problems[0].field).toBe('body');
  });

  it('answers 400 to a body nested 10,000 deep and to __proto__, storing nothing', async () => {
    const before = (await stored()).length;
    expect((await raw('POST', '/invoices', `{"rows":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)).status).toBe(400);
    const proto = await raw('POST', '/invoices', JSON.stringify(invoice()).replace(/}$/, ',"__proto__":{"state":"paid"}}'));
    expect(proto.status).toBe(400);
    expect(proto.body.problems[0].field).toBe('__proto__');
    expect(await stored()).toHaveLength(before);
  });
});
