import { DomainValidationError } from '../errors';
import { Money } from '../money/money';

/** What one provider has coming in one month's settlement, in the organisation's currency. */
export interface ProviderSettlementParts {
  /** The voucher's part of the events paid this month. */
  readonly events: Money;
  /** The interruptions' compensation at their percentages. */
  readonly interruptions: Money;
  /** Credit requests deducted this month (a positive amount). */
  readonly credits: Money;
  /** What an earlier settlement could not pay (no bank account, or more credits than pay). */
  readonly carriedIn: Money;
  /** A bank account (IBAN and BIC) is on file when the settlement is made. */
  readonly hasBankAccount: boolean;
}

export interface ProviderSettlementTotals {
  readonly events: Money;
  readonly interruptions: Money;
  readonly credits: Money;
  readonly carriedIn: Money;
  /** events + interruptions − credits + carried in. */
  readonly total: Money;
  /** What goes into this month's payment file. */
  readonly payable: Money;
  /** What the next settlement carries in. */
  readonly carriedOut: Money;
}

/**
 * One provider's settlement (seed 003 §4.3.5.6, §4.3.8 and §1.2.2): the month's events and
 * interruptions, less the credit requests due, plus whatever an earlier settlement carried. A
 * provider without a bank account is paid in the next settlement after it gives one ("Puuttuvat
 * laskutustiedot aiheuttavat maksun siirtymisen seuraavaan tilitykseen"); credits larger than the
 * month's pay are carried and deducted from the next pay, never sent as a negative payment.
 */
export function settleProvider(parts: ProviderSettlementParts): ProviderSettlementTotals {
  const currency = parts.events.currency;
  if (parts.credits.isNegative()) throw new DomainValidationError('must not be negative', 'credits');
  if (parts.events.isNegative() || parts.interruptions.isNegative()) throw new DomainValidationError('must not be negative', 'events');
  const total = Money.sum([parts.events, parts.interruptions, parts.carriedIn], currency).subtract(parts.credits);
  const payable = parts.hasBankAccount && total.isPositive() ? total : Money.zero(currency);
  return Object.freeze({
    events: parts.events,
    interruptions: parts.interruptions,
    credits: parts.credits,
    carriedIn: parts.carriedIn,
    total,
    payable,
    carriedOut: total.subtract(payable),
  });
}
