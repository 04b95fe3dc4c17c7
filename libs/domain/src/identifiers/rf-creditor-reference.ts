import { Valid, ValidationResult, compact, invalid, orThrow } from './validation-result';
import { parseFinnishCreditorReference } from './finnish-creditor-reference';

export interface RfCreditorReference {
  /** Electronic form, e.g. `RF18539007547034`. */
  readonly value: string;
  /** The reference after the check digits, e.g. `539007547034`. */
  readonly reference: string;
  /** Groups of four for print, e.g. `RF18 5390 0754 7034`. */
  readonly formatted: string;
}

export type RfCreditorReferenceProblem = 'FORMAT' | 'LENGTH' | 'CHECK_DIGITS';

/** Mod 97 of the ISO 7064 numeric form, letters A-Z as 10-35, without big integers. */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

/**
 * The international RF creditor reference (ISO 11649) for a Finnish creditor reference:
 * `RF`, two check digits (98 − mod 97 of reference + "RF00"), and the reference itself.
 * Throws DomainValidationError if the Finnish reference is invalid.
 */
export function createRfCreditorReference(finnishReference: string, field = 'reference'): string {
  const reference = parseFinnishCreditorReference(finnishReference, field).value;
  const check = 98 - mod97(`${reference}RF00`);
  return `RF${String(check).padStart(2, '0')}${reference}`;
}

/**
 * Checks an RF creditor reference: `RF`, two check digits and 1-21 letters or digits; moving the
 * first four characters to the end must give mod 97 = 1. Spaces and letter case are forgiven.
 */
export function validateRfCreditorReference(input: string): ValidationResult<RfCreditorReference, RfCreditorReferenceProblem> {
  const text = compact(input)?.toUpperCase() ?? null;
  if (text === null || !text.startsWith('RF')) return invalid('FORMAT', 'must start with RF');
  if (!/^RF\d{2}/.test(text)) return invalid('FORMAT', 'RF must be followed by two check digits');
  if (!/^RF\d{2}[0-9A-Z]*$/.test(text)) return invalid('FORMAT', 'the reference may contain only letters A-Z and digits');
  if (text.length < 5 || text.length > 25) return invalid('LENGTH', 'must have 1-21 characters after RF and the check digits');
  if (mod97(text.slice(4) + text.slice(0, 4)) !== 1) return invalid('CHECK_DIGITS', 'the check digits do not match');
  return { valid: true, value: text, reference: text.slice(4), formatted: text.replace(/(.{4})(?=.)/g, '$1 ') };
}

export function parseRfCreditorReference(input: string, field = 'reference'): Valid<RfCreditorReference> {
  return orThrow(validateRfCreditorReference(input), field);
}

/** For print: groups of four, `RF18 5390 0754 7034`. Throws if the reference is invalid. */
export function formatRfCreditorReference(reference: string): string {
  return parseRfCreditorReference(reference).formatted;
}
