import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { addDays, addMonths, FI_HOME_CARE_INCOME_LIMITS, firstDayOfMonth, localDateInZone } from '@clientfees/domain';
import { eventually, generateBillingData, startDevServer, testToken } from '@clientfees/testing';
import { InvoicingStack, startInvoicingStack } from './invoicing-stack';

/**
 * What-if runs through the REST API, on a real Postgres and Temporal: the Finnish income limits
 * 5 % higher from next month, over generated clients (70 % home care, 10 % long-term care, 20 %
 * a fixed fee: libs/testing's billing data). Billing is never touched.
 */
describe('what-if runs of a draft tariff', () => {
  let stack: InvoicingStack;
  let pg: PgClient;
  const today = localDateInZone(Date.now(), 'Europe/Helsinki');
  const nextMonth = firstDayOfMonth(addMonths(today, 1));
  const limits = FI_HOME_CARE_INCOME_LIMITS.at(-1)!.value;
  const plus5 = (v: string) => String(Math.round(Number(v) * 1.05));
  const draft = {
    validFrom: nextMonth,
    rows: [{ table: 'fi-home-care-income-limits', validTo: null, source: 'index review: työeläkeindeksi +5 % assumed (test)', value: { bySize: limits.bySize.map(plus5), eachFurtherPerson: plus5(limits.eachFurtherPerson) } }],
  };
  const admin = (sub: string, organisations = ['fi-demo', 'fi-large']) => testToken({ sub, roles: ['administrator'], organisations });
  const call = (method: string, path: string, token: string, body?: unknown) => stack.service.request(method, path, { token, body });

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer(), { schedules: false, organisations: ['fi-demo', 'fi-large'] });
    const url = stack.db.url;
    pg = new PgClient({ connectionString: url });
    await pg.connect();
    await pg.query('SET search_path TO invoicing, public');
    const period = today.slice(0, 7);
    await generateBillingData(pg, 'fi-demo', 60, period);
    await generateBillingData(pg, 'fi-large', 2600, period);
  }, 180000);

  afterAll(async () => {
    await pg?.end();
    await stack?.stop();
  });

  it('compares a small population while the request waits, client by client and in total', async () => {
    const started = await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-demo'], draft });
    expect(started.status).toBe(201);
    const run = started.body;
    expect(run).toMatchObject({ state: 'completed', organisationIds: ['fi-demo'], period: nextMonth.slice(0, 7), rulesOf: today, population: 60, draftedBy: 'drafter' });

    // B-3: home care 11 h (19 %), 1 211.03 € gross: 19 % × (1 211.03 − 698) = 97.48 today,
    // 19 % × (1 211.03 − 733) = 90.83 with the limit 5 % higher.
    const clients = (await call('GET', `/what-if-runs/${run.id}/clients?limit=1000`, admin('reader'))).body;
    expect(clients).toHaveLength(60);
    expect(clients.find((c: { clientNumber: string }) => c.clientNumber === 'B-3')).toMatchObject({
      status: 'compared',
      today: '97.48',
      draft: '90.83',
      change: '-6.65',
      direction: 'less',
      todayByService: { HOME: '97.48' },
    });
    // A fixed support fee (B-8) is the same under both.
    expect(clients.find((c: { clientNumber: string }) => c.clientNumber === 'B-8')).toMatchObject({ today: '45.00', draft: '45.00', direction: 'same', todayAtMaximum: false });

    const [summary] = run.summary;
    const compared = clients.filter((c: { status: string }) => c.status === 'compared');
    const sum = (key: 'today' | 'draft') => compared.reduce((total: number, c: Record<string, string>) => total + Math.round(Number(c[key]) * 100), 0);
    expect(summary).toMatchObject({ organisationId: 'fi-demo', currency: 'EUR', clients: 60, compared: compared.length, paysMore: 0 });
    expect(summary.paysLess + summary.paysTheSame).toBe(compared.length);
    expect(Math.round(Number(summary.monthlyRevenue.today) * 100)).toBe(sum('today'));
    expect(Math.round(Number(summary.monthlyRevenue.draft) * 100)).toBe(sum('draft'));
    expect(Number(summary.yearlyRevenue.change)).toBeCloseTo(Number(summary.monthlyRevenue.change) * 12, 2);
    expect(summary.services.map((s: { serviceCode: string }) => s.serviceCode)).toEqual(['HOME', 'LTC', 'SUPPORT']);
    expect(summary.services.find((s: { serviceCode: string }) => s.serviceCode === 'SUPPORT').monthlyRevenue.change).toBe('0.00');

    // Who stops paying, as a filter and in the CSV.
    const stopping = (await call('GET', `/what-if-runs/${run.id}/clients?crosses=zero`, admin('reader'))).body;
    expect(stopping.length).toBe(summary.stopsPaying);
    for (const c of stopping) expect(c).toMatchObject({ crossesZero: 'stops-paying', draft: '0.00' });
    const csv = await fetch(`${stack.service.baseUrl}/what-if-runs/${run.id}/clients.csv`, { headers: { authorization: `Bearer ${admin('reader')}` } });
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Organisation;Client number;Currency;Status;Fee today;Fee in draft;Change;Direction;Crosses zero;Crosses maximum;At maximum today;At maximum in draft;Per service today;Per service in draft;Problems');
    expect(lines).toHaveLength(61);
    expect(lines.find((line) => line.startsWith('fi-demo;B-3;'))).toBe('fi-demo;B-3;EUR;compared;97.48;90.83;-6.65;less;;;no;no;HOME 97.48;HOME 90.83;');

    // Nothing reached billing.
    const [{ n }] = (await pg.query('SELECT count(*)::int AS n FROM billing_run')).rows;
    expect(n).toBe(0);
  });

  it('runs a large population in the whatIfRun workflow, batch by batch', async () => {
    const started = await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-large'], draft });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: 'running', population: 2600, batches: 2 });
    const done = await eventually(() => call('GET', `/what-if-runs/${started.body.id}`, admin('reader')).then((r) => r.body), (run) => run.state !== 'running', 170000);
    expect(done).toMatchObject({ state: 'completed', population: 2600 });
    expect(done.summary[0]).toMatchObject({ organisationId: 'fi-large', clients: 2600 });
    const history = await stack.env.client.workflow.getHandle(`what-if-run-${started.body.id}`).result();
    expect(history).toEqual({ runId: started.body.id, state: 'completed', clients: 2600 });
    // On a shared machine two batches of 1,300 clients can take longer than the suite's minute.
  }, 180000);

  it('approves the draft into dated rule rows: a second administrator, with grounds, once', async () => {
    const run = (await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-demo'], draft })).body;
    const own = await call('POST', `/what-if-runs/${run.id}/approve`, admin('drafter'), { grounds: 'my own draft' });
    expect(own.status).toBe(409);
    expect(own.body.problems).toEqual([{ field: 'approvedBy', reason: 'is the drafter' }]);
    expect((await call('POST', `/what-if-runs/${run.id}/approve`, testToken({ sub: 'officer', roles: ['client-fee-officer'], organisations: ['fi-demo'] }), { grounds: 'x' })).status).toBe(403);

    const approved = await call('POST', `/what-if-runs/${run.id}/approve`, admin('second-admin'), { grounds: 'STM notice of November confirms +5 % (test)' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', approval: { approvedBy: 'second-admin', grounds: 'STM notice of November confirms +5 % (test)' } });
    expect((await call('POST', `/what-if-runs/${run.id}/approve`, admin('third-admin'), { grounds: 'again' })).status).toBe(409);

    const periods = (await call('GET', '/rule-tables/fi-home-care-income-limits', admin('reader'))).body.periods;
    expect(periods.at(-1)).toMatchObject({ validFrom: nextMonth, validTo: null, value: draft.rows[0].value, createdBy: 'second-admin' });
    expect(periods.at(-2)).toMatchObject({ validTo: addDays(nextMonth, -1), value: limits });
    const sql = stack.service.app.get(DataSource);
    const superseded = await sql.query(`SELECT superseded_by, grounds FROM rule_period_superseded WHERE rule_table = 'fi-home-care-income-limits'`);
    expect(superseded).toEqual([{ superseded_by: 'second-admin', grounds: expect.stringMatching(new RegExp(`^what-if run ${run.id}, drafted by drafter, approved by second-admin: STM notice`)) }]);
  });

  it('refuses a bad draft naming the field, and hides another county’s runs', async () => {
    const past = await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-demo'], draft: { ...draft, validFrom: firstDayOfMonth(today) } });
    expect(past.status).toBe(400);
    expect(past.body.problems[0].field).toBe('draft.validFrom');
    const shape = await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-demo'], draft: { ...draft, rows: [{ ...draft.rows[0], value: { bySize: ['1'] } }] } });
    expect(shape.status).toBe(400);
    expect(shape.body.problems[0]).toEqual({ field: 'draft.rows.0.value', reason: 'is missing eachFurtherPerson' });
    const se = await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-demo'], draft: { ...draft, rows: [{ table: 'se-max-fees', validTo: null, source: 'x', value: { priceBaseAmount: '1', maxFee: '1' } }] } });
    expect(se.status).toBe(400);
    expect(se.body.problems[0]).toEqual({ field: 'draft.rows.0.table', reason: 'is a SE table but fi-demo is in FI' });

    const run = (await call('POST', '/what-if-runs', admin('drafter'), { organisationIds: ['fi-demo'], draft })).body;
    const stranger = testToken({ sub: 'x', roles: ['administrator'], organisations: ['fi-other'] });
    expect((await call('GET', `/what-if-runs/${run.id}`, stranger)).status).toBe(404);
    expect((await call('POST', '/what-if-runs', stranger, { organisationIds: ['fi-demo'], draft })).status).toBe(404);
    expect((await call('GET', '/what-if-runs', stranger)).body).toEqual([]);
  });
});
