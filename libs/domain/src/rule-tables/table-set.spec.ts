import { careHousingFoodDeduction } from '../absences/absences';
import { FI_HOME_CARE_INCOME_LIMITS, fiHomeCareFee, fiLongTermCareFee, maximumFeeWithoutIncome, seElderlyCareFee, seMaxFee } from '../fees';
import { Money } from '../money/money';
import { DatedRow } from './dated-table';
import { RULE_TABLES } from './registry';
import { RULE_TABLE_NAMES, tableOf } from './table-set';

const eur = (text: string) => Money.parse(text, 'EUR');
const sek = (text: string) => Money.parse(text, 'SEK');
const row = <T>(value: T, validFrom = '2024-01-01', validTo: string | null = null, source = 'county board decision 1/2024'): DatedRow<T> => ({ validFrom, validTo, source, value });

describe('tableOf', () => {
  it('knows every table of the registry by name', () => {
    expect([...RULE_TABLE_NAMES].sort()).toEqual(Object.keys(RULE_TABLES).sort());
  });

  it('gives the shipped table when the set has none of that name, or there is no set', () => {
    expect(tableOf(undefined, 'fi-home-care-income-limits', FI_HOME_CARE_INCOME_LIMITS)).toBe(FI_HOME_CARE_INCOME_LIMITS);
    expect(tableOf({ 'se-max-fees': [] }, 'fi-home-care-income-limits', FI_HOME_CARE_INCOME_LIMITS)).toBe(FI_HOME_CARE_INCOME_LIMITS);
  });

  it('checks a given table again and names it in the error', () => {
    const overlapping = [row('1', '2024-01-01', '2024-12-31'), row('2', '2024-06-01', null)];
    expect(() => tableOf({ 'se-max-fees': overlapping }, 'se-max-fees', [])).toThrow(/^ruleTables\.se-max-fees\.rows: overlaps/);
    // Unsorted rows from a query come back sorted.
    const unsorted = [row('2', '2025-01-01', null), row('1', '2024-01-01', '2024-12-31')];
    expect(tableOf({ 'se-max-fees': unsorted }, 'se-max-fees', []).map((r) => r.value)).toEqual(['1', '2']);
  });
});

describe('the fee rules read the rule tables from the database when given', () => {
  it('FI home care: a lower income limit raises the fee', () => {
    const tables = { 'fi-home-care-income-limits': [row({ bySize: ['553', '1205', '1891', '2338', '2830', '3251'], eachFurtherPerson: '389' })] };
    const input = { date: '2024-06-01', householdSize: 1, grossMonthlyIncome: eur('2000.00'), hoursPerMonth: 38 };
    // Shipped: 35 % × (2 000 − 653) = 471.45; the board's limit: 35 % × (2 000 − 553) = 35 % × 1 447 = 506.45.
    expect(fiHomeCareFee(input).fee.toDecimalString()).toBe('471.45');
    const result = fiHomeCareFee({ ...input, tables });
    expect(result.fee.toDecimalString()).toBe('506.45');
    expect(result.explanation.rules[0].source).toBe('county board decision 1/2024');
  });

  it('FI long-term care: the personal allowance and the shares', () => {
    const tables = {
      'fi-personal-allowances': [row({ 'enhanced-service-housing': '200', 'family-care': '200', 'institutional-care': '150' })],
      'fi-long-term-care-shares': [row({ client: '80', couple: '40' }, '2021-07-01')],
    };
    // 80 % × 1 000 = 800.00 and 1 000 − 200 = 800.00: both ceilings meet at 800.00 (shipped: 1 000 − 182 = 818.00).
    expect(fiLongTermCareFee({ date: '2024-06-01', netMonthlyIncome: eur('1000.00') }).fee.toDecimalString()).toBe('818.00');
    expect(fiLongTermCareFee({ date: '2024-06-01', netMonthlyIncome: eur('1000.00'), tables }).fee.toDecimalString()).toBe('800.00');
    // 80 % × 2 000 = 1 600 < 2 000 − 200: the share binds.
    expect(fiLongTermCareFee({ date: '2024-06-01', netMonthlyIncome: eur('2000.00'), tables }).fee.toDecimalString()).toBe('1600.00');
  });

  it('SE elderly care, maxtaxa and the maximum fee without income', () => {
    const tables = { 'se-max-fees': [row({ priceBaseAmount: '57300', maxFee: '2000' }, '2024-01-01', '2024-12-31')] };
    expect(seMaxFee('2024-06-01', tables).maxFee.toString()).toBe('2000.00 SEK');
    expect(seMaxFee('2024-06-01').maxFee.toString()).toBe('2575.00 SEK');
    // Fee room 20 000 − (7 062 + 5 000) = 7 938; min(7 938, 3 000, maxtaxa 2 000) = 2 000.
    const fee = seElderlyCareFee({ date: '2024-06-01', netMonthlyIncome: sek('20000'), housingCost: sek('5000'), serviceCost: sek('3000'), tables });
    expect(fee.fee.toString()).toBe('2000.00 SEK');
    expect(maximumFeeWithoutIncome({ rule: 'se-elderly-care', date: '2024-06-01', tables }).fee.toString()).toBe('2000.00 SEK');
    const minimum = { 'se-minimum-amounts': [row({ single: '8000', cohabitingEach: '6000' }, '2024-01-01', '2024-12-31')] };
    // 20 000 − (8 000 + 5 000) = 7 000 room; min(7 000, 3 000, 2 575) = 2 575 still, but the room shows the table.
    expect(seElderlyCareFee({ date: '2024-06-01', netMonthlyIncome: sek('20000'), housingCost: sek('5000'), serviceCost: sek('3000'), tables: minimum }).feeRoom.toString()).toBe(
      '7000.00 SEK',
    );
  });

  it('the care-housing food deduction takes a rule-table set as well as a table', () => {
    const tables = { 'se-care-housing-food-deductions': [row('110', '2024-01-01', '2024-12-31', 'prislista 2024')] };
    // 3 days × 110 kr = 330 kr.
    expect(careHousingFoodDeduction('2024-06-01', 3, tables).deduction.toString()).toBe('330.00 SEK');
    expect(careHousingFoodDeduction('2018-06-01', 3, {}).deduction.toString()).toBe('306.00 SEK');
    expect(() => careHousingFoodDeduction('2024-06-01', 3, {})).toThrow(/no rule for 2024-06-01 in care-housing food deductions/);
  });
});
