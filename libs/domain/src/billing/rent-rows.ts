import { compareLocalDates } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { Money } from '../money/money';
import { rentContractEndDate, rentContractStartDate } from '../rent-contracts/rent-contracts';
import { ClientContext } from './context';
import { DateRange, dayCount, intersect } from './proration';
import { DraftRow, explanation } from './rows';
import type { RentContract } from './types';

/**
 * Rent for the days the contract covers this month (seed 002 p.13-14): the contract runs from the
 * contract date the move-in gives (care housing: day 1-14 → the 17th, later → the 1st of the next
 * month; service apartment: 1-14 → the 1st, later → the 17th) to the move-out end date (half rent
 * → the 14th, full → the month's last day). A full month charges the monthly rent, a part month
 * rent × days / days of the month, half up. A rent-free month granted for this period is a
 * deduction of one month's rent (never a shifted contract).
 * Throws DomainValidationError with 'rent.*' fields.
 */
export function rentRows(ctx: ClientContext, rent: RentContract): DraftRow[] {
  const monthlyRent = Money.parse(rent.monthlyRent, ctx.currency, 'rent.monthlyRent');
  if (monthlyRent.isNegative()) throw new DomainValidationError('must not be negative', 'rent.monthlyRent');
  const start = rentContractStartDate(rent.housing, rent.moveIn);
  let end: string | null = null;
  if (rent.moveOut !== null) {
    if (rent.moveOutRent === null) throw new DomainValidationError('must be half or full when the client moves out', 'rent.moveOutRent');
    end = rentContractEndDate(rent.moveOut, rent.moveOutRent);
  }
  const inputs: Record<string, string> = { housing: rent.housing, moveIn: rent.moveIn, contractStart: start, monthlyRent: monthlyRent.toDecimalString() };
  if (rent.moveOut !== null) inputs.moveOut = rent.moveOut;
  if (end !== null) inputs.contractEnd = end;
  const rows: DraftRow[] = [];

  const contract: DateRange | null = end === null || compareLocalDates(start, end) <= 0 ? { from: start, to: end ?? ctx.month.to } : null;
  const covered = contract === null ? null : intersect(contract, ctx.month);
  if (covered !== null) {
    const days = dayCount(covered);
    const lines = [`contract ${start} … ${end ?? 'until further notice'} (moved in ${rent.moveIn}, ${rent.housing === 'care' ? 'care housing' : 'service apartment'})`];
    let amount: Money;
    if (days === ctx.daysInMonth) {
      amount = monthlyRent;
      lines.push(`the whole month: ${amount.toString()}`);
    } else {
      amount = monthlyRent.multiply(days, 'HALF_UP').divide(ctx.daysInMonth, 'HALF_UP');
      lines.push(`${covered.from} … ${covered.to}: ${monthlyRent.toString()} × ${days} / ${ctx.daysInMonth} = ${amount.toString()} (rounded half up to the cent)`);
    }
    rows.push({
      kind: 'rent',
      description: `Rent ${covered.from} … ${covered.to}`,
      code: null,
      quantity: String(days),
      unitPrice: null,
      amount,
      explanation: explanation([], inputs, lines),
    });
  }
  if (rent.rentFreeMonthPeriod !== null && rent.rentFreeMonthPeriod === ctx.period) {
    rows.push({
      kind: 'rent-free-month',
      description: 'Rent-free month',
      code: null,
      quantity: null,
      unitPrice: null,
      amount: monthlyRent.negate(),
      explanation: explanation([], { ...inputs, rentFreeMonthPeriod: rent.rentFreeMonthPeriod }, [
        `rent-free month (hyresfri månad) granted for ${rent.rentFreeMonthPeriod}: − ${monthlyRent.toString()}`,
      ]),
    });
  }
  return rows;
}
