import { maskIdentityCode, redactIdentityCodes } from './redaction';

describe('redactIdentityCodes', () => {
  it.each([
    ['client 131052-308T paid', 'client [REDACTED] paid'],
    ['hetu=010594Y9032&x=1', 'hetu=[REDACTED]&x=1'],
    ['"020516c903k"', '"[REDACTED]"'],
    ['a mistyped 131052-308U is still personal data', 'a mistyped [REDACTED] is still personal data'],
    ['pnr 19121212-1212.', 'pnr [REDACTED].'],
    ['pnr 191212121212', 'pnr [REDACTED]'],
    ['121212-1212 and 121212+1212', '[REDACTED] and [REDACTED]'],
    ['(8112289874)', '([REDACTED])'],
    ['samordningsnummer 701063-2391', 'samordningsnummer [REDACTED]'],
    ['two: 131052-308T,811228-9874', 'two: [REDACTED],[REDACTED]'],
  ])('redacts %p', (text, expected) => {
    expect(redactIdentityCodes(text)).toBe(expected);
  });

  it.each([
    'invoice 12345 due 2025-04-24',
    'amount 1234567.89 EUR',
    'IBAN FI2112345600000785',
    'IBAN SE4550000000058398257466',
    'reference 12345 67890 12345',
    'business ID 0245437-2',
    'timestamp 2025-04-24T10:11:12.123Z',
    'epoch 1745489472123',
    'a 13-digit number 1912121212121',
    'phone +358 40 1234567',
  ])('leaves %p alone', (text) => {
    expect(redactIdentityCodes(text)).toBe(text);
  });
});

describe('maskIdentityCode', () => {
  it('keeps the date part and separator only', () => {
    expect(maskIdentityCode('131052-308T')).toBe('131052-****');
    expect(maskIdentityCode('020516c903k')).toBe('020516C****');
    expect(maskIdentityCode('19121212-1212')).toBe('19121212-****');
    expect(maskIdentityCode('121212+1212')).toBe('121212+****');
    expect(maskIdentityCode('8112289874')).toBe('811228-****');
  });

  it('hides anything else completely', () => {
    expect(maskIdentityCode('not a code')).toBe('****');
    expect(maskIdentityCode('')).toBe('****');
    expect(maskIdentityCode(undefined as unknown as string)).toBe('****');
  });
});
