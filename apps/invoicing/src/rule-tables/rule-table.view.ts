import type { RuleTableCoverage } from '@clientfees/domain';
import type { RulePeriodRow, SupersededRow } from './rule-period.queries';

export interface RulePeriodView {
  validFrom: string;
  validTo: string | null;
  source: string;
  /** confirmed, check (a secondary source or a formula), estimate (not yet published). */
  status: string;
  /** Not confirmed: an administrator should compare the figures with the official text. */
  toCheck: boolean;
  value: unknown;
  createdBy: string;
  createdAt: string;
}

export function rulePeriodView(row: RulePeriodRow): RulePeriodView {
  return {
    validFrom: row.valid_from,
    validTo: row.valid_to,
    source: row.source,
    status: row.status,
    toCheck: row.status !== 'confirmed',
    value: row.value,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

export interface SupersededPeriodView extends RulePeriodView {
  supersededBy: string;
  supersededAt: string;
  grounds: string;
}

export function supersededPeriodView(row: SupersededRow): SupersededPeriodView {
  return { ...rulePeriodView(row), supersededBy: row.superseded_by, supersededAt: row.superseded_at.toISOString(), grounds: row.grounds };
}

export type CoverageView = RuleTableCoverage & { description: string; law: string };
