import DecimalJs from 'decimal.js';
import { DomainValidationError } from '../errors';
import { Decimal, decimal, roundDecimal, roundToCents, toDecimalJsRounding } from './decimal';

describe('decimal', () => {
  it('accepts numbers, decimal strings, bigints and Decimals', () => {
    expect(decimal('123.45').toString()).toBe('123.45');
    expect(decimal(0.1).plus(0.2).toString()).toBe('0.3');
    expect(decimal('-1e3').toString()).toBe('-1000');
    expect(decimal('.5').toString()).toBe('0.5');
    expect(decimal(10n).toString()).toBe('10');
    expect(decimal(new DecimalJs('2.5')).toString()).toBe('2.5');
    expect(decimal(decimal('7')).toString()).toBe('7');
  });

  it.each(['NaN', 'Infinity', '-Infinity', 'abc', '', ' 1', '1,5', '0x1f', '0b101', '1.2.3'])('refuses %p', (text) => {
    expect(() => decimal(text)).toThrow(new DomainValidationError('must be a finite decimal number'));
  });

  it('refuses non-finite numbers and other types, naming the field', () => {
    expect(() => decimal(Number.NaN, 'factor')).toThrow('factor: must be a finite decimal number');
    expect(() => decimal(Number.POSITIVE_INFINITY)).toThrow(DomainValidationError);
    expect(() => decimal(null as unknown as string)).toThrow(DomainValidationError);
    expect(() => decimal({} as unknown as string)).toThrow(DomainValidationError);
  });

  it('keeps 40 significant digits regardless of the global decimal.js configuration', () => {
    expect(decimal(1).dividedBy(3).toString()).toBe('0.' + '3'.repeat(40));
    expect(Decimal.precision).toBe(40);
    expect(decimal('1e-30').toString()).toBe('0.' + '0'.repeat(29) + '1');
  });
});

describe('roundToCents', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // value, HALF_UP, HALF_EVEN, DOWN, UP
    ['2.345', '2.35', '2.34', '2.34', '2.35'],
    ['2.355', '2.36', '2.36', '2.35', '2.36'],
    ['-2.345', '-2.35', '-2.34', '-2.34', '-2.35'],
    ['2.3449', '2.34', '2.34', '2.34', '2.35'],
    ['2.341', '2.34', '2.34', '2.34', '2.35'],
    ['-2.349', '-2.35', '-2.35', '-2.34', '-2.35'],
    ['0.005', '0.01', '0', '0', '0.01'],
    ['7', '7', '7', '7', '7'],
  ];
  it.each(cases)('rounds %s', (value, halfUp, halfEven, down, up) => {
    expect(roundToCents(value, 'HALF_UP').toString()).toBe(halfUp);
    expect(roundToCents(value, 'HALF_EVEN').toString()).toBe(halfEven);
    expect(roundToCents(value, 'DOWN').toString()).toBe(down);
    expect(roundToCents(value, 'UP').toString()).toBe(up);
  });

  it('rounds to other precisions', () => {
    expect(roundDecimal('12.5', 0, 'HALF_EVEN').toString()).toBe('12');
    expect(roundDecimal('13.5', 0, 'HALF_EVEN').toString()).toBe('14');
    expect(roundDecimal('0.06935', 4, 'HALF_UP').toString()).toBe('0.0694');
  });

  it('refuses an unknown rounding mode', () => {
    expect(() => toDecimalJsRounding('HALF_DOWN' as never)).toThrow('rounding: must be one of HALF_UP, HALF_EVEN, DOWN, UP');
  });
});

describe('decimal: a text read once is reused', () => {
  it('gives the same value for the same text, refuses a bad text every time, and arithmetic never changes it', () => {
    const first = decimal('15.5');
    expect(decimal('15.5').equals(first)).toBe(true);
    expect(first.times(2).plus(1).toString()).toBe('32');
    expect(first.toDecimalPlaces(0, DecimalJs.ROUND_DOWN).toString()).toBe('15');
    expect(decimal('15.5').toString()).toBe('15.5');
    for (let i = 0; i < 2; i++) expect(() => decimal('0x10', 'factor')).toThrow('factor: must be a finite decimal number');
  });
});
