import { LocalDate, compareLocalDates, localDateParts, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { firstDayOfPeriod, lastDayOfPeriod, periodOf } from '../billing/period';
import type { BillingPeriod, RuleTableSet } from '../billing/types';
import { DatedRow, RULE_STATUSES, RuleStatus, ruleFor, validateDatedTable } from '../rule-tables/dated-table';
import { RULE_TABLES, isRuleTableName, validateRuleTableValue } from '../rule-tables/registry';
import { RULE_TABLE_NAMES, RuleTableName, tableOf } from '../rule-tables/table-set';

/**
 * A draft of next period's rule rows (next year's index, a county's own lower percentages …),
 * for a what-if run before anyone approves it. Every row starts on the draft's first day.
 */
export interface WhatIfDraft {
  /** The first day of the period the draft is for: the first day of a month, after today. */
  readonly validFrom: LocalDate;
  readonly rows: readonly WhatIfDraftRow[];
}

export interface WhatIfDraftRow {
  readonly table: RuleTableName;
  /** Null: until further notice; otherwise at least to the end of the draft's first month. */
  readonly validTo: LocalDate | null;
  /** Where the figures come from: the decree, or what the draft assumes ("index +5 %, not decided"). */
  readonly source: string;
  /** Default `estimate` until the figures are decided; approval keeps what the draft says. */
  readonly status?: RuleStatus;
  /** Shaped like the table's current value. */
  readonly value: unknown;
}

function firstOfMonth(date: LocalDate): boolean {
  return localDateParts(date).day === 1;
}

/**
 * A checked draft: a future first-of-month, known tables each named once, values shaped like the
 * table's, rows long enough to cover the first month. Problems name the draft field.
 */
export function validateWhatIfDraft(draft: WhatIfDraft, today: LocalDate): WhatIfDraft {
  if (draft === null || typeof draft !== 'object') throw new DomainValidationError('must be { validFrom, rows }', 'draft');
  const validFrom = parseLocalDate(draft.validFrom, 'validFrom');
  if (!firstOfMonth(validFrom)) throw new DomainValidationError('must be the first day of a month: fees are billed by calendar month', 'validFrom');
  if (compareLocalDates(validFrom, parseLocalDate(today, 'today')) <= 0) {
    throw new DomainValidationError(`must be after today (${today}): a what-if is for a period that has not begun`, 'validFrom');
  }
  if (!Array.isArray(draft.rows) || draft.rows.length === 0) throw new DomainValidationError('must name at least one rule table row', 'rows');
  const monthEnd = lastDayOfPeriod(periodOf(validFrom));
  const seen = new Set<string>();
  const rows = draft.rows.map((row, i): WhatIfDraftRow => {
    const at = `rows.${i}`;
    if (row === null || typeof row !== 'object') throw new DomainValidationError('must be { table, validTo, source, value }', at);
    if (typeof row.table !== 'string' || !isRuleTableName(row.table)) {
      throw new DomainValidationError(`must be one of ${RULE_TABLE_NAMES.join(', ')}`, `${at}.table`);
    }
    if (seen.has(row.table)) throw new DomainValidationError(`names ${row.table} twice`, `${at}.table`);
    seen.add(row.table);
    const validTo = row.validTo === null || row.validTo === undefined ? null : parseLocalDate(row.validTo, `${at}.validTo`);
    if (validTo !== null && compareLocalDates(validTo, monthEnd) < 0) throw new DomainValidationError(`must not end before ${monthEnd}, the end of the draft's first month`, `${at}.validTo`);
    if (typeof row.source !== 'string' || row.source.trim() === '') throw new DomainValidationError('must say where the figures come from', `${at}.source`);
    const status = row.status ?? 'estimate';
    if (!RULE_STATUSES.includes(status)) throw new DomainValidationError(`must be one of ${RULE_STATUSES.join(', ')}`, `${at}.status`);
    try {
      validateRuleTableValue(row.table, row.value);
    } catch (error) {
      if (error instanceof DomainValidationError) throw new DomainValidationError(error.reason, `${at}.${error.field ?? 'value'}`);
      throw error;
    }
    return Object.freeze({ table: row.table, validTo, source: row.source.trim(), status, value: row.value });
  });
  return Object.freeze({ validFrom, rows: Object.freeze(rows) });
}

/** The draft's rows as the dated rows approval adds. */
export function draftDatedRows(draft: WhatIfDraft): Array<DatedRow<unknown> & { table: RuleTableName }> {
  return draft.rows.map((row) => ({ table: row.table, validFrom: draft.validFrom, validTo: row.validTo, source: row.source, status: row.status ?? 'estimate', value: row.value }));
}

/** The two rule sets a what-if compares, for the draft's first month. */
export interface WhatIfRuleSets {
  readonly period: BillingPeriod;
  /** Today's rules: every table's row in force today, applied to the draft's month. */
  readonly today: RuleTableSet;
  /** The same with the draft's rows for the tables it names. */
  readonly draft: RuleTableSet;
  /** The tables the draft names. */
  readonly changed: readonly RuleTableName[];
}

/**
 * What a what-if compares: every client's fee for the draft's first month under the rules in force
 * today and under the draft, with nothing else changed — incomes, services and the month are the
 * same, so every difference comes from the draft. `current` is the database's tables (a missing
 * name means the shipped table).
 */
export function whatIfRuleSets(current: RuleTableSet, draft: WhatIfDraft, today: LocalDate): WhatIfRuleSets {
  const period = periodOf(draft.validFrom);
  const from = firstDayOfPeriod(period);
  const to = lastDayOfPeriod(period);
  const todays: Record<string, DatedRow<unknown>[]> = {};
  for (const name of RULE_TABLE_NAMES) {
    const table = tableOf(current, name, RULE_TABLES[name].shipped);
    let row: DatedRow<unknown>;
    try {
      row = ruleFor(table, today);
    } catch {
      // No row today (an organisation price list not entered): the month's own rows, or none.
      todays[name] = [...table];
      continue;
    }
    todays[name] = [{ ...row, validFrom: from, validTo: to, source: `${row.source} [in force on ${today}]` }];
  }
  const drafted: Record<string, DatedRow<unknown>[]> = { ...todays };
  for (const row of draft.rows) {
    drafted[row.table] = [{ validFrom: from, validTo: to, source: `draft: ${row.source}`, status: row.status ?? 'estimate', value: row.value }];
  }
  return Object.freeze({ period, today: freezeSet(todays), draft: freezeSet(drafted), changed: Object.freeze(draft.rows.map((row) => row.table)) });
}

function freezeSet(tables: Record<string, DatedRow<unknown>[]>): RuleTableSet {
  return Object.freeze(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, validateDatedTable(rows)])));
}
