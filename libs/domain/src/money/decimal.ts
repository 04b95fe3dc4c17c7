import DecimalJs from 'decimal.js';
import { DomainValidationError } from '../errors';

/**
 * The domain's own Decimal: 40 significant digits, far beyond what any fee, percentage or
 * interest calculation needs, and isolated from anyone else changing decimal.js's global
 * configuration. Exponent notation is switched off so `toString()` is always plain.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Decimal = DecimalJs;
export type DecimalValue = DecimalJs.Value;

/**
 * How an exact result is brought to whole cents.
 * - `HALF_UP`: to the nearest, a tie away from zero (2.345 → 2.35, −2.345 → −2.35)
 * - `HALF_EVEN`: to the nearest, a tie to the even neighbour (2.345 → 2.34, 2.355 → 2.36)
 * - `DOWN`: towards zero (2.349 → 2.34, −2.349 → −2.34)
 * - `UP`: away from zero (2.341 → 2.35, −2.341 → −2.35)
 */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | 'UP';
export const ROUNDING_MODES: readonly RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'DOWN', 'UP'];

const DECIMAL_JS_ROUNDING: Record<RoundingMode, DecimalJs.Rounding> = {
  HALF_UP: DecimalJs.ROUND_HALF_UP,
  HALF_EVEN: DecimalJs.ROUND_HALF_EVEN,
  DOWN: DecimalJs.ROUND_DOWN,
  UP: DecimalJs.ROUND_UP,
};

// decimal.js would also take hexadecimal, binary and octal strings: not numbers a user means.
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

// Fee rules read the same few texts (a table's percentages and limits, service hours) for every
// client of a month. Decimals are immutable, so the one parsed from a text is reused; the memory
// is bounded and forgets everything when full.
const PARSED = new Map<string, Decimal>();
const PARSED_LIMIT = 10_000;

/** A finite Decimal from a number, a decimal string or another Decimal; anything else is refused. */
export function decimal(value: DecimalValue, field?: string): Decimal {
  if (typeof value === 'string') {
    const known = PARSED.get(value);
    if (known !== undefined) return known;
  }
  const reason = 'must be a finite decimal number';
  if (typeof value === 'string' && !DECIMAL_TEXT.test(value)) throw new DomainValidationError(reason, field);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint' && !DecimalJs.isDecimal(value)) {
    throw new DomainValidationError(reason, field);
  }
  const result = new Decimal(value);
  if (!result.isFinite()) throw new DomainValidationError(reason, field);
  if (typeof value === 'string') {
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(value, result);
  }
  return result;
}

export function toDecimalJsRounding(mode: RoundingMode): DecimalJs.Rounding {
  const rounding = DECIMAL_JS_ROUNDING[mode];
  if (rounding === undefined) throw new DomainValidationError(`must be one of ${ROUNDING_MODES.join(', ')}`, 'rounding');
  return rounding;
}

export function roundDecimal(value: DecimalValue, decimalPlaces: number, mode: RoundingMode): Decimal {
  return decimal(value).toDecimalPlaces(decimalPlaces, toDecimalJsRounding(mode));
}

/** Rounds to two decimals, the cents (or öre) of both supported currencies. */
export function roundToCents(value: DecimalValue, mode: RoundingMode): Decimal {
  return roundDecimal(value, 2, mode);
}
