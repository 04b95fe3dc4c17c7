import { DomainValidationError } from '../errors';
import { luhnCheckDigit } from './luhn';
import { createSwedishOcrReference, parseSwedishOcrReference, validateSwedishOcrReference } from './swedish-ocr-reference';

describe('luhnCheckDigit', () => {
  it('matches the textbook example 7992739871 → 3', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('121212121')).toBe(2);
  });
});

describe('Swedish OCR reference', () => {
  it('creates references with a Luhn check digit', () => {
    // 4·2=8, 3, 2·2=4, 1 → 16 → 4
    expect(createSwedishOcrReference('1234')).toBe('12344');
    expect(createSwedishOcrReference('7992739871')).toBe('79927398713');
    expect(createSwedishOcrReference('1')).toBe('18');
  });

  it('adds a length digit when asked', () => {
    // 1234 + length 6 → 12346, Luhn 3
    expect(createSwedishOcrReference('1234', { lengthDigit: true })).toBe('123463');
    // 14 digits in all → length digit 4
    expect(createSwedishOcrReference('123456789012', { lengthDigit: true })).toBe('12345678901245');
  });

  it('refuses bad bases', () => {
    expect(() => createSwedishOcrReference('')).toThrow(new DomainValidationError('must have 1-24 digits', 'referenceBase'));
    expect(() => createSwedishOcrReference('1'.repeat(25))).toThrow('referenceBase: must have 1-24 digits');
    expect(() => createSwedishOcrReference('1'.repeat(24), { lengthDigit: true })).toThrow('referenceBase: must have 1-23 digits');
    expect(() => createSwedishOcrReference('12a')).toThrow('referenceBase: must contain only digits');
  });

  it('validates references', () => {
    expect(validateSwedishOcrReference('12344')).toEqual({ valid: true, value: '12344' });
    expect(validateSwedishOcrReference('1234 4')).toEqual({ valid: true, value: '12344' });
    expect(validateSwedishOcrReference('123463', { lengthDigit: true })).toEqual({ valid: true, value: '123463' });
    expect(validateSwedishOcrReference(createSwedishOcrReference('1'.repeat(24)))).toMatchObject({ valid: true });
  });

  it.each([
    ['12a44', {}, 'FORMAT', 'must contain only digits (and spaces)'],
    ['', {}, 'FORMAT', 'must contain only digits (and spaces)'],
    ['1', {}, 'LENGTH', 'must have 2-25 digits'],
    ['1'.repeat(26), {}, 'LENGTH', 'must have 2-25 digits'],
    ['18', { lengthDigit: true }, 'LENGTH', 'must have 3-25 digits'],
    ['12345', {}, 'CHECK_DIGIT', 'the check digit does not match'],
    ['12344', { lengthDigit: true }, 'LENGTH_DIGIT', 'the length digit (second last) does not match the number of digits'],
  ])('rejects %p (%j): %s', (input, options, code, reason) => {
    expect(validateSwedishOcrReference(input, options)).toEqual({ valid: false, code, reason });
  });

  it('parse throws with field and reason', () => {
    expect(parseSwedishOcrReference('12344').value).toBe('12344');
    expect(() => parseSwedishOcrReference('12345')).toThrow(new DomainValidationError('the check digit does not match', 'reference'));
  });
});
