import { LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { Money } from '../money/money';
import type { RuleTableSet } from '../billing/types';
import { FeeExplanation, RuleVersion } from './explanation';
import { optionalMoney, requireMoney, show } from './money-inputs';
import { seMaxFee } from './se-elderly-care';

/**
 * A client who does not disclose income pays the tariff's maximum (SV "accepterar maxavgift").
 * - FI home care: the percentage grows with income without bound until the cost cap binds, so the
 *   maximum is the service cost.
 * - FI long-term care: 85 % of an unknown income cannot be computed; the cost cap is the maximum.
 * - SE elderly care: maxtaxa, or the service cost when that is lower.
 */
export type UndisclosedIncomeFeeInput =
  | { readonly rule: 'fi-home-care'; readonly date: LocalDate; readonly serviceCost: Money; readonly tables?: RuleTableSet }
  | { readonly rule: 'fi-long-term-care'; readonly date: LocalDate; readonly serviceCost: Money; readonly tables?: RuleTableSet }
  | { readonly rule: 'se-elderly-care'; readonly date: LocalDate; readonly serviceCost?: Money; readonly tables?: RuleTableSet };

export interface UndisclosedIncomeFee {
  readonly fee: Money;
  readonly explanation: FeeExplanation;
}

export function maximumFeeWithoutIncome(input: UndisclosedIncomeFeeInput): UndisclosedIncomeFee {
  if (input === null || typeof input !== 'object') throw new DomainValidationError('must name a rule', 'rule');
  const date = parseLocalDate(input.date, 'date');
  const rules: RuleVersion[] = [];
  const lines: string[] = [];
  let fee: Money;
  switch (input.rule) {
    case 'fi-home-care':
    case 'fi-long-term-care': {
      fee = requireMoney(input.serviceCost, 'EUR', 'serviceCost');
      lines.push(`income not disclosed: the fee is the cost of the service ${show(fee)}`);
      break;
    }
    case 'se-elderly-care': {
      const serviceCost = optionalMoney(input.serviceCost, 'SEK', 'serviceCost');
      const { maxFee, rule } = seMaxFee(date, input.tables);
      rules.push(rule);
      fee = serviceCost !== undefined && serviceCost.isLessThan(maxFee) ? serviceCost : maxFee;
      lines.push(
        serviceCost === undefined
          ? `income not disclosed (accepterar maxavgift): maxtaxa ${show(maxFee)}`
          : `income not disclosed (accepterar maxavgift): min(maxtaxa ${show(maxFee)}, service cost ${show(serviceCost)}) = ${show(fee)}`,
      );
      break;
    }
    default:
      throw new DomainValidationError('must be fi-home-care, fi-long-term-care or se-elderly-care', 'rule');
  }
  const inputs: Record<string, string> = { rule: input.rule, date };
  if (input.serviceCost !== undefined) inputs.serviceCost = input.serviceCost.toDecimalString();
  return Object.freeze({ fee, explanation: Object.freeze({ rules: Object.freeze(rules), inputs: Object.freeze(inputs), lines: Object.freeze(lines) }) });
}
