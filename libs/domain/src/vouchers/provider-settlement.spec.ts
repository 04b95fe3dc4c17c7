import { Money } from '../money/money';
import { settleProvider } from './provider-settlement';

const eur = (amount: string) => Money.parse(amount, 'EUR');

describe('a provider’s monthly settlement', () => {
  it('pays events and interruptions less the credits due (seed 003 §4.3.8: April 60, May 20, June 40)', () => {
    const april = settleProvider({ events: eur('60.00'), interruptions: eur('0'), credits: eur('0'), carriedIn: eur('0'), hasBankAccount: true });
    const june = settleProvider({ events: eur('60.00'), interruptions: eur('0'), credits: eur('20.00'), carriedIn: eur('0'), hasBankAccount: true });
    expect(String(april.payable)).toBe('60.00 EUR');
    expect(String(june.payable)).toBe('40.00 EUR');
    expect(june.carriedOut.isZero()).toBe(true);
  });

  it('adds the interruptions’ compensation', () => {
    const totals = settleProvider({ events: eur('1230.00'), interruptions: eur('984.00'), credits: eur('0'), carriedIn: eur('0'), hasBankAccount: true });
    expect(String(totals.total)).toBe('2214.00 EUR');
  });

  it('carries a provider without a bank account to the next settlement, which pays both months', () => {
    const may = settleProvider({ events: eur('500.00'), interruptions: eur('0'), credits: eur('0'), carriedIn: eur('0'), hasBankAccount: false });
    expect([String(may.payable), String(may.carriedOut)]).toEqual(['0.00 EUR', '500.00 EUR']);
    const june = settleProvider({ events: eur('400.00'), interruptions: eur('0'), credits: eur('0'), carriedIn: may.carriedOut, hasBankAccount: true });
    expect(String(june.payable)).toBe('900.00 EUR');
  });

  it('carries credits larger than the month’s pay instead of paying a negative amount', () => {
    const totals = settleProvider({ events: eur('10.00'), interruptions: eur('0'), credits: eur('30.00'), carriedIn: eur('0'), hasBankAccount: true });
    expect([String(totals.payable), String(totals.carriedOut)]).toEqual(['0.00 EUR', '-20.00 EUR']);
  });
});
