import { Money } from '@clientfees/domain';

/** "82.00" → 8200: prices and values arrive as decimal strings and are stored as cents. */
export function centsOf(amount: string, field: string): number {
  // The currency only names the minor unit here; both have 100 of them.
  const money = Money.parse(amount, 'EUR', field);
  return money.minorUnits;
}

export function decimalOf(cents: number): string {
  return Money.ofMinor(cents, 'EUR').toDecimalString();
}
