import { DomainValidationError } from '../errors';
import { Valid, ValidationResult, compact, invalid, orThrow } from './validation-result';

export interface FinnishCreditorReference {
  /** Digits only, without leading zeros, e.g. `1232`. */
  readonly value: string;
  /** Grouped for print, e.g. `12 34561`. */
  readonly formatted: string;
}

export type FinnishCreditorReferenceProblem = 'FORMAT' | 'LENGTH' | 'CHECK_DIGIT';

const WEIGHTS = [7, 3, 1];

/** The check digit of a reference base: weights 7, 3, 1, … from the right; (10 − sum mod 10) mod 10. */
export function finnishCreditorReferenceCheckDigit(base: string): number {
  let sum = 0;
  for (let i = base.length - 1, w = 0; i >= 0; i--, w++) sum += WEIGHTS[w % 3] * (base.charCodeAt(i) - 48);
  return (10 - (sum % 10)) % 10;
}

/**
 * A Finnish creditor reference (viitenumero) from a base of 3-19 digits, e.g. an invoice number:
 * the base followed by its check digit. A base may not start with 0, because leading zeros are
 * not part of a reference (the virtual bank barcode pads references with zeros).
 */
export function createFinnishCreditorReference(base: string, field = 'referenceBase'): string {
  const digits = compact(base);
  if (digits === null || !/^\d+$/.test(digits)) throw new DomainValidationError('must contain only digits', field);
  if (digits.length < 3 || digits.length > 19) throw new DomainValidationError('must have 3-19 digits', field);
  if (digits.startsWith('0')) throw new DomainValidationError('must not start with 0', field);
  return digits + String(finnishCreditorReferenceCheckDigit(digits));
}

/**
 * Checks a Finnish creditor reference: 4-20 digits including the check digit. Spaces (as in
 * the printed form) are ignored, and so are leading zeros, which banks do not count.
 */
export function validateFinnishCreditorReference(input: string): ValidationResult<FinnishCreditorReference, FinnishCreditorReferenceProblem> {
  const text = compact(input);
  if (text === null || !/^\d+$/.test(text)) return invalid('FORMAT', 'must contain only digits (and spaces)');
  const digits = text.replace(/^0+/, '');
  if (digits.length < 4 || digits.length > 20) return invalid('LENGTH', 'must have 4-20 digits, the check digit included');
  if (finnishCreditorReferenceCheckDigit(digits.slice(0, -1)) !== Number(digits[digits.length - 1])) {
    return invalid('CHECK_DIGIT', 'the check digit does not match');
  }
  return { valid: true, value: digits, formatted: groupFromRight(digits, 5) };
}

export function parseFinnishCreditorReference(input: string, field = 'reference'): Valid<FinnishCreditorReference> {
  return orThrow(validateFinnishCreditorReference(input), field);
}

/** For print: groups of five digits from the right, `1234 56789 01234`. Throws if the reference is invalid. */
export function formatFinnishCreditorReference(reference: string): string {
  return parseFinnishCreditorReference(reference).formatted;
}

function groupFromRight(digits: string, size: number): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= size) groups.unshift(digits.slice(Math.max(0, end - size), end));
  return groups.join(' ');
}
