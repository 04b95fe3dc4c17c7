import { plannedAbsenceDeduction, unplannedAbsenceDeduction } from '@clientfees/domain';
import { parseOptions, requireOption, wholeNumberOption } from '../options';
import { UsageError } from '../usage-error';
import { amountOption, withOptionNames } from './fee';

export const absenceHelp = `clientfees absence --kind planned|unplanned --days N --monthly-fee X [--json]
  The deduction from a monthly care fee for an absence (tillfälligt uppehåll):
  planned: 25 % of the monthly fee per whole 7-day week, at most 100 % (10 days → 25 %, 14 → 50 %);
  unplanned (hospital, respite, short-term care): 1/30 of the monthly fee a day, at most the fee.
  Rounded half up to the öre. --json adds deductionPercent for planned absence.`;

export function absenceCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    kind: { type: 'string' },
    days: { type: 'string' },
    'monthly-fee': { type: 'string' },
    json: { type: 'boolean' },
  });
  const kind = requireOption(values, 'kind');
  if (kind !== 'planned' && kind !== 'unplanned') throw new UsageError(`--kind must be planned or unplanned, not "${kind}"`);
  requireOption(values, 'days');
  const days = wholeNumberOption(values, 'days', 0, 3660);
  // The absence rules come from a Swedish municipality's manual, so the fee is in kronor.
  const monthlyFee = amountOption(values, 'monthly-fee', 'SEK');
  if (kind === 'planned') {
    const result = withOptionNames(() => plannedAbsenceDeduction(monthlyFee, days));
    if (!values.json) return result.deduction.toDecimalString();
    return JSON.stringify({ kind, days, deductionPercent: String(result.deductionPercent), deduction: result.deduction.toDecimalString() });
  }
  const result = withOptionNames(() => unplannedAbsenceDeduction(monthlyFee, days));
  if (!values.json) return result.deduction.toDecimalString();
  return JSON.stringify({ kind, days, deduction: result.deduction.toDecimalString() });
}
