import { DomainValidationError } from '../errors';
import { PRICE_LIST, client, income, seClient, seService, service, settings } from '../billing/test-fixtures';
import { calculateHousehold } from '../billing/calculate';
import type { ClientBillingInput, RuleTableSet } from '../billing/types';
import { addDays } from '../dates/local-date';
import { FI_HOME_CARE_INCOME_LIMITS } from '../fees/fi-home-care-tables';
import { FI_PERSONAL_ALLOWANCES } from '../fees/fi-long-term-care-tables';
import type { DatedRow } from '../rule-tables/dated-table';
import { RULE_TABLES } from '../rule-tables/registry';
import { compareHousehold, MAXTAXA_CAP, WhatIfClientResult } from './compare';
import { validateWhatIfDraft, whatIfRuleSets, WhatIfDraft, draftDatedRows } from './draft';
import { mergeWhatIfTallies, tallyWhatIf, whatIfSummary } from './summary';

const TODAY = '2026-12-02';

/** The 2026 FI income limits + 5 %, rounded to whole euros: 698 → 733, 1 289 → 1 353 … */
const plusFivePercent = (values: readonly string[]) => values.map((v) => String(Math.round(Number(v) * 1.05)));
const limits2026 = FI_HOME_CARE_INCOME_LIMITS.at(-1)!.value;
const fiDraft: WhatIfDraft = {
  validFrom: '2027-01-01',
  rows: [
    {
      table: 'fi-home-care-income-limits',
      validTo: null,
      source: 'index review 1.1.2027, assumed +5 %',
      value: { bySize: plusFivePercent(limits2026.bySize), eachFurtherPerson: plusFivePercent([limits2026.eachFurtherPerson])[0] },
    },
  ],
};

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return (error as DomainValidationError).message;
  }
  throw new Error('expected a DomainValidationError');
}

describe('validateWhatIfDraft', () => {
  it('takes a future first of the month, rows of known tables shaped like theirs, an estimate until said otherwise', () => {
    const draft = validateWhatIfDraft(fiDraft, TODAY);
    expect(draft.rows[0]).toMatchObject({ table: 'fi-home-care-income-limits', status: 'estimate', validTo: null });
    expect(draftDatedRows(draft)).toEqual([expect.objectContaining({ table: 'fi-home-care-income-limits', validFrom: '2027-01-01', validTo: null, status: 'estimate' })]);
  });

  it.each([
    [{ ...fiDraft, validFrom: '2026-12-01' }, 'validFrom: must be after today (2026-12-02): a what-if is for a period that has not begun'],
    [{ ...fiDraft, validFrom: '2027-01-15' }, 'validFrom: must be the first day of a month: fees are billed by calendar month'],
    [{ ...fiDraft, rows: [] }, 'rows: must name at least one rule table row'],
    [{ ...fiDraft, rows: [{ ...fiDraft.rows[0], table: 'fi-tax' as never }] }, /^rows\.0\.table: must be one of fi-home-care-income-limits, /],
    [{ ...fiDraft, rows: [fiDraft.rows[0], fiDraft.rows[0]] }, 'rows.1.table: names fi-home-care-income-limits twice'],
    [{ ...fiDraft, rows: [{ ...fiDraft.rows[0], value: { bySize: ['1'] } }] }, 'rows.0.value: is missing eachFurtherPerson'],
    [{ ...fiDraft, rows: [{ ...fiDraft.rows[0], validTo: '2027-01-30' }] }, "rows.0.validTo: must not end before 2027-01-31, the end of the draft's first month"],
    [{ ...fiDraft, rows: [{ ...fiDraft.rows[0], source: ' ' }] }, 'rows.0.source: must say where the figures come from'],
  ])('refuses %j', (draft, reason) => {
    if (typeof reason === 'string') expect(reasonOf(() => validateWhatIfDraft(draft as WhatIfDraft, TODAY))).toBe(reason);
    else expect(reasonOf(() => validateWhatIfDraft(draft as WhatIfDraft, TODAY))).toMatch(reason);
  });
});

