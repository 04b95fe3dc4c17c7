import { decimal } from '../money/decimal';
import { calculateHousehold } from './calculate';
import {
  FI_ADDRESS,
  absence,
  amounts,
  calculated,
  client,
  failed,
  fixed,
  household,
  income,
  rent,
  seClient,
  seService,
  service,
  settings,
} from './test-fixtures';
import type { ClientBillingInput, HouseholdBillingInput } from './types';

const one = (input: HouseholdBillingInput) => calculateHousehold(input)[0];
const alone = (overrides: Partial<ClientBillingInput> = {}) => one(household([client(overrides)]));
const seAlone = (overrides: Partial<ClientBillingInput> = {}) => one(household([seClient(overrides)]));
const codes = (overrides: Partial<ClientBillingInput>, make = client) => failed(one(household([make(overrides)]))).errors.map((e) => [e.code, e.field]);
const row = (label: string, validFrom = '2024-01-01', validTo: string | null = null) => ({ validFrom, validTo, source: 'organisation price list 2024', value: label });

describe('calculateHousehold: care fees', () => {
  it('charges FI home care from the fee rule and keeps its explanation', () => {
    const result = calculated(alone({ services: [service()] }));
    // 35 % × (2 000.00 − 653.00) = 471.45
    expect(amounts(result)).toEqual([['care-fee', '471.45']]);
    expect(result.total).toBe('471.45');
    const [fee] = result.rows;
    expect(fee).toMatchObject({ description: 'Home care', code: 'HC', quantity: null, unitPrice: null, accountString: '4100-2310-511' });
    expect(fee.explanation.rules.map((r) => r.table)).toEqual(['FI home-care income limits', 'FI home-care percentages']);
    expect(fee.explanation.inputs).toMatchObject({ date: '2024-06-01', householdSize: '1', grossMonthlyIncome: '2000.00', serviceCost: '5000.00' });
    expect(fee.explanation.lines).toContain('fee 471.45 EUR a month');
  });

  describe('an income from the official’s fee decision (income verification)', () => {
    const feeDecision = {
      decisionId: 'decision-7',
      decidedOn: '2024-05-20',
      fee: '430.00',
      service: { kind: 'fi-home-care', hoursPerMonth: '38.0' },
      incomeSources: ['Incomes Register report 04b5da471c38f8772fe1d994d75c7927 (1001, 11/2023–04/2024)'],
      rules: [{ table: 'FI home-care percentages', validFrom: '2021-07-01', validTo: null, source: 'Act 734/1992' }],
    } as const;

    it('bills the decided fee for the service it was decided for, the explanation naming the decision, the authority record and the rule version', () => {
      const result = calculated(alone({ income: income({ feeDecision }), services: [service()] }));
      // The rules would give 471.45; the official decided 430.00 (an adjusted decision).
      expect(amounts(result)).toEqual([['care-fee', '430.00']]);
      const { explanation } = result.rows[0];
      expect(explanation.inputs).toMatchObject({ feeDecision: 'decision-7', decidedFee: '430.00' });
      expect(explanation.rules).toEqual(feeDecision.rules);
      expect(explanation.lines).toEqual([
        'fee decision decision-7 of 2024-05-20: 430.00 EUR a month, as the official decided',
        'income from Incomes Register report 04b5da471c38f8772fe1d994d75c7927 (1001, 11/2023–04/2024)',
        'rule FI home-care percentages 2021-07-01– (Act 734/1992)',
      ]);
    });

    it('prorates the decided fee like any monthly fee', () => {
      const result = calculated(alone({ income: income({ feeDecision }), services: [service({ validFrom: '2024-06-16' })] }));
      // 430.00 × 15 / 30
      expect(amounts(result)).toEqual([['care-fee', '215.00']]);
    });

    it('calculates from the rules again once the service differs from the one decided (other hours, other kind)', () => {
      expect(amounts(alone({ income: income({ feeDecision }), services: [service({ hoursPerMonth: '20' })] }))).not.toEqual([['care-fee', '430.00']]);
      expect(amounts(alone({ income: income({ feeDecision }), services: [service()] }))).toEqual([['care-fee', '430.00']]);
      expect(amounts(alone({ income: income({ feeDecision: { ...feeDecision, service: { kind: 'fi-long-term-care', hoursPerMonth: null } } }), services: [service()] }))).toEqual([['care-fee', '471.45']]);
    });
  });

  it('charges a fixed monthly fee as decided', () => {
    expect(amounts(alone({ services: [fixed('120.00')] }))).toEqual([['care-fee', '120.00']]);
  });

  it('charges the maximum fee to a client who accepts it, with or without income', () => {
    const maxFee = settings({ acceptsMaximumFee: true });
    // FI: the maximum is the service cost.
    expect(amounts(alone({ settings: maxFee, income: null, services: [service({ serviceCost: '812.40' })] }))).toEqual([['care-fee', '812.40']]);
    expect(amounts(alone({ settings: maxFee, services: [service({ serviceCost: '812.40' })] }))).toEqual([['care-fee', '812.40']]);
    // SE: maxtaxa 2 575 kr (2024), the service costs more.
    const se = calculated(seAlone({ settings: settings({ acceptsMaximumFee: true, parishCode: '058003' }), income: null, services: [seService({ serviceCost: '9000.00' })] }));
    expect(amounts(se)).toEqual([['care-fee', '2575.00']]);
    expect(se.rows[0].explanation.lines[0]).toMatch(/accepterar maxavgift/);
  });

  it('charges SE elderly care in kronor: single, fee room above maxtaxa', () => {
    // 20 000 − (7 062 + 5 000) = 7 938 fee room; min(7 938, 3 000, 2 575) = 2 575
    expect(amounts(seAlone({ services: [seService()] }))).toEqual([['care-fee', '2575.00']]);
  });

  it('skips services that are not valid in the period', () => {
    const ended = service({ serviceCode: 'OLD', validTo: '2024-05-31' });
    const future = service({ serviceCode: 'NEW', validFrom: '2024-07-01' });
    const result = calculated(alone({ services: [ended, future] }));
    expect(result.rows).toEqual([]);
    expect(result.total).toBe('0.00');
  });
});

