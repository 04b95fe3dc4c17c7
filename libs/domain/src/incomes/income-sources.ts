import type { PersonIncomeSummary } from './income-summary';

const SOURCE_NAMES = { 'incomes-register': 'Incomes Register', 'tax-administration': 'tax administration', 'self-reported': 'self-reported' } as const;

const month = (date: string) => `${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * Where each counted income of a decision came from, one line per income type, for the billing
 * explanation that has to lead back to the authority record: the register, how many reports over
 * which months, and the latest report's id (the one an officer would look up first), e.g.
 * `Incomes Register: 1001 Earnings-related old-age pension, 12 reports 11/2025–10/2026, latest report 04b5…`.
 */
export function incomeSourcesOf(person: 'client' | 'spouse', summary: PersonIncomeSummary): string[] {
  return summary.lines.map((line) => {
    const reports = [...line.provenance].sort((a, b) => (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : 0));
    const what = `${SOURCE_NAMES[line.source]}: ${person === 'spouse' ? 'spouse’s ' : ''}${line.typeCode} ${line.typeName}`;
    if (reports.length === 0) return what;
    const span = `${month(reports[0].period.start)}–${month(reports[reports.length - 1].period.end)}`;
    const latest = reports[reports.length - 1].reportId;
    return `${what}, ${reports.length} ${reports.length === 1 ? 'report' : 'reports'} ${span}, latest report ${latest}`;
  });
}
