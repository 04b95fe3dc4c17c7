import { DomainValidationError } from '../errors';
import { parseBic, parseIban, validateBic, validateIban } from './iban';

describe('validateIban', () => {
  it('accepts valid IBANs and normalises them', () => {
    expect(validateIban('FI21 1234 5600 0007 85')).toEqual({
      valid: true, value: 'FI2112345600000785', formatted: 'FI21 1234 5600 0007 85', countryCode: 'FI',
    });
    expect(validateIban('se4550000000058398257466')).toMatchObject({ valid: true, value: 'SE4550000000058398257466', countryCode: 'SE' });
    expect(validateIban('FI21-1234-5600-0007-85')).toMatchObject({ valid: true, value: 'FI2112345600000785' });
    expect(validateIban('GB82 WEST 1234 5698 7654 32')).toMatchObject({ valid: true, countryCode: 'GB' });
  });

  it.each([
    ['', 'FORMAT', 'is empty'],
    ['FI21$1234', 'FORMAT', 'may contain only letters, digits and spaces'],
    ['XX2112345600000785', 'COUNTRY', 'does not start with the code of a country that uses IBANs'],
    ['FI211234560000078', 'LENGTH', 'has the wrong length for its country'],
    ['FIAB12345600000785', 'FORMAT', 'characters 3-4 must be the two check digits'],
    ['FI21A2345600000785', 'FORMAT', 'the account number has the wrong format for its country'],
    ['FI2212345600000785', 'CHECKSUM', 'the check digits do not match'],
    ['BE41539007547035', 'CHECKSUM', 'the national check digit of the account number does not match'],
  ])('rejects %p: %s', (input, code, reason) => {
    expect(validateIban(input)).toEqual({ valid: false, code, reason });
  });

  it('can be limited to some countries', () => {
    expect(validateIban('FI2112345600000785', { countries: ['FI'] })).toMatchObject({ valid: true });
    expect(validateIban('SE4550000000058398257466', { countries: ['FI'] })).toEqual({ valid: false, code: 'COUNTRY', reason: 'must be an account in FI' });
  });

  it('refuses non-text input', () => {
    expect(validateIban(undefined as unknown as string)).toEqual({ valid: false, code: 'FORMAT', reason: 'must be text' });
  });

  it('parse throws with field and reason', () => {
    expect(parseIban('FI2112345600000785').formatted).toBe('FI21 1234 5600 0007 85');
    expect(() => parseIban('FI2212345600000785')).toThrow(new DomainValidationError('the check digits do not match', 'iban'));
  });
});

describe('validateBic', () => {
  it('accepts 8- and 11-character BICs', () => {
    expect(validateBic('NDEAFIHH')).toEqual({ valid: true, value: 'NDEAFIHH', bankCode: 'NDEA', countryCode: 'FI', locationCode: 'HH', branchCode: null });
    expect(validateBic('essesess')).toMatchObject({ valid: true, value: 'ESSESESS', countryCode: 'SE' });
    expect(validateBic('NDEA FI HH XXX')).toMatchObject({ valid: true, value: 'NDEAFIHHXXX', branchCode: 'XXX' });
  });

  it.each([
    ['', 'FORMAT', 'is empty'],
    ['NDEA', 'FORMAT', 'must be 8 or 11 characters: bank (4 letters), country (2), location (2) and optionally branch (3)'],
    ['NDEAFIHHX', 'FORMAT', 'must be 8 or 11 characters: bank (4 letters), country (2), location (2) and optionally branch (3)'],
    ['1DEAFIHH', 'FORMAT', 'must be 8 or 11 characters: bank (4 letters), country (2), location (2) and optionally branch (3)'],
    ['NDEAXXHH', 'COUNTRY', 'characters 5-6 are not a known country code'],
  ])('rejects %p: %s', (input, code, reason) => {
    expect(validateBic(input)).toEqual({ valid: false, code, reason });
  });

  it('refuses non-text input and throws from parse', () => {
    expect(validateBic(12 as unknown as string)).toEqual({ valid: false, code: 'FORMAT', reason: 'must be text' });
    expect(parseBic('NDEAFIHH').bankCode).toBe('NDEA');
    expect(() => parseBic('NDEAXXHH')).toThrow(new DomainValidationError('characters 5-6 are not a known country code', 'bic'));
  });
});
