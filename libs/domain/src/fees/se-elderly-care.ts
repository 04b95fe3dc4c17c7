import { LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import { ruleFor } from '../rule-tables/dated-table';
import type { RuleTableSet } from '../billing/types';
import { tableOf } from '../rule-tables/table-set';
import { FeeExplanation, RuleVersion, ruleVersion } from './explanation';
import { optionalMoney, requireMoney, show } from './money-inputs';
import { SE_MAX_FEES, SE_MINIMUM_AMOUNTS } from './se-elderly-care-tables';

export interface SeElderlyCareFeeInput {
  readonly date: LocalDate;
  /** The client's net monthly income (after tax, with housing supplement), in SEK. */
  readonly netMonthlyIncome: Money;
  /** The client's actual monthly housing cost (bostadskostnad); a couple's own share of it. */
  readonly housingCost: Money;
  /** The monthly cost of the granted services (what the fee may at most cover). */
  readonly serviceCost: Money;
  /** Married or cohabiting: the couple's minimum amount applies. Implied by a spouse income. */
  readonly cohabiting?: boolean;
  /** With it, the couple's net incomes are pooled and each is counted with half. */
  readonly spouseNetMonthlyIncome?: Money;
  /** Individual adjustment of the minimum amount (± , e.g. a special diet or a meal subscription). */
  readonly individualAdjustment?: Money;
  /**
   * Hook for the statutory cap on the fee for housing in special housing that the tenancy act
   * does not cover: the housing cost counted is at most this. Not shipped as data because the
   * sources on file do not give the current cap.
   */
  readonly housingCostCap?: Money;
  /** Rule tables from the database by RULE_TABLES name; a missing one means the shipped table. */
  readonly tables?: RuleTableSet;
}

export interface SeElderlyCareFee {
  /** Minimibelopp from the table, before the individual adjustment. */
  readonly minimumAmount: Money;
  /** Förbehållsbelopp: minimum amount ± adjustment + housing cost. */
  readonly reservedAmount: Money;
  /** The net income counted: the client's own or half the couple's. */
  readonly countedIncome: Money;
  /** Avgiftsutrymme: may be negative, then no fee. */
  readonly feeRoom: Money;
  /** Maxtaxa for the month. */
  readonly maxFee: Money;
  readonly fee: Money;
  readonly explanation: FeeExplanation;
}

/** Maxtaxa for the month of `date`, from `tables` when it has 'se-max-fees', else the shipped table. */
export function seMaxFee(date: LocalDate, tables?: RuleTableSet): { maxFee: Money; rule: RuleVersion } {
  const row = ruleFor(tableOf(tables, 'se-max-fees', SE_MAX_FEES), date, { table: 'SE maximum fees (maxtaxa)' });
  return { maxFee: Money.fromDecimal(decimal(row.value.maxFee), 'SEK', 'HALF_UP'), rule: ruleVersion('SE maximum fees (maxtaxa)', row) };
}

/**
 * Elderly-care fee under the Social Services Act: fee room = net income − (minimum amount ±
 * individual adjustment + housing cost); fee = min(fee room, service cost, maxtaxa), nothing when
 * the room is zero or less. Amounts are exact to the öre; the only rounding (half a couple's
 * pooled income) is half up to the öre, as the sources name no coarser rounding.
 */
export function seElderlyCareFee(input: SeElderlyCareFeeInput): SeElderlyCareFee {
  const date = parseLocalDate(input.date, 'date');
  const ownIncome = requireMoney(input.netMonthlyIncome, 'SEK', 'netMonthlyIncome');
  const actualHousingCost = requireMoney(input.housingCost, 'SEK', 'housingCost');
  const serviceCost = requireMoney(input.serviceCost, 'SEK', 'serviceCost');
  const spouseIncome = optionalMoney(input.spouseNetMonthlyIncome, 'SEK', 'spouseNetMonthlyIncome');
  const housingCostCap = optionalMoney(input.housingCostCap, 'SEK', 'housingCostCap');
  const adjustment =
    input.individualAdjustment === undefined
      ? Money.zero('SEK')
      : requireMoney(input.individualAdjustment, 'SEK', 'individualAdjustment', { allowNegative: true });
  if (input.cohabiting === false && spouseIncome !== undefined) {
    throw new DomainValidationError('is only for a married or cohabiting client', 'spouseNetMonthlyIncome');
  }
  const cohabiting = input.cohabiting ?? spouseIncome !== undefined;

  const minimumRow = ruleFor(tableOf(input.tables, 'se-minimum-amounts', SE_MINIMUM_AMOUNTS), date, { table: 'SE minimum amounts (minimibelopp)' });
  const { maxFee, rule: maxFeeRule } = seMaxFee(date, input.tables);
  const minimumAmount = Money.fromDecimal(decimal(cohabiting ? minimumRow.value.cohabitingEach : minimumRow.value.single), 'SEK', 'HALF_UP');

  const lines: string[] = [];
  let countedIncome = ownIncome;
  if (spouseIncome !== undefined) {
    countedIncome = ownIncome.add(spouseIncome).divide(2, 'HALF_UP');
    lines.push(`couple's incomes pooled and split: (${show(ownIncome)} + ${show(spouseIncome)}) ÷ 2 = ${show(countedIncome)}`);
  }
  lines.push(`minimum amount (${cohabiting ? 'each of a couple' : 'single'}): ${show(minimumAmount)}`);
  if (!adjustment.isZero()) lines.push(`individual adjustment: ${show(adjustment)}`);

  let housingCost = actualHousingCost;
  if (housingCostCap !== undefined && housingCost.isGreaterThan(housingCostCap)) {
    housingCost = housingCostCap;
    lines.push(`housing cost ${show(actualHousingCost)} capped at ${show(housingCostCap)}`);
  }
  const reservedAmount = minimumAmount.add(adjustment).add(housingCost);
  lines.push(`reserved amount: ${show(minimumAmount)} + ${show(adjustment)} + housing ${show(housingCost)} = ${show(reservedAmount)}`);
  const feeRoom = countedIncome.subtract(reservedAmount);
  lines.push(`fee room: ${show(countedIncome)} − ${show(reservedAmount)} = ${show(feeRoom)}`);

  let fee: Money;
  if (!feeRoom.isPositive()) {
    fee = Money.zero('SEK');
    lines.push('no fee room: no fee');
  } else {
    fee = Money.min(Money.min(feeRoom, serviceCost), maxFee);
    lines.push(`fee = min(fee room ${show(feeRoom)}, service cost ${show(serviceCost)}, maxtaxa ${show(maxFee)}) = ${show(fee)}`);
  }

  const inputs: Record<string, string> = {
    date,
    netMonthlyIncome: ownIncome.toDecimalString(),
    housingCost: actualHousingCost.toDecimalString(),
    serviceCost: serviceCost.toDecimalString(),
    cohabiting: String(cohabiting),
  };
  if (spouseIncome !== undefined) inputs.spouseNetMonthlyIncome = spouseIncome.toDecimalString();
  if (!adjustment.isZero()) inputs.individualAdjustment = adjustment.toDecimalString();
  if (housingCostCap !== undefined) inputs.housingCostCap = housingCostCap.toDecimalString();

  return Object.freeze({
    minimumAmount,
    reservedAmount,
    countedIncome,
    feeRoom,
    maxFee,
    fee,
    explanation: Object.freeze({
      rules: Object.freeze([ruleVersion('SE minimum amounts (minimibelopp)', minimumRow), maxFeeRule]),
      inputs: Object.freeze(inputs),
      lines: Object.freeze(lines),
    }),
  });
}
