import type { Country } from '../country';
import { LocalDate, addDays, compareLocalDates, daysBetween, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { currencyOfCountry } from '../money/currency';
import { Decimal, decimal } from '../money/decimal';
import { Money } from '../money/money';
import { LATE_INTEREST_MARGIN_PERCENT, REFERENCE_RATES, RateStatus, ReferenceRatePeriod, ReferenceRateTable, validateReferenceRateTable } from './reference-rates';

/** Interest accrues per day as an annual rate divided by 365, leap years included. */
export const LATE_INTEREST_DAYS_PER_YEAR = 365;

/** The statutory late-payment rate on one day. */
export interface LateInterestRate {
  readonly referenceRatePercent: Decimal;
  /** Reference rate + the statutory margin (7 pp FI, 8 pp SE). */
  readonly annualRatePercent: Decimal;
  readonly period: ReferenceRatePeriod;
}

/** The days of the interest period that share one rate, for explaining the figure. */
export interface LateInterestPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly days: number;
  readonly referenceRatePercent: Decimal;
  readonly annualRatePercent: Decimal;
  /** principal × rate × days / 365, unrounded. */
  readonly exactAmount: Decimal;
  readonly status: RateStatus;
  readonly source: string;
}

export interface LateInterest {
  readonly principal: Money;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Both ends counted. */
  readonly days: number;
  /** The exact sum rounded once, half up, to the cent. */
  readonly interest: Money;
  readonly exactAmount: Decimal;
  readonly breakdown: readonly LateInterestPeriod[];
}

/**
 * Interest was asked for days whose reference rate nobody has confirmed (the table's row is an
 * estimate). Late interest is a demand on the client, so it is refused rather than guessed; the
 * half-year named here is what an administrator must enter.
 */
export class UnconfirmedReferenceRateError extends DomainValidationError {
  constructor(
    readonly country: Country,
    readonly period: ReferenceRatePeriod,
  ) {
    super(
      `no confirmed late-payment interest rate for ${country} from ${period.validFrom} to ${period.validTo}: the reference rate in the table is an estimate (${period.source}); an administrator must enter the published rate before interest for these days can be computed`,
    );
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function noRate(country: Country, date: LocalDate, table: ReferenceRateTable): DomainValidationError {
  const covered = table.length === 0 ? 'the table is empty' : `the table covers ${table[0].validFrom} … ${table[table.length - 1].validTo}`;
  return new DomainValidationError(`no late-payment interest rate for ${country} on ${date}: ${covered}, with no row for that day`);
}

function periodOn(date: LocalDate, table: ReferenceRateTable): ReferenceRatePeriod | undefined {
  return table.find((row) => compareLocalDates(row.validFrom, date) <= 0 && compareLocalDates(date, row.validTo) <= 0);
}

function rateOf(country: Country, period: ReferenceRatePeriod): { referenceRatePercent: Decimal; annualRatePercent: Decimal } {
  const referenceRatePercent = decimal(period.referenceRatePercent, 'referenceRatePercent');
  return { referenceRatePercent, annualRatePercent: referenceRatePercent.plus(LATE_INTEREST_MARGIN_PERCENT[country]) };
}

function checkedTable(country: Country, table: ReferenceRateTable | undefined): ReferenceRateTable {
  if (country !== 'FI' && country !== 'SE') throw new DomainValidationError('must be FI or SE', 'country');
  return table === undefined ? REFERENCE_RATES[country] : validateReferenceRateTable(table);
}

/** The period covering `day`; a day without a row, or with an estimated rate, is refused. */
function confirmedPeriodOn(country: Country, day: LocalDate, rows: ReferenceRateTable): ReferenceRatePeriod {
  const period = periodOn(day, rows);
  if (!period) throw noRate(country, day, rows);
  if (period.status === 'estimate') throw new UnconfirmedReferenceRateError(country, period);
  return period;
}

/**
 * The statutory late-payment rate on `date`; a date the table does not cover, or whose rate is
 * only an estimate, is refused, naming it.
 */
export function lateInterestRate(country: Country, date: LocalDate, table?: ReferenceRateTable): LateInterestRate {
  const rows = checkedTable(country, table);
  const period = confirmedPeriodOn(country, parseLocalDate(date, 'date'), rows);
  return { ...rateOf(country, period), period };
}

/**
 * Late-payment interest on `principal` for every day from `from` to `to`, both included: each
 * day accrues principal × that day's annual rate / 365, the rate being the statutory rate of the
 * half-year the day falls in. The days are summed exactly and rounded half up to the cent once.
 * A day whose rate is only an estimate is refused (UnconfirmedReferenceRateError), never guessed.
 *
 * 100.00 € from 20.6.2023 to 10.7.2023: 11 days at 9.5 % + 10 days at 11.0 %
 * = (100 × 9.5 × 11 + 100 × 11 × 10) / 36 500 = 0.58767… → 0.59 €.
 */
export function lateInterest(country: Country, principal: Money, from: LocalDate, to: LocalDate, table?: ReferenceRateTable): LateInterest {
  const rows = checkedTable(country, table);
  if (!(principal instanceof Money)) throw new DomainValidationError('must be an amount of money', 'principal');
  const currency = currencyOfCountry(country);
  if (principal.currency !== currency) throw new DomainValidationError(`must be in ${currency} for ${country}`, 'principal');
  if (principal.isNegative()) throw new DomainValidationError('must not be negative', 'principal');
  const start = parseLocalDate(from, 'from');
  const end = parseLocalDate(to, 'to');
  if (compareLocalDates(end, start) < 0) throw new DomainValidationError(`must not be before from (${start})`, 'to');

  const breakdown: LateInterestPeriod[] = [];
  // Σ principal × rate% × days, divided by 100 × 365 once at the end so the sum stays exact.
  let numerator = new Decimal(0);
  const divisor = new Decimal(100 * LATE_INTEREST_DAYS_PER_YEAR);
  for (let day = start; ; ) {
    const period = confirmedPeriodOn(country, day, rows);
    const last = compareLocalDates(period.validTo, end) < 0 ? period.validTo : end;
    const days = daysBetween(day, last) + 1;
    const { referenceRatePercent, annualRatePercent } = rateOf(country, period);
    const part = principal.toDecimal().times(annualRatePercent).times(days);
    numerator = numerator.plus(part);
    breakdown.push(
      Object.freeze({
        from: day,
        to: last,
        days,
        referenceRatePercent,
        annualRatePercent,
        exactAmount: part.dividedBy(divisor),
        status: period.status,
        source: period.source,
      }),
    );
    if (last === end) break;
    day = addDays(last, 1);
  }
  const exactAmount = numerator.dividedBy(divisor);
  return Object.freeze({
    principal,
    from: start,
    to: end,
    days: daysBetween(start, end) + 1,
    interest: Money.fromDecimal(exactAmount, currency, 'HALF_UP'),
    exactAmount,
    breakdown: Object.freeze(breakdown),
  });
}
