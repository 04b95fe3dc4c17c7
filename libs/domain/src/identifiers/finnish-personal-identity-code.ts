import { LocalDate, localDateOf } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { Valid, ValidationResult, invalid, orThrow } from './validation-result';

export type Sex = 'female' | 'male';

export interface FinnishPersonalIdentityCode {
  /** Upper-case, e.g. `131052-308T`. */
  readonly value: string;
  readonly birthDate: LocalDate;
  readonly sex: Sex;
  /** Individual numbers 900-999 never belong to real people; fixtures use only these. */
  readonly isTestCode: boolean;
}

export type FinnishPersonalIdentityCodeProblem = 'LENGTH' | 'FORMAT' | 'CENTURY_SIGN' | 'DATE' | 'INDIVIDUAL_NUMBER' | 'CHECK_CHARACTER';

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** The century signs in use since 2023 (Government Decree 128/2010 as amended). */
const CENTURY_OF_SIGN: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

type Result = ValidationResult<FinnishPersonalIdentityCode, FinnishPersonalIdentityCodeProblem>;

/**
 * Checks a Finnish personal identity code (henkilötunnus): DDMMYY, century sign, individual
 * number NNN and check character = CHECK_CHARACTERS[DDMMYYNNN mod 31]. Case and surrounding
 * whitespace are forgiven.
 */
export function validateFinnishPersonalIdentityCode(input: string): Result {
  if (typeof input !== 'string') return invalid('FORMAT', 'must be text');
  const code = input.trim().toUpperCase();
  if (code.length !== 11) return invalid('LENGTH', 'must be 11 characters: DDMMYY, a century sign, three digits and a check character');
  if (!/^\d{6}$/.test(code.slice(0, 6))) return invalid('FORMAT', 'the first six characters must be digits (DDMMYY)');
  const century = CENTURY_OF_SIGN[code[6]];
  if (century === undefined) {
    return invalid('CENTURY_SIGN', 'the seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A B C D E F (2000s)');
  }
  if (!/^\d{3}$/.test(code.slice(7, 10))) return invalid('FORMAT', 'characters 8-10 must be digits (the individual number)');
  if (!CHECK_CHARACTERS.includes(code[10])) return invalid('FORMAT', 'the last character must be a digit or a letter A-Y other than G, I, O and Q');

  const birthDate = birthDateOf(century + Number(code.slice(4, 6)), Number(code.slice(2, 4)), Number(code.slice(0, 2)));
  if (birthDate === null) return invalid('DATE', 'the birth date does not exist');
  const individual = Number(code.slice(7, 10));
  if (individual < 2) return invalid('INDIVIDUAL_NUMBER', 'the individual number must be between 002 and 999');
  if (CHECK_CHARACTERS[Number(code.slice(0, 6) + code.slice(7, 10)) % 31] !== code[10]) {
    return invalid('CHECK_CHARACTER', 'the check character does not match');
  }
  return { valid: true, value: code, birthDate, sex: individual % 2 === 1 ? 'male' : 'female', isTestCode: individual >= 900 };
}

function birthDateOf(year: number, month: number, day: number): LocalDate | null {
  try {
    return localDateOf(year, month, day);
  } catch {
    return null;
  }
}

/** Like validateFinnishPersonalIdentityCode, but throws DomainValidationError naming `field`. */
export function parseFinnishPersonalIdentityCode(input: string, field = 'personalIdentityCode'): Valid<FinnishPersonalIdentityCode> {
  return orThrow(validateFinnishPersonalIdentityCode(input), field);
}

/**
 * A test identity code for fixtures and demo data, with its check character: individual numbers
 * 900-999 never belong to a real person, so no real person's code ends up in a test or a demo.
 */
export function finnishTestIdentityCode(ddmmyy: string, individualNumber: number, centurySign = '-'): string {
  if (!Number.isInteger(individualNumber) || individualNumber < 900 || individualNumber > 999) {
    throw new DomainValidationError('a test code’s individual number is 900-999', 'individualNumber');
  }
  const base = `${ddmmyy}${individualNumber}`;
  return parseFinnishPersonalIdentityCode(`${ddmmyy}${centurySign}${individualNumber}${CHECK_CHARACTERS[Number(base) % 31]}`, 'ddmmyy').value;
}
