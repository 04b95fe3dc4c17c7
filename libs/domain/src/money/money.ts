import { DomainValidationError } from '../errors';
import { Currency, MINOR_UNITS_PER_MAJOR, isCurrency } from './currency';
import { Decimal, DecimalValue, RoundingMode, decimal, toDecimalJsRounding } from './decimal';

/** How money travels in JSON (HTTP, Temporal payloads): a decimal string, never a float. */
export interface MoneyJson {
  readonly amount: string;
  readonly currency: Currency;
}

const AMOUNT_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const MAX_TEXT_LENGTH = 40;

function requireMinorUnits(value: number, field?: string): number {
  if (!Number.isSafeInteger(value)) throw new DomainValidationError('must be a whole number of cents within ±9007199254740991', field);
  // -0 would print as "-0.00".
  return value === 0 ? 0 : value;
}

function decimalToMinorUnits(value: Decimal, field?: string): number {
  if (!value.isInteger()) throw new DomainValidationError('must be a whole number of cents', field);
  if (value.abs().greaterThan(Number.MAX_SAFE_INTEGER)) throw new DomainValidationError('is too large', field);
  return requireMinorUnits(value.toNumber(), field);
}

/**
 * An exact amount of euros or Swedish kronor.
 *
 * Held as a safe integer number of minor units (cents / öre), not a bigint: a number survives
 * JSON, Temporal payloads and TypeORM `bigint` columns without conversion, and ±2^53 cents
 * (±90 trillion) is far beyond any amount this product handles; anything larger is refused.
 * Non-integer arithmetic goes through Decimal and rounds once, with the caller's rounding mode.
 *
 * Instances are immutable; `JSON.stringify` gives `{ amount: '123.45', currency: 'EUR' }`.
 */
export class Money {
  private constructor(
    readonly minorUnits: number,
    readonly currency: Currency,
  ) {
    Object.freeze(this);
  }

  static ofMinor(minorUnits: number, currency: Currency): Money {
    if (!isCurrency(currency)) throw new DomainValidationError('must be EUR or SEK', 'currency');
    return new Money(requireMinorUnits(minorUnits), currency);
  }

  static zero(currency: Currency): Money {
    return Money.ofMinor(0, currency);
  }

