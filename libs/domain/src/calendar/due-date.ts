import type { Country } from '../country';
import { LocalDate, addDays } from '../dates/local-date';
import { requireInteger } from '../internal/integers';
import { addBankingDays, nextBankingDayOnOrAfter } from './banking-days';

export interface PaymentTerms {
  /** Calendar days after the invoice date; 14 unless the organisation says otherwise. */
  readonly paymentTermDays?: number;
  /** Banking days added after that, so the client's bank has time to clear the payment; 3 by default. */
  readonly bankingDays?: number;
}

export const DEFAULT_PAYMENT_TERM_DAYS = 14;
export const DEFAULT_DUE_DATE_BANKING_DAYS = 3;

/**
 * Invoice date + `paymentTermDays` calendar days, then + `bankingDays` banking days
 * (seed 000: 25.7.2017 + 14 days = Tue 8.8.; + 3 banking days = Fri 11.8.2017).
 *
 * The due date is always a banking day: with `bankingDays = 0` a date that lands on a weekend or
 * holiday moves to the next banking day.
 */
export function dueDate(country: Country, invoiceDate: LocalDate, terms: PaymentTerms = {}): LocalDate {
  const termDays = requireInteger(terms.paymentTermDays ?? DEFAULT_PAYMENT_TERM_DAYS, 'paymentTermDays', 0, 3660);
  const bankingDays = requireInteger(terms.bankingDays ?? DEFAULT_DUE_DATE_BANKING_DAYS, 'bankingDays', 0, 366);
  const afterTerm = addDays(invoiceDate, termDays);
  return bankingDays === 0 ? nextBankingDayOnOrAfter(country, afterTerm) : addBankingDays(country, afterTerm, bankingDays);
}
