import { Money } from '../money/money';
import { chargeAfterDeath } from './charges-after-death';

const eur = (text: string) => Money.parse(text, 'EUR');
const credit = (period: string, dateOfDeath: string, total: string) => chargeAfterDeath({ period, dateOfDeath, total: eur(total) }).credit.toDecimalString();

describe('chargeAfterDeath', () => {
  it('credits all of a period that begins after the death', () => {
    expect(credit('2027-04', '2027-03-15', '826.67')).toBe('826.67');
    expect(chargeAfterDeath({ period: '2027-04', dateOfDeath: '2027-03-31', total: eur('100.00') }).grounds).toBe('the period 2027-04 begins after the death on 2027-03-31');
  });

  it('credits nothing of a period that ended by the death, the last day included', () => {
    expect(credit('2027-02', '2027-03-15', '182.40')).toBe('0.00');
    expect(credit('2027-03', '2027-03-31', '300.00')).toBe('0.00');
  });

  it('charges the days up to the death in its month by the 30-day rule, half up, and credits the rest', () => {
    // 15 days of March: 300.00 × 15 / 30 = 150.00 charged, 150.00 credited.
    expect(credit('2027-03', '2027-03-15', '300.00')).toBe('150.00');
    const result = chargeAfterDeath({ period: '2027-03', dateOfDeath: '2027-03-15', total: eur('300.00') });
    expect(result.grounds).toBe('2027-03: 15 day(s) up to the death on 2027-03-15 are charged 150.00 of 300.00');
    // 1 day: 100.00 / 30 = 3.333… → 3.33 charged.
    expect(credit('2027-03', '2027-03-01', '100.00')).toBe('96.67');
    // 30 of 31 days: at most the whole fee, nothing to credit.
    expect(credit('2027-03', '2027-03-30', '100.00')).toBe('0.00');
    // February 2028 (a leap year): 28 of 29 days → 28/30 of the fee.
    expect(credit('2028-02', '2028-02-28', '90.00')).toBe('6.00');
  });

  it('refuses what is not a period or a date', () => {
    expect(() => credit('2027-13', '2027-03-15', '1.00')).toThrow(/period/);
    expect(() => credit('2027-03', '2027-02-30', '1.00')).toThrow(/dateOfDeath/);
  });
});
