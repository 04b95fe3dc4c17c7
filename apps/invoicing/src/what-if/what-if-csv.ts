import { csvLine } from '../billing-runs/journal/journal-csv';
import type { WhatIfClientView } from './what-if.view';

const BOM = '\uFEFF';

export const WHAT_IF_CSV_HEADER = [
  'Organisation',
  'Client number',
  'Currency',
  'Status',
  'Fee today',
  'Fee in draft',
  'Change',
  'Direction',
  'Crosses zero',
  'Crosses maximum',
  'At maximum today',
  'At maximum in draft',
  'Per service today',
  'Per service in draft',
  'Problems',
] as const;

const services = (byService: Record<string, string> | null) =>
  byService === null
    ? ''
    : Object.entries(byService)
        .map(([code, amount]) => `${code} ${amount}`)
        .join(', ');
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/**
 * The run's clients for a spreadsheet, in the journal's CSV dialect (semicolons, CRLF, UTF-8 with
 * a byte-order mark, formula-looking text defused): one line per client, client numbers only.
 */
export function renderWhatIfCsv(clients: readonly WhatIfClientView[]): string {
  const lines = [csvLine(WHAT_IF_CSV_HEADER)];
  for (const c of clients) {
    lines.push(
      csvLine([
        c.organisationId,
        c.clientNumber,
        c.currency,
        c.status,
        c.today,
        c.draft,
        c.change,
        c.direction,
        c.crossesZero,
        c.crossesMaximum,
        yesNo(c.todayAtMaximum),
        yesNo(c.draftAtMaximum),
        services(c.todayByService),
        services(c.draftByService),
        c.problems.join(' | '),
      ]),
    );
  }
  return BOM + lines.join('');
}
