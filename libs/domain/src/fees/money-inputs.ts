import { DomainValidationError } from '../errors';
import { Currency } from '../money/currency';
import { Money } from '../money/money';

// Not exported from the package: the fee rules' own input checks.

export function requireMoney(value: unknown, currency: Currency, field: string, options: { allowNegative?: boolean } = {}): Money {
  if (!(value instanceof Money)) throw new DomainValidationError('must be an amount of money', field);
  if (value.currency !== currency) throw new DomainValidationError(`must be in ${currency}`, field);
  if (!options.allowNegative && value.isNegative()) throw new DomainValidationError('must not be negative', field);
  return value;
}

export function optionalMoney(value: unknown, currency: Currency, field: string): Money | undefined {
  return value === undefined ? undefined : requireMoney(value, currency, field);
}

/** `'123.45 EUR'`: the explanation is read by people. */
export function show(amount: Money): string {
  return amount.toString();
}