describe('whatIfRuleSets', () => {
  it('applies the rows in force today to the draft’s month, and the draft’s rows in the draft set', () => {
    const rules = whatIfRuleSets({}, validateWhatIfDraft(fiDraft, TODAY), TODAY);
    expect(rules.period).toBe('2027-01');
    const today = rules.today['fi-home-care-income-limits'];
    expect(today).toEqual([expect.objectContaining({ validFrom: '2027-01-01', validTo: '2027-01-31', value: limits2026 })]);
    expect(today[0].source).toMatch(/\[in force on 2026-12-02\]$/);
    expect(rules.draft['fi-home-care-income-limits'][0].value).toEqual(fiDraft.rows[0].value);
    // Tables the draft does not name are today's in both.
    expect(rules.draft['fi-personal-allowances']).toEqual(rules.today['fi-personal-allowances']);
  });
});

const homeCare = (serviceCost = '5000.00') => service({ validFrom: '2026-01-01', serviceCost });
const fiClient = (clientId: string, gross: string, serviceCost?: string): ClientBillingInput =>
  client({ clientId, clientNumber: `C-${clientId}`, period: '2026-12', income: income({ grossMonthlyIncome: gross }), services: [homeCare(serviceCost)] });
const byId = (results: WhatIfClientResult[]) => Object.fromEntries(results.map((r) => [r.clientId, r]));

describe('compareHousehold: Finnish home care with the income limits 5 % higher', () => {
  const rules = whatIfRuleSets({}, validateWhatIfDraft(fiDraft, TODAY), TODAY);
  const compare = (c: ClientBillingInput) => compareHousehold({ organisationId: 'fi-demo', clients: [c], priceList: PRICE_LIST }, rules)[0];

  it('charges less above the limit: 35 % × (2 000 − 698) = 455.70 today, 35 % × (2 000 − 733) = 443.45 in the draft', () => {
    expect(compare(fiClient('a', '2000.00'))).toMatchObject({
      status: 'compared',
      today: { total: '455.70', byService: { HC: '455.70' }, atMaximum: false },
      draft: { total: '443.45', byService: { HC: '443.45' }, atMaximum: false },
      change: '-12.25',
      direction: 'less',
      crossesZero: null,
      crossesMaximum: null,
    });
  });

  it('lets a client between the old and the new limit stop paying', () => {
    // 720 €: 35 % × 22 = 7.70 today, nothing above 733.
    expect(compare(fiClient('b', '720.00'))).toMatchObject({ today: { total: '7.70' }, draft: { total: '0.00' }, direction: 'less', crossesZero: 'stops-paying' });
  });

  it('shows who leaves the maximum (the service cost) and who stays at it', () => {
    // Cost 450: 455.70 is capped at 450 today; 443.45 in the draft is below it.
    expect(compare(fiClient('c', '2000.00', '450.00'))).toMatchObject({ today: { total: '450.00', atMaximum: true }, draft: { total: '443.45', atMaximum: false }, crossesMaximum: 'leaves-maximum' });
    expect(compare(fiClient('d', '2000.00', '100.00'))).toMatchObject({ today: { total: '100.00', atMaximum: true }, draft: { total: '100.00', atMaximum: true }, direction: 'same', crossesMaximum: null });
  });

  it('leaves a fixed monthly fee as it is, and never calls it a maximum', () => {
    const support = { ...fiClient('g', '2000.00'), services: [service({ serviceCode: 'SUP', kind: 'fixed-monthly', monthlyFee: '45.00', hoursPerMonth: null, serviceCost: '0.00', validFrom: '2026-01-01' })] };
    expect(compare(support)).toMatchObject({ today: { total: '45.00', atMaximum: false }, draft: { total: '45.00', atMaximum: false }, change: '0.00', direction: 'same' });
  });

  it('does not compare a client the billing calculation refuses, and says why', () => {
    const result = compare({ ...fiClient('e', '2000.00'), income: null });
    expect(result).toMatchObject({ status: 'not-compared', today: null, draft: null, change: null });
    expect(result.problems[0]).toMatch(/income is missing/);
  });

  it('compares today’s services for the whole month, whatever their dates, without the month’s absences or corrections', () => {
    const busy = { ...fiClient('f', '2000.00'), services: [service({ validFrom: '2026-12-15' })], corrections: [{ id: 'k', amount: '-50.00', text: 'x', itemCode: null }] };
    expect(compare(busy)).toMatchObject({ today: { total: '455.70' }, draft: { total: '443.45' } });
  });
});

