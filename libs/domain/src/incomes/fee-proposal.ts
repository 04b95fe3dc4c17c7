import type { LocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import type { FeeExplanation } from '../fees/explanation';
import { fiHomeCareFee } from '../fees/fi-home-care';
import { fiLongTermCareFee } from '../fees/fi-long-term-care';
import type { LongTermCareType } from '../fees/fi-long-term-care-tables';
import { maximumFeeWithoutIncome } from '../fees/maximum-fee';
import { Money } from '../money/money';
import type { RuleTableSet } from '../billing/types';
import type { Household } from './household';
import type { PersonIncomeSummary } from './income-summary';

/** The decided service the fee is proposed for (palvelupäätös). Decimal strings. */
export type ServiceForFee =
  | { readonly kind: 'fi-home-care'; readonly hoursPerMonth: string; readonly serviceCost: string }
  | { readonly kind: 'fi-long-term-care'; readonly careType: LongTermCareType; readonly serviceCost: string };

export interface FeeProposalInput {
  readonly date: LocalDate;
  readonly service: ServiceForFee;
  readonly household: Household;
  readonly client: PersonIncomeSummary;
  /** The spouse's summary when the household has one and it was fetched. */
  readonly spouse?: PersonIncomeSummary;
  /** The client said they accept the maximum fee instead of disclosing income. */
  readonly acceptsMaximumFee?: boolean;
  /** FI long-term care deductions (§ 10 c-d) the officer has entered. */
  readonly deductions?: string;
  readonly tables?: RuleTableSet;
}

export interface FeeProposal {
  readonly fee: string;
  readonly rule: ServiceForFee['kind'];
  /** Why the maximum fee was proposed, if it was: the officer must see it. */
  readonly maximumFee: null | 'no-income-data' | 'accepts-maximum-fee';
  readonly incomeUsed: { readonly grossMonthly: string; readonly netMonthly: string; readonly spouseNetMonthly: string | null; readonly householdSize: number };
  readonly explanation: FeeExplanation;
}

const eur = (text: string, field: string) => Money.parse(text, 'EUR', field);

/**
 * The fee the review proposes to the official, from the domain's fee rules: home care on the
 * household's gross income and size; long-term care on the client's net income with the spouse
 * rule; the maximum fee when the client accepts it or nothing at all is known of their income
 * (domain.md §3), flagged so the officer sees why.
 */
export function proposeFee(input: FeeProposalInput): FeeProposal {
  const serviceCost = eur(input.service.serviceCost, 'service.serviceCost');
  const spouseIncluded = input.household.spouseRef !== null && input.spouse !== undefined;
  const gross = eur(input.client.grossMonthly, 'client.grossMonthly').add(spouseIncluded ? eur(input.spouse!.grossMonthly, 'spouse.grossMonthly') : Money.zero('EUR'));
  const incomeUsed = {
    grossMonthly: gross.toDecimalString(),
    netMonthly: input.client.netMonthly,
    spouseNetMonthly: spouseIncluded ? input.spouse!.netMonthly : null,
    householdSize: input.household.size,
  };
  const maximumFee = input.acceptsMaximumFee ? 'accepts-maximum-fee' : !input.client.hasData ? 'no-income-data' : null;
  if (maximumFee !== null) {
    const { fee, explanation } = maximumFeeWithoutIncome({ rule: input.service.kind, date: input.date, serviceCost, tables: input.tables });
    const why = maximumFee === 'no-income-data' ? 'no income data from the registers and none reported by the client' : 'the client accepts the maximum fee';
    return Object.freeze({ fee: fee.toDecimalString(), rule: input.service.kind, maximumFee, incomeUsed, explanation: { ...explanation, lines: [why, ...explanation.lines] } });
  }
  switch (input.service.kind) {
    case 'fi-home-care': {
      const result = fiHomeCareFee({ date: input.date, householdSize: input.household.size, grossMonthlyIncome: gross, hoursPerMonth: input.service.hoursPerMonth, serviceCost, tables: input.tables });
      return Object.freeze({ fee: result.fee.toDecimalString(), rule: input.service.kind, maximumFee, incomeUsed, explanation: { ...result.explanation, lines: [input.household.explanation, ...result.explanation.lines] } });
    }
    case 'fi-long-term-care': {
      const result = fiLongTermCareFee({
        date: input.date,
        careType: input.service.careType,
        netMonthlyIncome: eur(input.client.netMonthly, 'client.netMonthly'),
        deductions: input.deductions === undefined ? undefined : eur(input.deductions, 'deductions'),
        ...(spouseIncluded ? { spouseNetMonthlyIncome: eur(input.spouse!.netMonthly, 'spouse.netMonthly') } : {}),
        serviceCost,
        tables: input.tables,
      });
      return Object.freeze({ fee: result.fee.toDecimalString(), rule: input.service.kind, maximumFee, incomeUsed, explanation: { ...result.explanation, lines: [input.household.explanation, ...result.explanation.lines] } });
    }
    default:
      throw new DomainValidationError('must be fi-home-care or fi-long-term-care', 'service.kind');
  }
}
