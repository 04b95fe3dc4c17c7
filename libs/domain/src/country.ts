import { DomainValidationError } from './errors';

/** The countries whose rules the product implements: Finland and Sweden. */
export type Country = 'FI' | 'SE';
export const COUNTRIES: readonly Country[] = ['FI', 'SE'];

export function isCountry(value: unknown): value is Country {
  return value === 'FI' || value === 'SE';
}

export function parseCountry(value: string, field = 'country'): Country {
  if (!isCountry(value)) throw new DomainValidationError(`must be one of ${COUNTRIES.join(', ')}`, field);
  return value;
}
