import type { Country } from '../country';
import { LocalDate, addDays, parseLocalDate } from '../dates/local-date';
import { nextBankingDayOnOrAfter } from '../calendar/banking-days';
import { requireInteger } from '../internal/integers';

/**
 * The due date on which the providers are paid ("Suoritus tulee palveluntuottajan tilille
 * eräpäivänä", seed 003 §4.3.5.3): the organisation's payment term after the settlement day,
 * moved to the next banking day, because a payment is executed on banking days only.
 */
export function settlementPaymentDate(country: Country, settledOn: LocalDate, paymentTermDays: number): LocalDate {
  const days = requireInteger(paymentTermDays, 'paymentTermDays', 0, 90);
  return nextBankingDayOnOrAfter(country, addDays(parseLocalDate(settledOn, 'settledOn'), days));
}
