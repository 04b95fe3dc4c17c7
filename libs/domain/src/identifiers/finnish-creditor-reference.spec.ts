import { DomainValidationError } from '../errors';
import {
  createFinnishCreditorReference,
  finnishCreditorReferenceCheckDigit,
  formatFinnishCreditorReference,
  parseFinnishCreditorReference,
  validateFinnishCreditorReference,
} from './finnish-creditor-reference';

describe('Finnish creditor reference', () => {
  it('computes the check digit with weights 7, 3, 1 from the right', () => {
    // 3·7 + 2·3 + 1·1 = 28 → 10 − 8 = 2
    expect(finnishCreditorReferenceCheckDigit('123')).toBe(2);
    // 1·7 + 6·3 + 5·1 + 4·7 + 3·3 + 2·1 + 1·7 = 76 → 4
    expect(finnishCreditorReferenceCheckDigit('1234561')).toBe(4);
    // sum divisible by 10 → 0
    expect(finnishCreditorReferenceCheckDigit('1111')).toBe((10 - ((7 + 3 + 1 + 7) % 10)) % 10);
  });

  it('creates references from a base', () => {
    expect(createFinnishCreditorReference('123')).toBe('1232');
    expect(createFinnishCreditorReference('1234561')).toBe('12345614');
    expect(createFinnishCreditorReference('2023 000 145')).toBe('20230001451');
    expect(createFinnishCreditorReference('1234567890123456789')).toBe('12345678901234567894');
  });

  it('refuses bad bases', () => {
    expect(() => createFinnishCreditorReference('12')).toThrow(new DomainValidationError('must have 3-19 digits', 'referenceBase'));
    expect(() => createFinnishCreditorReference('12345678901234567890')).toThrow('referenceBase: must have 3-19 digits');
    expect(() => createFinnishCreditorReference('0123')).toThrow('referenceBase: must not start with 0');
    expect(() => createFinnishCreditorReference('12a')).toThrow('referenceBase: must contain only digits');
    expect(() => createFinnishCreditorReference('', 'invoiceNumber')).toThrow('invoiceNumber: must contain only digits');
  });

  it('validates references, ignoring spaces and leading zeros', () => {
    expect(validateFinnishCreditorReference('1232')).toEqual({ valid: true, value: '1232', formatted: '1232' });
    expect(validateFinnishCreditorReference('123 45614')).toEqual({ valid: true, value: '12345614', formatted: '123 45614' });
    expect(validateFinnishCreditorReference('00000001232')).toMatchObject({ valid: true, value: '1232' });
    expect(validateFinnishCreditorReference('12345678901234567894')).toMatchObject({ valid: true });
  });

  it.each([
    ['12a2', 'FORMAT', 'must contain only digits (and spaces)'],
    ['RF111232', 'FORMAT', 'must contain only digits (and spaces)'],
    ['', 'FORMAT', 'must contain only digits (and spaces)'],
    ['123', 'LENGTH', 'must have 4-20 digits, the check digit included'],
    ['0000123', 'LENGTH', 'must have 4-20 digits, the check digit included'],
    ['123456789012345678901', 'LENGTH', 'must have 4-20 digits, the check digit included'],
    ['1233', 'CHECK_DIGIT', 'the check digit does not match'],
  ])('rejects %p: %s', (input, code, reason) => {
    expect(validateFinnishCreditorReference(input)).toEqual({ valid: false, code, reason });
  });

  it('formats in groups of five from the right', () => {
    expect(formatFinnishCreditorReference('1232')).toBe('1232');
    expect(formatFinnishCreditorReference('20230001451')).toBe('2 02300 01451');
    expect(formatFinnishCreditorReference('12345678901234567894')).toBe('12345 67890 12345 67894');
    expect(() => formatFinnishCreditorReference('1233')).toThrow(DomainValidationError);
  });

  it('parse throws with field and reason', () => {
    expect(parseFinnishCreditorReference('1232').value).toBe('1232');
    expect(() => parseFinnishCreditorReference('1233', 'ref')).toThrow(new DomainValidationError('the check digit does not match', 'ref'));
  });
});
