import { LocalDate, addMonths, lastDayOfMonth, localDateOf, localDateParts, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { Money } from '../money/money';

// Rent contracts in Swedish elderly-care housing (seed 002, p.13-16). Rent is charged from the
// contract date, so these dates decide whether the first and last months are full or half.

/** vårdbostad (care housing) or servicelägenhet (service apartment). */
export type HousingType = 'care' | 'service-apartment';
export const HOUSING_TYPES: readonly HousingType[] = Object.freeze(['care', 'service-apartment']);

/** How much rent is charged for the month of moving out. */
export type MoveOutRent = 'half' | 'full';

function requireHousing(housing: unknown): HousingType {
  if (!HOUSING_TYPES.includes(housing as HousingType)) throw new DomainValidationError(`must be one of ${HOUSING_TYPES.join(', ')}`, 'housing');
  return housing as HousingType;
}

/**
 * The contract date (kontraktsdatum) for a move-in; the move-in date is then recorded as this date.
 * Care housing: day 1-14 → the 17th, day 15-31 → the 1st of the next month.
 * Service apartment: day 1-14 → the 1st, day 15-31 → the 17th of the same month.
 */
export function rentContractStartDate(housing: HousingType, moveIn: LocalDate): LocalDate {
  const type = requireHousing(housing);
  const { year, month, day } = localDateParts(parseLocalDate(moveIn, 'moveIn'));
  const early = day <= 14;
  if (type === 'care') return early ? localDateOf(year, month, 17) : addMonths(localDateOf(year, month, 1), 1);
  return early ? localDateOf(year, month, 1) : localDateOf(year, month, 17);
}

/** The contract end date for a move-out: the 14th for half a month's rent, else the month's last day. */
export function rentContractEndDate(moveOut: LocalDate, rent: MoveOutRent): LocalDate {
  const date = parseLocalDate(moveOut, 'moveOut');
  if (rent === 'half') {
    const { year, month } = localDateParts(date);
    return localDateOf(year, month, 14);
  }
  if (rent === 'full') return lastDayOfMonth(date);
  throw new DomainValidationError('must be half or full', 'rent');
}

/**
 * - `single`: lives alone in ordinary housing;
 * - `cohabitant-partner-stays`: married or cohabiting, and the partner stays in the old home;
 * - `couple-moving-together`: a couple moving in together straight from their shared home.
 */
export type RentFreeMonthHousehold = 'single' | 'cohabitant-partner-stays' | 'couple-moving-together';

export interface RentFreeMonthInput {
  /** Moving from ordinary housing (villa, hyresrätt, bostadsrätt), not from other care. */
  readonly fromOrdinaryHousing: boolean;
  readonly household: RentFreeMonthHousehold;
  /** The client has a housing cost for the move-in month and a receipt or other proof of it. */
  readonly documentedHousingCostForMoveInMonth: boolean;
  /** The monthly rent of the new housing. */
  readonly monthlyRent: Money;
}

export interface RentFreeMonth {
  readonly eligible: boolean;
  readonly reason: string;
  /**
   * A correction for the next invoice: minus one month's rent, or zero. The contract date is
   * never moved a month forward to achieve this.
   */
  readonly deduction: Money;
}

/** Hyresfri månad: one month's rent off for a client who would otherwise pay two rents. */
export function rentFreeMonth(input: RentFreeMonthInput): RentFreeMonth {
  if (!(input.monthlyRent instanceof Money)) throw new DomainValidationError('must be an amount of money', 'monthlyRent');
  if (input.monthlyRent.isNegative()) throw new DomainValidationError('must not be negative', 'monthlyRent');
  const zero = Money.zero(input.monthlyRent.currency);
  const refuse = (reason: string): RentFreeMonth => Object.freeze({ eligible: false, reason, deduction: zero });
  if (input.household !== 'single' && input.household !== 'cohabitant-partner-stays' && input.household !== 'couple-moving-together') {
    throw new DomainValidationError('must be single, cohabitant-partner-stays or couple-moving-together', 'household');
  }
  if (!input.fromOrdinaryHousing) return refuse('not moving from ordinary housing');
  if (input.household === 'cohabitant-partner-stays') return refuse('the spouse or cohabitant stays in the old home, which keeps its cost');
  if (!input.documentedHousingCostForMoveInMonth) return refuse('no documented housing cost for the move-in month');
  const reason =
    input.household === 'single'
      ? 'single person from ordinary housing with a documented housing cost for the move-in month'
      : 'couple moving in together from their shared ordinary housing with a documented housing cost';
  return Object.freeze({ eligible: true, reason, deduction: input.monthlyRent.negate() });
}
