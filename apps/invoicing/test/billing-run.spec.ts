import { DataSource } from 'typeorm';
import { fiHomeCareFee, finnishTestIdentityCode, Money } from '@clientfees/domain';
import { BillingRunWorkflow, correctionRunScheduleId, monthlyBillingScheduleId, Role } from '@clientfees/contracts';
import { eventually, startDevServer, testToken } from '@clientfees/testing';
import { billingSettingsBody, InvoicingStack, PRICE_LIST_ITEMS, startInvoicingStack } from './invoicing-stack';

const OFFICER: Role[] = ['client-fee-officer'];
const SUPERVISOR: Role[] = ['billing-supervisor'];
const PERIOD = '2026-10';


const settings = (overrides: Record<string, unknown> = {}) => billingSettingsBody({ validFrom: '2026-01-01', ...overrides });
const income = (gross: string, net: string, householdSize = 1) => ({ validFrom: '2026-01-01', grossMonthlyIncome: gross, netMonthlyIncome: net, householdSize, source: 'tax authority 2026' });
const homeCare = { serviceCode: 'HOME-CARE', description: 'Regular home care', kind: 'fi-home-care', validFrom: '2026-01-01', serviceCost: '1450.00', hoursPerMonth: '20' };

describe('the monthly billing run, end to end', () => {
  let stack: InvoicingStack;
  let sql: DataSource;
  let selectionRuleId: string;
  const ids: Record<string, string> = {};
  let registrationId: string;
  let individual = 900;

  const request = (method: string, path: string, roles: Role[], body?: unknown) => stack.service.request(method, path, { roles, body });
  /** Another person than the one who starts and recalculates the runs (four eyes). */
  const sanna = (method: string, path: string) => stack.service.request(method, path, { roles: SUPERVISOR, sub: 'supervisor-sanna' });
  const ok = async (method: string, path: string, roles: Role[], body?: unknown) => {
    const response = await request(method, path, roles, body);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  async function client(key: string, name: string, clientSettings: Record<string, unknown>, clientIncome?: Record<string, unknown>, service?: Record<string, unknown>) {
    const created = await ok('POST', '/clients', OFFICER, { organisationId: 'fi-demo', clientNumber: `E-${key}`, identityCode: finnishTestIdentityCode('150338', individual++), name });
    ids[key] = created.id;
    await ok('POST', `/clients/${created.id}/billing-settings`, OFFICER, clientSettings);
    if (clientIncome) await ok('POST', `/clients/${created.id}/incomes`, OFFICER, clientIncome);
    if (service) await ok('POST', `/clients/${created.id}/services`, OFFICER, service);
  }

  const runView = (id: string) => ok('GET', `/billing-runs/${id}`, ['finance-centre']);

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer());
    sql = stack.service.app.get(DataSource);
    selectionRuleId = (await ok('POST', '/selection-rules', OFFICER, { organisationId: 'fi-demo', name: 'Home care', debitingAreas: ['ESPOO-NORTH', 'ESPOO-SOUTH'] })).id;
    for (const item of PRICE_LIST_ITEMS) {
      await ok('POST', '/price-lists/fi-demo/items', OFFICER, item);
    }
    await client('aino', 'Aino Testinen', settings(), income('2000.00', '1650.00'), homeCare);
    registrationId = (await ok('POST', `/clients/${ids.aino}/registrations`, ['unit-manager'], { itemCode: 'CLEANING', performedOn: '2026-10-05', quantity: '2' })).id;
    await ok('POST', `/clients/${ids.aino}/registrations`, ['unit-manager'], { itemCode: 'FOOD-BASKET', performedOn: '2026-10-12', quantity: '1' });
    // A couple: Matti in enhanced service housing earns more than Maija, who stays at home.
    await client('matti', 'Matti Esimerkki', settings({ feeCalculationType: 'couple' }), income('3000.00', '2500.00', 2), {
      serviceCode: 'HOUSING',
      description: 'Enhanced service housing',
      kind: 'fi-long-term-care',
      validFrom: '2026-01-01',
      serviceCost: '4200.00',
      careType: 'enhanced-service-housing',
    });
    await client('maija', 'Maija Esimerkki', settings({ feeCalculationType: 'couple', debitingArea: 'ESPOO-EAST' }), income('1200.00', '1000.00', 2));
    await ok('PUT', `/clients/${ids.matti}/spouse`, OFFICER, { spouseClientId: ids.maija });
    await client('bertta', 'Bertta Tuloton', settings(), undefined, homeCare);
    await client('cecilia', 'Cecilia Tilitön', settings({ accountString: undefined, debitingArea: 'ESPOO-SOUTH' }), undefined, {
      serviceCode: 'SUPPORT',
      description: 'Support service',
      kind: 'fixed-monthly',
      validFrom: '2026-01-01',
      serviceCost: '80.00',
      monthlyFee: '45.00',
    });
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows the error list, refuses approval until the errors are fixed and the journal reviewed, then locks the period and issues invoices with lifecycles', async () => {
    const started = await ok('POST', '/billing-runs', SUPERVISOR, { organisationId: 'fi-demo', period: PERIOD, selectionRuleId });
    expect(started).toMatchObject({ period: PERIOD, kind: 'monthly', selectionName: 'Home care' });
    const again = await request('POST', '/billing-runs', SUPERVISOR, { organisationId: 'fi-demo', period: PERIOD, selectionRuleId });
    expect(again.status).toBe(409);

    const calculated = await eventually(() => runView(started.id), (view) => view.state === 'awaiting-approval', 60000);
    // Maija (another area, no service of her own) is not billed, but counts in Matti's fee.
    expect(calculated.counts).toEqual({ total: 4, notCalculated: 0, calculated: 2, error: 2 });

    const errors = await ok('GET', `/billing-runs/${started.id}/clients?status=error`, ['finance-centre']);
    expect(errors.map((row: { clientNumber: string; errors: Array<{ code: string; field: string }> }) => [row.clientNumber, row.errors.map((e) => `${e.code} ${e.field}`)])).toEqual([
      ['E-bertta', ['income-missing income']],
      ['E-cecilia', ['account-string-missing settings.accountString']],
    ]);

    // The journal must be reviewed first, and then the errors still stand in the way.
    const unreviewed = await sanna('POST', `/billing-runs/${started.id}/approve`);
    expect(unreviewed.status).toBe(409);
    expect(unreviewed.body.problems).toEqual([{ field: 'journal', reason: 'not reviewed since the last calculation' }]);
    const csv = await fetch(`${stack.service.baseUrl}/billing-runs/${started.id}/journal.csv`, {
      headers: { authorization: `Bearer ${testToken({ sub: 'supervisor', roles: SUPERVISOR })}` },
    });
    expect(csv.status).toBe(200);
    const journal = await csv.text();
    expect(journal).toContain('E-aino;Aino Testinen');
    expect(journal).toContain('income');
    // Reading the journal is not reviewing it: the review is an act of its own, with its reviewer.
    expect((await sanna('POST', `/billing-runs/${started.id}/approve`)).body.problems).toEqual([{ field: 'journal', reason: 'not reviewed since the last calculation' }]);
    const review = await sanna('POST', `/billing-runs/${started.id}/journal-review`);
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ journalReviewed: true, journalReviewedBy: 'supervisor-sanna' });
    const inErrors = await sanna('POST', `/billing-runs/${started.id}/approve`);
    expect(inErrors.status).toBe(409);
    expect(inErrors.body.message).toBe('2 client(s) in error and 0 not calculated: fix and recalculate them first');

    // A calculated registration cannot be deleted any more, only its quantity changed.
    expect((await request('DELETE', `/registrations/${registrationId}`, ['unit-manager'])).status).toBe(409);

    // Fix: Bertta's income arrives; Cecilia's settings get their account string in place.
    await ok('POST', `/clients/${ids.bertta}/incomes`, OFFICER, income('1100.00', '950.00'));
    const recalculatedOne = await ok('POST', `/billing-runs/${started.id}/recalculate`, OFFICER, { clientId: ids.bertta });
    expect(recalculatedOne.counts).toMatchObject({ calculated: 3, error: 1 });
    const [ceciliaSettings] = await ok('GET', `/clients/${ids.cecilia}/billing-settings`, OFFICER);
    await ok('PATCH', `/clients/${ids.cecilia}/billing-settings/${ceciliaSettings.id}`, OFFICER, { accountString: '4100-5240' });
    const recalculatedAll = await ok('POST', `/billing-runs/${started.id}/recalculate`, OFFICER, {});
    expect(recalculatedAll.counts).toEqual({ total: 4, notCalculated: 0, calculated: 4, error: 0 });

    // The journal reviewed before the fixes is not the journal of this calculation.
    expect((await sanna('POST', `/billing-runs/${started.id}/approve`)).status).toBe(409);
    const pdf = await fetch(`${stack.service.baseUrl}/billing-runs/${started.id}/journal.pdf`, {
      headers: { authorization: `Bearer ${testToken({ sub: 'supervisor', roles: SUPERVISOR })}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect((await request('POST', `/billing-runs/${started.id}/approve`, ['finance-centre'])).status).toBe(403);
    expect((await sanna('POST', `/billing-runs/${started.id}/journal-review`)).status).toBe(200);
    // Four eyes: the person who started the run and recalculated it does not approve it, whatever their role.
    const own = await request('POST', `/billing-runs/${started.id}/approve`, SUPERVISOR);
    expect(own).toMatchObject({ status: 422, body: { rule: 'four-eyes' } });
    expect(own.body.problems).toEqual([{ field: 'approver', reason: 'test-user started the billing run and last recalculated it, so another person must approve it' }]);
    expect((await sanna('POST', `/billing-runs/${started.id}/approve`)).status).toBe(200);

    const done = await eventually(() => runView(started.id), (view) => view.state === 'completed', 60000);
    expect(done.invoices.count).toBe(4);
    expect(done.approvedBy).toBe('supervisor-sanna');

    // Each client has one invoice of the period, numbered from the organisation's series.
    const invoices = (await sql.query('SELECT id, client_number, invoice_number::int AS number, total_cents::int AS total, lifecycle_started FROM invoice WHERE billing_run_id = $1 ORDER BY invoice_number', [
      started.id,
    ])) as Array<{ id: string; client_number: string; number: number; total: number; lifecycle_started: boolean }>;
    expect(invoices.map((invoice) => invoice.client_number).sort()).toEqual(['E-aino', 'E-bertta', 'E-cecilia', 'E-matti']);
    expect(invoices.every((invoice) => invoice.lifecycle_started)).toBe(true);

    // Aino: the home-care fee of her income plus two hours of cleaning and a food basket.
    const aino = invoices.find((invoice) => invoice.client_number === 'E-aino')!;
    const careFee = fiHomeCareFee({ date: '2026-10-01', householdSize: 1, grossMonthlyIncome: Money.parse('2000.00', 'EUR'), hoursPerMonth: '20', serviceCost: Money.parse('1450.00', 'EUR') }).fee;
    expect(aino.total).toBe(careFee.minorUnits + 6500 + 1800);
    const explained = await ok('GET', `/invoices/${aino.id}/explanation`, ['finance-centre']);
    expect(explained.billingPeriod).toBe(PERIOD);
    expect(explained.rows.map((row: { kind: string; code: string; amountCents: number }) => [row.kind, row.code, row.amountCents])).toEqual([
      ['care-fee', 'HOME-CARE', careFee.minorUnits],
      ['service', 'CLEANING', 6500],
      ['service', 'FOOD-BASKET', 1800],
    ]);
    expect(explained.rows[0].explanation.rules.map((rule: { table: string }) => rule.table)).toEqual(['FI home-care income limits', 'FI home-care percentages']);
    expect(explained.rows[0].explanation.inputs).toMatchObject({ grossMonthlyIncome: '2000.00', householdSize: '1' });

    // Matti pays by the spouse rule: Maija's lower income at home is counted.
    const matti = await ok('GET', `/invoices/${invoices.find((invoice) => invoice.client_number === 'E-matti')!.id}/explanation`, ['finance-centre']);
    expect(matti.rows[0].explanation.lines.join('\n')).toMatch(/42\.5/);

    // The lifecycle took over: the due date is set from the approval day.
    const issued = await eventually(() => ok('GET', `/invoices/${aino.id}`, ['finance-centre']), (invoice) => invoice.dueDate !== null, 30000);
    expect(issued.state).toBe('issued');

    // The period is locked for these clients.
    const late = await request('POST', `/clients/${ids.aino}/registrations`, ['unit-manager'], { itemCode: 'CLEANING', performedOn: '2026-10-20', quantity: '1' });
    expect(late.status).toBe(409);
    // The run exists and has ended: recalculating it is a conflict with its state, not a 404.
    expect(await request('POST', `/billing-runs/${started.id}/recalculate`, OFFICER, {})).toMatchObject({ status: 409, body: { currentState: 'completed' } });

    // An invoice made with a wrong quantity is credited in full and remade by a correction run.
    const remake = { invoiceId: aino.id, reason: 'cleaning was one hour, not two' };
    expect((await request('POST', '/billing-runs/remakes', OFFICER, remake)).status).toBe(409);
    await ok('POST', `/invoices/${aino.id}/credit-notes`, ['finance-centre'], { amount: Money.ofMinor(aino.total, 'EUR').toDecimalString(), reason: 'wrong quantity' });
    await eventually(() => ok('GET', `/invoices/${aino.id}`, ['finance-centre']), (invoice) => invoice.state === 'credited', 30000);
    expect(await ok('POST', '/billing-runs/remakes', OFFICER, remake)).toEqual({ clientId: ids.aino, period: PERIOD });
    expect((await request('POST', '/billing-runs/remakes', OFFICER, remake)).status).toBe(409);
    await ok('PATCH', `/registrations/${registrationId}`, ['unit-manager'], { quantity: '1' });

    const correction = await ok('POST', '/billing-runs', SUPERVISOR, { organisationId: 'fi-demo', period: PERIOD, selectionRuleId, kind: 'correction' });
    const recalculated = await eventually(() => runView(correction.id), (view) => view.state === 'awaiting-approval', 60000);
    expect(recalculated.counts).toEqual({ total: 1, notCalculated: 0, calculated: 1, error: 0 });
    expect((await sanna('POST', `/billing-runs/${correction.id}/journal-review`)).status).toBe(200);
    expect((await sanna('POST', `/billing-runs/${correction.id}/approve`)).status).toBe(200);
    await eventually(() => runView(correction.id), (view) => view.state === 'completed', 60000);
    const remade = (await sql.query('SELECT total_cents::int AS total FROM invoice WHERE billing_run_id = $1', [correction.id])) as Array<{ total: number }>;
    expect(remade).toEqual([{ total: careFee.minorUnits + 3250 + 1800 }]);
  }, 180000);

  it('keeps each selection’s billing day and weekly correction run as Temporal Schedules', async () => {
    expect(await ok('PUT', `/selection-rules/${selectionRuleId}/schedule`, SUPERVISOR, { billingDay: 5, correctionWeekday: 3 })).toEqual({ selectionRuleId, billingDay: 5, correctionWeekday: 3 });
    const monthly = await stack.env.client.schedule.getHandle(monthlyBillingScheduleId(selectionRuleId)).describe();
    expect(monthly.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 5, end: 5, step: 1 }], hour: [{ start: 5, end: 5, step: 1 }] });
    expect(monthly.spec.timezone).toBe('Europe/Helsinki');
    expect(monthly.action).toMatchObject({ type: 'startWorkflow', workflowType: BillingRunWorkflow.workflowType, args: [{ organisationId: 'fi-demo', selectionRuleId, kind: 'monthly' }] });
    const weekly = await stack.env.client.schedule.getHandle(correctionRunScheduleId(selectionRuleId)).describe();
    expect(weekly.spec.calendars?.[0]).toMatchObject({ dayOfWeek: [{ start: 'WEDNESDAY', end: 'WEDNESDAY', step: 1 }] });
    expect(weekly.action).toMatchObject({ args: [{ kind: 'correction' }] });

    // The weekly correction run takes the latest period with a completed monthly run; everyone
    // there is invoiced already, so it ends at once without waiting for an approval.
    await stack.env.client.schedule.getHandle(correctionRunScheduleId(selectionRuleId)).trigger();
    const scheduled = await eventually(
      async () => (await sql.query(`SELECT period, kind, state, started_by FROM billing_run WHERE workflow_id LIKE $1`, [`${correctionRunScheduleId(selectionRuleId)}%`])) as Array<Record<string, string>>,
      (rows) => rows.length === 1 && rows[0].state === 'completed',
      30000,
    );
    expect(scheduled).toEqual([{ period: PERIOD, kind: 'correction', state: 'completed', started_by: 'system:schedule' }]);

    await ok('PUT', `/selection-rules/${selectionRuleId}/schedule`, SUPERVISOR, { billingDay: null, correctionWeekday: 3 });
    await expect(stack.env.client.schedule.getHandle(monthlyBillingScheduleId(selectionRuleId)).describe()).rejects.toThrow(/not found/i);
    const bad = await request('PUT', `/selection-rules/${selectionRuleId}/schedule`, SUPERVISOR, { billingDay: 31 });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].field).toBe('billingDay');
  });
});
