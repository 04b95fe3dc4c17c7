import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { localDateInZone, referenceRateRuleTable, RULE_TABLE_NAMES } from '@clientfees/domain';
import { InvoicingMessages, RuleTableRow } from '@clientfees/contracts';
import { sendServiceMessage } from '@clientfees/platform';
import { startDevServer, TEST_SIGNING_KEY } from '@clientfees/testing';
import { InvoicingStack, startInvoicingStack } from './invoicing-stack';

/**
 * The rule tables through the REST API on a real Postgres (docs/rules.md): the migrated tables
 * cover every day from the reform to the end of next year, the rows nobody has confirmed are
 * listed for an administrator, and a correction keeps the row it replaces with who, when and why.
 */
describe('rule tables', () => {
  let stack: InvoicingStack;
  const admin = { roles: ['administrator' as const] };
  const today = localDateInZone(Date.now(), 'Europe/Helsinki');

  beforeAll(async () => {
    stack = await startInvoicingStack(await startDevServer(), { schedules: false });
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  const readOverTcp = async (name: string): Promise<RuleTableRow[]> => {
    const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: stack.tcpPort } });
    try {
      // As collection asks: signed, from the one sender the message names (ADR 0013).
      return await sendServiceMessage<RuleTableRow[]>(client, InvoicingMessages.getRuleTable, { name }, 'collection', TEST_SIGNING_KEY);
    } finally {
      client.close();
    }
  };

  it('covers every day from the reform (FI 1.7.2021, SE 1.1.2021) to the end of next year, and lists what nobody has confirmed', async () => {
    const coverage = await stack.service.request('GET', '/rule-tables/coverage', { roles: ['client-fee-officer'] });
    expect(coverage.status).toBe(200);
    expect(coverage.body.map((t: { name: string }) => t.name)).toEqual([...RULE_TABLE_NAMES]);
    const nextYearEnd = `${Number(today.slice(0, 4)) + 1}-12-31`;
    // A price list is each organisation's own (the shipped row is one municipality's 2018 example):
    // its gaps are reported for the organisation to fill; a statutory table has none.
    for (const table of coverage.body.filter((t: { kind: string }) => t.kind === 'statutory')) {
      expect({ name: table.name, gaps: table.gaps, requiredTo: table.requiredTo }).toEqual({ name: table.name, gaps: [], requiredTo: nextYearEnd });
      expect(table.requiredFrom).toBe(table.country === 'FI' ? '2021-07-01' : '2021-01-01');
      expect(table.law).toEqual(expect.any(String));
    }
    expect(coverage.body.filter((t: { kind: string }) => t.kind === 'statutory')).toHaveLength(RULE_TABLE_NAMES.length - 1);
    const byName = Object.fromEntries(coverage.body.map((t: { name: string }) => [t.name, t]));
    // The 2024–2025 käyttövara is an estimate by the index rule until the notice's figures are entered.
    expect(byName['fi-personal-allowances'].toConfirm).toEqual(expect.arrayContaining([expect.objectContaining({ validFrom: '2024-01-01', validTo: '2025-12-31', status: 'estimate' })]));
    // The half-years whose reference rate nobody has published: every shipped estimate not yet past.
    const ahead = referenceRateRuleTable('FI').filter((row) => row.status === 'estimate' && row.validTo !== null && row.validTo >= today);
    expect(byName['fi-reference-rates'].unconfirmedAhead.map((r: { validFrom: string }) => r.validFrom)).toEqual(ahead.map((row) => row.validFrom));
    expect((await stack.service.request('GET', '/rule-tables/coverage', { token: null })).status).toBe(401);
  });

  it('keeps statutory tables as dated data: a new period closes the open one, an overlap is refused', async () => {
    const tables = await stack.service.request('GET', '/rule-tables', admin);
    expect(tables.body.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['fi-home-care-income-limits', 'se-max-fees']));
    expect(tables.body.find((t: { name: string }) => t.name === 'fi-home-care-income-limits').toCheck).toBeGreaterThan(0);

    const before = (await stack.service.request('GET', '/rule-tables/fi-home-care-income-limits', admin)).body.periods;
    const open = before.at(-1);
    expect(open).toMatchObject({ validTo: null, status: 'estimate', toCheck: true, createdBy: 'shipped' });
    const added = await stack.service.request('POST', '/rule-tables/fi-home-care-income-limits/periods', {
      ...admin,
      body: { validFrom: '2028-01-01', source: 'STM ilmoitus (index review 1.1.2028) — test', value: open.value },
    });
    expect(added.status).toBe(201);
    const after = added.body.periods;
    expect(after.at(-2)).toMatchObject({ validFrom: open.validFrom, validTo: '2027-12-31' });
    expect(after.at(-1)).toMatchObject({ validFrom: '2028-01-01', validTo: null, status: 'confirmed', toCheck: false, createdBy: 'test-user' });
    // Append-only: the open row as it was is kept, with who closed it and why.
    expect((await stack.service.request('GET', '/rule-tables/fi-home-care-income-limits/superseded', admin)).body).toEqual([
      expect.objectContaining({ validFrom: open.validFrom, validTo: null, createdBy: 'shipped', supersededBy: 'test-user', grounds: 'new period from 2028-01-01: STM ilmoitus (index review 1.1.2028) — test' }),
    ]);

    const sePeriods = (await stack.service.request('GET', '/rule-tables/se-max-fees', admin)).body.periods;
    const closed = sePeriods.at(-1);
    expect(closed.validTo).not.toBeNull();
    const overlap = await stack.service.request('POST', '/rule-tables/se-max-fees/periods', { ...admin, body: { validFrom: closed.validFrom, source: 'test', value: closed.value } });
    expect(overlap.status).toBe(409);
    expect(overlap.body.problems[0].field).toBe('validFrom');
    const gap = await stack.service.request('POST', '/rule-tables/se-max-fees/periods', { ...admin, body: { validFrom: '2030-01-01', source: 'test', value: closed.value } });
    expect(gap.status).toBe(400);
    expect(gap.body.problems[0]).toEqual({ field: 'validFrom', reason: expect.stringMatching(/^se-max-fees: has a gap: no rule from /) });

    const badValue = await stack.service.request('POST', '/rule-tables/fi-home-care-income-limits/periods', {
      ...admin,
      body: { validFrom: '2029-01-01', source: 'test', value: { nonsense: '1' } },
    });
    expect(badValue.status).toBe(400);
    expect(badValue.body.problems[0].field).toBe('value');
    const badStatus = await stack.service.request('POST', '/rule-tables/fi-home-care-income-limits/periods', { ...admin, body: { validFrom: '2029-01-01', source: 'test', status: 'guess', value: open.value } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.problems[0].field).toBe('status');
    expect((await stack.service.request('GET', '/rule-tables/no-such-table', admin)).status).toBe(404);
    expect((await stack.service.request('POST', '/rule-tables/se-max-fees/periods', { roles: ['finance-centre'], body: {} })).status).toBe(403);
  });

  it('enters a published reference rate: the estimate is kept as superseded with who, when and why, and collection reads the rate at once', async () => {
    const estimate = referenceRateRuleTable('FI').find((row) => row.validFrom === '2027-01-01')!;
    expect(estimate.status).toBe('estimate');
    const body = { source: 'Suomen Pankin ilmoitus viitekorosta 1.1.–30.6.2027 (test)', status: 'confirmed', value: { referenceRatePercent: '2.00' }, grounds: 'the Bank of Finland published the rate' };
    const corrected = await stack.service.request('PUT', '/rule-tables/fi-reference-rates/periods/2027-01-01', { ...admin, body });
    expect(corrected.status).toBe(200);
    expect(corrected.body.periods.find((p: { validFrom: string }) => p.validFrom === '2027-01-01')).toMatchObject({
      validTo: '2027-06-30',
      status: 'confirmed',
      value: { referenceRatePercent: '2.00' },
      source: body.source,
      createdBy: 'test-user',
    });

    const superseded = await stack.service.request('GET', '/rule-tables/fi-reference-rates/superseded', admin);
    expect(superseded.body).toEqual([
      expect.objectContaining({ validFrom: '2027-01-01', validTo: '2027-06-30', status: 'estimate', createdBy: 'shipped', supersededBy: 'test-user', grounds: body.grounds, value: { referenceRatePercent: estimate.value.referenceRatePercent } }),
    ]);
    expect(Date.parse(superseded.body[0].supersededAt)).toBeGreaterThan(Date.now() - 60_000);

    const coverage = (await stack.service.request('GET', '/rule-tables/coverage', admin)).body.find((t: { name: string }) => t.name === 'fi-reference-rates');
    expect(coverage.unconfirmedAhead.map((r: { validFrom: string }) => r.validFrom)).not.toContain('2027-01-01');
    expect(coverage.gaps).toEqual([]);

    const overTcp = await readOverTcp('fi-reference-rates');
    expect(overTcp.find((row) => row.validFrom === '2027-01-01')).toMatchObject({ status: 'confirmed', value: { referenceRatePercent: '2.00' } });
  });

  it('corrects part of a period: the rest keeps the shipped row, and nothing is left uncovered', async () => {
    const corrected = await stack.service.request('PUT', '/rule-tables/se-reference-rates/periods/2027-07-01', {
      ...admin,
      body: { validTo: '2027-09-30', source: 'test: a narrower period', status: 'check', value: { referenceRatePercent: '1.50' }, grounds: 'test of a partial correction' },
    });
    expect(corrected.status).toBe(200);
    const periods = corrected.body.periods.filter((p: { validFrom: string }) => p.validFrom >= '2027-07-01');
    expect(periods.map((p: { validFrom: string; validTo: string; createdBy: string; status: string }) => [p.validFrom, p.validTo, p.createdBy, p.status])).toEqual([
      ['2027-07-01', '2027-09-30', 'test-user', 'check'],
      ['2027-10-01', '2027-12-31', 'shipped', 'estimate'],
    ]);
  });

  it('refuses a bad correction naming the field, and an unknown period or caller', async () => {
    const good = { source: 'test', status: 'confirmed', value: { referenceRatePercent: '2.00' }, grounds: 'test' };
    const cases: Array<[string, object, number, string | undefined]> = [
      ['/rule-tables/fi-reference-rates/periods/2027-07-01', { ...good, validTo: '2027-06-30' }, 400, 'validTo'],
      ['/rule-tables/fi-reference-rates/periods/2027-07-01', { ...good, grounds: '' }, 400, 'grounds'],
      ['/rule-tables/fi-reference-rates/periods/2027-07-01', { ...good, value: { referenceRatePercent: 'two' } }, 400, 'value.referenceRatePercent'],
      ['/rule-tables/fi-reference-rates/periods/2027-07-01', { ...good, validTo: '31.12.2027' }, 400, 'validTo'],
      ['/rule-tables/fi-reference-rates/periods/2027-02-01', good, 404, undefined],
      ['/rule-tables/fi-reference-rates/periods/2027-02-30', good, 400, 'validFrom'],
    ];
    for (const [path, body, status, field] of cases) {
      const response = await stack.service.request('PUT', path, { ...admin, body });
      expect({ path, body, status: response.status }).toEqual({ path, body, status });
      if (field !== undefined) expect(response.body.problems[0].field).toBe(field);
    }
    expect((await stack.service.request('PUT', '/rule-tables/fi-reference-rates/periods/2027-07-01', { roles: ['client-fee-officer'], body: good })).status).toBe(403);
    // Nothing was written by the refusals.
    expect((await stack.service.request('GET', '/rule-tables/fi-reference-rates/superseded', admin)).body.map((r: { validFrom: string }) => r.validFrom)).toEqual(['2027-01-01']);
  });
});
