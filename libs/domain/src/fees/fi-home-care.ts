import { LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';
import { Decimal, DecimalValue, decimal } from '../money/decimal';
import { Money } from '../money/money';
import { DatedTable, ruleFor, validateDatedTable } from '../rule-tables/dated-table';
import type { RuleTableSet } from '../billing/types';
import { tableOf } from '../rule-tables/table-set';
import { FeeExplanation, RuleVersion, ruleVersion } from './explanation';
import { optionalMoney, requireMoney, show } from './money-inputs';
import {
  FI_HOME_CARE_INCOME_LIMITS,
  FI_HOME_CARE_PERCENTAGES,
  HomeCareIncomeLimits,
  HomeCarePercentageTable,
} from './fi-home-care-tables';

/**
 * A wellbeing services county may charge less than the statute allows (asiakasmaksulaki: "enintään"):
 * either every statutory percentage times a factor, or its own dated table. Either way, no
 * percentage may exceed the statutory maximum.
 */
export type HomeCareTariff =
  | { readonly kind: 'factor'; readonly factor: DecimalValue; readonly source: string }
  | { readonly kind: 'table'; readonly percentages: DatedTable<HomeCarePercentageTable> };

export interface FiHomeCareFeeInput {
  readonly date: LocalDate;
  /** Persons in the household (perheen koko), 1 or more. */
  readonly householdSize: number;
  /** The household's gross monthly income as the Act counts it, in EUR. */
  readonly grossMonthlyIncome: Money;
  /** Service hours a month in the care plan; a fraction is rounded to whole hours, half up. */
  readonly hoursPerMonth: DecimalValue;
  /** What the service costs to produce: the fee may never exceed it. */
  readonly serviceCost?: Money;
  /** The organisation's lower tariff; the statutory maximum when absent. */
  readonly tariff?: HomeCareTariff;
  /** Rule tables from the database by RULE_TABLES name; a missing one means the shipped table. */
  readonly tables?: RuleTableSet;
}

export interface FiHomeCareFee {
  readonly incomeLimit: Money;
  /** The percentage charged, e.g. '35' or '15.5'. */
  readonly percentage: string;
  readonly statutoryPercentage: string;
  /** The whole hours the percentage was looked up with. */
  readonly hoursCharged: number;
  readonly fee: Money;
  readonly costCapApplied: boolean;
  readonly explanation: FeeExplanation;
}

const MAX_HOUSEHOLD = 99;

/** The income limit (tuloraja) for a household size on the row's terms. */
export function homeCareIncomeLimit(limits: HomeCareIncomeLimits, householdSize: number): Money {
  requireInteger(householdSize, 'householdSize', 1, MAX_HOUSEHOLD);
  const base = decimal(limits.bySize[Math.min(householdSize, 6) - 1]);
  const extra = decimal(limits.eachFurtherPerson).times(Math.max(0, householdSize - 6));
  return Money.fromDecimal(base.plus(extra), 'EUR', 'HALF_UP');
}

/** Whole hours as the table has them: half an hour or more counts as a full hour. */
export function homeCareHoursCharged(hoursPerMonth: DecimalValue): number {
  const hours = decimal(hoursPerMonth, 'hoursPerMonth');
  if (hours.isNegative()) throw new DomainValidationError('must not be negative', 'hoursPerMonth');
  if (hours.greaterThan(744)) throw new DomainValidationError('must be at most 744 (hours in a month)', 'hoursPerMonth');
  return hours.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** The percentage for whole `hours` and `householdSize` from one table. */
export function homeCarePercentage(table: HomeCarePercentageTable, hours: number, householdSize: number): Decimal {
  requireInteger(householdSize, 'householdSize', 1, MAX_HOUSEHOLD);
  const rows = table.rows;
  if (rows.length === 0) throw new DomainValidationError('has no rows', 'percentages');
  const first = rows[0];
  const last = rows[rows.length - 1];
  const clamped = Math.min(Math.max(hours, first.hours), last.hours);
  const found = rows.find((candidate) => candidate.hours === clamped);
  if (!found) throw new DomainValidationError(`has no row for ${clamped} hours`, 'percentages');
  return decimal(found.percentages[Math.min(householdSize, 6) - 1], 'percentages');
}

function tariffPercentage(
  tariff: HomeCareTariff | undefined,
  statutory: Decimal,
  date: LocalDate,
  hours: number,
  householdSize: number,
  rules: RuleVersion[],
): Decimal {
  if (tariff === undefined) return statutory;
  let chosen: Decimal;
  if (tariff.kind === 'factor') {
    const factor = decimal(tariff.factor, 'tariff.factor');
    if (factor.isNegative() || factor.greaterThan(1)) throw new DomainValidationError('must be between 0 and 1', 'tariff.factor');
    if (typeof tariff.source !== 'string' || tariff.source.trim() === '') throw new DomainValidationError('must cite the decision', 'tariff.source');
    rules.push({ table: 'organisation tariff factor', validFrom: date, validTo: date, source: `${tariff.source} (× ${factor.toString()})` });
    chosen = statutory.times(factor);
  } else if (tariff.kind === 'table') {
    const table = validateDatedTable(tariff.percentages);
    const row = ruleFor(table, date, { table: 'the organisation home-care percentages' });
    rules.push(ruleVersion('organisation home-care percentages', row));
    chosen = homeCarePercentage(row.value, hours, householdSize);
  } else {
    throw new DomainValidationError('must be a factor or a table', 'tariff');
  }
  if (chosen.isNegative()) throw new DomainValidationError('must not be negative', 'tariff');
  if (chosen.greaterThan(statutory)) {
    throw new DomainValidationError(`${chosen.toString()} % exceeds the statutory maximum ${statutory.toString()} %`, 'tariff');
  }
  return chosen;
}

/**
 * Continuous and regular home care (jatkuva ja säännöllinen kotona annettava palvelu) and the
 * housing services priced the same way: percentage × (gross monthly income − income limit),
 * nothing at or below the limit, never more than the service costs, rounded half up to the cent.
 */
export function fiHomeCareFee(input: FiHomeCareFeeInput): FiHomeCareFee {
  const date = parseLocalDate(input.date, 'date');
  const householdSize = requireInteger(input.householdSize, 'householdSize', 1, MAX_HOUSEHOLD);
  const income = requireMoney(input.grossMonthlyIncome, 'EUR', 'grossMonthlyIncome');
  const serviceCost = optionalMoney(input.serviceCost, 'EUR', 'serviceCost');
  const hours = homeCareHoursCharged(input.hoursPerMonth);

  const limitRow = ruleFor(tableOf(input.tables, 'fi-home-care-income-limits', FI_HOME_CARE_INCOME_LIMITS), date, { table: 'FI home-care income limits' });
  const percentRow = ruleFor(tableOf(input.tables, 'fi-home-care-percentages', FI_HOME_CARE_PERCENTAGES), date, { table: 'FI home-care percentages' });
  const rules: RuleVersion[] = [ruleVersion('FI home-care income limits', limitRow), ruleVersion('FI home-care percentages', percentRow)];

  const incomeLimit = homeCareIncomeLimit(limitRow.value, householdSize);
  const statutory = homeCarePercentage(percentRow.value, hours, householdSize);
  const percentage = tariffPercentage(input.tariff, statutory, date, hours, householdSize, rules);

  const lines = [
    `income limit for a household of ${householdSize}: ${show(incomeLimit)}`,
    `service hours ${decimal(input.hoursPerMonth).toString()} a month → ${hours} h in the table`,
    `percentage for ${hours} h and ${householdSize} person(s): ${percentage.toString()} % (statutory maximum ${statutory.toString()} %)`,
  ];
  const excess = income.subtract(incomeLimit);
  let fee: Money;
  if (!excess.isPositive()) {
    fee = Money.zero('EUR');
    lines.push(`${show(income)} is not above the income limit ${show(incomeLimit)}: no fee`);
  } else {
    // Dividing by 100 is exact, so the fee is rounded only once.
    fee = excess.multiply(percentage.dividedBy(100), 'HALF_UP');
    lines.push(`${show(income)} − ${show(incomeLimit)} = ${show(excess)} above the limit`);
    lines.push(`${percentage.toString()} % × ${show(excess)} = ${show(fee)} (rounded half up to the cent)`);
  }
  let costCapApplied = false;
  if (serviceCost !== undefined && fee.isGreaterThan(serviceCost)) {
    fee = serviceCost;
    costCapApplied = true;
    lines.push(`capped at the cost of the service ${show(serviceCost)}`);
  }
  lines.push(`fee ${show(fee)} a month`);

  const inputs: Record<string, string> = {
    date,
    householdSize: String(householdSize),
    grossMonthlyIncome: income.toDecimalString(),
    hoursPerMonth: decimal(input.hoursPerMonth).toString(),
  };
  if (serviceCost !== undefined) inputs.serviceCost = serviceCost.toDecimalString();
  if (input.tariff !== undefined) inputs.tariff = input.tariff.kind;

  return Object.freeze({
    incomeLimit,
    percentage: percentage.toString(),
    statutoryPercentage: statutory.toString(),
    hoursCharged: hours,
    fee,
    costCapApplied,
    explanation: Object.freeze({ rules: Object.freeze(rules), inputs: Object.freeze(inputs), lines: Object.freeze(lines) }),
  });
}
