import { DomainValidationError } from '../errors';
import { PRICE_LIST, client, income, seClient, seService, service, settings } from '../billing/test-fixtures';
import type { ClientBillingInput } from '../billing/types';
import { FI_HOME_CARE_INCOME_LIMITS } from '../fees/fi-home-care-tables';
import { compareHousehold, WhatIfClientResult } from './compare';
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
