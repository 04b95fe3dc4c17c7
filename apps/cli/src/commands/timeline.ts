import { defaultLifecycleTerms, invoiceTimeline } from '@clientfees/domain';
import { countryOption, dateOption, parseOptions } from '../options';

export const timelineHelp = `clientfees timeline --country FI|SE --invoice-date YYYY-MM-DD [--json]
  The dates of an unpaid invoice under the organisation defaults: due date (14 days + 3 banking days),
  the first day it may go to the collection agency (17 days after the due date), the weekly Tuesday
  transfer run that also sends the reminder, and the reminder's due date (14 days after the run).`;

export function timelineCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    country: { type: 'string' },
    'invoice-date': { type: 'string' },
    json: { type: 'boolean' },
  });
  const country = countryOption(values);
  const timeline = invoiceTimeline(country, dateOption(values, 'invoice-date'), defaultLifecycleTerms(country));
  if (values.json) return JSON.stringify(timeline);
  return Object.entries(timeline)
    .map(([name, date]) => `${name}: ${date}`)
    .join('\n');
}