  /**
   * Parses a plain decimal string such as `'123.45'`, `'-0.5'` or `'100'` (point as the decimal
   * separator, no thousands separators or exponents). More than two decimals are refused unless
   * a rounding mode is given; zeros beyond the cents (`'1.500'`) lose nothing and are accepted.
   */
  static parse(text: string, currency: Currency, field?: string, rounding?: RoundingMode): Money {
    if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) {
      throw new DomainValidationError('must be a decimal number such as 123.45', field);
    }
    const match = AMOUNT_TEXT.exec(text);
    if (!match) {
      const reason = COMMA_DECIMAL.test(text)
        ? 'must use a point as the decimal separator, such as 123.45'
        : 'must be a decimal number such as 123.45';
      throw new DomainValidationError(reason, field);
    }
    const fraction = match[3] ?? '';
    if (rounding === undefined && fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) {
      throw new DomainValidationError('has more than 2 decimals', field);
    }
    // Up to 13 whole digits and cents only (every amount this product stores): exact in integer
    // arithmetic, far below 2^53 minor units, so decimal.js is not needed.
    const whole = match[2];
    if (whole.length <= 13 && fraction.length <= 2) {
      const minor = Number(whole) * MINOR_UNITS_PER_MAJOR + (fraction === '' ? 0 : Number(fraction.padEnd(2, '0')));
      return Money.ofMinor(match[1] === '-' ? -minor : minor, currency);
    }
    const exact = new Decimal(text).times(MINOR_UNITS_PER_MAJOR);
    const minor = rounding === undefined ? exact : exact.toDecimalPlaces(0, toDecimalJsRounding(rounding));
    return Money.ofMinor(decimalToMinorUnits(minor, field), currency);
  }

  /** An exact decimal amount in major units (euros), rounded to cents with `rounding`. */
  static fromDecimal(amount: DecimalValue, currency: Currency, rounding: RoundingMode): Money {
    const minor = decimal(amount, 'amount').times(MINOR_UNITS_PER_MAJOR).toDecimalPlaces(0, toDecimalJsRounding(rounding));
    return Money.ofMinor(decimalToMinorUnits(minor, 'amount'), currency);
  }

  static fromJSON(json: MoneyJson, field?: string): Money {
    if (json === null || typeof json !== 'object') throw new DomainValidationError('must be { amount, currency }', field);
    if (!isCurrency(json.currency)) throw new DomainValidationError('currency must be EUR or SEK', field);
    return Money.parse(json.amount, json.currency, field);
  }

  /** Adds up amounts of one currency; the currency is given so that an empty list sums to zero. */
  static sum(items: readonly Money[], currency: Currency): Money {
    let total = 0;
    for (const item of items) {
      if (item.currency !== currency) throw currencyMismatch(currency, item.currency);
      total += item.minorUnits;
      requireMinorUnits(total, 'amount');
    }
    return Money.ofMinor(total, currency);
  }

  static min(a: Money, b: Money): Money {
    return a.compare(b) <= 0 ? a : b;
  }

  static max(a: Money, b: Money): Money {
    return a.compare(b) >= 0 ? a : b;
  }

  add(other: Money): Money {
    this.requireSameCurrency(other);
    return new Money(requireMinorUnits(this.minorUnits + other.minorUnits, 'amount'), this.currency);
  }

  subtract(other: Money): Money {
    this.requireSameCurrency(other);
    return new Money(requireMinorUnits(this.minorUnits - other.minorUnits, 'amount'), this.currency);
  }

  negate(): Money {
    return new Money(requireMinorUnits(-this.minorUnits), this.currency);
  }

  abs(): Money {
    return this.isNegative() ? this.negate() : this;
  }

  /** `this × factor`, rounded once to cents: e.g. a percentage of an income. */
  multiply(factor: DecimalValue, rounding: RoundingMode): Money {
    const minor = new Decimal(this.minorUnits).times(decimal(factor, 'factor')).toDecimalPlaces(0, toDecimalJsRounding(rounding));
    return new Money(decimalToMinorUnits(minor, 'amount'), this.currency);
  }

  /**
   * `this ÷ divisor`, rounded once to cents. Prefer this to multiplying by a rounded reciprocal:
   * 0.15 × (1/30) is 0.0049999… and would round down, while 0.15 ÷ 30 is exactly 0.005.
   */
  divide(divisor: DecimalValue, rounding: RoundingMode): Money {
    const by = decimal(divisor, 'divisor');
    if (by.isZero()) throw new DomainValidationError('must not be zero', 'divisor');
    const minor = new Decimal(this.minorUnits).dividedBy(by).toDecimalPlaces(0, toDecimalJsRounding(rounding));
    return new Money(decimalToMinorUnits(minor, 'amount'), this.currency);
  }

  /** −1, 0 or 1; amounts in different currencies cannot be compared. */
  compare(other: Money): -1 | 0 | 1 {
    this.requireSameCurrency(other);
    return this.minorUnits < other.minorUnits ? -1 : this.minorUnits > other.minorUnits ? 1 : 0;
  }

  /** Same amount and currency; never throws. */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.minorUnits === other.minorUnits;
  }

  isGreaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  isLessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  isZero(): boolean {
    return this.minorUnits === 0;
  }

  isNegative(): boolean {
    return this.minorUnits < 0;
  }

  isPositive(): boolean {
    return this.minorUnits > 0;
  }

  /** The amount in major units as an exact Decimal, for fee rules. */
  toDecimal(): Decimal {
    return new Decimal(this.minorUnits).dividedBy(MINOR_UNITS_PER_MAJOR);
  }

  /** `'123.45'`, `'-0.50'`, `'0.00'`: always two decimals, no currency, no grouping. */
  toDecimalString(): string {
    const sign = this.minorUnits < 0 ? '-' : '';
    const digits = String(Math.abs(this.minorUnits)).padStart(3, '0');
    return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  }

  /** For people reading logs and test output: `'123.45 EUR'`. */
  toString(): string {
    return `${this.toDecimalString()} ${this.currency}`;
  }

  toJSON(): MoneyJson {
    return { amount: this.toDecimalString(), currency: this.currency };
  }

  private requireSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw currencyMismatch(this.currency, other.currency);
  }
}

function currencyMismatch(expected: Currency, actual: Currency): DomainValidationError {
  return new DomainValidationError(`cannot combine ${expected} and ${actual} amounts`, 'currency');
}