describe('compareHousehold: Swedish couples and a higher maxtaxa', () => {
  // prisbasbelopp 2027 assumed 60 000 kr: maxtaxa 0.5392 × 60 000 / 12 = 2 696; minimum amounts 7 395 / 6 033.
  const seDraft = validateWhatIfDraft(
    {
      validFrom: '2027-01-01',
      rows: [
        { table: 'se-max-fees', validTo: '2027-12-31', source: 'prisbasbelopp 2027 assumed 60 000 kr', value: { priceBaseAmount: '60000', maxFee: '2696' } },
        { table: 'se-minimum-amounts', validTo: '2027-12-31', source: 'prisbasbelopp 2027 assumed 60 000 kr', value: { single: '7395', cohabitingEach: '6033' } },
      ],
    },
    TODAY,
  );
  const rules = whatIfRuleSets({}, seDraft, TODAY);
  const se = (clientId: string, net: string, overrides: Partial<ClientBillingInput> = {}) =>
    seClient({ clientId, period: '2026-12', income: income({ netMonthlyIncome: net, housingCost: '0.00' }), services: [seService({ validFrom: '2026-01-01', serviceCost: '5000.00' })], ...overrides });

  it('moves a client paying maxtaxa up with it (they reach the new maximum) and one with a small fee room to nothing', () => {
    const results = byId(compareHousehold({ organisationId: 'se-demo', clients: [se('rich', '20000.00')], priceList: PRICE_LIST }, rules));
    expect(results.rich).toMatchObject({ today: { total: '2660.00', atMaximum: true }, draft: { total: '2696.00', atMaximum: true }, change: '36.00', direction: 'more' });
    // 7 350 − 7 296 = 54 today; 7 350 − 7 395 < 0 in the draft.
    const poor = compareHousehold({ organisationId: 'se-demo', clients: [se('poor', '7350.00')], priceList: PRICE_LIST }, rules)[0];
    expect(poor).toMatchObject({ today: { total: '54.00' }, draft: { total: '0.00' }, crossesZero: 'stops-paying' });
  });

  it('pools a married couple and not cohabitants, under both rule sets', () => {
    const couple = settings({ feeCalculationType: 'couple', parishCode: '058003' });
    const cohabiting = settings({ feeCalculationType: 'cohabiting', parishCode: '058003' });
    const married = byId(compareHousehold({ organisationId: 'se-demo', clients: [se('m1', '14000.00', { settings: couple }), se('m2', '8000.00', { settings: couple })], priceList: PRICE_LIST }, rules));
    const sambor = byId(compareHousehold({ organisationId: 'se-demo', clients: [se('s1', '14000.00', { settings: cohabiting }), se('s2', '8000.00', { settings: cohabiting })], priceList: PRICE_LIST }, rules));
    // Married: 11 000 each counted, both at maxtaxa. Cohabitants: 8 000 − 5 953 = 2 047 today, 8 000 − 6 033 = 1 967 in the draft.
    expect([married.m1.today?.total, married.m2.today?.total, married.m2.draft?.total]).toEqual(['2660.00', '2660.00', '2696.00']);
    expect([sambor.s1.today?.total, sambor.s2.today?.total, sambor.s2.draft?.total]).toEqual(['2660.00', '2047.00', '1967.00']);
  });
});