describe('calculateHousehold: couples are calculated together', () => {
  const ltc = (overrides = {}) => service({ serviceCode: 'LTC', description: 'Enhanced service housing', kind: 'fi-long-term-care', hoursPerMonth: null, careType: 'enhanced-service-housing', ...overrides });
  const couple = settings({ feeCalculationType: 'couple' });

  it('applies the FI spouse rule when the spouse lives at home and earns less', () => {
    const inCare = client({ clientId: 'a', settings: couple, income: income({ netMonthlyIncome: '2000.00' }), services: [ltc()] });
    const atHome = client({ clientId: 'b', name: 'Eino Testinen', settings: couple, income: income({ netMonthlyIncome: '1000.00' }) });
    const [a, b] = calculateHousehold(household([inCare, atHome]));
    // 42.5 % × (2 000 + 1 000) = 1 275.00 < 85 % × 2 000 = 1 700.00; 2 000 − käyttövara 167 = 1 833 leaves room.
    expect(amounts(a)).toEqual([['care-fee', '1275.00']]);
    expect(calculated(a).rows[0].explanation.lines[0]).toMatch(/^spouse rule/);
    expect(calculated(a).rows[0].explanation.inputs.spouseNetMonthlyIncome).toBe('1000.00');
    expect(calculated(b)).toMatchObject({ clientId: 'b', rows: [], total: '0.00' });
  });

  it('charges each spouse on their own income when both are in long-term care', () => {
    const a = client({ clientId: 'a', settings: couple, income: income({ netMonthlyIncome: '2000.00' }), services: [ltc()] });
    const b = client({ clientId: 'b', settings: couple, income: income({ netMonthlyIncome: '1000.00' }), services: [ltc()] });
    const [first, second] = calculateHousehold(household([a, b]));
    // a: 85 % × 2 000 = 1 700.00 (≤ 2 000 − 182); b: 85 % × 1 000 = 850 but 1 000 − käyttövara 182 (2024) = 818.00 must remain.
    expect(amounts(first)).toEqual([['care-fee', '1700.00']]);
    expect(amounts(second)).toEqual([['care-fee', '818.00']]);
    expect(calculated(first).rows[0].explanation.inputs.spouseNetMonthlyIncome).toBeUndefined();
  });

  it('treats Finnish cohabitants as spouses: the spouse rule applies', () => {
    const cohabiting = settings({ feeCalculationType: 'cohabiting' });
    const inCare = client({ clientId: 'a', settings: cohabiting, income: income({ netMonthlyIncome: '2000.00' }), services: [ltc()] });
    const atHome = client({ clientId: 'b', settings: cohabiting, income: income({ netMonthlyIncome: '1000.00' }) });
    expect(amounts(calculateHousehold(household([inCare, atHome]))[0])).toEqual([['care-fee', '1275.00']]);
  });

  it('pools and splits a Swedish married couple’s incomes', () => {
    const seCouple = settings({ feeCalculationType: 'couple', parishCode: '058003', residenceAddress: FI_ADDRESS });
    const a = seClient({ clientId: 'a', settings: seCouple, income: income({ netMonthlyIncome: '13000.00', housingCost: '5000.00' }), services: [seService()] });
    const b = seClient({ clientId: 'b', settings: seCouple, income: income({ netMonthlyIncome: '9000.00', housingCost: '2000.00' }), services: [seService()] });
    const [first, second] = calculateHousehold(household([a, b]));
    // Counted (13 000 + 9 000) / 2 = 11 000 each; minimibelopp for each of a couple 5 762 (2024).
    // a: 11 000 − (5 762 + 5 000) = 238.00 fee room → 238.00.
    // b: 11 000 − (5 762 + 2 000) = 3 238 → min(3 238, 3 000, 2 575) = 2 575.00.
    expect(amounts(first)).toEqual([['care-fee', '238.00']]);
    expect(amounts(second)).toEqual([['care-fee', '2575.00']]);
    expect(calculated(first).rows[0].explanation.inputs).toMatchObject({ relationship: 'married', spouseNetMonthlyIncome: '9000.00' });
  });

  it('charges Swedish cohabitants on their own incomes with the couple’s minimum amount, without needing the partner as a client', () => {
    const seCohabiting = settings({ feeCalculationType: 'cohabiting', parishCode: '058003', residenceAddress: FI_ADDRESS });
    const a = seClient({ clientId: 'a', settings: seCohabiting, income: income({ netMonthlyIncome: '13000.00', housingCost: '5000.00' }), services: [seService()] });
    const b = seClient({ clientId: 'b', settings: seCohabiting, income: income({ netMonthlyIncome: '9000.00', housingCost: '2000.00' }), services: [seService()] });
    const [first, second] = calculateHousehold(household([a, b]));
    // a: 13 000 − (5 762 + 5 000) = 2 238.00; b: 9 000 − (5 762 + 2 000) = 1 238.00. Pooled, as for the
    // married couple above, they would pay 238.00 and 2 575.00.
    expect(amounts(first)).toEqual([['care-fee', '2238.00']]);
    expect(amounts(second)).toEqual([['care-fee', '1238.00']]);
    expect(calculated(first).rows[0].explanation.inputs).toMatchObject({ relationship: 'cohabiting' });
    expect(calculated(first).rows[0].explanation.inputs.spouseNetMonthlyIncome).toBeUndefined();
    // A cohabitant whose partner is not a client: nothing is missing.
    const alone = seClient({ clientId: 'c', settings: seCohabiting, income: income({ netMonthlyIncome: '13000.00', housingCost: '5000.00' }), services: [seService()] });
    expect(amounts(one(household([alone])))).toEqual([['care-fee', '2238.00']]);
  });

  it('reports the spouse’s missing income when the couple’s fee needs it', () => {
    const a = client({ clientId: 'a', settings: couple, services: [ltc()] });
    const b = client({ clientId: 'b', settings: couple, income: null });
    const [first, second] = calculateHousehold(household([a, b]));
    expect(failed(first).errors.map((e) => [e.code, e.field])).toEqual([['income-missing', 'spouse.income']]);
    // The spouse has no income-based service: their own invoice needs no income.
    expect(calculated(second).rows).toEqual([]);
  });
});

