import { DomainValidationError } from '../errors';
import { luhnCheckDigit } from './luhn';
import { Valid, ValidationResult, compact, invalid, orThrow } from './validation-result';

export interface SwedishOcrReference {
  /** Digits only. */
  readonly value: string;
}

export type SwedishOcrReferenceProblem = 'FORMAT' | 'LENGTH' | 'CHECK_DIGIT' | 'LENGTH_DIGIT';

export interface SwedishOcrOptions {
  /**
   * Bankgirot's "hard" OCR control may also require a length digit: the second last digit is
   * the total length (check and length digit included) mod 10. Set per bankgiro agreement.
   */
  readonly lengthDigit?: boolean;
}

const MIN_LENGTH = 2;
const MAX_LENGTH = 25;

/**
 * An OCR reference for Bankgirot payments: the base (e.g. an invoice number), optionally a
 * length digit, and a Luhn check digit; 2-25 digits in all.
 */
export function createSwedishOcrReference(base: string, options: SwedishOcrOptions = {}, field = 'referenceBase'): string {
  const digits = compact(base);
  if (digits === null || !/^\d*$/.test(digits)) throw new DomainValidationError('must contain only digits', field);
  const extra = options.lengthDigit ? 2 : 1;
  if (digits.length < 1 || digits.length + extra > MAX_LENGTH) {
    throw new DomainValidationError(`must have 1-${MAX_LENGTH - extra} digits`, field);
  }
  const payload = options.lengthDigit ? digits + String((digits.length + 2) % 10) : digits;
  return payload + String(luhnCheckDigit(payload));
}

/** Checks an OCR reference: digits only (spaces forgiven), 2-25 long, Luhn check digit last. */
export function validateSwedishOcrReference(input: string, options: SwedishOcrOptions = {}): ValidationResult<SwedishOcrReference, SwedishOcrReferenceProblem> {
  const value = compact(input);
  if (value === null || !/^\d+$/.test(value)) return invalid('FORMAT', 'must contain only digits (and spaces)');
  const min = options.lengthDigit ? MIN_LENGTH + 1 : MIN_LENGTH;
  if (value.length < min || value.length > MAX_LENGTH) return invalid('LENGTH', `must have ${min}-${MAX_LENGTH} digits`);
  if (luhnCheckDigit(value.slice(0, -1)) !== Number(value[value.length - 1])) return invalid('CHECK_DIGIT', 'the check digit does not match');
  if (options.lengthDigit && Number(value[value.length - 2]) !== value.length % 10) {
    return invalid('LENGTH_DIGIT', 'the length digit (second last) does not match the number of digits');
  }
  return { valid: true, value };
}

export function parseSwedishOcrReference(input: string, options: SwedishOcrOptions = {}, field = 'reference'): Valid<SwedishOcrReference> {
  return orThrow(validateSwedishOcrReference(input, options), field);
}
