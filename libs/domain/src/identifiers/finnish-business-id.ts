import { Valid, ValidationResult, invalid, orThrow } from './validation-result';

export interface FinnishBusinessId {
  /** `NNNNNNN-C`, e.g. `0245437-2`. */
  readonly value: string;
}

export type FinnishBusinessIdProblem = 'FORMAT' | 'CHECK_DIGIT';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * Checks a Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The
 * weighted sum mod 11 gives the check digit (0 → 0, otherwise 11 − remainder); remainder 1 has
 * no check digit, so no business ID is issued with such digits. The seven-digit form with its
 * leading zero is required: a six-digit `245437-2` is refused with a hint rather than guessed.
 */
export function validateFinnishBusinessId(input: string): ValidationResult<FinnishBusinessId, FinnishBusinessIdProblem> {
  if (typeof input !== 'string') return invalid('FORMAT', 'must be text');
  const text = input.trim();
  if (/^\d{1,6}-\d$/.test(text)) return invalid('FORMAT', 'must have seven digits before the hyphen; add the leading zeros, as in 0245437-2');
  if (!/^\d{7}-\d$/.test(text)) return invalid('FORMAT', 'must be seven digits, a hyphen and a check digit, as in 0245437-2');
  const expected = finnishBusinessIdCheckDigit(text.slice(0, 7));
  if (expected === null) return invalid('CHECK_DIGIT', 'no business ID has these seven digits (their check sum leaves remainder 1)');
  if (expected !== Number(text[8])) return invalid('CHECK_DIGIT', 'the check digit does not match');
  return { valid: true, value: text };
}

/** The check digit of seven digits, or null when their remainder is 1 and none exists. */
export function finnishBusinessIdCheckDigit(sevenDigits: string): number | null {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += WEIGHTS[i] * Number(sevenDigits[i]);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

export function parseFinnishBusinessId(input: string, field = 'businessId'): Valid<FinnishBusinessId> {
  return orThrow(validateFinnishBusinessId(input), field);
}
