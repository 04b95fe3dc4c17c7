import { Currency, DomainValidationError, LocalDate, Money, priceListFor, UnitValues } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';
import { approvedContentPrices, ContentPrice } from '../price-lists/price-list.queries';

export type { ContentPrice };

/**
 * The unit values of a content on each date: the provider's price from the list in force on the
 * date (the unit's own, else the company's — `priceListFor`) and the voucher's value. Built once
 * for many events (automatic recording values a whole organisation's month with one of these).
 */
export class Pricing {
  private readonly byKey = new Map<string, ContentPrice[]>();

  constructor(
    prices: readonly ContentPrice[],
    private readonly currency: Currency,
  ) {
    for (const price of prices) {
      const key = `${price.providerId}|${price.serviceCode}|${price.contentCode}`;
      const same = this.byKey.get(key) ?? [];
      same.push(price);
      this.byKey.set(key, same);
    }
  }

  valuesOn(content: { providerId: string; unitId: string; serviceCode: string; contentCode: string; unitValueCents: number }): (date: LocalDate) => UnitValues {
    const lists = this.byKey.get(`${content.providerId}|${content.serviceCode}|${content.contentCode}`) ?? [];
    const voucherValue = Money.ofMinor(content.unitValueCents, this.currency);
    const memo = new Map<LocalDate, UnitValues>();
    return (date) => {
      let values = memo.get(date);
      if (!values) {
        const list = priceListFor(lists, { unitId: content.unitId, date }) as ContentPrice | undefined;
        if (!list) throw new DomainValidationError(`no approved price list of the provider is in force on ${date}`, 'startDate');
        if (list.unitPriceCents === null) throw new DomainValidationError(`the price list in force on ${date} does not price ${content.contentCode}`, 'contentCode');
        values = { price: Money.ofMinor(list.unitPriceCents, this.currency), voucherValue };
        memo.set(date, values);
      }
      return values;
    };
  }
}

/** The approved prices of the organisation's providers, optionally of one provider. */
export async function loadPricing(tx: Tx, organisationId: string, currency: Currency, providerId?: string): Promise<Pricing> {
  return new Pricing(await approvedContentPrices(tx, organisationId, providerId), currency);
}
