import { createHash } from 'node:crypto';
import { addDays, finnishTestIdentityCode, firstDayOfMonth, LocalDate, localDateInZone } from '@clientfees/domain';
import { mintAccessToken } from '@clientfees/platform';
import { parseOptions } from '../options';
import { demoDebtFollowup } from './demo-debts';
import { UsageError } from '../usage-error';
import { demoProviderSettlement } from './demo-provider-settlement';

export const demoHelp = `clientfees demo [--invoicing-url URL] [--provider-settlement-url URL] [--debt-followup-url URL] [--income-verification-url URL] [--only invoicing|provider-settlement]
  Loads the demo data into a running system (idempotent): a Finnish and a Swedish organisation,
  a few invoices, among them the seed example (invoice 25.7.2017, due 11.8.2017), and the Finnish
  organisation's billing data: a price list, a selection rule and 20 clients with settings,
  incomes, decided services, this month's registrations, absences and a correction — two of them
  with errors to fix before the billing run (income missing, account string missing).
  Then its service vouchers: two approved providers with price lists, five vouchers and last
  month's events, with a hospital stay (an interruption) and an overrun waiting for approval.
  With debt follow-up (at its default address unless --invoicing-url alone is given): three clients
  with overdue invoices, an estate case waiting for its inventory, and last month's debt review.
  With --income-verification-url (or INCOME_VERIFICATION_URL), also three income reviews against
  the authority stand-ins, left waiting for the officer's decision.`;