describe('calculateHousehold: proration', () => {
  it('charges 15 of 30 days for a service starting on 17.7. (a 31-day month still divides by 30)', () => {
    const result = calculated(one(household([client({ period: '2024-07', services: [service({ validFrom: '2024-07-17' })] })])));
    // 471.45 × 15 / 30 = 235.725 → 235.73
    expect(amounts(result)).toEqual([['care-fee', '235.73']]);
    expect(result.rows[0].explanation.lines).toEqual(
      expect.arrayContaining(['valid 2024-07-17 … 2024-07-31: 15 of 31 days of the month', '471.45 EUR × 15 / 30 = 235.73 EUR (rounded half up to the cent)']),
    );
    expect(result.rows[0].explanation.inputs.daysValid).toBe('15');
  });

  it('charges the full fee when every day is covered, and never more than the full fee', () => {
    expect(amounts(one(household([client({ period: '2024-07', services: [service()] })])))).toEqual([['care-fee', '471.45']]);
    // 30 of 31 days: 100.00 × 30 / 30 = 100.00, not more.
    expect(amounts(one(household([client({ period: '2024-07', services: [fixed('100.00', { validFrom: '2024-07-02' })] })])))).toEqual([['care-fee', '100.00']]);
    // A service ending on 15.6.: 471.45 × 15 / 30 = 235.73
    expect(amounts(alone({ services: [service({ validTo: '2024-06-15' })] }))).toEqual([['care-fee', '235.73']]);
  });
});

