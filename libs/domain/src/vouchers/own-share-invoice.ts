import type { Currency } from '../money/currency';
import { Decimal } from '../money/decimal';
import { Money } from '../money/money';
import type { ServiceUnit } from './service-value';

/**
 * A settled event as the client's own-share invoice bills it: the service, the period, the units,
 * the price, the voucher's value and the share left to the client (seed 003 §4.3.1, §4.3.7).
 */
export interface OwnShareInvoiceEvent {
  readonly eventId: string;
  readonly voucherNumber: string;
  readonly serviceName: string;
  readonly contentCode: string;
  readonly unit: ServiceUnit;
  readonly startDate: string;
  readonly endDate: string;
  /** Days, minutes or visits, as the event stores them. */
  readonly quantity: number;
  readonly priceCents: number;
  readonly voucherValueCents: number;
  readonly ownShareCents: number;
}

/** A settled event corrected by a credit request after its own share was invoiced (seed 003 §4.3.8). */
export interface OwnShareInvoiceCredit {
  readonly eventId: string;
  readonly voucherNumber: string;
  readonly contentCode: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The own share the earlier invoice billed for the event. */
  readonly ownShareCents: number;
}

export type OwnShareRowKind = 'voucher-own-share' | 'voucher-own-share-credit' | 'voucher-own-share-carried';

/** One row of the client's invoice, with the explanation the client reads in its description. */
export interface OwnShareInvoiceRow {
  readonly kind: OwnShareRowKind;
  readonly eventId: string | null;
  readonly code: string | null;
  /** Days, hours (two decimals) or visits; null for a carried amount. */
  readonly quantity: string | null;
  readonly description: string;
  readonly amountCents: number;
}

export interface OwnShareInvoiceDraft {
  readonly rows: readonly OwnShareInvoiceRow[];
  /** The rows' sum. */
  readonly total: Money;
  /** What the invoice bills: the total when it is positive, otherwise nothing (no invoice). */
  readonly invoiced: Money;
  /** A total of zero or less: what the next period's invoice starts from (never positive). */
  readonly carriedOut: Money;
}

/**
 * The client's own-share invoice for one settlement (issue 12 §8, seed 003 §4.3.7-§4.3.8): a row
 * per settled event with an own share (price − voucher value), a credit row per earlier-invoiced
 * event corrected since by a credit request (its own share back), and what an earlier period left
 * over. A correction of a settled month is never a change of the invoice that billed it: it is a
 * row of the next one. A total above zero is invoiced; zero makes no invoice; below zero is
 * carried to the client's next own-share invoice (a credit owed, not an invoice).
 */
export function ownShareInvoice(input: {
  events: readonly OwnShareInvoiceEvent[];
  credits: readonly OwnShareInvoiceCredit[];
  carriedInCents: number;
  currency: Currency;
}): OwnShareInvoiceDraft {
  const money = (cents: number) => Money.ofMinor(cents, input.currency).toDecimalString();
  const rows: OwnShareInvoiceRow[] = [];
  const byDate = <T extends { startDate: string; voucherNumber: string; eventId: string }>(a: T, b: T) =>
    a.voucherNumber.localeCompare(b.voucherNumber) || a.startDate.localeCompare(b.startDate) || a.eventId.localeCompare(b.eventId);
  for (const event of [...input.events].sort(byDate)) {
    if (event.ownShareCents <= 0) continue;
    const quantity = quantityOf(event.unit, event.quantity);
    rows.push({
      kind: 'voucher-own-share',
      eventId: event.eventId,
      code: event.contentCode,
      quantity: quantity.value,
      description: `${event.serviceName} ${event.contentCode}, palveluseteli ${event.voucherNumber}, ${event.startDate}–${event.endDate}: ${quantity.text}, hinta ${money(event.priceCents)}, setelin arvo ${money(event.voucherValueCents)}, omavastuu ${money(event.ownShareCents)}`,
      amountCents: event.ownShareCents,
    });
  }
  for (const credit of [...input.credits].sort(byDate)) {
    if (credit.ownShareCents <= 0) continue;
    rows.push({
      kind: 'voucher-own-share-credit',
      eventId: credit.eventId,
      code: credit.contentCode,
      quantity: null,
      description: `Hyvitys / credit: ${credit.contentCode}, palveluseteli ${credit.voucherNumber}, ${credit.startDate}–${credit.endDate} korjattu, laskutettu omavastuu palautetaan`,
      amountCents: -credit.ownShareCents,
    });
  }
  if (input.carriedInCents !== 0) {
    rows.push({
      kind: 'voucher-own-share-carried',
      eventId: null,
      code: null,
      quantity: null,
      description: `Edelliseltä jaksolta siirtynyt hyvitys / credit carried from an earlier period`,
      amountCents: input.carriedInCents,
    });
  }
  const total = Money.sum(
    rows.map((row) => Money.ofMinor(row.amountCents, input.currency)),
    input.currency,
  );
  return Object.freeze({
    rows,
    total,
    invoiced: total.isPositive() ? total : Money.zero(input.currency),
    carriedOut: total.isPositive() ? Money.zero(input.currency) : total,
  });
}

/** Units as the client reads them: days (vrk), hours from minutes (two decimals, half up), visits (krt). */
function quantityOf(unit: ServiceUnit, quantity: number): { value: string; text: string } {
  if (unit === 'hour') {
    const hours = new Decimal(quantity).div(60).toFixed(2, Decimal.ROUND_HALF_UP);
    return { value: hours, text: `${hours} h` };
  }
  return { value: String(quantity), text: `${quantity} ${unit === 'day' ? 'vrk' : 'krt'}` };
}
