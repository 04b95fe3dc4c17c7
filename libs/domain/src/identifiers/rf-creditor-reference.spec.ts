import { DomainValidationError } from '../errors';
import { createRfCreditorReference, formatRfCreditorReference, parseRfCreditorReference, validateRfCreditorReference } from './rf-creditor-reference';

describe('RF creditor reference (ISO 11649)', () => {
  it('accepts the standard example', () => {
    expect(validateRfCreditorReference('RF18 5390 0754 7034')).toEqual({
      valid: true,
      value: 'RF18539007547034',
      reference: '539007547034',
      formatted: 'RF18 5390 0754 7034',
    });
    expect(validateRfCreditorReference('rf18539007547034')).toMatchObject({ valid: true, value: 'RF18539007547034' });
  });

  it('accepts letters in the reference', () => {
    // check digits computed independently with BigInt
    const withLetters = 'RF' + String(98 - mod97Reference('ABC123')).padStart(2, '0') + 'ABC123';
    expect(validateRfCreditorReference(withLetters)).toMatchObject({ valid: true, reference: 'ABC123' });
  });

  it('creates from a Finnish creditor reference', () => {
    expect(createRfCreditorReference('1232')).toBe('RF111232');
    expect(createRfCreditorReference('123 45614')).toBe('RF0212345614');
    for (const ref of ['1232', '12345614', '20230001451', '12345678901234567894']) {
      expect(validateRfCreditorReference(createRfCreditorReference(ref))).toMatchObject({ valid: true, reference: ref });
    }
  });

  it('refuses to create from an invalid Finnish reference', () => {
    expect(() => createRfCreditorReference('1233')).toThrow(new DomainValidationError('the check digit does not match', 'reference'));
  });

  it.each([
    ['XX18539007547034', 'FORMAT', 'must start with RF'],
    ['', 'FORMAT', 'must start with RF'],
    ['RFAB539007547034', 'FORMAT', 'RF must be followed by two check digits'],
    ['RF18-5390-0754', 'FORMAT', 'the reference may contain only letters A-Z and digits'],
    ['RF18', 'LENGTH', 'must have 1-21 characters after RF and the check digits'],
    ['RF18' + '1'.repeat(22), 'LENGTH', 'must have 1-21 characters after RF and the check digits'],
    ['RF19539007547034', 'CHECK_DIGITS', 'the check digits do not match'],
    ['RF18539007547035', 'CHECK_DIGITS', 'the check digits do not match'],
  ])('rejects %p: %s', (input, code, reason) => {
    expect(validateRfCreditorReference(input)).toEqual({ valid: false, code, reason });
  });

  it('formats in groups of four', () => {
    expect(formatRfCreditorReference('RF111232')).toBe('RF11 1232');
    expect(formatRfCreditorReference('RF0212345614')).toBe('RF02 1234 5614');
    expect(() => formatRfCreditorReference('RF00 1232')).toThrow(DomainValidationError);
    expect(parseRfCreditorReference('RF111232').reference).toBe('1232');
  });
});

function mod97Reference(reference: string): number {
  const numeric = (reference + 'RF00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return Number(BigInt(numeric) % 97n);
}
