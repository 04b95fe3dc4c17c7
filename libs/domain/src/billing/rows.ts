import type { FeeExplanation, RuleVersion } from '../fees/explanation';
import { Money } from '../money/money';
import type { BillingRow, BillingRowKind } from './types';

/** A row while the calculation builds it: the amount is still Money, the account string comes last. */
export interface DraftRow {
  readonly kind: BillingRowKind;
  readonly description: string;
  readonly code: string | null;
  readonly quantity: string | null;
  readonly unitPrice: string | null;
  readonly amount: Money;
  readonly explanation: FeeExplanation;
}

/** The order rows appear on the invoice and in the journal: fees first, corrections last. */
export const ROW_KIND_ORDER: readonly BillingRowKind[] = Object.freeze([
  'care-fee',
  'absence-deduction',
  'food',
  'food-deduction',
  'service',
  'rent',
  'rent-free-month',
  'correction',
]);

export function explanation(rules: readonly RuleVersion[], inputs: Record<string, string>, lines: readonly string[]): FeeExplanation {
  return Object.freeze({ rules: Object.freeze([...rules]), inputs: Object.freeze({ ...inputs }), lines: Object.freeze([...lines]) });
}

/** The explanation of the rule that produced a fee, with the billing calculation's own steps after it. */
export function extendExplanation(base: FeeExplanation, extraInputs: Record<string, string>, extraLines: readonly string[]): FeeExplanation {
  return explanation(base.rules, { ...base.inputs, ...extraInputs }, [...base.lines, ...extraLines]);
}

// Plain code-unit comparison: localeCompare would depend on the ICU data of the machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts by kind, service rows by price-list code, and otherwise keeps the order the rows were
 * made in (services and absences in input order): the same input always gives the same invoice.
 */
export function sortRows(rows: readonly DraftRow[]): DraftRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const byKind = ROW_KIND_ORDER.indexOf(a.row.kind) - ROW_KIND_ORDER.indexOf(b.row.kind);
      if (byKind !== 0) return byKind;
      if (a.row.kind === 'service') {
        const byCode = compareText(a.row.code ?? '', b.row.code ?? '');
        if (byCode !== 0) return byCode;
      }
      return a.index - b.index;
    })
    .map(({ row }) => row);
}

export function toBillingRow(row: DraftRow, accountString: string | null): BillingRow {
  return Object.freeze({
    kind: row.kind,
    description: row.description,
    code: row.code,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    amount: row.amount.toDecimalString(),
    accountString,
    explanation: row.explanation,
  });
}
