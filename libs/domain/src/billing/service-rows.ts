import { DomainValidationError } from '../errors';
import { Decimal, decimal } from '../money/decimal';
import { Money } from '../money/money';
import { ClientContext } from './context';
import { ErrorList } from './problems';
import { DraftRow, explanation } from './rows';
import type { PriceListItem, Registration } from './types';

/** Two decimals at least, more when the price list has them (an hourly price may). */
function priceText(price: Decimal): string {
  return price.toFixed(Math.max(2, price.decimalPlaces()));
}

/**
 * One 'service' row per price-list item: the month's registered quantities summed, times the
 * price, rounded half up once. Registrations whose item is not priced were reported as
 * 'price-missing' and are skipped here. Returns the rows and the registrations priced.
 */
export function serviceRows(ctx: ClientContext, registrations: readonly Registration[], errors: ErrorList): { rows: DraftRow[]; used: string[] } {
  const groups = new Map<string, { item: PriceListItem; quantity: Decimal; ids: string[] }>();
  const used: string[] = [];
  for (const registration of registrations) {
    const item = ctx.priceList.get(registration.itemCode);
    if (item === undefined) continue;
    const quantity = errors.attempt(`Registration ${registration.id}`, () => `registrations.${registration.id}.quantity`, () => {
      const value = decimal(registration.quantity, 'quantity');
      if (value.isNegative()) throw new DomainValidationError('must not be negative: change the quantity, a registration is never negative', 'quantity');
      return value;
    });
    if (quantity === undefined) continue;
    const group = groups.get(item.code) ?? { item, quantity: new Decimal(0), ids: [] };
    group.quantity = group.quantity.plus(quantity);
    group.ids.push(registration.id);
    groups.set(item.code, group);
    used.push(registration.id);
  }
  const rows: DraftRow[] = [];
  // Map order is insertion order; the rows are sorted by code afterwards anyway.
  for (const { item, quantity, ids } of groups.values()) {
    const row = errors.attempt(`Price-list item ${item.code}`, () => `priceList.${item.code}.price`, () => {
      const price = decimal(item.price, 'price');
      const amount = Money.fromDecimal(price.times(quantity), ctx.currency, 'HALF_UP');
      const unit = priceText(price);
      return {
        kind: 'service' as const,
        description: item.name,
        code: item.code,
        quantity: quantity.toString(),
        unitPrice: unit,
        amount,
        explanation: explanation(
          [],
          { itemCode: item.code, unit: item.unit, price: unit, registrations: ids.join(', ') },
          [`${quantity.toString()} ${item.unit}(s) × ${unit} ${ctx.currency} = ${amount.toString()} (rounded half up to the cent)`],
        ),
      };
    });
    if (row !== undefined) rows.push(row);
  }
  return { rows, used };
}
