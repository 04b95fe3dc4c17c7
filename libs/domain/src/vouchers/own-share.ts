import { LocalDate, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import type { Currency } from '../money/currency';
import { Money } from '../money/money';

/** An event as the client's own-share specification (omavastuuerittely) lists it. */
export interface OwnShareEvent {
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  readonly approval: 'not-needed' | 'pending' | 'approved' | 'rejected';
  readonly priceCents: number;
  readonly voucherValueCents: number;
  readonly ownShareCents: number;
}

export interface OwnShareSpecification<E extends OwnShareEvent> {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly events: readonly (E & { readonly awaitingApproval: boolean })[];
  readonly price: Money;
  readonly voucherValue: Money;
  readonly ownShare: Money;
}

/**
 * The client's own share for a period (seed 003 §4.3.7): the service's price, the voucher's
 * value and what is left to the client, for the events that end within the period. An event
 * waiting for the municipality's manual approval is shown (marked) until decided; a rejected one
 * is left out.
 */
export function ownShareSpecification<E extends OwnShareEvent>(events: readonly E[], from: LocalDate, to: LocalDate, currency: Currency): OwnShareSpecification<E> {
  const start = parseLocalDate(from, 'from');
  const end = parseLocalDate(to, 'to');
  if (end < start) throw new DomainValidationError(`must not be before from (${start})`, 'to');
  const listed = events
    .filter((event) => event.approval !== 'rejected' && event.endDate >= start && event.endDate <= end)
    .map((event) => ({ ...event, awaitingApproval: event.approval === 'pending' }));
  const sum = (pick: (event: E) => number) => Money.ofMinor(listed.reduce((total, event) => total + pick(event), 0), currency);
  return Object.freeze({
    from: start,
    to: end,
    events: listed,
    price: sum((event) => event.priceCents),
    voucherValue: sum((event) => event.voucherValueCents),
    ownShare: sum((event) => event.ownShareCents),
  });
}