describe('calculateHousehold: absences', () => {
  const withAbsences = (...absences: ReturnType<typeof absence>[]) => calculated(alone({ services: [service()], absences }));

  it('deducts 25 % for a planned absence of 10 days and 50 % for 14 days', () => {
    // 25 % × 471.45 = 117.8625 → 117.86
    expect(amounts(withAbsences(absence('a1', 'planned', '2024-06-03', '2024-06-12', '2024-05-01')))).toEqual([
      ['care-fee', '471.45'],
      ['absence-deduction', '-117.86'],
    ]);
    // 50 % × 471.45 = 235.725 → 235.73
    const fourteen = withAbsences(absence('a1', 'planned', '2024-06-03', '2024-06-16', '2024-05-01'));
    expect(amounts(fourteen)).toEqual([
      ['care-fee', '471.45'],
      ['absence-deduction', '-235.73'],
    ]);
    expect(fourteen.total).toBe('235.72');
    expect(fourteen.rows[1]).toMatchObject({ code: 'HC', quantity: '14', accountString: '4100-2310-511' });
    expect(fourteen.rows[1].explanation.lines).toContain('min(100, 25 × floor(14 / 7)) = 50 % of 471.45 EUR = 235.73 EUR');
  });

  it('deducts nothing for a planned absence under 7 days', () => {
    expect(amounts(withAbsences(absence('a1', 'planned', '2024-06-03', '2024-06-08')))).toEqual([['care-fee', '471.45']]);
  });

  it('moves the first day of a late-notified planned absence to 7 days after the notice', () => {
    // Notified 5.6. about 8.6.-21.6.: deductible from 12.6., 10 days → 25 % → 117.86
    const result = withAbsences(absence('a1', 'planned', '2024-06-08', '2024-06-21', '2024-06-05'));
    expect(amounts(result)).toEqual([
      ['care-fee', '471.45'],
      ['absence-deduction', '-117.86'],
    ]);
    expect(result.rows[1].explanation.lines).toContain('notified 2024-06-05, less than 7 days ahead: deductible from 2024-06-12');
  });

  it('deducts 1/30 a day for an unplanned absence: 3 days', () => {
    // 471.45 × 3 / 30 = 47.145 → 47.15
    expect(amounts(withAbsences(absence('a1', 'unplanned', '2024-06-10', '2024-06-12')))).toEqual([
      ['care-fee', '471.45'],
      ['absence-deduction', '-47.15'],
    ]);
  });

  it('counts only the days inside the period', () => {
    // 20.5.-9.6.: 9 days in June → 471.45 × 9 / 30 = 141.435 → 141.44
    expect(amounts(withAbsences(absence('a1', 'unplanned', '2024-05-20', '2024-06-09')))).toEqual([
      ['care-fee', '471.45'],
      ['absence-deduction', '-141.44'],
    ]);
    expect(amounts(withAbsences(absence('a1', 'unplanned', '2024-07-01', '2024-07-09')))).toEqual([['care-fee', '471.45']]);
  });

  it('runs an open-ended absence to the end of the period and lists it for the watch', () => {
    // 17.6.-30.6. = 14 days → 50 % → 235.73
    const result = withAbsences(absence('a1', 'planned', '2024-06-17', null, '2024-06-01'), absence('a2', 'unplanned', '2024-06-01', '2024-06-02'));
    expect(amounts(result)).toEqual([
      ['care-fee', '471.45'],
      // a2 first: absences are taken by first day. 471.45 × 2 / 30 = 31.43
      ['absence-deduction', '-31.43'],
      ['absence-deduction', '-235.73'],
    ]);
    expect(result.openAbsenceIds).toEqual(['a1']);
    expect(result.rows[2].explanation.lines[0]).toMatch(/open-ended: to the end of the period/);
  });

  it('never makes the service’s fee negative', () => {
    // 300.00: planned 1.6.-14.6. 50 % = 150.00; unplanned the whole month 300.00, capped at the 150.00 left.
    const result = calculated(
      alone({ services: [fixed('300.00')], absences: [absence('a1', 'planned', '2024-06-01', '2024-06-14'), absence('a2', 'unplanned', '2024-06-01', '2024-06-30')] }),
    );
    expect(amounts(result)).toEqual([
      ['care-fee', '300.00'],
      ['absence-deduction', '-150.00'],
      ['absence-deduction', '-150.00'],
    ]);
    expect(result.total).toBe('0.00');
    expect(result.rows[2].explanation.lines).toContain('capped at what is left of the fee: 150.00 EUR');
  });

  it('deducts only from services with absenceDeductible, and only on the days the service is valid', () => {
    const support = fixed('50.00', { absenceDeductible: false });
    const ending = service({ validTo: '2024-06-15' });
    const result = calculated(alone({ services: [support, ending], absences: [absence('a1', 'unplanned', '2024-06-20', '2024-06-25')] }));
    expect(amounts(result)).toEqual([
      ['care-fee', '50.00'],
      ['care-fee', '235.73'],
    ]);
  });

  it('refuses a planned absence without the notice date', () => {
    expect(codes({ services: [service()], absences: [absence('a1', 'planned', '2024-06-03', '2024-06-20', null)] })).toEqual([['invalid-input', 'absences.a1.notifiedOn']]);
  });
});

describe('calculateHousehold: SE care-housing food', () => {
  const careHousing = seService({ serviceCode: 'VB', description: 'Care housing', includesCareHousingFood: true });
  const foodPrices = { 'se-care-housing-food-deductions': [row('110', '2024-01-01', '2024-12-31')] };

  it('deducts the food price per absence day besides the care fee deduction', () => {
    const result = calculated(one(household([seClient({ services: [careHousing], absences: [absence('a1', 'unplanned', '2024-06-10', '2024-06-12')] })], { ruleTables: foodPrices })));
    // Care: 2 575 × 3 / 30 = 257.50; food: 3 × 110 = 330.00; 2 575 − 257.50 − 330 = 1 987.50
    expect(amounts(result)).toEqual([
      ['care-fee', '2575.00'],
      ['absence-deduction', '-257.50'],
      ['food-deduction', '-330.00'],
    ]);
    expect(result.total).toBe('1987.50');
    expect(result.rows[2]).toMatchObject({ quantity: '3', unitPrice: '110.00' });
    expect(result.rows[2].explanation.rules[0]).toMatchObject({ table: 'care-housing food deductions', source: 'organisation price list 2024' });
  });

  it('deducts food for a planned absence under 7 days, where the care fee keeps its full amount', () => {
    const result = one(household([seClient({ services: [careHousing], absences: [absence('a1', 'planned', '2024-06-10', '2024-06-14')] })], { ruleTables: foodPrices }));
    // 5 days × 110 = 550.00
    expect(amounts(result)).toEqual([
      ['care-fee', '2575.00'],
      ['food-deduction', '-550.00'],
    ]);
  });

  it('stops with rule-missing when the organisation has not entered the year’s food price', () => {
    const result = failed(seAlone({ services: [careHousing], absences: [absence('a1', 'unplanned', '2024-06-10', '2024-06-12')] }));
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([['rule-missing', 'ruleTables.se-care-housing-food-deductions']]);
    expect(result.errors[0].message).toMatch(/no rule for 2024-06-01 in care-housing food deductions/);
  });
});

