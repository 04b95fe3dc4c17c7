import { type Country, parseCountry } from '../country';
import { addDays, compareLocalDates, type LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { lateInterest } from '../interest/late-interest';
import { type Currency, currencyOfCountry } from '../money/currency';
import { Money } from '../money/money';
import { checkLifecycleFee, FI_EARLIEST_REMINDER_DAYS_AFTER_DUE } from './terms';

/**
 * What a reminder is computed from: shaped like the collection service's ReminderRequest, so
 * that a refusal names the request's own field (`invoice.currency`, `reminderDate`, …).
 */
export interface ReminderPlanRequest {
  readonly invoice?: { readonly country: string; readonly currency: string; readonly dueDate: string };
  /** What is still unpaid of the invoice's principal, in cents. */
  readonly openCents: number;
  readonly reminderDate: string;
  readonly reminderDueDate: string;
  /** The organisation's reminder fee in cents. */
  readonly reminderFeeCents: number;
}

export interface ReminderPlan {
  readonly country: Country;
  readonly currency: Currency;
  readonly feeCents: number;
  readonly interestCents: number;
  /** The late-interest window, both days counted: the day after the due date to the reminder date. */
  readonly interestFrom: LocalDate;
  readonly interestTo: LocalDate;
}

/**
 * Checks a reminder (maksumuistutus / betalningspåminnelse) before it reaches the client, and
 * computes the fee and the late-payment interest it carries:
 * - the reminder goes out after the due date, and in Finland at the earliest 14 days after it
 *   (laki saatavien perinnästä 513/1999 § 4; seed 000: the reminder goes with the transfer
 *   17 days after the due date);
 * - the fee is within the country's legal cap (FI 5 €, 513/1999; SE 60 kr, lag 1981:739) —
 *   the lifecycle checked it already, and it is checked again at the last point before the
 *   client's letter;
 * - late interest runs from the day after the due date up to the reminder date, both counted,
 *   at the statutory rate (FI: Interest Act 633/1982 § 4, reference rate + 7 pp; SE: räntelagen
 *   § 6, reference rate + 8 pp), rounded once to the cent;
 * - the reminder's own due date comes after the reminder date.
 */
export function planReminder(request: ReminderPlanRequest): ReminderPlan {
  const { invoice } = request;
  if (!invoice) throw new DomainValidationError('is required', 'invoice');
  const country = parseCountry(invoice.country, 'invoice.country');
  const currency = currencyOfCountry(country);
  if (invoice.currency !== currency) throw new DomainValidationError(`must be ${currency} for ${country}`, 'invoice.currency');
  const dueDate = parseLocalDate(invoice.dueDate, 'invoice.dueDate');
  const reminderDate = parseLocalDate(request.reminderDate, 'reminderDate');
  const reminderDueDate = parseLocalDate(request.reminderDueDate, 'reminderDueDate');
  if (!Number.isSafeInteger(request.openCents) || request.openCents <= 0) throw new DomainValidationError('must be a positive whole number of cents', 'openCents');
  if (!Number.isSafeInteger(request.reminderFeeCents)) throw new DomainValidationError('must be a whole number of cents', 'reminderFeeCents');
  const fee = checkLifecycleFee(country, 'reminder', Money.ofMinor(request.reminderFeeCents, currency));
  if (compareLocalDates(reminderDate, dueDate) <= 0) throw new DomainValidationError(`must be after the invoice's due date ${dueDate}`, 'reminderDate');
  if (country === 'FI' && compareLocalDates(reminderDate, addDays(dueDate, FI_EARLIEST_REMINDER_DAYS_AFTER_DUE)) < 0) {
    throw new DomainValidationError(`a Finnish reminder may go out at the earliest ${FI_EARLIEST_REMINDER_DAYS_AFTER_DUE} days after the due date ${dueDate}`, 'reminderDate');
  }
  if (compareLocalDates(reminderDueDate, reminderDate) <= 0) throw new DomainValidationError('must be after the reminder date', 'reminderDueDate');
  const interestFrom = addDays(dueDate, 1);
  const interest = lateInterest(country, Money.ofMinor(request.openCents, currency), interestFrom, reminderDate);
  return Object.freeze({ country, currency, feeCents: fee.minorUnits, interestCents: interest.interest.minorUnits, interestFrom, interestTo: reminderDate });
}
