import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, addMonths, finnishTestIdentityCode, firstDayOfMonth, localDateInZone } from '@clientfees/domain';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { InvoicingMessages } from '@clientfees/contracts';
import type { FeeDecisionForInvoicing, Role } from '@clientfees/contracts';
import { sendServiceMessage } from '@clientfees/platform';
import { startDevServer, TEST_SIGNING_KEY } from '@clientfees/testing';
import { billingSettingsBody, InvoicingStack, PRICE_LIST_ITEMS, startInvoicingStack } from './invoicing-stack';
import { BillingInputs } from '../src/billing-data/billing-inputs';
import { FeeDecisionActivitiesProvider } from '../src/billing-data/incomes/fee-decision.activities';


const OFFICER: Role[] = ['client-fee-officer'];
const UNIT: Role[] = ['unit-manager'];


describe('billing data API', () => {
  let stack: InvoicingStack;
  let sql: DataSource;
  let counter = 0;

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer(), { organisations: ['fi-demo', 'fi-other'] });
    sql = stack.service.app.get(DataSource);
    const rule = await stack.service.request('POST', '/selection-rules', { roles: OFFICER, body: { organisationId: 'fi-demo', name: 'All areas', debitingAreas: ['ESPOO-NORTH', 'ESPOO-SOUTH'] } });
    expect(rule.status).toBe(201);
    for (const item of PRICE_LIST_ITEMS) {
      expect((await stack.service.request('POST', '/price-lists/fi-demo/items', { roles: OFFICER, body: item })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A new client of fi-demo with a fresh client number and identity code. */
  async function newClient(name = 'Aino Testinen', organisationId = 'fi-demo'): Promise<{ id: string; clientNumber: string; identityCode: string }> {
    counter += 1;
    const clientNumber = `T-${counter}`;
    const identityCode = finnishTestIdentityCode(`${String(10 + counter).padStart(2, '0')}0345`, 900 + counter);
    const created = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId, clientNumber, identityCode, name } });
    expect(created.status).toBe(201);
    return { id: created.body.id, clientNumber, identityCode };
  }

  /** A billing run that has calculated `clientId` for `period`, inserted as the billing run would. */
  async function calculatedRun(clientId: string, clientNumber: string, period: string): Promise<string> {
    const [rule] = await sql.query(`SELECT id FROM selection_rule WHERE organisation_id = 'fi-demo' AND name = 'All areas'`);
    const columns = new Set(
      ((await sql.query(`SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN ('billing_run', 'billing_run_client')`)) as Array<{
        name: string;
      }>).map((c) => c.name),
    );
    const runId = randomUUID();
    const run: Record<string, unknown> = { id: runId, organisation_id: 'fi-demo', period, selection_rule_id: rule.id, kind: 'correction', state: 'awaiting-approval', invoice_date: '2026-11-25', started_by: 'test' };
    if (columns.has('billing_run.workflow_id')) run.workflow_id = `billing-run-${runId}`;
    const row: Record<string, unknown> = { run_id: runId, client_id: clientId, household_id: clientId, status: 'calculated', calculated_at: new Date().toISOString() };
    if (columns.has('billing_run_client.batch')) row.batch = 0;
    if (columns.has('billing_run_client.client_number')) row.client_number = clientNumber;
    for (const [table, values] of [['billing_run', run], ['billing_run_client', row]] as const) {
      const names = Object.keys(values);
      await sql.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(values));
    }
    return runId;
  }

  describe('clients', () => {
    it('refuses a bad identity code with 400 naming identityCode, and never answers the code in full', async () => {
      const bad = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'T-BAD', identityCode: '131052-308X', name: 'Bad Code' } });
      expect(bad.status).toBe(400);
      expect(bad.body.problems).toEqual([{ field: 'identityCode', reason: 'the check character does not match' }]);
      expect(JSON.stringify(bad.body)).not.toContain('131052-308X');

      const swedish = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'T-SE', identityCode: '19121212-1212', name: 'Tolvan' } });
      expect(swedish.status).toBe(400);
      expect(swedish.body.problems[0].field).toBe('identityCode');

      const code = finnishTestIdentityCode('120340', 902);
      const created = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-700001', identityCode: code.toLowerCase(), name: 'Aino Testinen' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ organisationId: 'fi-demo', clientNumber: 'C-700001', maskedIdentityCode: '120340-****', name: 'Aino Testinen', dateOfDeath: null, spouseClientId: null });
      const got = await stack.service.request('GET', `/clients/${created.body.id}`, { roles: UNIT });
      const listed = await stack.service.request('GET', '/clients?organisationId=fi-demo&clientNumber=C-700001', { roles: ['finance-centre'] });
      expect(listed.body).toEqual([got.body]);
      for (const response of [created, got, listed]) expect(JSON.stringify(response.body)).not.toMatch(new RegExp(code.slice(7), 'i'));
      // Stored normalised, in full, for the authorities' interfaces.
      const [stored] = await sql.query('SELECT identity_code FROM client WHERE id = $1', [created.body.id]);
      expect(stored.identity_code).toBe(code);

      const again = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-700002', identityCode: code, name: 'Someone Else' } });
      expect(again.status).toBe(409);
      expect(again.body.problems).toEqual([{ field: 'identityCode', reason: 'already in use' }]);
      expect(JSON.stringify(again.body)).not.toContain(code.slice(7));
      const sameNumber = await stack.service.request('POST', '/clients', { roles: OFFICER, body: { organisationId: 'fi-demo', clientNumber: 'C-700001', identityCode: finnishTestIdentityCode('120340', 904), name: 'X' } });
      expect(sameNumber.status).toBe(409);
      expect(sameNumber.body.problems).toEqual([{ field: 'clientNumber', reason: 'already in use' }]);

      expect((await stack.service.request('GET', '/clients/not-a-uuid', { roles: OFFICER })).status).toBe(400);
      expect((await stack.service.request('GET', `/clients/${randomUUID()}`, { roles: OFFICER })).status).toBe(404);
      expect((await stack.service.request('POST', '/clients', { roles: ['finance-centre'], body: { organisationId: 'fi-demo', clientNumber: 'C-9', identityCode: code, name: 'X' } })).status).toBe(403);
    });

    it('records a date of death and links spouses both ways, within one organisation', async () => {
      const a = await newClient('Matti Esimerkki');
      const b = await newClient('Maija Esimerkki');
      const elsewhere = await newClient('Other County', 'fi-other');
      const patched = await stack.service.request('PATCH', `/clients/${a.id}`, { roles: OFFICER, body: { dateOfDeath: '2026-10-02' } });
      expect(patched.body).toMatchObject({ name: 'Matti Esimerkki', dateOfDeath: '2026-10-02' });
      expect((await stack.service.request('PATCH', `/clients/${a.id}`, { roles: OFFICER, body: { dateOfDeath: '2026-02-30' } })).body.problems).toEqual([
        { field: 'dateOfDeath', reason: expect.any(String) },
      ]);

      const linked = await stack.service.request('PUT', `/clients/${a.id}/spouse`, { roles: OFFICER, body: { spouseClientId: b.id } });
      expect(linked.body.spouseClientId).toBe(b.id);
      expect((await stack.service.request('GET', `/clients/${b.id}`, { roles: OFFICER })).body.spouseClientId).toBe(a.id);
      const foreign = await stack.service.request('PUT', `/clients/${b.id}/spouse`, { roles: OFFICER, body: { spouseClientId: elsewhere.id } });
      expect(foreign.status).toBe(400);
      expect(foreign.body.problems).toEqual([{ field: 'spouseClientId', reason: 'must be a client of the same organisation' }]);
      const third = await newClient('Third Person');
      expect((await stack.service.request('PUT', `/clients/${third.id}/spouse`, { roles: OFFICER, body: { spouseClientId: b.id } })).status).toBe(409);

      expect((await stack.service.request('DELETE', `/clients/${b.id}/spouse`, { roles: OFFICER })).body.spouseClientId).toBeNull();
      expect((await stack.service.request('GET', `/clients/${a.id}`, { roles: OFFICER })).body.spouseClientId).toBeNull();
    });
  });

  describe('billing settings', () => {
    it('starts the first version on any day; a change takes effect next billing period and keeps the history', async () => {
      const client = await newClient();
      const first = await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: OFFICER, body: billingSettingsBody({ validFrom: '2026-03-10' }) });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ validFrom: '2026-03-10', validTo: null, recipient: { kind: 'client', name: null, address: null } });
      expect(first.body.residenceAddress).toEqual({ streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' });

      const nextPeriod = addMonths(firstDayOfMonth(localDateInZone(Date.now(), 'Europe/Helsinki')), 1);
      const today = localDateInZone(Date.now(), 'Europe/Helsinki');
      const tooEarly = await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: OFFICER, body: billingSettingsBody({ validFrom: today }) });
      expect(tooEarly.status).toBe(400);
      expect(tooEarly.body.problems).toEqual([{ field: 'validFrom', reason: `a change takes effect from the billing period after the current one: on or after ${nextPeriod}` }]);

      const guardian = await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: OFFICER, body: billingSettingsBody({ recipient: { kind: 'guardian' } }) });
      expect(guardian.status).toBe(400);
      expect(guardian.body.problems[0].field).toBe('recipient.name');

      const change = await stack.service.request('POST', `/clients/${client.id}/billing-settings`, {
        roles: ['billing-supervisor'],
        body: billingSettingsBody({ recipient: { kind: 'trustee', name: 'Pekka Edunvalvoja', address: { streetAddress: 'Tapiontori 1', postalCode: '02100', city: 'Espoo' } } }),
      });
      expect(change.status).toBe(201);
      expect(change.body).toMatchObject({ validFrom: nextPeriod, validTo: null, recipient: { kind: 'trustee', name: 'Pekka Edunvalvoja' }, createdBy: 'test-user' });

      const history = await stack.service.request('GET', `/clients/${client.id}/billing-settings`, { roles: UNIT });
      expect(history.body.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
        ['2026-03-10', addDays(nextPeriod, -1)],
        [nextPeriod, null],
      ]);
      expect(history.body[0].recipient.kind).toBe('client');
      expect((await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: UNIT, body: billingSettingsBody() })).status).toBe(403);
    });

    it('takes an address from the population register only from income verification, once per change; a protected one never', async () => {
      const client = await newClient();
      expect((await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: OFFICER, body: billingSettingsBody({ validFrom: '2026-03-10' }) })).status).toBe(201);
      const tcp = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
      const send = (body: Record<string, unknown>, from: 'income-verification' | 'collection' = 'income-verification') =>
        sendServiceMessage<Record<string, unknown>>(tcp, InvoicingMessages.registerAddress, body, from, TEST_SIGNING_KEY).catch((error: unknown) => error as Record<string, unknown>);
      const moved = {
        organisationId: 'fi-demo',
        clientId: client.id,
        changeId: randomUUID(),
        effectiveDate: '2026-09-14',
        address: { streetAddress: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo' },
        protected: false,
        // The home municipality the register gave with the move (Espoo's number).
        homeMunicipality: '049',
        sourceReference: 'population register change feed, key 1042, recorded 2026-09-15',
      };
      try {
        expect(await send(moved, 'collection')).toMatchObject({ status: 403 });
        expect(await send({ ...moved, protected: true })).toMatchObject({ status: 400, problems: [{ field: 'address', reason: 'must be left out under a security ban' }] });
        expect(await send({ ...moved, effectiveDate: '2026-09-31' })).toMatchObject({ status: 400, problems: [expect.objectContaining({ field: 'effectiveDate' })] });
        expect(await send({ ...moved, address: { ...moved.address, postalCode: '2600' } })).toMatchObject({ status: 400, problems: [expect.objectContaining({ field: 'address.postalCode' })] });
        expect(await send({ ...moved, homeMunicipality: 'Espoo' })).toMatchObject({ status: 400, problems: [expect.objectContaining({ field: 'homeMunicipality' })] });
        expect(await send(moved)).toEqual({ applied: true, from: '2026-09-01', versionsChanged: 1 });
        const homeOf = async (changeId: string) => (await sql.query('SELECT home_municipality FROM register_address_change WHERE change_id = $1', [changeId]))[0].home_municipality;
        expect(await homeOf(moved.changeId)).toBe('049');
        // A repeat (the sender could not mark it reported) is answered the same and changes nothing.
        expect(await send(moved)).toEqual({ applied: true, from: '2026-09-01', versionsChanged: 1 });
        const versions = (await stack.service.request('GET', `/clients/${client.id}/billing-settings`, { roles: UNIT })).body;
        expect(versions.map((v: { validFrom: string; validTo: string | null; residenceAddress: { streetAddress: string }; createdBy: string }) => [v.validFrom, v.validTo, v.residenceAddress.streetAddress, v.createdBy])).toEqual([
          ['2026-03-10', '2026-08-31', 'Koivukuja 3 A 5', 'test-user'],
          ['2026-09-01', null, 'Uusikatu 1 A 3', 'population-register'],
        ]);
        // Another client's organisation, or a client invoicing does not know: nothing changes.
        expect(await send({ ...moved, changeId: randomUUID(), organisationId: 'fi-other' })).toEqual({ applied: false, reason: `invoicing has no client ${client.id} in fi-other` });

        // A security ban: from its month no version holds an address, none is shown, none may be typed in.
        const ban = { ...moved, changeId: randomUUID(), effectiveDate: '2026-10-02', address: null, protected: true, homeMunicipality: null };
        expect(await send(ban)).toEqual({ applied: true, from: '2026-10-01', versionsChanged: 1 });
        // The register gave no home municipality (hidden by the ban): kept as unknown.
        expect(await homeOf(ban.changeId)).toBeNull();
        const banned = (await stack.service.request('GET', `/clients/${client.id}/billing-settings`, { roles: UNIT })).body;
        expect(banned.map((v: { validFrom: string; residenceAddress: unknown; addressProtected: boolean }) => [v.validFrom, v.residenceAddress, v.addressProtected])).toEqual([
          ['2026-03-10', null, true],
          ['2026-09-01', null, true],
          ['2026-10-01', null, true],
        ]);
        const typed = await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: OFFICER, body: billingSettingsBody() });
        expect(typed.status).toBe(400);
        expect(typed.body.problems).toEqual([expect.objectContaining({ field: 'residenceAddress', reason: expect.stringContaining('security ban') })]);
        // A new version without an address stays protected.
        const next = await stack.service.request('POST', `/clients/${client.id}/billing-settings`, { roles: OFFICER, body: billingSettingsBody({ residenceAddress: undefined }) });
        expect(next.status).toBe(201);
        expect(next.body).toMatchObject({ residenceAddress: null, addressProtected: true });
        // The ban ended without an address: the protection lifts, and the billing team is asked for one.
        expect(await send({ ...moved, changeId: randomUUID(), effectiveDate: next.body.validFrom, address: null, protected: false })).toEqual({ applied: true, from: next.body.validFrom, versionsChanged: 1 });
        const lifted = (await stack.service.request('GET', `/clients/${client.id}/billing-settings`, { roles: UNIT })).body;
        expect(lifted.at(-1)).toMatchObject({ residenceAddress: null, addressProtected: false });
        // The months under the ban stay as they were; earlier versions show their addresses again.
        expect(lifted.at(-2)).toMatchObject({ addressProtected: true, residenceAddress: null });
        expect(lifted[1].residenceAddress).toMatchObject({ streetAddress: 'Uusikatu 1 A 3' });
        // The history keeps every change made (ADR 0012).
        const [{ changes }] = await sql.query(`SELECT count(*)::int AS changes FROM change_history WHERE table_name = 'billing_setting' AND row_id = $1`, [banned[2].id]);
        expect(changes).toBeGreaterThan(0);
      } finally {
        tcp.close();
      }
    });
  });

  describe('incomes and decided services', () => {
    it('end-dates the open income when a new one starts', async () => {
      const client = await newClient();
      const income = (validFrom: string, gross: string) => ({ validFrom, grossMonthlyIncome: gross, netMonthlyIncome: '1500.00', householdSize: 2, source: 'pension decision' });
      expect((await stack.service.request('POST', `/clients/${client.id}/incomes`, { roles: OFFICER, body: income('2026-01-01', '2000') })).body).toMatchObject({
        grossMonthlyIncome: '2000.00',
        deductions: '0.00',
        householdSize: 2,
      });
      expect((await stack.service.request('POST', `/clients/${client.id}/incomes`, { roles: OFFICER, body: income('2026-07-01', '2100.5') })).status).toBe(201);
      const bad = await stack.service.request('POST', `/clients/${client.id}/incomes`, { roles: OFFICER, body: income('2026-05-01', '12,50') });
      expect(bad.status).toBe(400);
      expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(['grossMonthlyIncome']);
      const history = await stack.service.request('GET', `/clients/${client.id}/incomes`, { roles: OFFICER });
      expect(history.body.map((i: { validFrom: string; validTo: string | null; grossMonthlyIncome: string }) => [i.validFrom, i.validTo, i.grossMonthlyIncome])).toEqual([
        ['2026-01-01', '2026-06-30', '2000.00'],
        ['2026-07-01', null, '2100.50'],
      ]);
    });

    it('takes the official’s fee decision as the client’s income once, ending the open one; refuses an unknown client or one whose income starts later, with the reason', async () => {
      const client = await newClient();
      expect((await stack.service.request('POST', `/clients/${client.id}/incomes`, { roles: OFFICER, body: { validFrom: '2026-01-01', grossMonthlyIncome: '1500.00', netMonthlyIncome: '1300.00', source: 'pension statement' } })).status).toBe(201);
      const decision: FeeDecisionForInvoicing = {
        organisationId: 'fi-demo', clientId: client.id, decisionId: randomUUID(), decidedOn: '2026-11-24', decidedBy: 'officer-1', validFrom: '2026-12-01', fee: '180.00',
        service: { kind: 'fi-home-care', hoursPerMonth: '10' }, income: { grossMonthly: '1820.50', netMonthly: '1495.66', deductions: '0.00', householdSize: 1 },
        incomeSources: ['Incomes Register: 1001 Earnings-related old-age pension, 12 reports 11/2025–10/2026, latest report 04b5da471c38f8772fe1d994d75c7927'],
        rules: [{ table: 'FI home-care percentages', validFrom: '2021-07-01', validTo: null, source: 'Act 734/1992' }],
      };
      const activities = stack.service.app.get(FeeDecisionActivitiesProvider);
      const recorded = await activities.recordFeeDecision(decision);
      expect(recorded).toEqual({ recorded: true, incomeId: expect.any(String) });
      // Again (a retried activity): the same income, nothing added.
      expect(await activities.recordFeeDecision(decision)).toEqual(recorded);
      const incomes = (await stack.service.request('GET', `/clients/${client.id}/incomes`, { roles: OFFICER })).body;
      expect(incomes.map((i: { validFrom: string; validTo: string | null }) => [i.validFrom, i.validTo])).toEqual([['2026-01-01', '2026-11-30'], ['2026-12-01', null]]);
      expect(incomes[1]).toMatchObject({ grossMonthlyIncome: '1820.50', source: `fee decision ${decision.decisionId} of 2026-11-24 by officer-1 (income verification)`, feeDecision: { decisionId: decision.decisionId, fee: '180.00' } });

      const earlier = { ...decision, decisionId: randomUUID(), validFrom: '2026-10-01' };
      expect(await activities.recordFeeDecision(earlier)).toEqual({ recorded: false, reason: 'the client already has an income from 2026-12-01: enter the decision’s income by hand or end that income first' });
      expect(await activities.recordFeeDecision({ ...decision, decisionId: randomUUID(), clientId: 'client-aino' })).toEqual({ recorded: false, reason: 'invoicing has no client client-aino' });
      expect(await activities.recordFeeDecision({ ...decision, decisionId: randomUUID(), organisationId: 'fi-other' })).toMatchObject({ recorded: false });
    });

    it('requires each kind’s fields, refuses overlapping periods of one service code and end-dates a service', async () => {
      const client = await newClient();
      const homeCare = { serviceCode: 'HOME-CARE', description: 'Regular home care', kind: 'fi-home-care', validFrom: '2026-01-01', serviceCost: '1450.00' };
      const missing = await stack.service.request('POST', `/clients/${client.id}/services`, { roles: OFFICER, body: homeCare });
      expect(missing.status).toBe(400);
      expect(missing.body.problems).toEqual([{ field: 'hoursPerMonth', reason: 'is required for fi-home-care' }]);
      const fixed = await stack.service.request('POST', `/clients/${client.id}/services`, { roles: OFFICER, body: { ...homeCare, serviceCode: 'SUPPORT', kind: 'fixed-monthly' } });
      expect(fixed.body.problems).toEqual([{ field: 'monthlyFee', reason: 'is required for fixed-monthly' }]);
      const swedish = await stack.service.request('POST', `/clients/${client.id}/services`, { roles: OFFICER, body: { ...homeCare, kind: 'se-elderly-care' } });
      expect(swedish.body.problems[0].field).toBe('kind');

      const created = await stack.service.request('POST', `/clients/${client.id}/services`, { roles: OFFICER, body: { ...homeCare, hoursPerMonth: 12.5 } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ hoursPerMonth: '12.50', serviceCost: '1450.00', absenceDeductible: true, validTo: null });
      const overlapping = await stack.service.request('POST', `/clients/${client.id}/services`, { roles: OFFICER, body: { ...homeCare, hoursPerMonth: '20', validFrom: '2026-06-01' } });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body).toMatchObject({ statusCode: 409, problems: [{ field: 'validFrom' }] });

      const ended = await stack.service.request('POST', `/clients/${client.id}/services/${created.body.id}/end`, { roles: OFFICER, body: { validTo: '2026-05-31' } });
      expect(ended.body.validTo).toBe('2026-05-31');
      expect((await stack.service.request('POST', `/clients/${client.id}/services`, { roles: OFFICER, body: { ...homeCare, hoursPerMonth: '20', validFrom: '2026-06-01' } })).status).toBe(201);
      const list = await stack.service.request('GET', `/clients/${client.id}/services`, { roles: UNIT });
      expect(list.body.map((s: { hoursPerMonth: string }) => s.hoursPerMonth)).toEqual(['12.50', '20.00']);
    });
  });

  describe('price list and registrations', () => {
    it('closes the open price of a code and answers the prices of a day', async () => {
      expect((await stack.service.request('POST', '/price-lists/fi-demo/items', { roles: ['administrator'], body: { code: 'LUNCH', name: 'Lunch', unit: 'piece', price: '7.00', piecePriced: true, affectsMaximumFee: false, validFrom: '2025-01-01' } })).status).toBe(201);
      expect((await stack.service.request('POST', '/price-lists/fi-demo/items', { roles: OFFICER, body: { code: 'LUNCH', name: 'Lunch', unit: 'piece', price: '7.40', piecePriced: true, affectsMaximumFee: false, validFrom: '2026-01-01' } })).status).toBe(201);
      const old = await stack.service.request('GET', '/price-lists/fi-demo?date=2025-12-31', { roles: UNIT });
      expect(old.body.find((i: { code: string }) => i.code === 'LUNCH')).toMatchObject({ price: '7.00', validTo: '2025-12-31' });
      const current = await stack.service.request('GET', '/price-lists/fi-demo', { roles: UNIT });
      expect(current.body.map((i: { code: string; price: string }) => [i.code, i.price])).toEqual(expect.arrayContaining([['LUNCH', '7.40'], ['CLEANING', '32.50']]));
      expect((await stack.service.request('GET', '/price-lists/nowhere', { roles: UNIT })).status).toBe(404);
    });

    it('refuses an item not in the price list; after a calculation only the quantity changes; a locked period changes no more', async () => {
      const client = await newClient();
      const unknown = await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'SAUNA', performedOn: '2026-01-12', quantity: '1' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.problems).toEqual([{ field: 'itemCode', reason: 'is not in the price list on 2026-01-12' }]);
      const beforePrices = await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'CLEANING', performedOn: '2024-12-31', quantity: '1' } });
      expect(beforePrices.body.problems[0].field).toBe('itemCode');

      const first = await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'CLEANING', performedOn: '2026-01-12', quantity: 1.5 } });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ period: '2026-01', itemCode: 'CLEANING', quantity: '1.50', registeredBy: 'test-user' });
      const second = await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'FOOD-BASKET', performedOn: '2026-01-20', quantity: '2' } });
      const other = await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'FOOD-BASKET', performedOn: '2026-02-02', quantity: '1' } });
      expect((await stack.service.request('GET', `/clients/${client.id}/registrations?period=2026-01`, { roles: OFFICER })).body.map((r: { id: string }) => r.id)).toEqual([first.body.id, second.body.id]);
      expect((await stack.service.request('DELETE', `/registrations/${other.body.id}`, { roles: UNIT })).status).toBe(204);

      const runId = await calculatedRun(client.id, client.clientNumber, '2026-01');
      const refused = await stack.service.request('DELETE', `/registrations/${first.body.id}`, { roles: UNIT });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe(`calculated by billing run ${runId} for 2026-01; change the quantity instead`);
      const changed = await stack.service.request('PATCH', `/registrations/${first.body.id}`, { roles: UNIT, body: { quantity: '2.25' } });
      expect(changed.body.quantity).toBe('2.25');
      expect((await stack.service.request('PATCH', `/registrations/${first.body.id}`, { roles: UNIT, body: { quantity: '0' } })).body.problems).toEqual([
        { field: 'quantity', reason: 'must be more than zero' },
      ]);

      await sql.query('INSERT INTO billing_period_lock (organisation_id, period, client_id, run_id) VALUES ($1, $2, $3, $4)', ['fi-demo', '2026-01', client.id, runId]);
      for (const attempt of [
        stack.service.request('PATCH', `/registrations/${first.body.id}`, { roles: OFFICER, body: { quantity: '3' } }),
        stack.service.request('DELETE', `/registrations/${second.body.id}`, { roles: OFFICER }),
        stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'CLEANING', performedOn: '2026-01-30', quantity: '1' } }),
      ]) {
        const response = await attempt;
        expect(response.status).toBe(409);
        expect(response.body.message).toMatch(new RegExp(`^period 2026-01 is locked for client ${client.clientNumber}`));
      }
      // The next period is open.
      expect((await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: UNIT, body: { itemCode: 'CLEANING', performedOn: '2026-02-03', quantity: '1' } })).status).toBe(201);
      expect((await stack.service.request('POST', `/clients/${client.id}/registrations`, { roles: ['finance-centre'], body: { itemCode: 'CLEANING', performedOn: '2026-02-03', quantity: '1' } })).status).toBe(403);
    });
  });

  describe('corrections', () => {
    it('lets unit staff correct piece-priced items only; the billing team corrects anything', async () => {
      const client = await newClient();
      const basket = await stack.service.request('POST', `/clients/${client.id}/corrections`, { roles: UNIT, body: { period: '2026-10', amount: '-18.00', text: 'Food basket not delivered', itemCode: 'FOOD-BASKET' } });
      expect(basket.status).toBe(201);
      expect(basket.body).toMatchObject({ amount: '-18.00', madeBy: 'test-user', madeByRole: 'unit-manager', billedInvoiceId: null });

      const cleaning = await stack.service.request('POST', `/clients/${client.id}/corrections`, { roles: UNIT, body: { period: '2026-10', amount: '-32.50', text: 'Cleaning cancelled', itemCode: 'CLEANING' } });
      expect(cleaning.status).toBe(403);
      expect(cleaning.body.message).toBe('a unit-manager may not correct CLEANING: it can affect the maximum fee, so the billing team corrects it');
      const noItem = await stack.service.request('POST', `/clients/${client.id}/corrections`, { roles: UNIT, body: { period: '2026-10', amount: '-10.00', text: 'Goodwill' } });
      expect(noItem.status).toBe(403);
      expect(noItem.body.message).toMatch(/piece-priced price-list items only/);

      const officer = await stack.service.request('POST', `/clients/${client.id}/corrections`, { roles: OFFICER, body: { period: '2026-10', amount: '-32.50', text: 'Cleaning cancelled', itemCode: 'CLEANING' } });
      expect(officer.body).toMatchObject({ madeByRole: 'client-fee-officer', itemCode: 'CLEANING' });
      const zero = await stack.service.request('POST', `/clients/${client.id}/corrections`, { roles: OFFICER, body: { period: '2026-10', amount: '0.00', text: 'Nothing' } });
      expect(zero.body.problems).toEqual([{ field: 'amount', reason: 'must not be zero' }]);
      const future = await stack.service.request('POST', `/clients/${client.id}/corrections`, { roles: OFFICER, body: { period: '2099-01', amount: '1.00', text: 'Later' } });
      expect(future.body.problems[0].field).toBe('period');

      expect((await stack.service.request('DELETE', `/corrections/${officer.body.id}`, { roles: UNIT })).status).toBe(403);
      // In the calculation of a run awaiting approval, the correction stays until the run is done.
      const runId = await calculatedRun(client.id, client.clientNumber, '2026-09');
      await sql.query('UPDATE billing_run_client SET correction_ids = ARRAY[$2::uuid] WHERE run_id = $1', [runId, officer.body.id]);
      const inRun = await stack.service.request('DELETE', `/corrections/${officer.body.id}`, { roles: OFFICER });
      expect(inRun.status).toBe(409);
      expect(inRun.body.problems).toEqual([{ field: 'id', reason: 'in a running billing run' }]);
      await sql.query(`UPDATE billing_run SET state = 'cancelled' WHERE id = $1`, [runId]);
      expect((await stack.service.request('DELETE', `/corrections/${officer.body.id}`, { roles: OFFICER })).status).toBe(204);
      const invoice = await stack.service.request('POST', '/invoices', {
        roles: OFFICER,
        body: { organisationId: 'fi-demo', clientNumber: client.clientNumber, invoiceDate: '2026-11-25', recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3', postalCode: '02100', city: 'Espoo' }, rows: [{ description: 'Home care', amount: '10.00' }] },
      });
      await sql.query('UPDATE correction SET billed_invoice_id = $2 WHERE id = $1', [basket.body.id, invoice.body.id]);
      const billed = await stack.service.request('DELETE', `/corrections/${basket.body.id}`, { roles: OFFICER });
      expect(billed.status).toBe(409);
      expect(billed.body.message).toMatch(/never deleted/);
      expect((await stack.service.request('GET', `/clients/${client.id}/corrections`, { roles: UNIT })).body.map((c: { id: string }) => c.id)).toEqual([basket.body.id]);
    });
  });

  describe('absences', () => {
    it('needs notifiedOn for a planned absence and shows open-ended absences on the control list until closed', async () => {
      const client = await newClient('Elsa Poissa');
      const noNotice = await stack.service.request('POST', `/clients/${client.id}/absences`, { roles: UNIT, body: { kind: 'planned', firstDay: '2026-10-10', lastDay: '2026-10-23' } });
      expect(noNotice.body.problems).toEqual([{ field: 'notifiedOn', reason: 'is required for a planned absence' }]);
      const planned = await stack.service.request('POST', `/clients/${client.id}/absences`, { roles: UNIT, body: { kind: 'planned', notifiedOn: '2026-09-20', firstDay: '2026-10-10', lastDay: '2026-10-23' } });
      expect(planned.status).toBe(201);
      const today = localDateInZone(Date.now(), 'Europe/Helsinki');
      const open = await stack.service.request('POST', `/clients/${client.id}/absences`, { roles: UNIT, body: { kind: 'unplanned', firstDay: '2026-11-01', reason: 'hospital' } });
      expect(open.body).toMatchObject({ kind: 'unplanned', lastDay: null, notifiedOn: null });
      const overlapping = await stack.service.request('POST', `/clients/${client.id}/absences`, { roles: UNIT, body: { kind: 'unplanned', firstDay: '2026-10-20', lastDay: '2026-10-21' } });
      expect(overlapping.status).toBe(409);

      const list = await stack.service.request('GET', '/absences/open?organisationId=fi-demo', { roles: UNIT });
      const daysOpen = Math.round((Date.parse(today) - Date.parse('2026-11-01')) / 86_400_000) + 1;
      expect(list.body).toContainEqual({
        absenceId: open.body.id,
        clientId: client.id,
        clientNumber: client.clientNumber,
        name: 'Elsa Poissa',
        kind: 'unplanned',
        firstDay: '2026-11-01',
        daysOpen,
        reason: 'hospital',
        watchOn: '2026-11-15',
      });
      expect(list.body.some((a: { absenceId: string }) => a.absenceId === planned.body.id)).toBe(false);

      // The unit manager's watch falls due two weeks after the first day, and can be moved.
      const watches = async (date: string) =>
        ((await stack.service.request('GET', `/absences/watches?organisationId=fi-demo&date=${date}`, { roles: UNIT })).body as Array<{ absenceId: string }>).some(
          (a) => a.absenceId === open.body.id,
        );
      expect(await watches('2026-11-14')).toBe(false);
      expect(await watches('2026-11-15')).toBe(true);
      expect((await stack.service.request('POST', `/absences/${open.body.id}/watch`, { roles: UNIT, body: { watchOn: '2026-11-29' } })).body.watchOn).toBe('2026-11-29');
      expect(await watches('2026-11-15')).toBe(false);
      expect((await stack.service.request('POST', `/absences/${open.body.id}/watch`, { roles: UNIT, body: { watchOn: '2026-10-01' } })).body.problems).toEqual([
        { field: 'watchOn', reason: 'must not be before the first day (2026-11-01)' },
      ]);

      expect((await stack.service.request('POST', `/absences/${open.body.id}/close`, { roles: UNIT, body: { lastDay: '2026-10-30' } })).status).toBe(400);
      expect((await stack.service.request('POST', `/absences/${open.body.id}/close`, { roles: UNIT, body: { lastDay: '2026-11-05' } })).body.lastDay).toBe('2026-11-05');
      expect((await stack.service.request('POST', `/absences/${open.body.id}/close`, { roles: UNIT, body: { lastDay: '2026-11-06' } })).status).toBe(409);
      const after = await stack.service.request('GET', '/absences/open?organisationId=fi-demo', { roles: OFFICER });
      expect(after.body.some((a: { clientId: string }) => a.clientId === client.id)).toBe(false);
      expect(await watches('2026-12-31')).toBe(false);
      expect((await stack.service.request('POST', `/absences/${open.body.id}/watch`, { roles: UNIT, body: { watchOn: '2026-12-01' } })).status).toBe(409);
      expect((await stack.service.request('GET', `/clients/${client.id}/absences`, { roles: OFFICER })).body).toHaveLength(2);
    });
  });

  describe('rent contracts', () => {
    it('dates the contract by the move-in day: care housing on the 14th → the 17th, on the 15th → the 1st of next month', async () => {
      const early = await newClient();
      const late = await newClient();
      const on14th = await stack.service.request('POST', `/clients/${early.id}/rent-contracts`, { roles: OFFICER, body: { housing: 'care', moveIn: '2026-03-14', monthlyRent: '720.00', rentFreeMonth: true } });
      expect(on14th.body).toMatchObject({ moveIn: '2026-03-14', contractStart: '2026-03-17', rentFreeMonthPeriod: '2026-04', monthlyRent: '720.00' });
      const on15th = await stack.service.request('POST', `/clients/${late.id}/rent-contracts`, { roles: OFFICER, body: { housing: 'care', moveIn: '2026-03-15', monthlyRent: '720.00', rentFreeMonth: true } });
      expect(on15th.body).toMatchObject({ contractStart: '2026-04-01', rentFreeMonthPeriod: '2026-05' });
      const apartment = await stack.service.request('POST', `/clients/${late.id}/rent-contracts`, { roles: OFFICER, body: { housing: 'service-apartment', moveIn: '2026-05-15', monthlyRent: '650.00' } });
      expect(apartment.status).toBe(409);

      const half = await stack.service.request('POST', `/rent-contracts/${on14th.body.id}/move-out`, { roles: OFFICER, body: { moveOut: '2026-09-20', rent: 'half' } });
      expect(half.body).toMatchObject({ moveOut: '2026-09-20', moveOutRent: 'half', contractEnd: '2026-09-14' });
      const full = await stack.service.request('POST', `/rent-contracts/${on15th.body.id}/move-out`, { roles: OFFICER, body: { moveOut: '2026-09-03', rent: 'full' } });
      expect(full.body.contractEnd).toBe('2026-09-30');
      expect((await stack.service.request('POST', `/rent-contracts/${on15th.body.id}/move-out`, { roles: OFFICER, body: { moveOut: '2026-09-03', rent: 'full' } })).status).toBe(409);
      const next = await stack.service.request('POST', `/clients/${late.id}/rent-contracts`, { roles: OFFICER, body: { housing: 'service-apartment', moveIn: '2026-10-15', monthlyRent: '650.00' } });
      expect(next.body).toMatchObject({ contractStart: '2026-10-17', rentFreeMonthPeriod: null });
      expect((await stack.service.request('GET', `/clients/${late.id}/rent-contracts`, { roles: UNIT })).body.map((c: { contractStart: string }) => c.contractStart)).toEqual(['2026-04-01', '2026-10-17']);
    });
  });

  describe('selection rules', () => {
    it('saves named rules per organisation', async () => {
      const again = await stack.service.request('POST', '/selection-rules', { roles: OFFICER, body: { organisationId: 'fi-demo', name: 'All areas', debitingAreas: ['X'] } });
      expect(again.status).toBe(409);
      const empty = await stack.service.request('POST', '/selection-rules', { roles: OFFICER, body: { organisationId: 'fi-demo', name: 'None', debitingAreas: [] } });
      expect(empty.body.problems[0].field).toBe('debitingAreas');
      const list = await stack.service.request('GET', '/selection-rules?organisationId=fi-demo', { roles: ['finance-centre'] });
      expect(list.body).toEqual([expect.objectContaining({ name: 'All areas', debitingAreas: ['ESPOO-NORTH', 'ESPOO-SOUTH'] })]);
    });
  });

  describe('BillingInputs', () => {
    it('loads a couple’s billing data for a period in one query per table', async () => {
      const husband = await newClient('Matti Pari');
      const wife = await newClient('Maija Pari');
      await stack.service.request('PUT', `/clients/${husband.id}/spouse`, { roles: OFFICER, body: { spouseClientId: wife.id } });
      const post = async (path: string, body: unknown) => {
        const response = await stack.service.request('POST', path, { roles: OFFICER, body });
        expect(response.status).toBe(201);
        return response.body;
      };
      await post(`/clients/${husband.id}/billing-settings`, billingSettingsBody({ feeCalculationType: 'couple', validFrom: '2026-01-01' }));
      // Her settings start during the month: the version valid on the period's last day counts.
      await post(`/clients/${wife.id}/billing-settings`, billingSettingsBody({ feeCalculationType: 'couple', debitingArea: 'ESPOO-SOUTH', accountString: undefined, validFrom: '2026-03-10' }));
      await post(`/clients/${husband.id}/incomes`, { validFrom: '2025-01-01', grossMonthlyIncome: '2400.00', netMonthlyIncome: '1900.00', householdSize: 2, source: 'pension' });
      await post(`/clients/${husband.id}/incomes`, { validFrom: '2026-03-15', grossMonthlyIncome: '2600.00', netMonthlyIncome: '2000.00', householdSize: 2, source: 'pension' });
      await post(`/clients/${husband.id}/services`, { serviceCode: 'HOME-CARE', description: 'Home care', kind: 'fi-home-care', validFrom: '2026-01-01', serviceCost: '1200.00', hoursPerMonth: '10' });
      await post(`/clients/${husband.id}/services`, { serviceCode: 'OLD', description: 'Ended before', kind: 'fixed-monthly', validFrom: '2025-01-01', validTo: '2026-02-28', serviceCost: '50.00', monthlyFee: '20.00' });
      await post(`/clients/${wife.id}/services`, { serviceCode: 'LTC', description: 'Long-term care', kind: 'fi-long-term-care', validFrom: '2026-03-10', serviceCost: '4000.00', careType: 'enhanced-service-housing' });
      const registration = await stack.service.request('POST', `/clients/${husband.id}/registrations`, { roles: UNIT, body: { itemCode: 'CLEANING', performedOn: '2026-03-05', quantity: '2' } });
      await stack.service.request('POST', `/clients/${husband.id}/registrations`, { roles: UNIT, body: { itemCode: 'CLEANING', performedOn: '2026-04-05', quantity: '2' } });
      const absence = await stack.service.request('POST', `/clients/${husband.id}/absences`, { roles: UNIT, body: { kind: 'unplanned', firstDay: '2026-02-25', lastDay: '2026-03-03' } });
      await stack.service.request('POST', `/clients/${husband.id}/absences`, { roles: UNIT, body: { kind: 'unplanned', firstDay: '2026-04-01' } });
      const earlier = await post(`/clients/${husband.id}/corrections`, { period: '2026-02', amount: '-5.00', text: 'Earlier period' });
      await post(`/clients/${husband.id}/corrections`, { period: '2026-04', amount: '3.00', text: 'Later period' });
      await post(`/clients/${wife.id}/rent-contracts`, { housing: 'care', moveIn: '2026-03-10', monthlyRent: '700.00', rentFreeMonth: true });

      const inputs = stack.service.app.get(BillingInputs);
      const queries: string[] = [];
      const original = sql.driver.createQueryRunner.bind(sql.driver);
      const spy = jest.spyOn(sql.driver, 'createQueryRunner').mockImplementation((mode) => {
        const runner = original(mode);
        const query = runner.query.bind(runner);
        runner.query = ((text: string, ...rest: unknown[]) => {
          if (/^\s*SELECT/i.test(text)) queries.push(text);
          return (query as (...args: unknown[]) => Promise<unknown>)(text, ...rest);
        }) as typeof runner.query;
        return runner;
      });
      let loaded: Awaited<ReturnType<BillingInputs['load']>>;
      try {
        loaded = await inputs.load('fi-demo', '2026-03', [husband.id, wife.id, randomUUID()]);
      } finally {
        spy.mockRestore();
      }
      expect(queries).toHaveLength(8);
      expect(await inputs.load('fi-other', '2026-03', [husband.id])).toEqual(new Map());

      expect([...loaded.keys()].sort()).toEqual([husband.id, wife.id].sort());
      expect(loaded.get(husband.id)).toEqual({
        clientId: husband.id,
        clientNumber: husband.clientNumber,
        name: 'Matti Pari',
        country: 'FI',
        period: '2026-03',
        dateOfDeath: null,
        settings: {
          debitingArea: 'ESPOO-NORTH',
          feeCalculationType: 'couple',
          acceptsMaximumFee: false,
          parishCode: null,
          accountString: '4100-5230',
          recipient: { kind: 'client', name: null, address: null },
          residenceAddress: { streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' },
          addressProtected: false,
        },
        income: { validFrom: '2025-01-01', grossMonthlyIncome: '2400.00', netMonthlyIncome: '1900.00', deductions: '0.00', householdSize: 2, housingCost: '0.00' },
        services: [
          {
            serviceCode: 'HOME-CARE',
            description: 'Home care',
            kind: 'fi-home-care',
            validFrom: '2026-01-01',
            validTo: null,
            serviceCost: '1200.00',
            hoursPerMonth: '10.00',
            careType: null,
            monthlyFee: null,
            absenceDeductible: true,
            includesCareHousingFood: false,
          },
        ],
        registrations: [{ id: registration.body.id, itemCode: 'CLEANING', performedOn: '2026-03-05', quantity: '2.00' }],
        absences: [{ id: absence.body.id, kind: 'unplanned', notifiedOn: null, firstDay: '2026-02-25', lastDay: '2026-03-03' }],
        corrections: [{ id: earlier.id, amount: '-5.00', text: 'Earlier period', itemCode: null }],
        rent: null,
      });
      expect(loaded.get(wife.id)).toMatchObject({
        settings: { debitingArea: 'ESPOO-SOUTH', accountString: null },
        income: null,
        services: [{ serviceCode: 'LTC', kind: 'fi-long-term-care', careType: 'enhanced-service-housing' }],
        registrations: [],
        absences: [],
        corrections: [],
        rent: { housing: 'care', moveIn: '2026-03-10', moveOut: null, moveOutRent: null, monthlyRent: '700.00', rentFreeMonthPeriod: '2026-04' },
      });

      const prices = await inputs.priceList('fi-demo', '2026-03-01');
      expect(prices).toContainEqual({ code: 'FOOD-BASKET', name: 'Food basket', unit: 'piece', price: '18.00', piecePriced: true, affectsMaximumFee: false });
    });
  });

  it('describes the billing-data routes in OpenAPI', async () => {
    const document = (await (await fetch(`${stack.service.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/clients', '/clients/{id}', '/clients/{id}/billing-settings', '/registrations/{id}', '/absences/open', '/price-lists/{organisationId}', '/selection-rules']),
    );
  });
});