describe('calculateHousehold: registrations', () => {
  it('makes one service row per item of the period’s registrations, ordered by code', () => {
    const result = calculated(
      alone({
        registrations: [
          { id: 'r1', itemCode: 'CLEAN', performedOn: '2024-06-03', quantity: '1.5' },
          { id: 'r2', itemCode: 'BASKET', performedOn: '2024-06-05', quantity: '2' },
          { id: 'r3', itemCode: 'CLEAN', performedOn: '2024-06-30', quantity: '2' },
          { id: 'r4', itemCode: 'CLEAN', performedOn: '2024-07-01', quantity: '9' },
        ],
      }),
    );
    // BASKET 2 × 45.50 = 91.00; CLEAN (1.5 + 2) × 32.40 = 113.40; r4 is July's.
    expect(result.rows.map((r) => [r.kind, r.code, r.quantity, r.unitPrice, r.amount, r.description])).toEqual([
      ['service', 'BASKET', '2', '45.50', '91.00', 'Food basket'],
      ['service', 'CLEAN', '3.5', '32.40', '113.40', 'Cleaning'],
    ]);
    expect(result.total).toBe('204.40');
    expect(result.registrationIds).toEqual(['r1', 'r2', 'r3']);
  });

  it('rounds the row half up once: 0.25 h × 32.40 = 8.10, 1.25 h × 10.01 = 12.5125 → 12.51', () => {
    const prices = [{ code: 'X', name: 'Walk', unit: 'hour' as const, price: '10.01', piecePriced: false, affectsMaximumFee: false }];
    const result = one(household([client({ registrations: [{ id: 'r1', itemCode: 'X', performedOn: '2024-06-03', quantity: '1.25' }] })], { priceList: prices }));
    expect(amounts(result)).toEqual([['service', '12.51']]);
  });
});

describe('calculateHousehold: SE maxtaxa', () => {
  it('caps care fees and maxtaxa services at maxtaxa with a Maxtaxa cap row', () => {
    const result = calculated(
      seAlone({
        services: [seService()],
        registrations: [
          { id: 'r1', itemCode: 'DAY', performedOn: '2024-06-04', quantity: '2' },
          { id: 'r2', itemCode: 'BASKET', performedOn: '2024-06-04', quantity: '2' },
        ],
      }),
    );
    // 2 575 care + 2 × 150 day activity = 2 875 > maxtaxa 2 575 → −300.00. The food basket (2 × 45.50) is outside maxtaxa.
    expect(result.rows.map((r) => [r.kind, r.description, r.amount])).toEqual([
      ['care-fee', 'Elderly care', '2575.00'],
      ['care-fee', 'Maxtaxa cap', '-300.00'],
      ['service', 'Food basket', '91.00'],
      ['service', 'Day activity', '300.00'],
    ]);
    expect(result.total).toBe('2666.00');
    expect(result.rows[1].explanation.rules[0].table).toBe('SE maximum fees (maxtaxa)');
    expect(result.rows[1].explanation.lines[1]).toBe('maxtaxa 2575.00 SEK: 2575.00 SEK − 2875.00 SEK = -300.00 SEK');
  });

  it('caps only the excess, and not at all below maxtaxa', () => {
    const day = (id: string, quantity: string) => ({ id, itemCode: 'DAY', performedOn: '2024-06-04', quantity });
    const cheaper = seService({ serviceCost: '2400.00' });
    // 2 400 + 150 = 2 550 ≤ 2 575: no cap.
    expect(amounts(seAlone({ services: [cheaper], registrations: [day('r1', '1')] }))).toEqual([
      ['care-fee', '2400.00'],
      ['service', '150.00'],
    ]);
    // 2 400 + 300 = 2 700: −125.00
    expect(amounts(seAlone({ services: [cheaper], registrations: [day('r1', '2')] }))).toEqual([
      ['care-fee', '2400.00'],
      ['care-fee', '-125.00'],
      ['service', '300.00'],
    ]);
  });

  it('does not cap Finnish invoices', () => {
    const registrations = [{ id: 'r1', itemCode: 'DAY', performedOn: '2024-06-04', quantity: '20' }];
    expect(amounts(alone({ services: [service()], registrations }))).toEqual([
      ['care-fee', '471.45'],
      ['service', '3000.00'],
    ]);
  });
});

