import { DomainValidationError } from '../errors';
import { allocate, splitEvenly } from './allocation';
import { Money } from './money';

const eur = (text: string) => Money.parse(text, 'EUR');
const amounts = (parts: Money[]) => parts.map((part) => part.toDecimalString());

describe('allocate', () => {
  it('splits in proportion without losing a cent', () => {
    expect(amounts(allocate(eur('10.00'), [1, 1, 1]))).toEqual(['3.34', '3.33', '3.33']);
    expect(amounts(allocate(eur('100.00'), [50, 30, 20]))).toEqual(['50.00', '30.00', '20.00']);
    expect(amounts(allocate(eur('0.05'), [1, 3]))).toEqual(['0.01', '0.04']);
    // exact 1.5 and 3.5 cents: a tie, so the earlier part gets the cent
    expect(amounts(allocate(eur('0.05'), ['0.3', '0.7']))).toEqual(['0.02', '0.03']);
  });

  it('gives leftover cents to the largest remainders, ties to the earlier part', () => {
    // exact shares 0.333…, 0.666… → the second part lost more
    expect(amounts(allocate(eur('0.01'), [1, 2]))).toEqual(['0.00', '0.01']);
    // exact shares 0.5, 0.5 → tie → first part
    expect(amounts(allocate(eur('0.01'), [1, 1]))).toEqual(['0.01', '0.00']);
    expect(amounts(allocate(eur('0.02'), [1, 1, 1]))).toEqual(['0.01', '0.01', '0.00']);
  });

  it('never gives a cent to a zero ratio', () => {
    expect(amounts(allocate(eur('0.03'), [0, 1, 1]))).toEqual(['0.00', '0.02', '0.01']);
  });

  it('splits negative amounts symmetrically', () => {
    expect(amounts(allocate(eur('-10.00'), [1, 1, 1]))).toEqual(['-3.34', '-3.33', '-3.33']);
    expect(amounts(allocate(eur('0'), [1, 1]))).toEqual(['0.00', '0.00']);
  });

  it('always adds up to the original amount', () => {
    const ratios = [[1, 2, 3], ['0.1', '0.2', '0.7'], [7, 0, 13, 1], [1], [3, 3, 3, 3, 3, 3, 3]];
    for (const cents of [0, 1, 7, 99, 100, 12345, -12345, 999999999]) {
      for (const r of ratios) {
        const money = Money.ofMinor(cents, 'SEK');
        const parts = allocate(money, r);
        expect(parts).toHaveLength(r.length);
        expect(Money.sum(parts, 'SEK').equals(money)).toBe(true);
        for (const part of parts) expect(part.currency).toBe('SEK');
      }
    }
  });

  it('refuses bad ratios', () => {
    expect(() => allocate(eur('1'), [])).toThrow(new DomainValidationError('needs at least one ratio', 'ratios'));
    expect(() => allocate(eur('1'), [0, 0])).toThrow('ratios: must not all be zero');
    expect(() => allocate(eur('1'), [1, -1])).toThrow('ratios.1: must not be negative');
    expect(() => allocate(eur('1'), [1, 'x'])).toThrow('ratios.1: must be a finite decimal number');
  });
});

describe('splitEvenly', () => {
  it('gives leftover cents to the first parts', () => {
    expect(amounts(splitEvenly(eur('100.00'), 3))).toEqual(['33.34', '33.33', '33.33']);
    expect(amounts(splitEvenly(eur('0.05'), 3))).toEqual(['0.02', '0.02', '0.01']);
    expect(amounts(splitEvenly(eur('-0.05'), 3))).toEqual(['-0.02', '-0.02', '-0.01']);
    expect(amounts(splitEvenly(eur('12.00'), 2))).toEqual(['6.00', '6.00']);
    expect(amounts(splitEvenly(eur('12.00'), 1))).toEqual(['12.00']);
  });

  it('refuses a part count below one or fractional', () => {
    expect(() => splitEvenly(eur('1'), 0)).toThrow('parts: must be a whole number of at least 1');
    expect(() => splitEvenly(eur('1'), 1.5)).toThrow(DomainValidationError);
  });
});
