import { DomainValidationError } from '../errors';
import { finnishTestIdentityCode, parseFinnishPersonalIdentityCode, validateFinnishPersonalIdentityCode } from './finnish-personal-identity-code';

describe('validateFinnishPersonalIdentityCode', () => {
  it.each([
    ['131052-308T', '1952-10-13', 'female', false],
    ['010594Y9032', '1994-05-01', 'male', true],
    ['020516C903K', '2016-05-02', 'male', true],
    ['120340-902K', '1940-03-12', 'female', true],
    ['010150+902E', '1850-01-01', 'female', true],
    ['290224A902L', '2024-02-29', 'female', true],
  ])('accepts %s (born %s, %s, test code %s)', (code, birthDate, sex, isTestCode) => {
    expect(validateFinnishPersonalIdentityCode(code)).toEqual({ valid: true, value: code, birthDate, sex, isTestCode });
  });

  it('accepts every century sign of 2023 for the same person', () => {
    for (const sign of ['-', 'Y', 'X', 'W', 'V', 'U']) {
      expect(validateFinnishPersonalIdentityCode(`131052${sign}308T`)).toMatchObject({ valid: true, birthDate: '1952-10-13' });
    }
    for (const sign of ['A', 'B', 'C', 'D', 'E', 'F']) {
      expect(validateFinnishPersonalIdentityCode(`131052${sign}308T`)).toMatchObject({ valid: true, birthDate: '2052-10-13' });
    }
    expect(validateFinnishPersonalIdentityCode('131052+308T')).toMatchObject({ valid: true, birthDate: '1852-10-13' });
  });

  it('forgives lower case and surrounding spaces, returning the upper-case code', () => {
    expect(validateFinnishPersonalIdentityCode(' 020516c903k ')).toMatchObject({ valid: true, value: '020516C903K' });
  });

  it.each([
    ['131052-308', 'LENGTH', 'must be 11 characters: DDMMYY, a century sign, three digits and a check character'],
    ['131052-308TT', 'LENGTH', 'must be 11 characters: DDMMYY, a century sign, three digits and a check character'],
    ['', 'LENGTH', 'must be 11 characters: DDMMYY, a century sign, three digits and a check character'],
    ['13105A-308T', 'FORMAT', 'the first six characters must be digits (DDMMYY)'],
    ['131052G308T', 'CENTURY_SIGN', 'the seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A B C D E F (2000s)'],
    ['131052Z308T', 'CENTURY_SIGN', 'the seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A B C D E F (2000s)'],
    ['1310520308T', 'CENTURY_SIGN', 'the seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A B C D E F (2000s)'],
    ['131052-3O8T', 'FORMAT', 'characters 8-10 must be digits (the individual number)'],
    ['131052-308G', 'FORMAT', 'the last character must be a digit or a letter A-Y other than G, I, O and Q'],
    ['131052-308Z', 'FORMAT', 'the last character must be a digit or a letter A-Y other than G, I, O and Q'],
    ['310252-308T', 'DATE', 'the birth date does not exist'],
    ['290200-9021', 'DATE', 'the birth date does not exist'],
    ['001052-308T', 'DATE', 'the birth date does not exist'],
    ['131352-308T', 'DATE', 'the birth date does not exist'],
    ['131052-000V', 'INDIVIDUAL_NUMBER', 'the individual number must be between 002 and 999'],
    ['131052-001W', 'INDIVIDUAL_NUMBER', 'the individual number must be between 002 and 999'],
    ['131052-308U', 'CHECK_CHARACTER', 'the check character does not match'],
    ['120340-902L', 'CHECK_CHARACTER', 'the check character does not match'],
  ])('rejects %s: %s', (code, problem, reason) => {
    expect(validateFinnishPersonalIdentityCode(code)).toEqual({ valid: false, code: problem, reason });
  });

  it('refuses non-text input', () => {
    expect(validateFinnishPersonalIdentityCode(131052 as unknown as string)).toEqual({ valid: false, code: 'FORMAT', reason: 'must be text' });
  });

  it('never repeats the code in its reason', () => {
    for (const code of ['131052-308U', '131052-000V', '310252-308T', '131052G308T', '13105A-308T']) {
      const result = validateFinnishPersonalIdentityCode(code);
      expect(result.valid).toBe(false);
      if (!result.valid) {
        expect(result.reason).not.toContain(code.slice(0, 6));
        expect(result.reason).not.toContain(code.slice(7, 10));
      }
    }
  });
});

describe('parseFinnishPersonalIdentityCode', () => {
  it('returns the parsed code', () => {
    expect(parseFinnishPersonalIdentityCode('131052-308T').birthDate).toBe('1952-10-13');
  });

  it('throws DomainValidationError with field and reason', () => {
    expect(() => parseFinnishPersonalIdentityCode('131052-308U')).toThrow(
      new DomainValidationError('the check character does not match', 'personalIdentityCode'),
    );
    expect(() => parseFinnishPersonalIdentityCode('x', 'client.hetu')).toThrow(/^client\.hetu: must be 11 characters/);
  });
});

describe('finnishTestIdentityCode', () => {
  it('makes valid test codes with the check character, in any century', () => {
    // 120340900 mod 31 = 16 → the 17th check character, H.
    expect(finnishTestIdentityCode('120340', 900)).toBe('120340-900H');
    expect(validateFinnishPersonalIdentityCode(finnishTestIdentityCode('150338', 905))).toMatchObject({ valid: true, isTestCode: true, birthDate: '1938-03-15' });
    expect(validateFinnishPersonalIdentityCode(finnishTestIdentityCode('010594', 903, 'Y'))).toMatchObject({ valid: true, birthDate: '1994-05-01' });
  });

  it('never makes a code that could be a real person’s, nor one with no birth date', () => {
    expect(() => finnishTestIdentityCode('120340', 899)).toThrow(DomainValidationError);
    expect(() => finnishTestIdentityCode('310240', 900)).toThrow('ddmmyy: the birth date does not exist');
  });
});
