import { DomainValidationError } from '../errors';

/** Counts and offsets must be whole numbers: a fractional day or cent is always a caller bug. */
export function requireInteger(value: number, field: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value)) throw new DomainValidationError('must be a whole number', field);
  if (value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : min === Number.MIN_SAFE_INTEGER ? `at most ${max}` : `between ${min} and ${max}`;
    throw new DomainValidationError(`must be ${range}`, field);
  }
  return value;
}
