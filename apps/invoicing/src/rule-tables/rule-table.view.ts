import type { RulePeriod } from './rule-period.queries';

export interface RulePeriodView {
  validFrom: string;
  validTo: string | null;
  source: string;
  /** The source says "check": the figures wait for someone to confirm them against the statute. */
  toCheck: boolean;
  value: unknown;
  createdBy: string;
  createdAt: string;
}

export function rulePeriodView(period: RulePeriod): RulePeriodView {
  return {
    validFrom: period.validFrom,
    validTo: period.validTo,
    source: period.source,
    toCheck: /\bcheck\b/i.test(period.source),
    value: period.value,
    createdBy: period.createdBy,
    createdAt: period.createdAt.toISOString(),
  };
}
