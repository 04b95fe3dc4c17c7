import { LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { decimal } from '../money/decimal';
import { Money } from '../money/money';
import { ruleFor } from '../rule-tables/dated-table';
import type { RuleTableSet } from '../billing/types';
import { tableOf } from '../rule-tables/table-set';
import { FeeExplanation, RuleVersion, ruleVersion } from './explanation';
import { optionalMoney, requireMoney, show } from './money-inputs';
import { SE_MAX_FEES, SE_MINIMUM_AMOUNTS, SE_SPECIAL_HOUSING_FEE_CAPS } from './se-elderly-care-tables';

/**
 * Whose incomes count and which minimum amount applies (SoL 2001:453 8 kap. 4 § 3 st. and 7 § 2 st.;
 * carried over by SFS 2025:400):
 * - `single`: own income, the single person's minimum amount;
 * - `married`: spouses and registered partners (lag 1994:1117 om registrerat partnerskap 3 kap.
 *   1 §: what is said of spouses applies to them): incomes pooled and halved, the couple's minimum
 *   amount each;
 * - `cohabiting`: cohabitants (sambor) living together: each on their own income — the Act pools
 *   only spouses' incomes — but with the couple's minimum amount, which the Act gives to
 *   "sammanlevande makar och sambor" alike.
 */
export type SeRelationship = 'single' | 'married' | 'cohabiting';
export const SE_RELATIONSHIPS: readonly SeRelationship[] = Object.freeze(['single', 'married', 'cohabiting']);

export interface SeElderlyCareFeeInput {
  readonly date: LocalDate;
  /** The client's net monthly income (after tax, with housing supplement), in SEK. */
  readonly netMonthlyIncome: Money;
  /**
   * The housing cost reserved for (bostadskostnad): rent under the tenancy act or the own home's
   * costs, a couple's own share of it. Not the fee for special housing outside the tenancy act,
   * which is `specialHousingFee`.
   */
  readonly housingCost: Money;
  /** The monthly cost of the granted services (what the fee may at most cover). */
  readonly serviceCost: Money;
  /** Default `single`. */
  readonly relationship?: SeRelationship;
  /** A married client's spouse's net monthly income: required for `married`, refused otherwise. */
  readonly spouseNetMonthlyIncome?: Money;
  /** Individual adjustment of the minimum amount (± , e.g. a special diet or a meal subscription). */
  readonly individualAdjustment?: Money;
  /**
   * The decided monthly fee for housing in special housing that the tenancy act does not cover
   * (a room or a shared room, not a tenancy). It is capped by 8 kap. 5 § 2, nothing is reserved
   * for it (8 kap. 7 § 1 st.), and it is charged from the fee room before the care fee.
   */
  readonly specialHousingFee?: Money;
  /** Rule tables from the database by RULE_TABLES name; a missing one means the shipped table. */
  readonly tables?: RuleTableSet;
}

export interface SeElderlyCareFee {
  /** Minimibelopp from the table, before the individual adjustment. */
  readonly minimumAmount: Money;
  /** Förbehållsbelopp: minimum amount ± adjustment + the reserved housing cost. */
  readonly reservedAmount: Money;
  /** The net income counted: the client's own or half the married couple's. */
  readonly countedIncome: Money;
  /** Avgiftsutrymme: may be negative, then no fee. */
  readonly feeRoom: Money;
  /** Maxtaxa for the month. */
  readonly maxFee: Money;
  /** The care fee (omsorgsavgift) for the month. */
  readonly fee: Money;
  /** The housing fee charged for special housing outside the tenancy act; zero when there is none. */
  readonly housingFee: Money;
  readonly explanation: FeeExplanation;
}

/** Maxtaxa for the month of `date`, from `tables` when it has 'se-max-fees', else the shipped table. */
export function seMaxFee(date: LocalDate, tables?: RuleTableSet): { maxFee: Money; rule: RuleVersion } {
  const row = ruleFor(tableOf(tables, 'se-max-fees', SE_MAX_FEES), date, { table: 'SE maximum fees (maxtaxa)' });
  return { maxFee: Money.fromDecimal(decimal(row.value.maxFee), 'SEK', 'HALF_UP'), rule: ruleVersion('SE maximum fees (maxtaxa)', row) };
}

function requireRelationship(value: unknown): SeRelationship {
  if (value === undefined) return 'single';
  if (!SE_RELATIONSHIPS.includes(value as SeRelationship)) throw new DomainValidationError(`must be one of ${SE_RELATIONSHIPS.join(', ')}`, 'relationship');
  return value as SeRelationship;
}

/** The income counted for the fee: own, or half a married couple's (8 kap. 4 § 3 st.). */
function countedIncomeOf(relationship: SeRelationship, own: Money, spouse: Money | undefined, lines: string[]): Money {
  if (relationship === 'married') {
    if (spouse === undefined) throw new DomainValidationError("is required for a married client: spouses' incomes are pooled and halved", 'spouseNetMonthlyIncome');
    const counted = own.add(spouse).divide(2, 'HALF_UP');
    lines.push(`spouses' incomes pooled and halved: (${show(own)} + ${show(spouse)}) ÷ 2 = ${show(counted)}`);
    return counted;
  }
  if (spouse !== undefined) {
    throw new DomainValidationError(
      relationship === 'cohabiting'
        ? "is not counted for a cohabitant: only spouses' and registered partners' incomes are pooled; a cohabitant pays on their own income"
        : 'is only for a married client',
      'spouseNetMonthlyIncome',
    );
  }
  if (relationship === 'cohabiting') lines.push(`cohabitant: own income ${show(own)} (only spouses' incomes are pooled)`);
  return own;
}

/**
 * Elderly-care fee under the Social Services Act (SoL 2001:453 8 kap. 4-8 §§, carried over by
 * SFS 2025:400): fee room = counted net income − (minimum amount ± individual adjustment +
 * reserved housing cost). From the fee room the housing fee for special housing outside the
 * tenancy act is charged first (at most its cap), then the care fee = min(what is left, service
 * cost, maxtaxa); nothing when the room is zero or less. Amounts are exact to the öre; the only
 * rounding (half a married couple's pooled income) is half up to the öre.
 */
export function seElderlyCareFee(input: SeElderlyCareFeeInput): SeElderlyCareFee {
  const date = parseLocalDate(input.date, 'date');
  const ownIncome = requireMoney(input.netMonthlyIncome, 'SEK', 'netMonthlyIncome');
  const housingCost = requireMoney(input.housingCost, 'SEK', 'housingCost');
  const serviceCost = requireMoney(input.serviceCost, 'SEK', 'serviceCost');
  const spouseIncome = optionalMoney(input.spouseNetMonthlyIncome, 'SEK', 'spouseNetMonthlyIncome');
  const decidedHousingFee = optionalMoney(input.specialHousingFee, 'SEK', 'specialHousingFee');
  const relationship = requireRelationship(input.relationship);
  const adjustment =
    input.individualAdjustment === undefined
      ? Money.zero('SEK')
      : requireMoney(input.individualAdjustment, 'SEK', 'individualAdjustment', { allowNegative: true });

  const minimumRow = ruleFor(tableOf(input.tables, 'se-minimum-amounts', SE_MINIMUM_AMOUNTS), date, { table: 'SE minimum amounts (minimibelopp)' });
  const { maxFee, rule: maxFeeRule } = seMaxFee(date, input.tables);
  const rules: RuleVersion[] = [ruleVersion('SE minimum amounts (minimibelopp)', minimumRow), maxFeeRule];
  const couple = relationship !== 'single';
  const minimumAmount = Money.fromDecimal(decimal(couple ? minimumRow.value.cohabitingEach : minimumRow.value.single), 'SEK', 'HALF_UP');

  const lines: string[] = [];
  const countedIncome = countedIncomeOf(relationship, ownIncome, spouseIncome, lines);
  lines.push(`minimum amount (${couple ? 'each of two living together' : 'single'}): ${show(minimumAmount)}`);
  if (!adjustment.isZero()) lines.push(`individual adjustment: ${show(adjustment)}`);

  const reservedAmount = minimumAmount.add(adjustment).add(housingCost);
  lines.push(`reserved amount: ${show(minimumAmount)} + ${show(adjustment)} + housing ${show(housingCost)} = ${show(reservedAmount)}`);
  const feeRoom = countedIncome.subtract(reservedAmount);
  lines.push(`fee room: ${show(countedIncome)} − ${show(reservedAmount)} = ${show(feeRoom)}`);
  let room = feeRoom.isPositive() ? feeRoom : Money.zero('SEK');

  let housingFee = Money.zero('SEK');
  if (decidedHousingFee !== undefined) {
    const capRow = ruleFor(tableOf(input.tables, 'se-special-housing-fee-caps', SE_SPECIAL_HOUSING_FEE_CAPS), date, { table: 'SE special-housing fee caps' });
    rules.push(ruleVersion('SE special-housing fee caps', capRow));
    const cap = Money.fromDecimal(decimal(capRow.value.cap), 'SEK', 'DOWN');
    housingFee = Money.min(Money.min(decidedHousingFee, cap), room);
    lines.push(
      `housing fee in special housing outside the tenancy act (nothing reserved for it): min(decided ${show(decidedHousingFee)}, cap ${show(cap)}, fee room ${show(room)}) = ${show(housingFee)}`,
    );
    room = room.subtract(housingFee);
  }

  let fee: Money;
  if (!room.isPositive()) {
    fee = Money.zero('SEK');
    lines.push(decidedHousingFee === undefined ? 'no fee room: no fee' : 'no fee room left for the care fee: no care fee');
  } else {
    fee = Money.min(Money.min(room, serviceCost), maxFee);
    lines.push(`fee = min(fee room ${show(room)}, service cost ${show(serviceCost)}, maxtaxa ${show(maxFee)}) = ${show(fee)}`);
  }

  const inputs: Record<string, string> = {
    date,
    netMonthlyIncome: ownIncome.toDecimalString(),
    housingCost: housingCost.toDecimalString(),
    serviceCost: serviceCost.toDecimalString(),
    relationship,
  };
  if (spouseIncome !== undefined) inputs.spouseNetMonthlyIncome = spouseIncome.toDecimalString();
  if (!adjustment.isZero()) inputs.individualAdjustment = adjustment.toDecimalString();
  if (decidedHousingFee !== undefined) inputs.specialHousingFee = decidedHousingFee.toDecimalString();

  return Object.freeze({
    minimumAmount,
    reservedAmount,
    countedIncome,
    feeRoom,
    maxFee,
    fee,
    housingFee,
    explanation: Object.freeze({ rules: Object.freeze(rules), inputs: Object.freeze(inputs), lines: Object.freeze(lines) }),
  });
}
