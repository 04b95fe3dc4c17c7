import { LocalDate, addDays, compareLocalDates, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';

/**
 * How far a figure can be trusted, so an administrator knows which rows to confirm:
 * - `confirmed`: read from the statute, decree or central-bank notice cited in `source`;
 * - `check`: published by someone else (a county's or municipality's fee table, a bank's list) or
 *   computed exactly from a statutory formula whose inputs were not all read from official
 *   texts; usable, but listed for an administrator to compare with the official text;
 * - `estimate`: nobody has published it yet (a forecast or a carried-forward figure). Late
 *   interest is never computed on an estimate; fees show it in their explanation.
 */
export type RuleStatus = 'confirmed' | 'check' | 'estimate';
export const RULE_STATUSES: readonly RuleStatus[] = Object.freeze(['confirmed', 'check', 'estimate']);

/**
 * One period of a rule that changes over time: an income limit, a maximum fee, a price list.
 * Both end dates are included; `validTo: null` is the open-ended current period.
 *
 * `source` cites where the value comes from (statute, decree number and date, secondary source)
 * and, for a row that is not `confirmed`, why not. A row without `status` is `confirmed`: an
 * administrator who enters a row vouches for its source.
 */
export interface DatedRow<T> {
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly source: string;
  readonly value: T;
  readonly status?: RuleStatus;
}

export function statusOf<T>(row: DatedRow<T>): RuleStatus {
  return row.status ?? 'confirmed';
}

/** Rows in date order, without overlaps or gaps; only the last one may be open-ended. */
export type DatedTable<T> = readonly DatedRow<T>[];

export interface RuleLookupOptions {
  /** The input field the date came from, for the error (default `date`). */
  readonly field?: string;
  /** What the table holds, for the error, e.g. "FI home-care income limits". */
  readonly table?: string;
}

function describeCoverage<T>(table: DatedTable<T>): string {
  if (table.length === 0) return 'the table is empty';
  const last = table[table.length - 1];
  return last.validTo === null ? `the table covers ${table[0].validFrom} onwards` : `the table covers ${table[0].validFrom} … ${last.validTo}`;
}

function covers<T>(row: DatedRow<T>, date: LocalDate): boolean {
  return compareLocalDates(row.validFrom, date) <= 0 && (row.validTo === null || compareLocalDates(date, row.validTo) <= 0);
}

/**
 * The row valid on `date`. A date no row covers is refused rather than answered with the nearest
 * row: charging last year's tariff without anyone noticing is worse than stopping.
 */
export function ruleFor<T>(table: DatedTable<T>, date: LocalDate, options: RuleLookupOptions = {}): DatedRow<T> {
  const field = options.field ?? 'date';
  const day = parseLocalDate(date, field);
  const row = table.find((candidate) => covers(candidate, day));
  if (row) return row;
  const what = options.table ? ` in ${options.table}` : '';
  throw new DomainValidationError(`no rule for ${day}${what}: ${describeCoverage(table)}`, field);
}

function checkRow<T>(row: DatedRow<T>, index: number): DatedRow<T> {
  const at = `rows.${index}`;
  if (row === null || typeof row !== 'object') throw new DomainValidationError('must be { validFrom, validTo, source, value }', at);
  const validFrom = parseLocalDate(row.validFrom, `${at}.validFrom`);
  const validTo = row.validTo === null ? null : parseLocalDate(row.validTo, `${at}.validTo`);
  if (validTo !== null && compareLocalDates(validTo, validFrom) < 0) {
    throw new DomainValidationError(`must not be before validFrom (${validFrom})`, `${at}.validTo`);
  }
  if (typeof row.source !== 'string' || row.source.trim() === '') {
    throw new DomainValidationError('must cite where the value comes from', `${at}.source`);
  }
  if (row.status !== undefined && !RULE_STATUSES.includes(row.status)) {
    throw new DomainValidationError(`must be one of ${RULE_STATUSES.join(', ')}`, `${at}.status`);
  }
  return Object.freeze({ validFrom, validTo, source: row.source, value: row.value, ...(row.status === undefined ? {} : { status: row.status }) });
}

/** The tables validateDatedTable returned (each fee rule checks its table on every call). */
const VALIDATED = new WeakSet<object>();

/**
 * Checks a table and returns it sorted and frozen. Overlaps would make a date ambiguous, and a gap
 * would make billing stop on an ordinary day, so both are refused with the dates involved.
 */
export function validateDatedTable<T>(rows: readonly DatedRow<T>[]): DatedTable<T> {
  // A table this function returned is frozen, rows and all: checking it again finds nothing new.
  if (VALIDATED.has(rows)) return rows;
  if (!Array.isArray(rows)) throw new DomainValidationError('must be a list of dated rows', 'rows');
  const sorted = rows.map((row, index) => checkRow<T>(row, index)).sort((a, b) => compareLocalDates(a.validFrom, b.validFrom));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous.validTo === null) {
      throw new DomainValidationError(
        `overlaps: the period from ${previous.validFrom} is open-ended but another starts ${current.validFrom}`,
        'rows',
      );
    }
    if (compareLocalDates(current.validFrom, previous.validTo) <= 0) {
      throw new DomainValidationError(
        `overlaps: ${previous.validFrom} … ${previous.validTo} and ${current.validFrom} … ${current.validTo ?? 'onwards'}`,
        'rows',
      );
    }
    const dayAfter = addDays(previous.validTo, 1);
    if (current.validFrom !== dayAfter) {
      throw new DomainValidationError(`has a gap: no rule from ${dayAfter} to ${addDays(current.validFrom, -1)}`, 'rows');
    }
  }
  const table = Object.freeze(sorted);
  VALIDATED.add(table);
  return table;
}

