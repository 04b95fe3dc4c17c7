import { seMaxFee } from '../fees/se-elderly-care';
import { Money } from '../money/money';
import { ClientContext } from './context';
import { DraftRow, explanation } from './rows';

/**
 * SE maxtaxa: what a client pays a month for care — the care fees net of their absence
 * deductions, plus the registered services counted in the maximum fee — is at most maxtaxa.
 * When it would be more, a 'care-fee' row 'Maxtaxa cap' takes the excess off. Rent, food and
 * corrections are outside it (corrections to maxtaxa items are the billing team's, seed 002).
 * Returns null when nothing is capped; throws 'no rule' when maxtaxa is missing for the month.
 */
export function maxtaxaCapRow(ctx: ClientContext, rows: readonly DraftRow[]): DraftRow | null {
  if (ctx.country !== 'SE') return null;
  const counted = rows.filter(
    (row) =>
      row.kind === 'care-fee' ||
      row.kind === 'absence-deduction' ||
      (row.kind === 'service' && row.code !== null && ctx.priceList.get(row.code)?.affectsMaximumFee === true),
  );
  if (counted.length === 0) return null;
  const total = Money.sum(
    counted.map((row) => row.amount),
    ctx.currency,
  );
  const { maxFee, rule } = seMaxFee(ctx.month.from, ctx.tables);
  if (!total.isGreaterThan(maxFee)) return null;
  const cap = maxFee.subtract(total);
  const lines = [
    `care fees and services counted in the maximum fee: ${counted.map((row) => `${row.description} ${row.amount.toString()}`).join(' + ')} = ${total.toString()}`,
    `maxtaxa ${maxFee.toString()}: ${maxFee.toString()} − ${total.toString()} = ${cap.toString()}`,
  ];
  return {
    kind: 'care-fee',
    description: 'Maxtaxa cap',
    code: null,
    quantity: null,
    unitPrice: null,
    amount: cap,
    explanation: explanation([rule], { counted: total.toDecimalString(), maxFee: maxFee.toDecimalString() }, lines),
  };
}
