import { addDays, addMonths, finnishTestIdentityCode, firstDayOfMonth, LocalDate, localDateInZone } from '@clientfees/domain';

type Call = (method: string, path: string, body?: unknown, token?: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers

export interface DebtDemoTokens {
  administrator: string;
  feeOfficer: string;
  financeCentre: string;
  investigator: string;
}

const ADDRESS = { postalCode: '02100', city: 'Espoo' };

/**
 * Clients with debts, outside the billing demo's selection (no billing settings): two who have
 * not paid, and one who died three weeks ago, whose estate waits for its inventory.
 */
const DEBTORS = [
  { clientNumber: 'C-3001', name: 'Kerttu Maksamaton', born: '140536', individual: 951, street: 'Pajatie 4', invoices: [2, 1], amount: '128.60' },
  { clientNumber: 'C-3002', name: 'Arvo Velkainen', born: '280439', individual: 952, street: 'Torikatu 8 A 3', invoices: [1], amount: '96.30' },
  { clientNumber: 'C-3003', name: 'Martta Vainio', born: '030931', individual: 953, street: 'Lehmustie 6', invoices: [1], amount: '212.40' },
];
const DECEASED = 'C-3003';

/**
 * Debt follow-up's demo (issue 13), through the invoicing and debt-followup REST APIs: the debt
 * follow-up settings of both organisations; overdue invoices of three clients; the death of one
 * of them three weeks ago with the estate's contact entered, so that the estate case waits for
 * its inventory; and last month's debt review with its cases and letters. A re-run adds nothing
 * twice (clients and their invoices are made once; a death and a month end are idempotent).
 */
export async function demoDebtFollowup(invoicing: Call, debts: Call, tokens: DebtDemoTokens, nowMs: number): Promise<string[]> {
  const today = localDateInZone(nowMs, 'Europe/Helsinki');
  const monthStart = firstDayOfMonth(today);
  const lastMonthEnd = addDays(monthStart, -1);
  await debts('PUT', '/organisations/fi-demo/debt-follow-up', { country: 'FI', currency: 'EUR', timeZone: 'Europe/Helsinki' }, tokens.administrator);
  await debts('PUT', '/organisations/se-demo/debt-follow-up', { country: 'SE', currency: 'SEK', timeZone: 'Europe/Stockholm' }, tokens.administrator);

  const ids = new Map<string, string>();
  const invoiceIds: string[] = [];
  for (const debtor of DEBTORS) {
    const [found] = (await invoicing('GET', `/clients?organisationId=fi-demo&clientNumber=${debtor.clientNumber}`, undefined, tokens.feeOfficer)) as Array<{ id: string }>;
    if (found) {
      ids.set(debtor.clientNumber, found.id);
      continue;
    }
    const created = await invoicing('POST', '/clients', { organisationId: 'fi-demo', clientNumber: debtor.clientNumber, identityCode: finnishTestIdentityCode(debtor.born, debtor.individual), name: debtor.name }, tokens.feeOfficer);
    ids.set(debtor.clientNumber, created.id);
    // Invoices of one and two months ago, on the 5th: past their due dates at last month's end.
    for (const monthsAgo of debtor.invoices) {
      const invoiceDate: LocalDate = addDays(addMonths(monthStart, -monthsAgo), 4);
      const invoice = await invoicing(
        'POST',
        '/invoices',
        {
          organisationId: 'fi-demo',
          clientNumber: debtor.clientNumber,
          recipient: { kind: 'client', name: debtor.name, streetAddress: debtor.street, ...ADDRESS },
          invoiceDate,
          rows: [{ description: `Home care ${invoiceDate.slice(5, 7)}/${invoiceDate.slice(0, 4)}`, amount: debtor.amount }],
        },
        tokens.financeCentre,
      );
      invoiceIds.push(invoice.id);
    }
  }
  // The month end reads due dates, which the invoices' lifecycles set.
  for (const id of invoiceIds) await until(() => invoicing('GET', `/invoices/${id}`, undefined, tokens.financeCentre), (invoice) => invoice.dueDate !== null, `the due date of invoice ${id}`);

  const clientId = ids.get(DECEASED)!;
  const dateOfDeath = addDays(today, -21);
  const { estateCaseId } = await debts(
    'POST',
    '/deaths',
    { organisationId: 'fi-demo', clientId, dateOfDeath, sourceReference: 'demo: death certificate seen by the home-care unit' },
    tokens.feeOfficer,
  );
  const estate = await until(() => debts('GET', `/estate-cases/${estateCaseId}`, undefined, tokens.feeOfficer), (e) => e.state !== 'stopping-billing', 'the estate case to stop billing');
  if (estate.state === 'awaiting-contact') {
    await debts(
      'PUT',
      `/estate-cases/${estateCaseId}/contact`,
      { contact: { kind: 'shareholder', name: 'Pirjo Vainio', streetAddress: 'Lehmustie 6', ...ADDRESS, country: 'FI' } },
      tokens.investigator,
    );
  }
  const waiting = await debts('GET', `/estate-cases/${estateCaseId}`, undefined, tokens.feeOfficer);

  await debts('POST', '/debt-reviews', { organisationId: 'fi-demo', monthEnd: lastMonthEnd }, tokens.financeCentre);
  const review = await until(
    async () => ((await debts('GET', '/debt-reviews?organisationId=fi-demo', undefined, tokens.financeCentre)) as Array<{ monthEnd: string; status: string; summary: any }>).find((r) => r.monthEnd === lastMonthEnd), // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON
    (r) => r?.status === 'completed',
    `the debt review of ${lastMonthEnd}`,
  );
  const summary = review!.summary;
  return [
    `debt follow-up of fi-demo ready: ${DEBTORS.length} clients with overdue invoices`,
    `  estate of ${DECEASED} (died ${dateOfDeath}): ${waiting.state}, inventory due ${waiting.inventoryDeadline} (GET /estate-cases/${estateCaseId} on debt-followup)`,
    `  debt review of ${lastMonthEnd}: ${summary.claims} claims of ${summary.clients} clients, ${summary.newCases} new cases, ${summary.letters} letters (GET /debt-cases?organisationId=fi-demo)`,
  ];
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
