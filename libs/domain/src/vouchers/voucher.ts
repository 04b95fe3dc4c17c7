import { LocalDate, addDays, parseLocalDate } from '../dates/local-date';

/**
 * A service voucher (palveluseteli / ostovoima, seed 003 §4.3.1): granted and not yet used,
 * open once something is charged to it, closed when used up or for another reason.
 */
export const VOUCHER_STATES = ['granted', 'open', 'closed'] as const; // myönnetty, avoin, suljettu
export type VoucherState = (typeof VOUCHER_STATES)[number];

/**
 * The last day of a voucher whose client has died: "PSOP sulkee automaattisesti vain ostovoimat
 * kuolinpäivä +1 päivälle" (seed 003 §4.3.2) — the day after the death, or the voucher's own end
 * if that comes first. Events already recorded are left as they are for the provider to correct.
 */
export function voucherEndAfterDeath(validTo: LocalDate | null, dateOfDeath: LocalDate): LocalDate {
  const closing = addDays(parseLocalDate(dateOfDeath, 'dateOfDeath'), 1);
  return validTo !== null && parseLocalDate(validTo, 'validTo') < closing ? validTo : closing;
}

/**
 * Why an event or interruption from `startDate` to `endDate` (null: still open) cannot be
 * recorded on the voucher, or undefined when it can: it must lie within the voucher's validity.
 */
export function voucherPeriodRefusal(voucher: { validFrom: LocalDate; validTo: LocalDate | null }, span: { startDate: LocalDate; endDate: LocalDate | null }): string | undefined {
  if (span.startDate < voucher.validFrom) return `the voucher is valid from ${voucher.validFrom}`;
  if (voucher.validTo !== null && (span.endDate ?? span.startDate) > voucher.validTo) return `the voucher is valid until ${voucher.validTo}`;
  return undefined;
}