describe('the what-if totals', () => {
  const rules = whatIfRuleSets({}, validateWhatIfDraft(fiDraft, TODAY), TODAY);
  const clients = [fiClient('a', '2000.00'), fiClient('b', '720.00'), fiClient('c', '2000.00', '450.00'), fiClient('d', '650.00'), { ...fiClient('e', '2000.00'), income: null }];
  const results = clients.flatMap((c) => compareHousehold({ organisationId: 'fi-demo', clients: [c], priceList: PRICE_LIST }, rules));

  it('count who pays more, less, the same, who starts or stops paying, who reaches or leaves the maximum', () => {
    const [summary] = whatIfSummary(tallyWhatIf(results));
    expect(summary).toMatchObject({
      organisationId: 'fi-demo',
      currency: 'EUR',
      clients: 5,
      compared: 4,
      notCompared: 1,
      paysMore: 0,
      paysLess: 3,
      paysTheSame: 1,
      startsPaying: 0,
      stopsPaying: 1,
      reachesMaximum: 0,
      leavesMaximum: 1,
    });
  });

  it('give the change in revenue a month and a year, per organisation and per service', () => {
    const [summary] = whatIfSummary(tallyWhatIf(results));
    // Today 455.70 + 7.70 + 450.00 + 0 = 913.40; draft 443.45 + 0 + 443.45 + 0 = 886.90.
    expect(summary.monthlyRevenue).toEqual({ today: '913.40', draft: '886.90', change: '-26.50' });
    expect(summary.yearlyRevenue).toEqual({ today: '10960.80', draft: '10642.80', change: '-318.00' });
    expect(summary.services).toEqual([{ serviceCode: 'HC', clients: 4, monthlyRevenue: summary.monthlyRevenue, yearlyRevenue: summary.yearlyRevenue }]);
  });

  it('add up the same in batches as all at once', () => {
    const inBatches = mergeWhatIfTallies(tallyWhatIf(results.slice(0, 2)), tallyWhatIf(results.slice(2)));
    expect(whatIfSummary(inBatches)).toEqual(whatIfSummary(tallyWhatIf(results)));
  });
});

