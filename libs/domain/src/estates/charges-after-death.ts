import { BillingPeriod } from '../billing/types';
import { daysInPeriod, firstDayOfPeriod, lastDayOfPeriod, parseBillingPeriod } from '../billing/period';
import { dayCount, prorateMonthlyFee } from '../billing/proration';
import { isAfter, isBefore, LocalDate, parseLocalDate } from '../dates/local-date';
import { Money } from '../money/money';

/**
 * What of a billed invoice falls after the client's death and is credited (issue 13: "charges
 * already invoiced for days after it are credited automatically"). Fees are charged up to and
 * including the day of death, never after it.
 *
 * - a period that begins after the death: all of it;
 * - the month of the death: the invoice's total less what the days up to the death are worth,
 *   by the billing calculation's own rule for part of a month (`prorateMonthlyFee`: the whole
 *   fee when every day is covered, otherwise fee × days / 30, at most the whole fee, half up);
 * - a period that ended by the death: nothing.
 *
 * The billed invoice's rows are monthly charges of the period (fees, rent, fixed charges); an
 * invoice made by hand has no period and is never credited by this rule.
 */
export function chargeAfterDeath(input: { period: BillingPeriod; dateOfDeath: LocalDate; total: Money }): { credit: Money; grounds: string } {
  const died = parseLocalDate(input.dateOfDeath, 'dateOfDeath');
  const period = parseBillingPeriod(input.period, 'period');
  const first = firstDayOfPeriod(period);
  const last = lastDayOfPeriod(period);
  const zero = Money.zero(input.total.currency);
  if (!input.total.isPositive() || !isBefore(died, last)) return { credit: zero, grounds: `the period ${period} ended by the death on ${died}` };
  if (isAfter(first, died)) return { credit: input.total, grounds: `the period ${period} begins after the death on ${died}` };
  const lived = { from: first, to: died };
  const owed = prorateMonthlyFee(input.total, dayCount(lived), daysInPeriod(period), lived).amount;
  const credit = input.total.subtract(owed);
  return { credit, grounds: `${period}: ${dayCount(lived)} day(s) up to the death on ${died} are charged ${owed.toDecimalString()} of ${input.total.toDecimalString()}` };
}
