import { Money } from '../money/money';
import { validateDatedTable } from '../rule-tables/dated-table';
import {
  SE_CARE_HOUSING_FOOD_DEDUCTIONS,
  careHousingFoodDeduction,
  effectivePlannedAbsence,
  plannedAbsenceDeduction,
  plannedAbsenceDeductionPercent,
  unplannedAbsenceDeduction,
} from './absences';

const sek = (text: string) => Money.parse(text, 'SEK');

describe('planned absence', () => {
  it.each([
    [0, 0],
    [6, 0],
    [7, 25],
    // The manual's own examples: 10 days → 25 %, 14 days → 50 %.
    [10, 25],
    [13, 25],
    [14, 50],
    [21, 75],
    [27, 75],
    [28, 100],
    [60, 100],
  ])('%i days → %i %', (days, percent) => {
    expect(plannedAbsenceDeductionPercent(days)).toBe(percent);
  });

  it('applies the percentage to the monthly fee, half up to the cent', () => {
    expect(plannedAbsenceDeduction(sek('2575.00'), 10)).toEqual({ deductionPercent: 25, deduction: sek('643.75') });
    expect(plannedAbsenceDeduction(sek('2575.00'), 14)).toEqual({ deductionPercent: 50, deduction: sek('1287.50') });
    expect(plannedAbsenceDeduction(sek('100.02'), 7).deduction).toEqual(sek('25.01'));
    expect(plannedAbsenceDeduction(sek('2575.00'), 5).deduction.isZero()).toBe(true);
  });

  it('refuses a negative or fractional day count and a negative fee', () => {
    expect(() => plannedAbsenceDeductionPercent(-1)).toThrow(/days: must be between 0/);
    expect(() => plannedAbsenceDeductionPercent(7.5)).toThrow('days: must be a whole number');
    expect(() => plannedAbsenceDeduction(sek('-1.00'), 7)).toThrow('monthlyFee: must not be negative');
  });
});

describe('effectivePlannedAbsence', () => {
  it('keeps the first day when notified at least 7 days before', () => {
    // Monday 4.3.2024 about Monday 11.3.2024: exactly seven days ahead.
    expect(effectivePlannedAbsence('2024-03-04', '2024-03-11', '2024-03-24')).toEqual({
      firstDeductibleDay: '2024-03-11',
      lastDay: '2024-03-24',
      days: 14,
      movedByLateNotice: false,
    });
  });

  it('moves the first day to 7 days after a late notice (the manual: told Monday about Wednesday → next Monday)', () => {
    expect(effectivePlannedAbsence('2024-03-04', '2024-03-06', '2024-03-20')).toEqual({
      firstDeductibleDay: '2024-03-11',
      lastDay: '2024-03-20',
      days: 10,
      movedByLateNotice: true,
    });
  });

  it('leaves no deductible day when the moved start is after the last day', () => {
    expect(effectivePlannedAbsence('2024-03-04', '2024-03-05', '2024-03-10')).toEqual({
      firstDeductibleDay: null,
      lastDay: '2024-03-10',
      days: 0,
      movedByLateNotice: true,
    });
  });

  it('refuses a last day before the first', () => {
    expect(() => effectivePlannedAbsence('2024-03-01', '2024-03-10', '2024-03-09')).toThrow('lastDay: must not be before firstDay (2024-03-10)');
  });
});

describe('unplanned absence', () => {
  it('deducts 1/30 of the monthly fee a day, divided once and rounded half up', () => {
    expect(unplannedAbsenceDeduction(sek('3000.00'), 10).deduction).toEqual(sek('1000.00'));
    // 2 575 × 7 / 30 = 600.8333…
    expect(unplannedAbsenceDeduction(sek('2575.00'), 7).deduction).toEqual(sek('600.83'));
    // 0.15 × 1 / 30 = 0.005 exactly → 0.01 (a rounded reciprocal would give 0.00)
    expect(unplannedAbsenceDeduction(sek('0.15'), 1).deduction).toEqual(sek('0.01'));
    expect(unplannedAbsenceDeduction(sek('2575.00'), 1).deduction).toEqual(sek('85.83'));
  });

  it('never deducts more than the monthly fee', () => {
    expect(unplannedAbsenceDeduction(sek('2575.00'), 30).deduction).toEqual(sek('2575.00'));
    expect(unplannedAbsenceDeduction(sek('2575.00'), 31).deduction).toEqual(sek('2575.00'));
    expect(unplannedAbsenceDeduction(sek('2575.00'), 0).deduction.isZero()).toBe(true);
  });
});

describe('care-housing food deduction', () => {
  it('ships the manual’s 102 kr a day for 2018 with its source', () => {
    expect(SE_CARE_HOUSING_FOOD_DEDUCTIONS).toHaveLength(1);
    expect(SE_CARE_HOUSING_FOOD_DEDUCTIONS[0]).toMatchObject({ validFrom: '2018-01-01', validTo: '2018-12-31', value: '102' });
    expect(SE_CARE_HOUSING_FOOD_DEDUCTIONS[0].source).toMatch(/Treserva manual no\. 41.*p\.25/);
  });

  it('multiplies the day price by the absence days', () => {
    const result = careHousingFoodDeduction('2018-06-01', 5);
    expect(result.perDay).toEqual(sek('102.00'));
    expect(result.deduction).toEqual(sek('510.00'));
  });

  it('has no rule for a year without a price list, and takes the organisation’s own list', () => {
    expect(() => careHousingFoodDeduction('2024-06-01', 5)).toThrow(/^date: no rule for 2024-06-01 in care-housing food deductions/);
    const own = validateDatedTable([{ validFrom: '2024-01-01', validTo: '2024-12-31', source: 'municipal price list 2024', value: '143.50' }]);
    expect(careHousingFoodDeduction('2024-06-01', 3, own).deduction).toEqual(sek('430.50'));
  });
});