/**
 * Adds a period after the last one. A new period ends the open-ended one the day before it starts
 * (how a new year's tariff replaces the old); a period that would start on or before the last
 * period's start, or overlap a closed period, is refused: history is not rewritten by appending.
 */
export function appendPeriod<T>(table: DatedTable<T>, row: DatedRow<T>): DatedTable<T> {
  const existing = validateDatedTable(table);
  const added = checkRow(row, existing.length);
  if (existing.length === 0) return Object.freeze([added]);
  const last = existing[existing.length - 1];
  if (compareLocalDates(added.validFrom, last.validFrom) <= 0) {
    throw new DomainValidationError(
      `overlaps: a new period must start after the last one (${last.validFrom}), not ${added.validFrom}`,
      'validFrom',
    );
  }
  if (last.validTo !== null && compareLocalDates(added.validFrom, last.validTo) <= 0) {
    throw new DomainValidationError(`overlaps the period ${last.validFrom} … ${last.validTo}`, 'validFrom');
  }
  const closedLast = last.validTo === null ? Object.freeze({ ...last, validTo: addDays(added.validFrom, -1) }) : last;
  return validateDatedTable([...existing.slice(0, -1), closedLast, added]);
}

/** Rows that are not `confirmed`, for an administrator's to-do list. */
export function rowsToCheck<T>(table: DatedTable<T>): DatedTable<T> {
  return table.filter((row) => statusOf(row) !== 'confirmed');
}

/** Days from `from` to `to` (both included) that no row of the table covers. */
export interface CoverageGap {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * The stretches of [from, to] no row covers, in date order; none when the table covers every
 * day. The table is checked first, so overlaps are refused rather than reported.
 */
export function coverageGaps<T>(table: DatedTable<T>, from: LocalDate, to: LocalDate): readonly CoverageGap[] {
  const start = parseLocalDate(from, 'from');
  const end = parseLocalDate(to, 'to');
  if (compareLocalDates(end, start) < 0) throw new DomainValidationError(`must not be before from (${start})`, 'to');
  const gaps: CoverageGap[] = [];
  let day: LocalDate | null = start;
  for (const row of validateDatedTable(table)) {
    if (day === null || compareLocalDates(day, end) > 0) break;
    if (row.validTo !== null && compareLocalDates(row.validTo, day) < 0) continue;
    if (compareLocalDates(row.validFrom, day) > 0) {
      const gapEnd = compareLocalDates(row.validFrom, end) <= 0 ? addDays(row.validFrom, -1) : end;
      gaps.push(Object.freeze({ from: day, to: gapEnd }));
    }
    day = row.validTo === null ? null : addDays(row.validTo, 1);
  }
  if (day !== null && compareLocalDates(day, end) <= 0) gaps.push(Object.freeze({ from: day, to: end }));
  return Object.freeze(gaps);
}
