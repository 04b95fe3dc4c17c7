import { DomainValidationError } from '../errors';
import { addMonths, isAfter, isBefore, LocalDate } from '../dates/local-date';

/**
 * The dates an invoice may carry. Ahead: at most one year after today, room for a billing run
 * prepared for next month; a later date is a typing error (9999-12-31 was once accepted, and its
 * lifecycle could never schedule its due date). Back: no earlier than 2000-01-01 — old invoices
 * are entered when a county moves its open receivables here (the seed's example is dated
 * 25.7.2017), but nothing older is open: limitation (734/1992 section 16, five years from the
 * due date; in Sweden 1981:130, ten years) has long ended it.
 */
export const EARLIEST_INVOICE_DATE: LocalDate = '2000-01-01';
export const INVOICE_DATE_YEARS_AHEAD = 1;

export function checkInvoiceDate(invoiceDate: LocalDate, today: LocalDate, field = 'invoiceDate'): LocalDate {
  const latest = addMonths(today, 12 * INVOICE_DATE_YEARS_AHEAD);
  if (isBefore(invoiceDate, EARLIEST_INVOICE_DATE) || isAfter(invoiceDate, latest)) {
    throw new DomainValidationError(`must be between ${EARLIEST_INVOICE_DATE} and ${latest} (at most a year ahead of today, ${today})`, field);
  }
  return invoiceDate;
}
