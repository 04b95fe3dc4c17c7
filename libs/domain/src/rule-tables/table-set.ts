import type { RuleTableSet } from '../billing/types';
import { isDomainValidationError, DomainValidationError } from '../errors';
import { DatedTable, validateDatedTable } from './dated-table';

/**
 * The names of the rule tables an administrator maintains (the keys of RULE_TABLES). Listed here
 * rather than derived from the registry because the registry imports the fee modules, which
 * import this file: deriving would make a require cycle.
 */
export type RuleTableName =
  | 'fi-home-care-income-limits'
  | 'fi-home-care-percentages'
  | 'fi-long-term-care-shares'
  | 'fi-personal-allowances'
  | 'fi-reference-rates'
  | 'se-max-fees'
  | 'se-minimum-amounts'
  | 'se-special-housing-fee-caps'
  | 'se-reference-rates'
  | 'se-care-housing-food-deductions';

export const RULE_TABLE_NAMES: readonly RuleTableName[] = Object.freeze([
  'fi-home-care-income-limits',
  'fi-home-care-percentages',
  'fi-long-term-care-shares',
  'fi-personal-allowances',
  'fi-reference-rates',
  'se-max-fees',
  'se-minimum-amounts',
  'se-special-housing-fee-caps',
  'se-reference-rates',
  'se-care-housing-food-deductions',
]);

/**
 * The table a rule reads: the organisation's own (from the database, in `tables`) when given,
 * else the shipped one. A given table is checked again (sorted, no overlaps or gaps) because it
 * crossed a process boundary; its problems name the table.
 */
export function tableOf<T>(tables: RuleTableSet | undefined, name: RuleTableName, shipped: DatedTable<T>): DatedTable<T> {
  const given = tables === undefined || tables === null ? undefined : tables[name];
  if (given === undefined) return shipped;
  try {
    return validateDatedTable(given as DatedTable<T>);
  } catch (error) {
    if (!isDomainValidationError(error)) throw error;
    throw new DomainValidationError(error.reason, `ruleTables.${name}${error.field === undefined ? '' : `.${error.field}`}`);
  }
}
