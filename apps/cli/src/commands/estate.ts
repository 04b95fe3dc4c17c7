import { estateDates } from '@clientfees/domain';
import { countryOption, dateOption, parseOptions } from '../options';

export const estateHelp = `clientfees estate --country FI|SE --date-of-death YYYY-MM-DD [--json]
  The dates a client's death sets: billing ends on the date of death, service vouchers close the
  day after (seed 003), and the estate inventory (FI perunkirjoitus, SE bouppteckning or
  dödsboanmälan) is due three calendar months after the death, on the month's last day where the
  month is shorter (2024-11-30 → 2025-02-28).`;

export function estateCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    country: { type: 'string' },
    'date-of-death': { type: 'string' },
    json: { type: 'boolean' },
  });
  const dates = estateDates(countryOption(values), dateOption(values, 'date-of-death'));
  const printed = { billingEndsOn: dates.billingEndsOn, voucherClosesOn: dates.voucherClosesOn, inventoryDeadline: dates.inventoryDeadline };
  if (values.json) return JSON.stringify(printed);
  return Object.entries(printed)
    .map(([name, date]) => `${name}: ${date}`)
    .join('\n');
}