describe('a what-if result is the billing calculation’s for the same inputs', () => {
  // The what-if promises that its two fees are what billing would charge: today's under the rows
  // in force, the draft's once the draft is approved into dated rows. Bill the same households for
  // this month with the shipped tables and for the draft's month with the draft approved, and
  // compare client by client and service by service.
  const approved = (draft: WhatIfDraft): RuleTableSet => {
    const tables: Record<string, DatedRow<unknown>[]> = {};
    for (const { table, ...row } of draftDatedRows(draft)) {
      const dayBefore = addDays(row.validFrom, -1);
      const kept = RULE_TABLES[table].shipped.filter((r) => r.validFrom < row.validFrom).map((r) => (r.validTo === null || r.validTo > dayBefore ? { ...r, validTo: dayBefore } : r));
      tables[table] = [...kept, row];
    }
    return tables;
  };
  const inMonth = (c: ClientBillingInput, period: string): ClientBillingInput => ({
    ...c,
    period,
    services: c.services.map((s) => ({ ...s, validFrom: `${period}-01`, validTo: null })),
  });
  const billed = (clients: readonly ClientBillingInput[], period: string, ruleTables: RuleTableSet) =>
    calculateHousehold({ period, clients: clients.map((c) => inMonth(c, period)), priceList: PRICE_LIST, ruleTables }).map((r) => {
      const sums: Record<string, number> = {};
      if (r.status === 'calculated') for (const row of r.rows) sums[row.code ?? MAXTAXA_CAP] = (sums[row.code ?? MAXTAXA_CAP] ?? 0) + Math.round(Number(row.amount) * 100);
      return r.status === 'calculated' ? { total: r.total, byService: sums } : { total: null, byService: {} };
    });
  const asCents = (fee: { total: string; byService: Readonly<Record<string, string>> } | null) =>
    fee === null ? { total: null, byService: {} } : { total: fee.total, byService: Object.fromEntries(Object.entries(fee.byService).map(([k, v]) => [k, Math.round(Number(v) * 100)])) };

  const check = (draft: WhatIfDraft, households: ClientBillingInput[][], organisationId: string) => {
    const rules = whatIfRuleSets({}, validateWhatIfDraft(draft, TODAY), TODAY);
    let compared = 0;
    for (const clients of households) {
      const results = compareHousehold({ organisationId, clients, priceList: PRICE_LIST }, rules);
      const today = billed(clients, '2026-12', {});
      const drafted = billed(clients, '2027-01', approved(draft));
      results.forEach((result, i) => {
        expect([result.clientId, asCents(result.today)]).toEqual([clients[i].clientId, today[i]]);
        expect([result.clientId, asCents(result.draft)]).toEqual([clients[i].clientId, drafted[i]]);
        if (result.status === 'compared') compared++;
      });
    }
    return compared;
  };

  it('Finland: home care by hours and household size, long-term care and its allowance, a couple, a fixed fee', () => {
    const allowances = FI_PERSONAL_ALLOWANCES.at(-1)!.value;
    const draft: WhatIfDraft = {
      validFrom: '2027-01-01',
      rows: [
        fiDraft.rows[0],
        { table: 'fi-personal-allowances', validTo: null, source: 'index review 1.1.2027, assumed +5 %', value: Object.fromEntries(Object.entries(allowances).map(([k, v]) => [k, plusFivePercent([v])[0]])) },
      ],
    };
    const households: ClientBillingInput[][] = [];
    for (let i = 0; i < 120; i++) {
      const gross = (600 + ((i * 37.3) % 2400)).toFixed(2);
      const net = (Number(gross) * 0.8).toFixed(2);
      const homeCare = service({ serviceCode: 'HOME', hoursPerMonth: String(2 + (i % 45)), serviceCost: i % 7 === 0 ? '300.00' : '5000.00' });
      const longTerm = service({ serviceCode: 'LTC', kind: 'fi-long-term-care', hoursPerMonth: null, careType: i % 3 === 0 ? 'institutional-care' : 'enhanced-service-housing', serviceCost: '4000.00' });
      const base = { clientNumber: `C-${i}`, period: '2026-12' };
      if (i % 10 === 0) {
        const couple = settings({ feeCalculationType: 'couple' });
        households.push([
          client({ ...base, clientId: `${i}a`, settings: couple, income: income({ grossMonthlyIncome: gross, netMonthlyIncome: net, householdSize: 2 }), services: [longTerm] }),
          client({ ...base, clientId: `${i}b`, settings: couple, income: income({ grossMonthlyIncome: '900.00', netMonthlyIncome: '760.00', householdSize: 2 }), services: [homeCare] }),
        ]);
      } else if (i % 4 === 1) {
        households.push([client({ ...base, clientId: `${i}`, income: income({ netMonthlyIncome: net, deductions: i % 8 === 1 ? '50.00' : '0.00' }), services: [longTerm] })]);
      } else if (i % 9 === 2) {
        households.push([client({ ...base, clientId: `${i}`, services: [service({ serviceCode: 'SUP', kind: 'fixed-monthly', monthlyFee: '45.00', hoursPerMonth: null, serviceCost: '0.00' })] })]);
      } else {
        households.push([client({ ...base, clientId: `${i}`, income: income({ grossMonthlyIncome: gross, householdSize: 1 + (i % 8) }), services: [homeCare] })]);
      }
    }
    expect(check(draft, households, 'fi-demo')).toBe(132);
  });

  it('Sweden: single, married and cohabiting clients around the minimum amounts and maxtaxa', () => {
    const draft: WhatIfDraft = {
      validFrom: '2027-01-01',
      rows: [
        { table: 'se-max-fees', validTo: '2027-12-31', source: 'prisbasbelopp 2027 assumed 60 000 kr', value: { priceBaseAmount: '60000', maxFee: '2696' } },
        { table: 'se-minimum-amounts', validTo: '2027-12-31', source: 'prisbasbelopp 2027 assumed 60 000 kr', value: { single: '7395', cohabitingEach: '6033' } },
      ],
    };
    const households: ClientBillingInput[][] = [];
    for (let i = 0; i < 60; i++) {
      const net = (5500 + ((i * 311) % 7000)).toFixed(2);
      const elderly = seService({ serviceCode: 'ELD', serviceCost: i % 5 === 0 ? '800.00' : '5000.00' });
      const se = (clientId: string, netIncome: string, kind: 'single' | 'couple' | 'cohabiting') =>
        seClient({ clientId, clientNumber: `S-${clientId}`, period: '2026-12', settings: settings({ feeCalculationType: kind, parishCode: '058003' }), income: income({ netMonthlyIncome: netIncome, housingCost: i % 3 === 0 ? '1500.00' : '0.00' }), services: [elderly] });
      if (i % 4 === 0) households.push([se(`${i}a`, net, 'couple'), se(`${i}b`, '6200.00', 'couple')]);
      else if (i % 4 === 1) households.push([se(`${i}a`, net, 'cohabiting'), se(`${i}b`, '6200.00', 'cohabiting')]);
      else households.push([se(`${i}`, net, 'single')]);
    }
    expect(check(draft, households, 'se-demo')).toBe(90);
  });
});