describe('calculateHousehold: rent', () => {
  const withRent = (contract: ReturnType<typeof rent>, period = '2024-06') => one(household([seClient({ period, rent: contract })]));

  it('care housing: move-in on the 14th starts the contract on the 17th, on the 15th on the 1st of the next month', () => {
    // 17.6.-30.6. = 14 days: 6 000 × 14 / 30 = 2 800.00
    const fourteenth = calculated(withRent(rent({ moveIn: '2024-06-14' })));
    expect(fourteenth.rows.map((r) => [r.kind, r.description, r.quantity, r.amount])).toEqual([['rent', 'Rent 2024-06-17 … 2024-06-30', '14', '2800.00']]);
    expect(fourteenth.rows[0].explanation.inputs).toMatchObject({ contractStart: '2024-06-17', moveIn: '2024-06-14' });
    expect(amounts(withRent(rent({ moveIn: '2024-06-15' })))).toEqual([]);
    expect(amounts(withRent(rent({ moveIn: '2024-06-15' }), '2024-07'))).toEqual([['rent', '6000.00']]);
  });

  it('service apartment: day 1-14 from the 1st, later from the 17th', () => {
    expect(amounts(withRent(rent({ housing: 'service-apartment', moveIn: '2024-06-14' })))).toEqual([['rent', '6000.00']]);
    expect(amounts(withRent(rent({ housing: 'service-apartment', moveIn: '2024-06-15' })))).toEqual([['rent', '2800.00']]);
  });

  it('divides a part month by the days of the month', () => {
    // Care housing, move-in 10.7. → 17.7.-31.7. = 15 days: 6 000 × 15 / 31 = 2 903.2258 → 2 903.23
    expect(amounts(withRent(rent({ moveIn: '2024-07-10' }), '2024-07'))).toEqual([['rent', '2903.23']]);
  });

  it('ends the contract on the 14th for half rent and at the month end for full rent', () => {
    expect(amounts(withRent(rent({ moveOut: '2024-06-20', moveOutRent: 'half' })))).toEqual([['rent', '2800.00']]);
    expect(amounts(withRent(rent({ moveOut: '2024-06-20', moveOutRent: 'full' })))).toEqual([['rent', '6000.00']]);
    expect(amounts(withRent(rent({ moveOut: '2024-05-20', moveOutRent: 'full' })))).toEqual([]);
    expect(failed(withRent(rent({ moveOut: '2024-06-20' }))).errors.map((e) => [e.code, e.field])).toEqual([['invalid-input', 'rent.moveOutRent']]);
  });

  it('deducts a month’s rent in the rent-free month’s period only', () => {
    const contract = rent({ moveIn: '2024-05-02', rentFreeMonthPeriod: '2024-06' });
    const result = calculated(withRent(contract));
    expect(result.rows.map((r) => [r.kind, r.description, r.amount])).toEqual([
      ['rent', 'Rent 2024-06-01 … 2024-06-30', '6000.00'],
      ['rent-free-month', 'Rent-free month', '-6000.00'],
    ]);
    expect(result.total).toBe('0.00');
    expect(amounts(withRent(contract, '2024-07'))).toEqual([['rent', '6000.00']]);
  });
});

describe('calculateHousehold: corrections', () => {
  it('books each correction as entered, with its text', () => {
    const result = calculated(
      alone({
        corrections: [
          { id: 'k1', amount: '-20.50', text: 'Lost alarm button: refund', itemCode: 'BASKET' },
          { id: 'k2', amount: '15.00', text: 'May visit not invoiced', itemCode: null },
        ],
      }),
    );
    expect(result.rows.map((r) => [r.kind, r.description, r.code, r.amount])).toEqual([
      ['correction', 'Lost alarm button: refund', 'BASKET', '-20.50'],
      ['correction', 'May visit not invoiced', null, '15.00'],
    ]);
    expect(result.total).toBe('-5.50');
  });

  it('refuses an amount that is not money', () => {
    expect(codes({ corrections: [{ id: 'k1', amount: '12,50', text: 'x', itemCode: null }] })).toEqual([['invalid-input', 'corrections.k1.amount']]);
  });
});

