import { DomainValidationError } from '../errors';
import { parseSwedishPersonalIdentityNumber, validateSwedishPersonalIdentityNumber } from './swedish-personal-identity-number';

describe('validateSwedishPersonalIdentityNumber', () => {
  it('accepts the 12-digit forms and knows the birth date', () => {
    const expected = { valid: true, value: '19121212-1212', kind: 'personnummer', birthDate: '1912-12-12', sex: 'male' };
    expect(validateSwedishPersonalIdentityNumber('19121212-1212')).toEqual(expected);
    expect(validateSwedishPersonalIdentityNumber('191212121212')).toEqual(expected);
    expect(validateSwedishPersonalIdentityNumber(' 191212121212 ')).toEqual(expected);
  });

  it('accepts the 10-digit forms; without a reference date the century is unknown', () => {
    expect(validateSwedishPersonalIdentityNumber('811228-9874')).toEqual({
      valid: true, value: '811228-9874', kind: 'personnummer', birthDate: null, sex: 'male',
    });
    expect(validateSwedishPersonalIdentityNumber('8112289874')).toMatchObject({ valid: true, value: '811228-9874' });
    expect(validateSwedishPersonalIdentityNumber('121212+1212')).toMatchObject({ valid: true, value: '121212+1212', birthDate: null });
  });

  it('fixes the century from a reference date and the separator', () => {
    const on = (referenceDate: string) => ({ referenceDate });
    expect(validateSwedishPersonalIdentityNumber('121212-1212', on('2025-06-01'))).toMatchObject({ value: '20121212-1212', birthDate: '2012-12-12' });
    expect(validateSwedishPersonalIdentityNumber('121212+1212', on('2025-06-01'))).toMatchObject({ value: '19121212-1212', birthDate: '1912-12-12' });
    expect(validateSwedishPersonalIdentityNumber('811228-9874', on('2025-06-01'))).toMatchObject({ birthDate: '1981-12-28' });
    // Born 12.12.: on 11.12.2012 someone with "-" cannot have been born in 2012 yet.
    expect(validateSwedishPersonalIdentityNumber('121212-1212', on('2012-12-11'))).toMatchObject({ birthDate: '1912-12-12' });
    expect(validateSwedishPersonalIdentityNumber('121212-1212', on('2012-12-12'))).toMatchObject({ birthDate: '2012-12-12' });
  });

  it('recognises a samordningsnummer (day + 60)', () => {
    expect(validateSwedishPersonalIdentityNumber('701063-2391', { referenceDate: '2025-01-01' })).toEqual({
      valid: true, value: '19701063-2391', kind: 'samordningsnummer', birthDate: '1970-10-03', sex: 'male',
    });
  });

  it('reads the sex from the ninth digit', () => {
    expect(validateSwedishPersonalIdentityNumber('000229-2381')).toMatchObject({ valid: true, sex: 'female' });
  });

  it('accepts 29 February in a year divisible by four', () => {
    expect(validateSwedishPersonalIdentityNumber('000229-2381', { referenceDate: '2025-01-01' })).toMatchObject({ birthDate: '2000-02-29' });
    expect(validateSwedishPersonalIdentityNumber('000229+2381', { referenceDate: '2025-01-01' })).toEqual({
      valid: false, code: 'DATE', reason: 'the birth date does not exist',
    });
  });

  it.each([
    ['12121212', 'LENGTH', 'must have 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC)'],
    ['1912121212121', 'LENGTH', 'must have 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC)'],
    ['', 'LENGTH', 'must have 10 digits (YYMMDD-NNNC) or 12 digits (YYYYMMDD-NNNC)'],
    ['121212/1212', 'FORMAT', 'may contain only digits and a - or + separator'],
    ['1212 12-1212', 'FORMAT', 'may contain only digits and a - or + separator'],
    ['1212-121212', 'FORMAT', 'the only separator allowed is one - or + before the last four digits'],
    ['121212--1212', 'FORMAT', 'the only separator allowed is one - or + before the last four digits'],
    ['19121212+1212', 'FORMAT', 'the + separator (age 100 or over) belongs to the 10-digit form only'],
    ['121312-1212', 'DATE', 'the birth date does not exist'],
    ['121200-1212', 'DATE', 'the birth date does not exist'],
    ['120230-1212', 'DATE', 'the birth date does not exist'],
    ['010229-1212', 'DATE', 'the birth date does not exist'],
    ['121292-1212', 'DATE', 'the birth date does not exist'],
    ['19000229-1212', 'DATE', 'the birth date does not exist'],
    ['17121212-1212', 'DATE', 'the birth year must be between 1800 and 2099'],
    ['121212-1213', 'CHECK_DIGIT', 'the check digit does not match'],
    ['19121212-1213', 'CHECK_DIGIT', 'the check digit does not match'],
    ['701063-2392', 'CHECK_DIGIT', 'the check digit does not match'],
  ])('rejects %s: %s', (input, code, reason) => {
    expect(validateSwedishPersonalIdentityNumber(input)).toEqual({ valid: false, code, reason });
  });

  it('rejects a birth date after the reference date', () => {
    expect(validateSwedishPersonalIdentityNumber('20301212-1210', { referenceDate: '2025-01-01' })).toEqual({
      valid: false, code: 'DATE', reason: 'the birth date is after the reference date',
    });
    expect(validateSwedishPersonalIdentityNumber('20301212-1210')).toMatchObject({ valid: true });
  });

  it('refuses non-text input', () => {
    expect(validateSwedishPersonalIdentityNumber(null as unknown as string)).toEqual({ valid: false, code: 'FORMAT', reason: 'must be text' });
  });
});

describe('parseSwedishPersonalIdentityNumber', () => {
  it('returns the parsed number or throws with field and reason', () => {
    expect(parseSwedishPersonalIdentityNumber('19121212-1212').birthDate).toBe('1912-12-12');
    expect(() => parseSwedishPersonalIdentityNumber('121212-1213')).toThrow(
      new DomainValidationError('the check digit does not match', 'personalIdentityNumber'),
    );
  });
});
