import {
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
  electronicFormatIBAN,
  friendlyFormatIBAN,
  validateBIC,
  validateIBAN,
} from 'ibantools';
import { Valid, ValidationResult, invalid, orThrow } from './validation-result';

export interface Iban {
  /** Electronic format: upper case, no spaces, e.g. `FI2112345600000785`. */
  readonly value: string;
  /** Groups of four for print, e.g. `FI21 1234 5600 0007 85`. */
  readonly formatted: string;
  readonly countryCode: string;
}

export type IbanProblem = 'FORMAT' | 'COUNTRY' | 'LENGTH' | 'CHECKSUM';

export interface IbanOptions {
  /** ISO country codes to accept, e.g. `['FI']` for a Finnish organisation's own account. */
  readonly countries?: readonly string[];
}

// ibantools reports several codes at once; the first listed here is the one worth telling.
const IBAN_PROBLEMS: ReadonlyArray<[ValidationErrorsIBAN, IbanProblem, string]> = [
  [ValidationErrorsIBAN.NoIBANProvided, 'FORMAT', 'is empty'],
  [ValidationErrorsIBAN.NoIBANCountry, 'COUNTRY', 'does not start with the code of a country that uses IBANs'],
  [ValidationErrorsIBAN.WrongBBANLength, 'LENGTH', "has the wrong length for its country"],
  [ValidationErrorsIBAN.ChecksumNotNumber, 'FORMAT', 'characters 3-4 must be the two check digits'],
  [ValidationErrorsIBAN.WrongBBANFormat, 'FORMAT', "the account number has the wrong format for its country"],
  [ValidationErrorsIBAN.WrongIBANChecksum, 'CHECKSUM', 'the check digits do not match'],
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum, 'CHECKSUM', 'the national check digit of the account number does not match'],
];

/** Checks an IBAN (spaces, hyphens and lower case are forgiven) by its country's rules and mod-97 check digits. */
export function validateIban(input: string, options: IbanOptions = {}): ValidationResult<Iban, IbanProblem> {
  if (typeof input !== 'string') return invalid('FORMAT', 'must be text');
  const value = electronicFormatIBAN(input.trim()) ?? '';
  if (!/^[0-9A-Z]*$/.test(value)) return invalid('FORMAT', 'may contain only letters, digits and spaces');
  const { errorCodes } = validateIBAN(value, { allowQRIBAN: true });
  for (const [error, code, reason] of IBAN_PROBLEMS) if (errorCodes.includes(error)) return invalid(code, reason);
  if (errorCodes.length > 0) return invalid('FORMAT', 'is not a valid IBAN');
  const countryCode = value.slice(0, 2);
  if (options.countries !== undefined && !options.countries.includes(countryCode)) {
    return invalid('COUNTRY', `must be an account in ${options.countries.join(' or ')}`);
  }
  return { valid: true, value, formatted: friendlyFormatIBAN(value) ?? value, countryCode };
}

export function parseIban(input: string, options: IbanOptions = {}, field = 'iban'): Valid<Iban> {
  return orThrow(validateIban(input, options), field);
}

export interface Bic {
  /** Upper case, 8 or 11 characters, e.g. `NDEAFIHH`. */
  readonly value: string;
  readonly bankCode: string;
  readonly countryCode: string;
  readonly locationCode: string;
  /** Null for an 8-character BIC (the head office). */
  readonly branchCode: string | null;
}

export type BicProblem = 'FORMAT' | 'COUNTRY';

/** Checks a BIC (SWIFT code): 4 letters of bank, 2 of country, 2 of location, optionally 3 of branch. */
export function validateBic(input: string): ValidationResult<Bic, BicProblem> {
  if (typeof input !== 'string') return invalid('FORMAT', 'must be text');
  const value = input.replace(/\s+/g, '').toUpperCase();
  const { errorCodes } = validateBIC(value);
  if (errorCodes.includes(ValidationErrorsBIC.NoBICProvided)) return invalid('FORMAT', 'is empty');
  if (errorCodes.includes(ValidationErrorsBIC.WrongBICFormat) || !/^[A-Z0-9]{8}([A-Z0-9]{3})?$/.test(value)) {
    return invalid('FORMAT', 'must be 8 or 11 characters: bank (4 letters), country (2), location (2) and optionally branch (3)');
  }
  if (errorCodes.includes(ValidationErrorsBIC.NoBICCountry)) return invalid('COUNTRY', 'characters 5-6 are not a known country code');
  if (errorCodes.length > 0) return invalid('FORMAT', 'is not a valid BIC');
  return {
    valid: true,
    value,
    bankCode: value.slice(0, 4),
    countryCode: value.slice(4, 6),
    locationCode: value.slice(6, 8),
    branchCode: value.length === 11 ? value.slice(8) : null,
  };
}

export function parseBic(input: string, field = 'bic'): Valid<Bic> {
  return orThrow(validateBic(input), field);
}
