import { LocalDate, addDays, compareLocalDates, daysBetween, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';
import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import type { RuleTableSet } from '../billing/types';
import { DatedRow, DatedTable, ruleFor, validateDatedTable } from '../rule-tables/dated-table';
import { tableOf } from '../rule-tables/table-set';

// Tillfälligt uppehåll (seed 002, p.25). Deductions are returned as positive amounts; booked as a
// fee correction they carry a minus sign.

/** Notice the client must give before the first day of a planned absence. */
export const PLANNED_ABSENCE_NOTICE_DAYS = 7;
/** Days of a month in the unplanned-absence rule: 1/30 of the monthly fee per day. */
export const UNPLANNED_ABSENCE_DAYS_PER_MONTH = 30;
const MAX_ABSENCE_DAYS = 3660;

function absenceDays(days: number): number {
  return requireInteger(days, 'days', 0, MAX_ABSENCE_DAYS);
}

function requireFee(monthlyFee: unknown): Money {
  if (!(monthlyFee instanceof Money)) throw new DomainValidationError('must be an amount of money', 'monthlyFee');
  if (monthlyFee.isNegative()) throw new DomainValidationError('must not be negative', 'monthlyFee');
  return monthlyFee;
}

/**
 * Planerad frånvaro: 25 % for each whole week, from the first day, at most 100 %; nothing under
 * 7 days. The manual says "mer än 7 dgr = 25 %" but its own example gives 14 days 50 %, so whole
 * weeks count (docs/domain.md, Decision).
 */
export function plannedAbsenceDeductionPercent(days: number): number {
  return Math.min(100, 25 * Math.floor(absenceDays(days) / 7));
}

export interface PlannedAbsenceDeduction {
  readonly deductionPercent: number;
  readonly deduction: Money;
}

/** The planned-absence percentage applied to the monthly care fee, rounded half up to the cent. */
export function plannedAbsenceDeduction(monthlyFee: Money, days: number): PlannedAbsenceDeduction {
  const fee = requireFee(monthlyFee);
  const deductionPercent = plannedAbsenceDeductionPercent(days);
  return Object.freeze({ deductionPercent, deduction: fee.multiply(decimal(deductionPercent).dividedBy(100), 'HALF_UP') });
}

export interface EffectivePlannedAbsence {
  /** null when the late notice leaves no deductible day. */
  readonly firstDeductibleDay: LocalDate | null;
  readonly lastDay: LocalDate;
  /** Deductible days, both ends included. */
  readonly days: number;
  /** The notice came less than 7 days before the first day, so the start moved. */
  readonly movedByLateNotice: boolean;
}

/**
 * A planned absence notified less than 7 days ahead counts only from 7 days after the notice
 * (the manual's example: told on a Monday about Wednesday, the deduction starts next Monday).
 */
export function effectivePlannedAbsence(notifiedOn: LocalDate, firstDay: LocalDate, lastDay: LocalDate): EffectivePlannedAbsence {
  const notified = parseLocalDate(notifiedOn, 'notifiedOn');
  const first = parseLocalDate(firstDay, 'firstDay');
  const last = parseLocalDate(lastDay, 'lastDay');
  if (compareLocalDates(last, first) < 0) throw new DomainValidationError(`must not be before firstDay (${first})`, 'lastDay');
  const earliest = addDays(notified, PLANNED_ABSENCE_NOTICE_DAYS);
  const movedByLateNotice = compareLocalDates(first, earliest) < 0;
  const start = movedByLateNotice ? earliest : first;
  if (compareLocalDates(start, last) > 0) return Object.freeze({ firstDeductibleDay: null, lastDay: last, days: 0, movedByLateNotice });
  return Object.freeze({ firstDeductibleDay: start, lastDay: last, days: daysBetween(start, last) + 1, movedByLateNotice });
}

export interface UnplannedAbsenceDeduction {
  readonly deduction: Money;
}

/**
 * Oplanerad frånvaro (hospital, respite or short-term care elsewhere): 1/30 of the monthly fee
 * for each day from the first, never more than the monthly fee. Divided once, half up, so that
 * 30 days give exactly the fee.
 */
export function unplannedAbsenceDeduction(monthlyFee: Money, days: number): UnplannedAbsenceDeduction {
  const fee = requireFee(monthlyFee);
  const count = absenceDays(days);
  const deduction = fee.multiply(count, 'HALF_UP').divide(UNPLANNED_ABSENCE_DAYS_PER_MONTH, 'HALF_UP');
  return Object.freeze({ deduction: Money.min(deduction, fee) });
}

/** Kost vårdbostad: the food deduction per absence day, kronor as a decimal string. */
export const SE_CARE_HOUSING_FOOD_DEDUCTIONS: DatedTable<string> = validateDatedTable([
  {
    validFrom: '2018-01-01',
    validTo: '2018-12-31',
    source:
      'Linköping municipality, Treserva manual no. 41 (revised 2018-10-29), p.25: "Avdrag för kost på vårdbostad görs med 102:- /dag (eller enligt prislista för det år det gäller)"; each organisation enters its own yearly price list',
    value: '102',
  },
]);

export interface FoodDeduction {
  readonly perDay: Money;
  readonly deduction: Money;
  readonly rule: DatedRow<string>;
}

/**
 * The food deduction for absence days in care housing, for planned and unplanned absence alike,
 * at the price list valid on `date`. The shipped list is one municipality's 2018 price: pass the
 * organisation's own list for other years, either as the table itself or as the rule-table set
 * from the database (its 'se-care-housing-food-deductions'; the shipped list when it has none).
 */
export function careHousingFoodDeduction(
  date: LocalDate,
  days: number,
  priceList: DatedTable<string> | RuleTableSet = SE_CARE_HOUSING_FOOD_DEDUCTIONS,
): FoodDeduction {
  // A dated table is a list; a rule-table set is a record of lists by name.
  const table = Array.isArray(priceList)
    ? (priceList as DatedTable<string>)
    : tableOf(priceList as RuleTableSet, 'se-care-housing-food-deductions', SE_CARE_HOUSING_FOOD_DEDUCTIONS);
  const rule = ruleFor(validateDatedTable(table), date, { table: 'care-housing food deductions' });
  const perDay = Money.fromDecimal(decimal(rule.value, 'priceList'), 'SEK', 'HALF_UP');
  if (perDay.isNegative()) throw new DomainValidationError('must not be negative', 'priceList');
  return Object.freeze({ perDay, deduction: perDay.multiply(absenceDays(days), 'HALF_UP'), rule });
}