describe('calculateHousehold: the error list', () => {
  it('settings-missing (with income-missing: nobody has recorded that the client accepts the maximum fee)', () => {
    expect(codes({ settings: null, services: [service()] })).toEqual([['settings-missing', 'settings']]);
    expect(codes({ settings: null, income: null, services: [service()] })).toEqual([
      ['settings-missing', 'settings'],
      ['income-missing', 'income'],
    ]);
  });

  it('income-missing only for an income-based service', () => {
    const result = failed(alone({ income: null, services: [service()] }));
    expect(result.errors).toEqual([{ code: 'income-missing', field: 'income', message: expect.stringContaining('Home care') }]);
    expect(calculated(alone({ income: null, services: [fixed('10.00')] })).total).toBe('10.00');
  });

  it('parish-code-missing in Sweden only', () => {
    expect(codes({ settings: settings({ parishCode: null, residenceAddress: FI_ADDRESS }) }, seClient)).toEqual([['parish-code-missing', 'settings.parishCode']]);
    expect(alone({ settings: settings({ parishCode: null }) }).status).toBe('calculated');
  });

  it('account-string-missing, to be reported to the billing team at once', () => {
    const result = failed(alone({ settings: settings({ accountString: ' ' }) }));
    expect(result.errors.map((e) => e.code)).toEqual(['account-string-missing']);
    expect(result.errors[0].message).toMatch(/billing team/);
  });

  it('recipient-missing: a deceased client without the estate as recipient, or a recipient without a name', () => {
    expect(codes({ dateOfDeath: '2024-06-10' })).toEqual([['recipient-missing', 'settings.recipient.kind']]);
    expect(codes({ dateOfDeath: '2024-06-30' })).toEqual([['recipient-missing', 'settings.recipient.kind']]);
    // Died after the period: June is billed as usual.
    expect(alone({ dateOfDeath: '2024-07-01' }).status).toBe('calculated');
    const estate = settings({ recipient: { kind: 'estate', name: 'Aino Testisen kuolinpesä', address: FI_ADDRESS } });
    expect(alone({ dateOfDeath: '2024-06-10', settings: estate }).status).toBe('calculated');
    expect(codes({ settings: settings({ recipient: { kind: 'guardian', name: ' ', address: FI_ADDRESS } }) })).toEqual([['recipient-missing', 'settings.recipient.name']]);
  });

  it('address-missing: a client without a residence address, or another recipient without an address', () => {
    expect(codes({ settings: settings({ residenceAddress: null }) })).toEqual([['address-missing', 'settings.recipient.address']]);
    expect(alone({ settings: settings({ residenceAddress: null, recipient: { kind: 'client', name: null, address: FI_ADDRESS } }) }).status).toBe('calculated');
    expect(codes({ settings: settings({ recipient: { kind: 'trustee', name: 'Edunvalvoja Oy', address: null } }) })).toEqual([['address-missing', 'settings.recipient.address']]);
    expect(codes({ settings: settings({ residenceAddress: { ...FI_ADDRESS, postalCode: '' } }) })).toEqual([['address-missing', 'settings.recipient.address']]);
  });

  it('address-protected: a client under a security ban has no address to print; another recipient’s address is used as usual', () => {
    expect(codes({ settings: settings({ residenceAddress: null, addressProtected: true }) })).toEqual([['address-protected', 'settings.residenceAddress']]);
    const guardian = settings({ residenceAddress: null, addressProtected: true, recipient: { kind: 'guardian', name: 'Edunvalvoja Oy', address: FI_ADDRESS } });
    expect(alone({ settings: guardian }).status).toBe('calculated');
  });

  it('spouse-missing: a couple’s fee with the spouse not in the household', () => {
    expect(codes({ settings: settings({ feeCalculationType: 'couple' }) })).toEqual([['spouse-missing', 'spouse']]);
  });

  it('price-missing: a registration of the period or a correction naming an item not in the price list', () => {
    expect(
      codes({
        registrations: [
          { id: 'r9', itemCode: 'XYZ', performedOn: '2024-06-03', quantity: '1' },
          { id: 'r8', itemCode: 'XYZ', performedOn: '2024-05-31', quantity: '1' },
        ],
        corrections: [{ id: 'k1', amount: '1.00', text: 'x', itemCode: 'NOPE' }],
      }),
    ).toEqual([
      ['price-missing', 'registrations.r9.itemCode'],
      ['price-missing', 'corrections.k1.itemCode'],
    ]);
  });

  it('rule-missing: no period of a rule table covers the billing month', () => {
    const result = failed(one(household([client({ period: '2021-06', services: [service({ validFrom: '2021-01-01' })] })])));
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([['rule-missing', 'ruleTables.fi-home-care-income-limits']]);
    expect(result.errors[0].message).toMatch(/^Service HC \(Home care\): no rule for 2021-06-01 in FI home-care income limits/);
  });

  it('invalid-input: what the fee rule refuses, with the billing input named', () => {
    const result = failed(alone({ services: [service({ hoursPerMonth: '-1' })] }));
    expect(result.errors).toEqual([{ code: 'invalid-input', field: 'services.HC.hoursPerMonth', message: 'Service HC (Home care): hoursPerMonth: must not be negative' }]);
    expect(codes({ services: [service({ hoursPerMonth: null })] })).toEqual([['invalid-input', 'services.HC.hoursPerMonth']]);
    expect(codes({ income: income({ grossMonthlyIncome: 'lots' }), services: [service()] })).toEqual([['invalid-input', 'income.grossMonthlyIncome']]);
    expect(codes({ income: income({ householdSize: 0 }), services: [service()] })).toEqual([['invalid-input', 'income.householdSize']]);
    expect(codes({ services: [service()] }, seClient)).toEqual([['invalid-input', 'services.HC.kind']]);
    expect(codes({ services: [fixed('10.00', { validTo: '2023-12-31', validFrom: '2024-01-01' })] })).toEqual([['invalid-input', 'services.SUP.validTo']]);
  });

  it('lists every error of a client, not just the first', () => {
    const result = failed(
      seAlone({
        settings: settings({ parishCode: null, accountString: null, recipient: { kind: 'guardian', name: null, address: null } }),
        income: null,
        services: [seService()],
        registrations: [{ id: 'r1', itemCode: 'XYZ', performedOn: '2024-06-03', quantity: '1' }],
      }),
    );
    expect(result.errors.map((e) => e.code)).toEqual(['income-missing', 'parish-code-missing', 'account-string-missing', 'recipient-missing', 'address-missing', 'price-missing']);
    expect(result).not.toHaveProperty('rows');
  });
});

