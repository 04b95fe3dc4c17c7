import type { Country } from '../country';
import { DomainValidationError } from '../errors';

/** Both currencies have 100 minor units: cents (sentti) and öre. */
export type Currency = 'EUR' | 'SEK';
export const CURRENCIES: readonly Currency[] = ['EUR', 'SEK'];
export const MINOR_UNITS_PER_MAJOR = 100;

export function isCurrency(value: unknown): value is Currency {
  return value === 'EUR' || value === 'SEK';
}

export function parseCurrency(value: string, field = 'currency'): Currency {
  if (!isCurrency(value)) throw new DomainValidationError(`must be one of ${CURRENCIES.join(', ')}`, field);
  return value;
}

const CURRENCY_OF_COUNTRY: Record<Country, Currency> = { FI: 'EUR', SE: 'SEK' };

export function currencyOfCountry(country: Country): Currency {
  return CURRENCY_OF_COUNTRY[country];
}
