import type { Country } from '../country';
import { LocalDate, compareLocalDates, localDateParts, parseLocalDate } from '../dates/local-date';
import { CoverageGap, DatedTable, RuleStatus, coverageGaps, statusOf } from './dated-table';
import { RULES_COVER_FROM, RULE_TABLES } from './registry';
import type { RuleTableName } from './table-set';

/** A row an administrator should confirm, as the admin views list it. */
export interface RowToConfirm {
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly status: Exclude<RuleStatus, 'confirmed'>;
  readonly source: string;
}

/** How well one table covers the days a bill or a correction can still concern. */
export interface RuleTableCoverage {
  readonly name: RuleTableName;
  readonly country: Country;
  readonly kind: 'statutory' | 'price-list';
  /** From the reform date (FI 1.7.2021, SE 1.1.2021) to the end of the next calendar year. */
  readonly requiredFrom: LocalDate;
  readonly requiredTo: LocalDate;
  /** Days in that range no row covers: billing or a correction on such a day stops with "no rule". */
  readonly gaps: readonly CoverageGap[];
  /** Rows not confirmed from an official text, oldest first. */
  readonly toConfirm: readonly RowToConfirm[];
  /**
   * Rows from today on whose figure nobody has published yet (`estimate`): for a reference-rate
   * table, the half-years for which no late interest is computed until an administrator enters
   * the rate.
   */
  readonly unconfirmedAhead: readonly RowToConfirm[];
}

/** The last day of the calendar year after `today`'s. */
export function endOfNextYear(today: LocalDate): LocalDate {
  return `${localDateParts(parseLocalDate(today, 'today')).year + 1}-12-31`;
}

/**
 * The coverage of `table` (the database's rows, or the shipped ones) as of `today`. Statutory
 * tables must cover every day from the reform to the end of the next calendar year; a price list
 * is the organisation's own: its gaps are reported the same way, for the organisation to fill.
 */
export function ruleTableCoverage(name: RuleTableName, table: DatedTable<unknown>, today: LocalDate): RuleTableCoverage {
  const definition = RULE_TABLES[name];
  const requiredFrom = RULES_COVER_FROM[definition.country];
  const requiredTo = endOfNextYear(today);
  const toConfirm = table
    .filter((row) => statusOf(row) !== 'confirmed')
    .map((row) => Object.freeze({ validFrom: row.validFrom, validTo: row.validTo, status: statusOf(row) as RowToConfirm['status'], source: row.source }));
  return Object.freeze({
    name,
    country: definition.country,
    kind: definition.kind,
    requiredFrom,
    requiredTo,
    gaps: coverageGaps(table, requiredFrom, requiredTo),
    toConfirm: Object.freeze(toConfirm),
    unconfirmedAhead: Object.freeze(toConfirm.filter((row) => row.status === 'estimate' && (row.validTo === null || compareLocalDates(row.validTo, today) >= 0))),
  });
}