const ORGANISATIONS = [
  // The FI demo serves the member municipalities of the Western Uusimaa wellbeing services county
  // (Länsi-Uudenmaan hyvinvointialue): Espoo 049, Hanko 078, Inkoo 149, Karkkila 224, Kauniainen 235,
  // Kirkkonummi 257, Lohja 444, Raasepori 710, Siuntio 755, Vihti 927. The SE demo is Linköping (0580).
  {
    id: 'fi-demo',
    name: 'Demo wellbeing services county (FI)',
    country: 'FI',
    currency: 'EUR',
    timeZone: 'Europe/Helsinki',
    paymentTermDays: 14,
    dueDateBankingDays: 3,
    municipalityCodes: ['049', '078', '149', '224', '235', '257', '444', '710', '755', '927'],
  },
  { id: 'se-demo', name: 'Demo kommun (SE)', country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm', paymentTermDays: 14, dueDateBankingDays: 3, municipalityCodes: ['0580'] },
];

export async function demoCommand(argv: string[], env: Record<string, string | undefined>, nowMs: number): Promise<string> {
  const values = parseOptions(argv, {
    'invoicing-url': { type: 'string' },
    'provider-settlement-url': { type: 'string' },
    'debt-followup-url': { type: 'string' },
    'income-verification-url': { type: 'string' },
    only: { type: 'string' },
  });
  const invoicingUrl = (values['invoicing-url'] as string | undefined) ?? env.INVOICING_URL;
  const base = invoicingUrl ?? 'http://127.0.0.1:3001';
  // The other services at their default addresses only beside invoicing at its own: a loader pointed
  // at one service elsewhere never writes into whatever runs on this machine's default ports.
  const settlementBase = (values['provider-settlement-url'] as string | undefined) ?? env.PROVIDER_SETTLEMENT_URL ?? (invoicingUrl ? undefined : 'http://127.0.0.1:3003');
  const only = values.only as string | undefined;
  if (only !== undefined && only !== 'invoicing' && only !== 'provider-settlement') throw new UsageError(`--only must be invoicing or provider-settlement, not "${only}"`);
  const debtBase = (values['debt-followup-url'] as string | undefined) ?? env.DEBT_FOLLOWUP_URL ?? (invoicingUrl ? undefined : 'http://127.0.0.1:3005');
  const incomesBase = (values['income-verification-url'] as string | undefined) ?? env.INCOME_VERIFICATION_URL;
  const key = env.AUTH_SIGNING_KEY;
  if (!key) throw new UsageError('AUTH_SIGNING_KEY is not set (npm start writes it to .tools/env)');
  if (only === 'provider-settlement') {
    if (!settlementBase) throw new UsageError('--only provider-settlement needs --provider-settlement-url beside --invoicing-url');
    return (await demoProviderSettlement(settlementBase, key, nowMs)).join('\n');
  }
  // The loader acts for the two demo organisations only, as each of the people who would enter the data.
  const organisations = ORGANISATIONS.map((o) => o.id);
  const admin = mintAccessToken({ sub: 'demo-loader', roles: ['administrator', 'finance-centre'], organisations }, key, 600);

  const billing = mintAccessToken({ sub: 'demo-fee-officer', roles: ['client-fee-officer'], organisations }, key, 600);
  const unit = mintAccessToken({ sub: 'demo-unit-manager', roles: ['unit-manager'], organisations, debitingAreas: ['ESPOO-NORTH', 'ESPOO-SOUTH'] }, key, 600);

  // Each write carries an Idempotency-Key made of its place in the load and its content, so that a
  // load interrupted and run again never creates anything twice (ADR 0028).
  let writes = 0;
  const callAt = (url: string, service: string): Call => async (method, path, body, token = admin) => {
    const idempotency: Record<string, string> =
      method === 'GET' ? {} : { 'idempotency-key': `demo-${++writes}-${createHash('sha256').update(`${method} ${url}${path} ${JSON.stringify(body ?? null)}`).digest('hex').slice(0, 32)}` };
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...idempotency },
      body: body ? JSON.stringify(body) : undefined,
    }).catch((error: Error) => {
      throw new Error(`cannot reach the ${service} service at ${url}: ${error.message}`);
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const call = callAt(base, 'invoicing');

  const lines: string[] = [];
  for (const { id, ...organisation } of ORGANISATIONS) {
    await call('PUT', `/organisations/${id}`, organisation);
    lines.push(`organisation ${id} ready`);
  }
  lines.push(...(await demoInvoices(call, nowMs)));
  lines.push(...(await demoBillingData(call, billing, unit, nowMs)));
  if (incomesBase && only !== 'invoicing') lines.push(...(await demoIncomeReviews(call, callAt(incomesBase, 'income-verification'), billing, nowMs)));
  if (settlementBase && only !== 'invoicing') lines.push(...(await demoProviderSettlement(settlementBase, key, nowMs)));
  else if (only !== 'invoicing') lines.push('provider settlement: no --provider-settlement-url given beside --invoicing-url; its demo data is not loaded');
  if (debtBase && only !== 'invoicing') {
    const tokens = {
      administrator: admin,
      feeOfficer: billing,
      financeCentre: mintAccessToken({ sub: 'demo-finance-office', roles: ['finance-centre'], organisations }, key, 600),
      investigator: mintAccessToken({ sub: 'demo-estate-investigator', roles: ['debt-adviser'], organisations }, key, 600),
    };
    lines.push(...(await demoDebtFollowup(call, callAt(debtBase, 'debt-followup'), tokens, nowMs)));
  } else if (only !== 'invoicing') {
    lines.push('debt follow-up: no --debt-followup-url given beside --invoicing-url; its demo data is not loaded');
  }
  return lines.join('\n');
}

type Call = (method: string, path: string, body?: unknown, token?: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers

async function demoInvoices(call: Call, nowMs: number): Promise<string[]> {
  const existing = (await call('GET', '/invoices?organisationId=fi-demo&limit=1')) as unknown[];
  if (existing.length > 0) return ['demo invoices already loaded'];
  const lines: string[] = [];

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
  return lines;
}

// ---- billing data of the Finnish demo organisation, through the invoicing REST API -----------

interface DemoService {
  serviceCode: string;
  description: string;
  kind: 'fi-home-care' | 'fi-long-term-care' | 'fixed-monthly';
  serviceCost: string;
  hoursPerMonth?: string;
  careType?: string;
  monthlyFee?: string;
  absenceDeductible?: boolean;
}

interface DemoClient {
  clientNumber: string;
  name: string;
  born: string;
  street: string;
  area: 'ESPOO-NORTH' | 'ESPOO-SOUTH';
  /** Null: no income recorded (a deliberate error unless the maximum fee is accepted). */
  income: { gross: string; net: string; householdSize?: number } | null;
  services: DemoService[];
  spouse?: string;
  acceptsMaximumFee?: boolean;
  /** False: no account string (a deliberate error). */
  accountString?: boolean;
  /** Hours of cleaning, food baskets and lunches registered this month. */
  registrations?: { cleaning?: number; foodBaskets?: number; lunches?: number; alarm?: boolean };
}

const homeCare = (hours: string, cost: string): DemoService => ({ serviceCode: 'HOME-CARE', description: 'Regular home care', kind: 'fi-home-care', hoursPerMonth: hours, serviceCost: cost });
const longTermCare = (careType: string): DemoService => ({ serviceCode: 'LONG-TERM-CARE', description: 'Enhanced service housing', kind: 'fi-long-term-care', careType, serviceCost: '4200.00' });
const supportService: DemoService = { serviceCode: 'SUPPORT', description: 'Support service (day activity)', kind: 'fixed-monthly', monthlyFee: '45.00', serviceCost: '320.00', absenceDeductible: false };

const DEMO_CLIENTS: DemoClient[] = [
  { clientNumber: 'C-2001', name: 'Aino Testinen', born: '120334', street: 'Koivukuja 3 A 5', area: 'ESPOO-NORTH', income: { gross: '1850.00', net: '1560.00' }, services: [homeCare('12', '1300.00')], registrations: { cleaning: 3, foodBaskets: 2 } },
  { clientNumber: 'C-2002', name: 'Matti Esimerkki', born: '050236', street: 'Tapiontori 1 B 12', area: 'ESPOO-NORTH', income: { gross: '2240.00', net: '1810.00' }, services: [homeCare('20', '2100.00')], registrations: { cleaning: 4, lunches: 8 } },
  { clientNumber: 'C-2003', name: 'Lempi Korhonen', born: '230731', street: 'Kuusikuja 7', area: 'ESPOO-NORTH', income: { gross: '1420.00', net: '1250.00' }, services: [homeCare('8', '900.00')], registrations: { foodBaskets: 4 } },
  { clientNumber: 'C-2004', name: 'Veikko Nieminen', born: '110933', street: 'Mäntytie 14 C 3', area: 'ESPOO-SOUTH', income: { gross: '2680.00', net: '2090.00' }, services: [homeCare('16', '1700.00')], registrations: { cleaning: 2, lunches: 12, alarm: true } },
  { clientNumber: 'C-2005', name: 'Siiri Laine', born: '300632', street: 'Rantatie 2 A 1', area: 'ESPOO-SOUTH', income: { gross: '1630.00', net: '1400.00' }, services: [homeCare('6', '700.00')], registrations: { cleaning: 2 } },
  { clientNumber: 'C-2006', name: 'Kalevi Heikkinen', born: '140135', street: 'Peltokatu 9', area: 'ESPOO-NORTH', income: { gross: '3100.00', net: '2380.00' }, services: [homeCare('24', '2600.00')], registrations: { cleaning: 5, foodBaskets: 3 } },
  { clientNumber: 'C-2007', name: 'Hilkka Koskinen', born: '080838', street: 'Lehtikuja 4 B 8', area: 'ESPOO-SOUTH', income: { gross: '1510.00', net: '1330.00' }, services: [homeCare('10', '1100.00')], registrations: { lunches: 10 } },
  { clientNumber: 'C-2008', name: 'Tauno Järvinen', born: '190430', street: 'Niittytie 11', area: 'ESPOO-SOUTH', income: { gross: '1980.00', net: '1650.00' }, services: [homeCare('14', '1500.00')], registrations: { cleaning: 3 } },
  { clientNumber: 'C-2009', name: 'Elsa Lehtonen', born: '270537', street: 'Kirkkotie 5 A 2', area: 'ESPOO-NORTH', income: { gross: '1720.00', net: '1480.00' }, services: [homeCare('9', '1000.00')], registrations: { foodBaskets: 2, alarm: true } },
  { clientNumber: 'C-2010', name: 'Urho Saarinen', born: '021139', street: 'Harjutie 8', area: 'ESPOO-NORTH', income: { gross: '2450.00', net: '1960.00' }, services: [homeCare('18', '1900.00')], registrations: { cleaning: 4 } },
  { clientNumber: 'C-2011', name: 'Impi Salminen', born: '150334', street: 'Metsäpolku 6', area: 'ESPOO-SOUTH', income: { gross: '1380.00', net: '1220.00' }, services: [supportService], registrations: { lunches: 6 } },
  { clientNumber: 'C-2012', name: 'Reino Mattila', born: '241236', street: 'Puistokatu 3 C 9', area: 'ESPOO-SOUTH', income: { gross: '2050.00', net: '1700.00' }, services: [homeCare('11', '1200.00'), supportService], registrations: { cleaning: 2, foodBaskets: 1 } },
  // Long-term care in enhanced service housing while the spouse stays at home: calculated as a couple.
  { clientNumber: 'C-2013', name: 'Eino Virtanen', born: '170929', street: 'Palvelutalo Kotikallio, Kalliotie 1', area: 'ESPOO-NORTH', income: { gross: '2380.00', net: '1920.00', householdSize: 2 }, services: [longTermCare('enhanced-service-housing')], spouse: 'C-2014' },
  { clientNumber: 'C-2014', name: 'Helmi Virtanen', born: '030632', street: 'Vaahteratie 12', area: 'ESPOO-NORTH', income: { gross: '1340.00', net: '1180.00', householdSize: 2 }, services: [homeCare('6', '700.00')], spouse: 'C-2013', registrations: { cleaning: 2 } },
  { clientNumber: 'C-2015', name: 'Toivo Mäkinen', born: '210830', street: 'Hoivakoti Aamurusko, Aamutie 4', area: 'ESPOO-SOUTH', income: { gross: '2720.00', net: '2150.00', householdSize: 2 }, services: [longTermCare('institutional-care')], spouse: 'C-2016' },
  { clientNumber: 'C-2016', name: 'Lyyli Mäkinen', born: '120135', street: 'Koulutie 2 A 4', area: 'ESPOO-SOUTH', income: { gross: '1290.00', net: '1150.00', householdSize: 2 }, services: [supportService], spouse: 'C-2015', registrations: { alarm: true } },
  { clientNumber: 'C-2017', name: 'Viljo Hämäläinen', born: '090936', street: 'Satamakatu 15', area: 'ESPOO-NORTH', income: null, acceptsMaximumFee: true, services: [homeCare('15', '1600.00')], registrations: { cleaning: 3 } },
  { clientNumber: 'C-2018', name: 'Tyyne Leinonen', born: '250733', street: 'Ahontie 3', area: 'ESPOO-SOUTH', income: { gross: '1590.00', net: '1380.00' }, services: [homeCare('7', '800.00')], registrations: { foodBaskets: 3 } },
  // Deliberate errors for the billing run's error list, fixed in the demo by adding what is missing.
  { clientNumber: 'C-2019', name: 'Oiva Kettunen', born: '130431', street: 'Sahatie 10 B 6', area: 'ESPOO-NORTH', income: null, services: [homeCare('10', '1100.00')], registrations: { cleaning: 2 } },
  { clientNumber: 'C-2020', name: 'Saima Rantanen', born: '060837', street: 'Myllytie 1', area: 'ESPOO-SOUTH', income: { gross: '1760.00', net: '1500.00' }, accountString: false, services: [homeCare('9', '950.00')], registrations: { lunches: 4 } },
];

const ACCOUNT_STRINGS: Record<DemoClient['area'], string> = { 'ESPOO-NORTH': '4100-5230-NORTH', 'ESPOO-SOUTH': '4100-5230-SOUTH' };

/** Loads what is missing of the billing data, so a re-run (or a run after a failed one) adds nothing twice. */
async function demoBillingData(call: Call, billing: string, unit: string, nowMs: number): Promise<string[]> {
  const today = localDateInZone(nowMs, 'Europe/Helsinki');
  const monthStart = firstDayOfMonth(today);
  const period = today.slice(0, 7);
  const yearStart: LocalDate = `${today.slice(0, 4)}-01-01`;
  /** A day of this month, never after today. */
  const day = (n: number): LocalDate => {
    const date = addDays(monthStart, n - 1);
    return date > today ? today : date;
  };

  const prices = (await call('GET', '/price-lists/fi-demo', undefined, billing)) as Array<{ code: string }>;
  const items = [
    { code: 'CLEANING', name: 'Cleaning', unit: 'hour', price: '32.50', piecePriced: false, affectsMaximumFee: false },
    { code: 'FOOD-BASKET', name: 'Food basket', unit: 'piece', price: '18.00', piecePriced: true, affectsMaximumFee: false },
    { code: 'LUNCH', name: 'Lunch', unit: 'piece', price: '7.40', piecePriced: true, affectsMaximumFee: false },
    { code: 'SAFETY-ALARM', name: 'Safety alarm (a month)', unit: 'piece', price: '35.00', piecePriced: true, affectsMaximumFee: false },
  ];
  for (const item of items) {
    if (!prices.some((p) => p.code === item.code)) await call('POST', '/price-lists/fi-demo/items', { ...item, validFrom: yearStart }, billing);
  }
  const rules = (await call('GET', '/selection-rules?organisationId=fi-demo', undefined, billing)) as Array<{ name: string }>;
  if (!rules.some((r) => r.name === 'All areas')) {
    await call('POST', '/selection-rules', { organisationId: 'fi-demo', name: 'All areas', debitingAreas: ['ESPOO-NORTH', 'ESPOO-SOUTH'] }, billing);
  }

  const ids = new Map<string, string>();
  let individual = 900;
  for (const client of DEMO_CLIENTS) {
    individual += 1;
    const [found] = (await call('GET', `/clients?organisationId=fi-demo&clientNumber=${client.clientNumber}`, undefined, billing)) as Array<{ id: string }>;
    const id =
      found?.id ??
      ((await call('POST', '/clients', { organisationId: 'fi-demo', clientNumber: client.clientNumber, identityCode: demoIdentityCode(client, individual), name: client.name }, billing)) as { id: string }).id;
    ids.set(client.clientNumber, id);
    const path = `/clients/${id}`;
    const address = { streetAddress: client.street, postalCode: client.area === 'ESPOO-NORTH' ? '02200' : '02100', city: 'Espoo' };

    if (((await call('GET', `${path}/billing-settings`, undefined, billing)) as unknown[]).length === 0) {
      await call(
        'POST',
        `${path}/billing-settings`,
        {
          debitingArea: client.area,
          feeCalculationType: client.spouse ? 'couple' : 'single',
          acceptsMaximumFee: client.acceptsMaximumFee ?? false,
          ...(client.accountString === false ? {} : { accountString: ACCOUNT_STRINGS[client.area] }),
          recipient: { kind: 'client' },
          residenceAddress: address,
          validFrom: yearStart,
        },
        billing,
      );
    }
    if (client.income && ((await call('GET', `${path}/incomes`, undefined, billing)) as unknown[]).length === 0) {
      await call(
        'POST',
        `${path}/incomes`,
        { validFrom: yearStart, grossMonthlyIncome: client.income.gross, netMonthlyIncome: client.income.net, householdSize: client.income.householdSize ?? 1, source: 'demo: pension decision' },
        billing,
      );
    }
    const services = (await call('GET', `${path}/services`, undefined, billing)) as Array<{ serviceCode: string }>;
    for (const service of client.services) {
      if (!services.some((s) => s.serviceCode === service.serviceCode)) {
        await call('POST', `${path}/services`, { ...service, validFrom: yearStart, decisionReference: `DEMO/${client.clientNumber}` }, billing);
      }
    }
    const registered = (await call('GET', `${path}/registrations?period=${period}`, undefined, unit)) as unknown[];
    if (registered.length === 0 && client.registrations) {
      const { cleaning = 0, foodBaskets = 0, lunches = 0, alarm = false } = client.registrations;
      const register = (itemCode: string, performedOn: LocalDate, quantity: string) => call('POST', `${path}/registrations`, { itemCode, performedOn, quantity }, unit);
      for (let i = 0; i < cleaning; i += 1) await register('CLEANING', day(2 + i * 7), '1.5');
      for (let i = 0; i < foodBaskets; i += 1) await register('FOOD-BASKET', day(3 + i * 7), '1');
      if (lunches > 0) await register('LUNCH', day(1), String(lunches));
      if (alarm) await register('SAFETY-ALARM', day(1), '1');
    }
  }

  // Spouses: each couple linked both ways.
  for (const client of DEMO_CLIENTS) {
    if (!client.spouse) continue;
    const id = ids.get(client.clientNumber)!;
    const current = (await call('GET', `/clients/${id}`, undefined, billing)) as { spouseClientId: string | null };
    if (current.spouseClientId === null) await call('PUT', `/clients/${id}/spouse`, { spouseClientId: ids.get(client.spouse) }, billing);
  }

  // A planned absence of 14 days, notified well ahead; an open-ended hospital stay for the control list.
  const planned = `/clients/${ids.get('C-2002')}/absences`;
  if (((await call('GET', planned, undefined, unit)) as unknown[]).length === 0) {
    await call('POST', planned, { kind: 'planned', notifiedOn: addDays(monthStart, -10), firstDay: addDays(monthStart, 4), lastDay: addDays(monthStart, 17), reason: 'visiting family' }, unit);
  }
  const open = `/clients/${ids.get('C-2006')}/absences`;
  if (((await call('GET', open, undefined, unit)) as unknown[]).length === 0) {
    await call('POST', open, { kind: 'unplanned', firstDay: addDays(today, -5) < monthStart ? monthStart : addDays(today, -5), reason: 'hospital' }, unit);
  }
  // The unit manager corrects a piece-priced item: a food basket that was not delivered.
  const corrections = `/clients/${ids.get('C-2001')}/corrections`;
  if (((await call('GET', corrections, undefined, unit)) as unknown[]).length === 0) {
    await call('POST', corrections, { period, amount: '-18.00', text: 'Food basket not delivered', itemCode: 'FOOD-BASKET' }, unit);
  }

  return [
    `billing data of fi-demo ready: ${items.length} price-list items, selection rule "All areas", ${DEMO_CLIENTS.length} clients with registrations for ${period}`,
    '  to fix before the billing run: C-2019 has no income (and does not accept the maximum fee); C-2020 has no account string',
    '  open-ended absence on the control list: C-2006 (GET /absences/open?organisationId=fi-demo)',
  ];
}


/**
 * Demo clients reviewed as the stand-ins' fictional persons (apps/authority-sim/fixtures): invoicing
 * holds the person's identity code in the stand-ins for them, so the registers answer for them. A
 * review starts with invoicing's client id alone: its first step asks invoicing for the code, and the
 * fee decision is for the home care invoicing has decided for the client.
 * C-2019, whose income the billing run misses, gets one from the review once the officer decides it.
 */
const DEMO_REVIEWS = [
  { clientNumber: 'C-2019', identityCode: '120340-902K', reason: 'new-client', about: 'pensions; housing allowance left out' },
  { clientNumber: 'C-2003', identityCode: '030650-968W', reason: 'yearly-review', about: 'guarantee pension; housing allowance left out' },
  { clientNumber: 'C-2018', identityCode: '140952-9799', reason: 'yearly-review', about: 'no data anywhere: the maximum fee, flagged' },
] as const;

/** A demo client's identity code in invoicing: the fictional person's in the stand-ins for a reviewed client, else a test code. */
function demoIdentityCode(client: { clientNumber: string; born: string }, individual: number): string {
  return DEMO_REVIEWS.find((review) => review.clientNumber === client.clientNumber)?.identityCode ?? finnishTestIdentityCode(client.born, individual);
}

async function demoIncomeReviews(invoicing: Call, incomes: Call, officer: string, nowMs: number): Promise<string[]> {
  const existing = (await incomes('GET', '/income-reviews?organisationId=fi-demo', undefined, officer)) as unknown[];
  if (existing.length > 0) return ['demo income reviews already started'];
  const today = localDateInZone(nowMs, 'Europe/Helsinki');
  const started: string[] = [];
  for (const review of DEMO_REVIEWS) {
    const [found] = (await invoicing('GET', `/clients?organisationId=fi-demo&clientNumber=${review.clientNumber}`, undefined, officer)) as Array<{ id: string }>;
    const sources = ['incomes-register', 'population-register', 'tax-administration'];
    await incomes('POST', `/clients/${found.id}/consents`, { organisationId: 'fi-demo', status: 'given', sources, validFrom: today, note: 'demo: consent given on the phone' }, officer);
    const body = {
      organisationId: 'fi-demo',
      clientId: found.id,
      reason: review.reason,
      reviewDate: today,
    };
    const created = (await incomes('POST', '/income-reviews', body, officer)) as { id: string };
    started.push(`${review.clientNumber} (${review.about}): review ${created.id}`);
  }
  // The stand-ins answer at once: wait until the reviews reach the officer.
  let waiting = 0;
  for (let i = 0; i < 120 && waiting < DEMO_REVIEWS.length; i++) {
    waiting = ((await incomes('GET', '/income-reviews?organisationId=fi-demo&state=awaiting-review', undefined, officer)) as unknown[]).length;
    if (waiting < DEMO_REVIEWS.length) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return [
    `income reviews of fi-demo: ${waiting} of ${DEMO_REVIEWS.length} waiting for the officer (GET /income-reviews?organisationId=fi-demo&state=awaiting-review on income-verification)`,
    ...started.map((line) => `  ${line}`),
  ];
}
