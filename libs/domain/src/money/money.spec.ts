import { DomainValidationError } from '../errors';
import { refusalOf } from '../internal/refusal';
import { Decimal } from './decimal';
import { Money } from './money';

const eur = (text: string) => Money.parse(text, 'EUR');
const sek = (text: string) => Money.parse(text, 'SEK');

const reasonOf = (action: () => unknown): string => refusalOf(action).reason;

describe('Money.parse', () => {
  it.each([
    ['123.45', 12345],
    ['-0.5', -50],
    ['0.5', 50],
    ['100', 10000],
    ['+7.1', 710],
    ['007.05', 705],
    ['0', 0],
    ['-0', 0],
    ['-0.00', 0],
    ['1.500', 150],
    ['90071992547409.91', 9007199254740991],
  ])('reads %p as %d cents', (text, minor) => {
    const money = eur(text);
    expect(money.minorUnits).toBe(minor);
    expect(Object.is(money.minorUnits, -0)).toBe(false);
    expect(money.currency).toBe('EUR');
  });

  it.each(['', ' 1.00', '1.00 ', 'abc', 'NaN', 'Infinity', '1e3', '.5', '5.', '1 000.00', '1_000', '--1', '0x10', '1.2.3'])('refuses %p', (text) => {
    expect(reasonOf(() => eur(text))).toBe('must be a decimal number such as 123.45');
  });

  it('explains a decimal comma', () => {
    expect(reasonOf(() => eur('12,50'))).toBe('must use a point as the decimal separator, such as 123.45');
  });

  it('refuses more than two decimals unless asked to round', () => {
    expect(reasonOf(() => eur('1.005'))).toBe('has more than 2 decimals');
    expect(Money.parse('1.005', 'EUR', undefined, 'HALF_UP').minorUnits).toBe(101);
    expect(Money.parse('1.005', 'EUR', undefined, 'HALF_EVEN').minorUnits).toBe(100);
    expect(Money.parse('-1.005', 'EUR', undefined, 'HALF_UP').minorUnits).toBe(-101);
    expect(Money.parse('1.009', 'EUR', undefined, 'DOWN').minorUnits).toBe(100);
    expect(Money.parse('1.001', 'EUR', undefined, 'UP').minorUnits).toBe(101);
  });

  it('refuses amounts that do not fit and non-strings', () => {
    expect(reasonOf(() => eur('90071992547409.92'))).toBe('is too large');
    expect(reasonOf(() => eur('1'.repeat(41)))).toBe('must be a decimal number such as 123.45');
    expect(reasonOf(() => Money.parse(12 as unknown as string, 'EUR'))).toBe('must be a decimal number such as 123.45');
  });

  it('names the field', () => {
    expect(() => Money.parse('x', 'EUR', 'rows.0.amount')).toThrow('rows.0.amount: must be a decimal number such as 123.45');
  });
});

describe('construction', () => {
  it('takes whole minor units only', () => {
    expect(Money.ofMinor(12345, 'SEK').toDecimalString()).toBe('123.45');
    expect(reasonOf(() => Money.ofMinor(1.5, 'EUR'))).toContain('must be a whole number of cents');
    expect(reasonOf(() => Money.ofMinor(Number.MAX_SAFE_INTEGER + 1, 'EUR'))).toContain('must be a whole number of cents');
    expect(reasonOf(() => Money.ofMinor(1, 'USD' as never))).toBe('must be EUR or SEK');
    expect(Money.zero('SEK').isZero()).toBe(true);
  });

  it('rounds decimal amounts with the given mode', () => {
    expect(Money.fromDecimal('2.345', 'EUR', 'HALF_UP').minorUnits).toBe(235);
    expect(Money.fromDecimal('2.345', 'EUR', 'HALF_EVEN').minorUnits).toBe(234);
    expect(Money.fromDecimal(0.1 + 0.2, 'EUR', 'HALF_UP').minorUnits).toBe(30);
    expect(() => Money.fromDecimal('abc', 'EUR', 'HALF_UP')).toThrow('amount: must be a finite decimal number');
  });

  it('is immutable', () => {
    const money = eur('1.00');
    expect(Object.isFrozen(money)).toBe(true);
  });
});

