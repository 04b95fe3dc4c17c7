import { DomainValidationError } from '../errors';
import { finnishBusinessIdCheckDigit, parseFinnishBusinessId, validateFinnishBusinessId } from './finnish-business-id';

describe('validateFinnishBusinessId', () => {
  it.each(['0245437-2', '0112038-9', '1572860-0', ' 0245437-2 '])('accepts %p', (id) => {
    expect(validateFinnishBusinessId(id)).toEqual({ valid: true, value: id.trim() });
  });

  it.each([
    ['245437-2', 'FORMAT', 'must have seven digits before the hyphen; add the leading zeros, as in 0245437-2'],
    ['02454372', 'FORMAT', 'must be seven digits, a hyphen and a check digit, as in 0245437-2'],
    ['0245437 2', 'FORMAT', 'must be seven digits, a hyphen and a check digit, as in 0245437-2'],
    ['0245437-', 'FORMAT', 'must be seven digits, a hyphen and a check digit, as in 0245437-2'],
    ['FI02454372', 'FORMAT', 'must be seven digits, a hyphen and a check digit, as in 0245437-2'],
    ['1000008-0', 'CHECK_DIGIT', 'no business ID has these seven digits (their check sum leaves remainder 1)'],
    ['0245437-3', 'CHECK_DIGIT', 'the check digit does not match'],
  ])('rejects %p: %s', (id, code, reason) => {
    expect(validateFinnishBusinessId(id)).toEqual({ valid: false, code, reason });
  });

  it('refuses non-text input', () => {
    expect(validateFinnishBusinessId(2454372 as unknown as string)).toEqual({ valid: false, code: 'FORMAT', reason: 'must be text' });
  });

  it('computes check digits: remainder 0 gives 0, remainder 1 none', () => {
    expect(finnishBusinessIdCheckDigit('0245437')).toBe(2);
    expect(finnishBusinessIdCheckDigit('0000000')).toBe(0);
    expect(finnishBusinessIdCheckDigit('1000008')).toBeNull();
  });

  it('parse throws with field and reason', () => {
    expect(parseFinnishBusinessId('0245437-2').value).toBe('0245437-2');
    expect(() => parseFinnishBusinessId('0245437-3')).toThrow(new DomainValidationError('the check digit does not match', 'businessId'));
  });
});
