import { LocalDate, isAfter, localDateOf, localDateParts } from '../dates/local-date';
import type { Sex } from './finnish-personal-identity-code';
import { luhnCheckDigit } from './luhn';
import { Valid, ValidationResult, invalid, orThrow } from './validation-result';

export interface SwedishPersonalIdentityNumber {
  /**
   * `YYYYMMDD-NNNC` when the century is known (12 digits given, or a reference date); otherwise
   * the 10-digit form as given, `YYMMDD-NNNC` or `YYMMDD+NNNC`.
   */
  readonly value: string;
  /** A samordningsnummer (coordination number) has 60 added to the day of birth. */
  readonly kind: 'personnummer' | 'samordningsnummer';
  /** Null for a 10-digit number validated without a reference date: its century is unknown. */
  readonly birthDate: LocalDate | null;
  readonly sex: Sex;
}

export type SwedishPersonalIdentityNumberProblem = 'LENGTH' | 'FORMAT' | 'DATE' | 'CHECK_DIGIT';

export interface SwedishPersonalIdentityNumberOptions {
  /**
   * The day on which the 10-digit form was valid (usually today, passed in by the caller). It
   * fixes the century: `-` means the person is under 100 on that day, `+` 100 or over.
   */
  readonly referenceDate?: LocalDate;
}

type Result = ValidationResult<SwedishPersonalIdentityNumber, SwedishPersonalIdentityNumberProblem>;

const SHAPE = /^(\d{6}|\d{8})([-+]?)(\d{4})$/;

/**
 * Checks a Swedish personnummer or samordningsnummer in the 10-digit (`YYMMDD-NNNC`,
 * `YYMMDD+NNNC`, `YYMMDDNNNC`) or 12-digit (`YYYYMMDD-NNNC`, `YYYYMMDDNNNC`) form. The last
 * digit is a Luhn check digit over the 10-digit form.
 */
export function validateSwedishPersonalIdentityNumber(input: string, options: SwedishPersonalIdentityNumberOptions = {}): Result {
  if (typeof input !== 'string') return invalid('FORMAT', 'must be text');
  const text = input.trim();
  if (!/^[\d+-]*$/.test(text)) return invalid('FORMAT', 'may contain only digits and a - or + separator');
  const digits = text.replace(/[-+]/g, '');
  if (digits.length !== 10 && digits.length !== 12) {
    return invalid('LENGTH', 'must have 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC)');
  }
  const match = SHAPE.exec(text);
  if (!match) return invalid('FORMAT', 'the only separator allowed is one - or + before the last four digits');
  const [, datePart, separator, serial] = match;
  if (datePart.length === 8 && separator === '+') return invalid('FORMAT', 'the + separator (age 100 or over) belongs to the 10-digit form only');

  const yy = Number(datePart.slice(-6, -4));
  const month = Number(datePart.slice(-4, -2));
  const dayField = Number(datePart.slice(-2));
  const kind = dayField > 60 ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? dayField - 60 : dayField;
  if (month < 1 || month > 12 || day < 1 || day > 31) return invalid('DATE', 'the birth date does not exist');

  let year: number | null = null;
  if (datePart.length === 8) {
    year = Number(datePart.slice(0, 4));
    if (year < 1800 || year > 2099) return invalid('DATE', 'the birth year must be between 1800 and 2099');
  } else if (options.referenceDate !== undefined) {
    year = centuryFromReference(yy, month, day, separator === '+', options.referenceDate);
  }
  const birthDate = year === null ? null : dateOrNull(year, month, day);
  if (year !== null && birthDate === null) return invalid('DATE', 'the birth date does not exist');
  // Without a century, 29 February exists if it does in some century: years divisible by 4.
  if (year === null && dateOrNull(yy % 4 === 0 ? 2000 : 2001, month, day) === null) return invalid('DATE', 'the birth date does not exist');

  const tenDigits = datePart.slice(-6) + serial;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) return invalid('CHECK_DIGIT', 'the check digit does not match');
  if (birthDate !== null && options.referenceDate !== undefined && isAfter(birthDate, options.referenceDate)) {
    return invalid('DATE', 'the birth date is after the reference date');
  }

  const value = year === null ? `${datePart}${separator || '-'}${serial}` : `${String(year)}${datePart.slice(-4)}-${serial}`;
  return { valid: true, value, kind, birthDate, sex: Number(serial[2]) % 2 === 1 ? 'male' : 'female' };
}

/** The latest year ending in `yy` whose birthday is on or before the reference date, minus 100 for `+`. */
function centuryFromReference(yy: number, month: number, day: number, hundredOrOver: boolean, referenceDate: LocalDate): number {
  const reference = localDateParts(referenceDate);
  let year = reference.year - ((((reference.year - yy) % 100) + 100) % 100);
  const birthdayLater = month > reference.month || (month === reference.month && day > reference.day);
  if (year === reference.year && birthdayLater) year -= 100;
  return hundredOrOver ? year - 100 : year;
}

function dateOrNull(year: number, month: number, day: number): LocalDate | null {
  try {
    return localDateOf(year, month, day);
  } catch {
    return null;
  }
}

/** Like validateSwedishPersonalIdentityNumber, but throws DomainValidationError naming `field`. */
export function parseSwedishPersonalIdentityNumber(
  input: string,
  options: SwedishPersonalIdentityNumberOptions = {},
  field = 'personalIdentityNumber',
): Valid<SwedishPersonalIdentityNumber> {
  return orThrow(validateSwedishPersonalIdentityNumber(input, options), field);
}
