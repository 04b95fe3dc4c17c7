import { restructuringWriteOffDate } from '@clientfees/domain';
import { dateOption, parseOptions } from '../options';

export const debtRestructuringHelp = `clientfees debt-restructuring --effective YYYY-MM-DD [--json]
  The date on which what is left of the debts a debt restructuring (SV skuldsanering, FI
  velkajärjestely) covers is written off: five calendar years after the decision takes effect
  (seed 004); a 29 February start ends on 28 February (2024-02-29 → 2029-02-28).`;

export function debtRestructuringCommand(argv: string[]): string {
  const values = parseOptions(argv, { effective: { type: 'string' }, json: { type: 'boolean' } });
  const writeOffDate = restructuringWriteOffDate(dateOption(values, 'effective'));
  return values.json ? JSON.stringify({ writeOffDate }) : `writeOffDate: ${writeOffDate}`;
}
