import { LocalDate } from '../dates/local-date';
import { DatedRow } from '../rule-tables/dated-table';

/** Which period of which table a calculation used: shown on the fee decision and kept with it. */
export interface RuleVersion {
  readonly table: string;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly source: string;
}

/**
 * Why a fee is what it is. A client may appeal a fee decision, so the officer must be able to show
 * the rule versions, the inputs and every step of the arithmetic.
 */
export interface FeeExplanation {
  readonly rules: readonly RuleVersion[];
  readonly inputs: Readonly<Record<string, string>>;
  readonly lines: readonly string[];
}

export function ruleVersion<T>(table: string, row: DatedRow<T>): RuleVersion {
  return Object.freeze({ table, validFrom: row.validFrom, validTo: row.validTo, source: row.source });
}
