import { LocalDate, addDays, daysBetween, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';
import type { Currency } from '../money/currency';
import { Decimal } from '../money/decimal';
import { Money } from '../money/money';
import type { InterruptionSplit } from './interruption-rule';

/**
 * The units a voucher content is counted in (yksikkö): a day (vrk) for housing, an hour for home
 * care, a visit. Quantities are stored exactly as whole days, minutes or visits.
 */
export const SERVICE_UNITS = ['day', 'hour', 'visit'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

export function isServiceUnit(value: unknown): value is ServiceUnit {
  return typeof value === 'string' && (SERVICE_UNITS as readonly string[]).includes(value);
}

/** What a provider records for an event (palvelutapahtuma, seed 003 §4.3.1). */
export interface EventSpan {
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  /** Hour-priced contents: the minutes of service that day (2 h 15 min = 135). */
  readonly minutes?: number;
  /** Visit-priced contents: the visits that day. */
  readonly visits?: number;
}

const MINUTES_PER_DAY = 24 * 60;
const MAX_VISITS_A_DAY = 50;

/**
 * The event's quantity in whole base units: days from start to end, both included (the units
 * "Veloitettava määrä Yksiköitä" the system counts from the dates), minutes, or visits. A daily
 * event stays within one calendar month, because each month is confirmed and settled on its own;
 * an hour or a visit is recorded on one day.
 */
export function eventQuantity(unit: ServiceUnit, span: EventSpan): number {
  const start = parseLocalDate(span.startDate, 'startDate');
  const end = parseLocalDate(span.endDate, 'endDate');
  if (daysBetween(start, end) < 0) throw new DomainValidationError(`must not be before the start date (${start})`, 'endDate');
  if (unit === 'day') {
    if (start.slice(0, 7) !== end.slice(0, 7)) {
      throw new DomainValidationError('a daily event lies within one month: record one event for each month', 'endDate');
    }
    return daysBetween(start, end) + 1;
  }
  if (start !== end) throw new DomainValidationError(`an event counted in ${unit}s is recorded for one day`, 'endDate');
  if (unit === 'hour') {
    if (span.minutes === undefined) throw new DomainValidationError('is required for a content counted in hours', 'minutes');
    return requireInteger(span.minutes, 'minutes', 1, MINUTES_PER_DAY);
  }
  if (span.visits === undefined) throw new DomainValidationError('is required for a content counted in visits', 'visits');
  return requireInteger(span.visits, 'visits', 1, MAX_VISITS_A_DAY);
}

/** The quantity in the content's own unit: minutes become hours (135 → 2.25). */
export function unitsOf(unit: ServiceUnit, quantity: number): Decimal {
  return unit === 'hour' ? new Decimal(quantity).dividedBy(60) : new Decimal(quantity);
}

/** A content's values per unit on one date: the provider's price and the voucher's value. */
export interface UnitValues {
  /** From the provider's price list in force on the date (yksikköhinta). */
  readonly price: Money;
  /** From the voucher (setelin arvo). */
  readonly voucherValue: Money;
}

/**
 * What an event is worth: the provider's price, the part the voucher pays (the voucher value,
 * but never more than the price) and the client's own share, the rest (omavastuu = hinta −
 * setelin arvo, seed 003 §4.3.7). Each is summed exactly and rounded half up to the cent once;
 * the own share is the difference of the rounded two, so the three always add up.
 */
export interface EventValue {
  readonly price: Money;
  readonly voucherValue: Money;
  readonly ownShare: Money;
}

function perUnitVoucher(values: UnitValues): Decimal {
  return Decimal.min(values.voucherValue.toDecimal(), values.price.toDecimal());
}

function exactToMoney(value: Decimal, currency: Currency): Money {
  return Money.fromDecimal(value, currency, 'HALF_UP');
}

/**
 * Values the event at the unit values in force on each of its dates: a daily event day by day (a
 * new price list may start mid-month), an hour or a visit on its one date.
 */
export function eventValue(unit: ServiceUnit, span: EventSpan, valuesOn: (date: LocalDate) => UnitValues, currency: Currency): EventValue {
  const quantity = eventQuantity(unit, span);
  let price = new Decimal(0);
  let voucher = new Decimal(0);
  if (unit === 'day') {
    for (let offset = 0; offset < quantity; offset++) {
      const values = valuesOn(addDays(span.startDate, offset));
      price = price.plus(values.price.toDecimal());
      voucher = voucher.plus(perUnitVoucher(values));
    }
  } else {
    const units = unitsOf(unit, quantity);
    const values = valuesOn(span.startDate);
    price = units.times(values.price.toDecimal());
    voucher = units.times(perUnitVoucher(values));
  }
  const priceMoney = exactToMoney(price, currency);
  const voucherMoney = exactToMoney(voucher, currency);
  return Object.freeze({ price: priceMoney, voucherValue: voucherMoney, ownShare: priceMoney.subtract(voucherMoney) });
}

/**
 * What the municipality compensates for an interruption: each day's voucher value at the day's
 * percentage (seed 003 §4.3.5.2), summed exactly and rounded half up to the cent once. The
 * client is away, so the days carry no own share through the voucher.
 */
export function interruptionCompensation(split: InterruptionSplit, valuesOn: (date: LocalDate) => UnitValues, currency: Currency): Money {
  let total = new Decimal(0);
  for (const day of split.days) {
    if (day.percent === 0) continue;
    total = total.plus(perUnitVoucher(valuesOn(day.date)).times(day.percent).dividedBy(100));
  }
  return exactToMoney(total, currency);
}