describe('formatting and JSON', () => {
  it.each([
    [12345, '123.45'],
    [-50, '-0.50'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [123456789, '1234567.89'],
  ])('prints %d cents as %p', (minor, text) => {
    expect(Money.ofMinor(minor, 'EUR').toDecimalString()).toBe(text);
  });

  it('prints the currency in toString', () => {
    expect(String(sek('2575'))).toBe('2575.00 SEK');
  });

  it('round-trips through JSON as a decimal string', () => {
    const json = JSON.stringify({ fee: eur('-12.30') });
    expect(json).toBe('{"fee":{"amount":"-12.30","currency":"EUR"}}');
    expect(Money.fromJSON(JSON.parse(json).fee).equals(eur('-12.30'))).toBe(true);
    expect(reasonOf(() => Money.fromJSON({ amount: '1', currency: 'USD' as never }))).toBe('currency must be EUR or SEK');
    expect(reasonOf(() => Money.fromJSON(null as never))).toBe('must be { amount, currency }');
  });

  it('exposes an exact Decimal', () => {
    expect(eur('0.10').toDecimal().plus(eur('0.20').toDecimal()).toString()).toBe('0.3');
  });
});

describe('arithmetic', () => {
  it('adds and subtracts in one currency', () => {
    expect(eur('0.10').add(eur('0.20')).toDecimalString()).toBe('0.30');
    expect(eur('1.00').subtract(eur('2.50')).toDecimalString()).toBe('-1.50');
    expect(eur('1.00').negate().toDecimalString()).toBe('-1.00');
    expect(eur('0').negate().minorUnits).toBe(0);
    expect(Object.is(eur('0').negate().minorUnits, -0)).toBe(false);
    expect(eur('-3.00').abs().toDecimalString()).toBe('3.00');
    expect(eur('3.00').abs().toDecimalString()).toBe('3.00');
  });

  it('throws on a currency mismatch', () => {
    expect(() => eur('1').add(sek('1'))).toThrow(new DomainValidationError('cannot combine EUR and SEK amounts', 'currency'));
    expect(() => eur('1').subtract(sek('1'))).toThrow(DomainValidationError);
    expect(() => eur('1').compare(sek('1'))).toThrow(DomainValidationError);
    expect(() => Money.sum([eur('1'), sek('1')], 'EUR')).toThrow('currency: cannot combine EUR and SEK amounts');
  });

  it('refuses overflowing sums', () => {
    const big = Money.ofMinor(Number.MAX_SAFE_INTEGER, 'EUR');
    expect(() => big.add(Money.ofMinor(1, 'EUR'))).toThrow(DomainValidationError);
    expect(() => Money.sum([big, Money.ofMinor(1, 'EUR')], 'EUR')).toThrow(DomainValidationError);
  });

  it('multiplies by a decimal factor with explicit rounding', () => {
    // 35 % of (1 500.00 − 653.00) = 296.45
    expect(eur('847.00').multiply('0.35', 'HALF_UP').toDecimalString()).toBe('296.45');
    expect(eur('0.05').multiply('0.5', 'HALF_UP').toDecimalString()).toBe('0.03');
    expect(eur('0.05').multiply('0.5', 'HALF_EVEN').toDecimalString()).toBe('0.02');
    expect(eur('-0.05').multiply('0.5', 'HALF_UP').toDecimalString()).toBe('-0.03');
    expect(eur('0.07').multiply('0.5', 'DOWN').toDecimalString()).toBe('0.03');
    expect(eur('0.07').multiply('0.5', 'UP').toDecimalString()).toBe('0.04');
    expect(eur('10.00').multiply(3, 'HALF_UP').toDecimalString()).toBe('30.00');
    expect(eur('100.00').multiply('1.0693', 'HALF_UP').toDecimalString()).toBe('106.93');
    expect(() => eur('1').multiply('x', 'HALF_UP')).toThrow('factor: must be a finite decimal number');
  });

  it('divides with one rounding at the end', () => {
    expect(eur('0.15').divide(30, 'HALF_UP').toDecimalString()).toBe('0.01');
    expect(eur('2575.00').divide(30, 'HALF_UP').toDecimalString()).toBe('85.83');
    expect(eur('1.00').divide(3, 'UP').toDecimalString()).toBe('0.34');
    expect(() => eur('1').divide(0, 'HALF_UP')).toThrow('divisor: must not be zero');
  });

  it('compares amounts', () => {
    expect(eur('1.00').compare(eur('2.00'))).toBe(-1);
    expect(eur('2.00').compare(eur('1.00'))).toBe(1);
    expect(eur('2.00').compare(eur('2'))).toBe(0);
    expect(eur('2.00').equals(eur('2'))).toBe(true);
    expect(eur('2.00').equals(sek('2'))).toBe(false);
    expect(eur('2.00').isGreaterThan(eur('1.99'))).toBe(true);
    expect(eur('1.99').isLessThan(eur('2.00'))).toBe(true);
    expect(Money.min(eur('1'), eur('2')).toDecimalString()).toBe('1.00');
    expect(Money.max(eur('1'), eur('2')).toDecimalString()).toBe('2.00');
  });

  it('answers sign questions', () => {
    expect(eur('0').isZero()).toBe(true);
    expect(eur('0').isPositive()).toBe(false);
    expect(eur('0').isNegative()).toBe(false);
    expect(eur('-0.01').isNegative()).toBe(true);
    expect(eur('0.01').isPositive()).toBe(true);
  });

  it('sums a list, an empty one to zero', () => {
    expect(Money.sum([eur('0.10'), eur('0.20'), eur('-0.05')], 'EUR').toDecimalString()).toBe('0.25');
    expect(Money.sum([], 'SEK').equals(Money.zero('SEK'))).toBe(true);
  });
});

describe('Money.parse on its integer path', () => {
  it('reads cents the same as exact decimal arithmetic, up to 13 whole digits and beyond', () => {
    // Amounts of up to 13 whole digits and 2 decimals are read with integer arithmetic; the
    // rest goes through decimal.js. Both must give the exact number of cents.
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const whole = String(Math.floor(Math.abs(Math.sin(i + 1)) * 10 ** (1 + (i % 15))));
      const decimals = ['', '.5', '.05', '.50', '.99', '.00', '.1', '.10'][i % 8];
      texts.push(`${i % 3 === 0 ? '-' : i % 5 === 0 ? '+' : ''}${whole}${decimals}`);
    }
    for (const text of texts) {
      const exact = new Decimal(text).times(100);
      if (exact.abs().greaterThan(Number.MAX_SAFE_INTEGER)) continue;
      expect([text, Money.parse(text, 'EUR').minorUnits]).toEqual([text, exact.toNumber() === 0 ? 0 : exact.toNumber()]);
      expect([text, Money.parse(text, 'EUR', undefined, 'HALF_UP').minorUnits]).toEqual([text, exact.toNumber() === 0 ? 0 : exact.toNumber()]);
    }
    expect(Money.parse('9999999999999.99', 'EUR').minorUnits).toBe(999999999999999);
  });
});
