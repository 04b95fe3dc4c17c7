import { DomainValidationError } from '../errors';
import { Decimal, DecimalValue, decimal } from './decimal';
import { Money } from './money';

/**
 * Splits `money` in proportion to `ratios` so that the parts add up to exactly `money`.
 *
 * Largest-remainder method: every part first gets its exact share rounded towards zero; the
 * cents left over go one each to the parts whose shares lost the most, and on a tie to the
 * earlier part. A part with ratio 0 gets nothing. A negative amount splits like its absolute
 * value, with every part negative.
 *
 * allocate(10.00 €, [1, 1, 1]) → 3.34, 3.33, 3.33
 * allocate(0.05 €, [1, 3]) → 0.01, 0.04 (exact shares 0.0125 and 0.0375)
 */
export function allocate(money: Money, ratios: readonly DecimalValue[]): Money[] {
  if (ratios.length === 0) throw new DomainValidationError('needs at least one ratio', 'ratios');
  const weights = ratios.map((ratio, i) => {
    const weight = decimal(ratio, `ratios.${i}`);
    if (weight.isNegative()) throw new DomainValidationError('must not be negative', `ratios.${i}`);
    return weight;
  });
  const totalWeight = weights.reduce((acc, weight) => acc.plus(weight), new Decimal(0));
  if (totalWeight.isZero()) throw new DomainValidationError('must not all be zero', 'ratios');

  const total = Math.abs(money.minorUnits);
  const shares = weights.map((weight, index) => {
    const exact = weight.times(total).dividedBy(totalWeight);
    const whole = exact.floor();
    return { index, whole: whole.toNumber(), lost: exact.minus(whole) };
  });
  let leftover = total - shares.reduce((acc, share) => acc + share.whole, 0);
  const byLoss = [...shares].sort((a, b) => b.lost.comparedTo(a.lost) || a.index - b.index);
  for (const share of byLoss) {
    if (leftover === 0) break;
    share.whole += 1;
    leftover -= 1;
  }
  const sign = money.isNegative() ? -1 : 1;
  return shares.map((share) => Money.ofMinor(sign * share.whole, money.currency));
}

/** `parts` equal parts that add up to `money`; leftover cents go to the first parts (10.00 / 3 → 3.34, 3.33, 3.33). */
export function splitEvenly(money: Money, parts: number): Money[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new DomainValidationError('must be a whole number of at least 1', 'parts');
  return allocate(money, new Array<number>(parts).fill(1));
}
