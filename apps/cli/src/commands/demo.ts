import { localDateInZone } from '@clientfees/domain';
import { mintAccessToken } from '@clientfees/platform';
import { parseOptions } from '../options';
import { UsageError } from '../usage-error';

export const demoHelp = `clientfees demo [--invoicing-url URL]
  Loads the demo data into a running system (idempotent): a Finnish and a Swedish organisation
  and a few invoices, among them the seed example (invoice 25.7.2017, due 11.8.2017).`;

const ORGANISATIONS = [
  { id: 'fi-demo', name: 'Demo wellbeing services county (FI)', country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki', paymentTermDays: 14, dueDateBankingDays: 3 },
  { id: 'se-demo', name: 'Demo kommun (SE)', country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm', paymentTermDays: 14, dueDateBankingDays: 3 },
];

export async function demoCommand(argv: string[], env: Record<string, string | undefined>, nowMs: number): Promise<string> {
  const values = parseOptions(argv, { 'invoicing-url': { type: 'string' } });
  const base = (values['invoicing-url'] as string | undefined) ?? env.INVOICING_URL ?? 'http://127.0.0.1:3001';
  const key = env.AUTH_SIGNING_KEY;
  if (!key) throw new UsageError('AUTH_SIGNING_KEY is not set (npm start writes it to .tools/env)');
  const admin = mintAccessToken({ sub: 'demo-loader', roles: ['administrator', 'finance-centre'] }, key, 600);

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }).catch((error: Error) => {
      throw new Error(`cannot reach the invoicing service at ${base}: ${error.message}`);
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  const lines: string[] = [];
  for (const { id, ...organisation } of ORGANISATIONS) {
    await call('PUT', `/organisations/${id}`, organisation);
    lines.push(`organisation ${id} ready`);
  }
  const existing = (await call('GET', '/invoices?organisationId=fi-demo&limit=1')) as unknown[];
  if (existing.length > 0) return [...lines, 'demo invoices already loaded'].join('\n');

  const fi = (name: string, streetAddress: string) => ({ kind: 'client', name, streetAddress, postalCode: '02100', city: 'Espoo' });
  const invoices = [
    { organisationId: 'fi-demo', clientNumber: 'C-100001', recipient: fi('Aino Testinen', 'Koivukuja 3 A 5'), invoiceDate: '2017-07-25', rows: [{ description: 'Home care 6/2017', amount: '182.40' }] },
    { organisationId: 'fi-demo', clientNumber: 'C-100002', recipient: { ...fi('Matti Esimerkki', 'Tapiontori 1'), kind: 'trustee' }, invoiceDate: localDateInZone(nowMs, 'Europe/Helsinki'), rows: [{ description: 'Home care', amount: '96.30' }, { description: 'Meal service', amount: '54.00' }] },
    { organisationId: 'se-demo', clientNumber: 'K-2001', recipient: { kind: 'client', name: 'Karin Exempel', streetAddress: 'Storgatan 1', postalCode: '582 24', city: 'Linköping' }, invoiceDate: localDateInZone(nowMs, 'Europe/Stockholm'), rows: [{ description: 'Hemtjänst', amount: '1240.00' }] },
  ];
  for (const invoice of invoices) {
    const created = (await call('POST', '/invoices', invoice)) as { id: string; workflowId: string };
    lines.push(`invoice ${created.id} (${invoice.organisationId}, ${invoice.invoiceDate}) → workflow ${created.workflowId}`);
  }
  return lines.join('\n');
}
