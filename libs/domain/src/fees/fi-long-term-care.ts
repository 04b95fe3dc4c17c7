import { LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import { ruleFor } from '../rule-tables/dated-table';
import type { RuleTableSet } from '../billing/types';
import { tableOf } from '../rule-tables/table-set';
import { FeeExplanation, ruleVersion } from './explanation';
import { optionalMoney, requireMoney, show } from './money-inputs';
import { FI_LONG_TERM_CARE_SHARES, FI_PERSONAL_ALLOWANCES, LONG_TERM_CARE_TYPES, LongTermCareType } from './fi-long-term-care-tables';

export interface FiLongTermCareFeeInput {
  readonly date: LocalDate;
  /** Default: enhanced service housing. */
  readonly careType?: LongTermCareType;
  /** The client's net monthly income (after tax) as the Act counts it, in EUR. */
  readonly netMonthlyIncome: Money;
  /** The statutory deductions (§ 10 c, 10 d): medicines, guardian's fee, former home's costs … */
  readonly deductions?: Money;
  /**
   * The net monthly income of the spouse the client lived with just before the care began. Leave
   * it out when both spouses are in long-term care: each then pays on their own income.
   */
  readonly spouseNetMonthlyIncome?: Money;
  /** What the service costs to produce: the fee may never exceed it. */
  readonly serviceCost?: Money;
  /** Rule tables from the database by RULE_TABLES name; a missing one means the shipped table. */
  readonly tables?: RuleTableSet;
}

export interface FiLongTermCareFee {
  readonly fee: Money;
  /** Käyttövara: what must remain for the client's personal use. */
  readonly personalAllowance: Money;
  readonly spouseRuleApplied: boolean;
  /** The 85 % (or 42.5 %) ceiling before the allowance and cost caps. */
  readonly percentageCeiling: Money;
  readonly explanation: FeeExplanation;
}

export function requireLongTermCareType(value: unknown): LongTermCareType {
  if (!LONG_TERM_CARE_TYPES.includes(value as LongTermCareType)) {
    throw new DomainValidationError(`must be one of ${LONG_TERM_CARE_TYPES.join(', ')}`, 'careType');
  }
  return value as LongTermCareType;
}

/**
 * The monthly fee for long-term enhanced service housing, family care or institutional care:
 * at most 85 % of the client's net income after deductions, or 42.5 % of the couple's combined
 * income when the client earns more than the spouse left at home; the käyttövara always remains;
 * never negative, never above the service cost; rounded half up to the cent.
 */
export function fiLongTermCareFee(input: FiLongTermCareFeeInput): FiLongTermCareFee {
  const date = parseLocalDate(input.date, 'date');
  const careType = requireLongTermCareType(input.careType ?? 'enhanced-service-housing');
  const income = requireMoney(input.netMonthlyIncome, 'EUR', 'netMonthlyIncome');
  const deductions = optionalMoney(input.deductions, 'EUR', 'deductions') ?? Money.zero('EUR');
  const spouseIncome = optionalMoney(input.spouseNetMonthlyIncome, 'EUR', 'spouseNetMonthlyIncome');
  const serviceCost = optionalMoney(input.serviceCost, 'EUR', 'serviceCost');

  const sharesRow = ruleFor(tableOf(input.tables, 'fi-long-term-care-shares', FI_LONG_TERM_CARE_SHARES), date, { table: 'FI long-term care shares' });
  const allowanceRow = ruleFor(tableOf(input.tables, 'fi-personal-allowances', FI_PERSONAL_ALLOWANCES), date, { table: 'FI personal allowances (käyttövara)' });
  const personalAllowance = Money.fromDecimal(decimal(allowanceRow.value[careType]), 'EUR', 'HALF_UP');

  const lines: string[] = [];
  const spouseRuleApplied = spouseIncome !== undefined && spouseIncome.isLessThan(income);
  let percentageCeiling: Money;
  if (spouseRuleApplied) {
    const combined = income.add(spouseIncome).subtract(deductions);
    percentageCeiling = combined.multiply(decimal(sharesRow.value.couple).dividedBy(100), 'HALF_UP');
    lines.push(`spouse rule: the spouse's net income ${show(spouseIncome)} is lower than the client's ${show(income)}`);
    lines.push(`${show(income)} + ${show(spouseIncome)} − deductions ${show(deductions)} = ${show(combined)}`);
    lines.push(`${sharesRow.value.couple} % × ${show(combined)} = ${show(percentageCeiling)}`);
  } else {
    const own = income.subtract(deductions);
    percentageCeiling = own.multiply(decimal(sharesRow.value.client).dividedBy(100), 'HALF_UP');
    if (spouseIncome !== undefined) lines.push(`spouse's net income ${show(spouseIncome)} is not lower than the client's: own income only`);
    lines.push(`${show(income)} − deductions ${show(deductions)} = ${show(own)}`);
    lines.push(`${sharesRow.value.client} % × ${show(own)} = ${show(percentageCeiling)}`);
  }

  const afterAllowance = income.subtract(deductions).subtract(personalAllowance);
  lines.push(`${show(income)} − deductions ${show(deductions)} − käyttövara ${show(personalAllowance)} = ${show(afterAllowance)} at most`);
  let fee = Money.min(percentageCeiling, afterAllowance);
  if (serviceCost !== undefined && fee.isGreaterThan(serviceCost)) {
    fee = serviceCost;
    lines.push(`capped at the cost of the service ${show(serviceCost)}`);
  }
  if (fee.isNegative()) {
    fee = Money.zero('EUR');
    lines.push('nothing left to charge: no fee');
  }
  lines.push(`fee ${show(fee)} a month`);

  const inputs: Record<string, string> = { date, careType, netMonthlyIncome: income.toDecimalString(), deductions: deductions.toDecimalString() };
  if (spouseIncome !== undefined) inputs.spouseNetMonthlyIncome = spouseIncome.toDecimalString();
  if (serviceCost !== undefined) inputs.serviceCost = serviceCost.toDecimalString();

  return Object.freeze({
    fee,
    personalAllowance,
    spouseRuleApplied,
    percentageCeiling,
    explanation: Object.freeze({
      rules: Object.freeze([ruleVersion('FI long-term care shares', sharesRow), ruleVersion('FI personal allowances (käyttövara)', allowanceRow)]),
      inputs: Object.freeze(inputs),
      lines: Object.freeze(lines),
    }),
  });
}