describe('calculateHousehold: rule tables from the database', () => {
  it('uses the organisation’s table over the shipped one', () => {
    const limits = { bySize: ['553', '1205', '1891', '2338', '2830', '3251'], eachFurtherPerson: '389' };
    const ruleTables = { 'fi-home-care-income-limits': [{ validFrom: '2024-01-01', validTo: null, source: 'county board decision 1/2024', value: limits }] };
    // 35 % × (2 000 − 553) = 506.45 instead of 471.45
    const result = calculated(one(household([client({ services: [service()] })], { ruleTables })));
    expect(amounts(result)).toEqual([['care-fee', '506.45']]);
    expect(result.rows[0].explanation.rules[0].source).toBe('county board decision 1/2024');
    // A table that does not reach the month stops the client instead of falling back to the shipped one.
    const later = { 'fi-home-care-income-limits': [{ validFrom: '2025-01-01', validTo: null, source: 'decision', value: limits }] };
    expect(failed(one(household([client({ services: [service()] })], { ruleTables: later }))).errors[0].code).toBe('rule-missing');
  });
});

describe('calculateHousehold: the result', () => {
  const everything = () =>
    seClient({
      services: [seService({ includesCareHousingFood: true }), fixed('100.00', { serviceCode: 'ALARM', description: 'Safety alarm', absenceDeductible: false })],
      registrations: [
        { id: 'r1', itemCode: 'DAY', performedOn: '2024-06-04', quantity: '2' },
        { id: 'r2', itemCode: 'BASKET', performedOn: '2024-06-05', quantity: '1' },
      ],
      absences: [absence('a1', 'unplanned', '2024-06-10', '2024-06-12')],
      corrections: [{ id: 'k1', amount: '-10.00', text: 'Correction', itemCode: null }],
      rent: rent({ moveIn: '2024-05-02', rentFreeMonthPeriod: '2024-06' }),
    });
  const input = () => household([everything(), seClient({ clientId: 'c2', services: [seService()] })], { ruleTables: { 'se-care-housing-food-deductions': [row('110')] } });

  it('orders rows by kind and sums them to the total, every row booked to the account string', () => {
    const [result, second] = calculateHousehold(input());
    const rows = calculated(result).rows;
    expect(rows.map((r) => r.kind)).toEqual(['care-fee', 'care-fee', 'care-fee', 'absence-deduction', 'food-deduction', 'service', 'service', 'rent', 'rent-free-month', 'correction']);
    // Maxtaxa counts care 2 575 + alarm 100 − absence 257.50 + day activity 2 × 150 = 2 717.50 → cap −142.50.
    // Food, the food basket, rent and corrections are outside it.
    expect(rows.map((r) => [r.description, r.amount])).toEqual([
      ['Elderly care', '2575.00'],
      ['Safety alarm', '100.00'],
      ['Maxtaxa cap', '-142.50'],
      ['Elderly care: unplanned absence 2024-06-10 … 2024-06-12', '-257.50'],
      ['Elderly care: food, absence 2024-06-10 … 2024-06-12', '-330.00'],
      ['Food basket', '45.50'],
      ['Day activity', '300.00'],
      ['Rent 2024-06-01 … 2024-06-30', '6000.00'],
      ['Rent-free month', '-6000.00'],
      ['Correction', '-10.00'],
    ]);
    // 2 675 − 142.50 − 257.50 − 330 + 45.50 + 300 + 6 000 − 6 000 − 10 = 2 280.50
    expect(calculated(result).total).toBe('2280.50');
    expect(calculated(result).registrationIds).toEqual(['r1', 'r2']);
    const sum = rows.reduce((acc, r) => acc.plus(r.amount), decimal(0));
    expect(calculated(result).total).toBe(sum.toFixed(2));
    expect(new Set(rows.map((r) => r.accountString))).toEqual(new Set(['4100-2310-511']));
    expect(rows.every((r) => /^-?\d+\.\d{2}$/.test(r.amount))).toBe(true);
    expect(second.clientId).toBe('c2');
  });

  it('is deterministic: the same input gives the same output', () => {
    expect(JSON.stringify(calculateHousehold(input()))).toBe(JSON.stringify(calculateHousehold(input())));
  });

  it('refuses a household with a bad period or a price list with a code twice', () => {
    expect(() => calculateHousehold(household([client()], { period: '2024-6' }))).toThrow(/^period: /);
    const price = { code: 'A', name: 'A', unit: 'piece' as const, price: '1.00', piecePriced: true, affectsMaximumFee: false };
    expect(() => calculateHousehold(household([client()], { priceList: [price, price] }))).toThrow('priceList: has item A twice');
  });

  it('reports a client whose period is not the household’s', () => {
    expect(failed(one(household([client({ period: '2024-05' })], { period: '2024-06' }))).errors.map((e) => e.code)).toEqual(['invalid-input']);
  });
});

describe('calculateHousehold: a client the types do not describe', () => {
  it('reports an unknown country for that client only', () => {
    const [bad, good] = calculateHousehold(household([client({ country: 'NO' as never }), client({ clientId: 'c2' })]));
    expect(failed(bad).errors.map((e) => [e.code, e.field])).toEqual([['invalid-input', 'country']]);
    expect(good.status).toBe('calculated');
  });
});
