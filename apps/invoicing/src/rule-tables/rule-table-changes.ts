import { DatedRow, RuleTableName, shippedRowsAround, statusOf, validateDatedTable, DomainValidationError, isDomainValidationError } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';
import { insertRulePeriod, listRulePeriods, lockRuleTable, RulePeriodRow, supersedeRulePeriod, toDatedRow } from './rule-period.queries';

function overlaps(row: RulePeriodRow, from: string, to: string | null): boolean {
  return (row.valid_to === null || row.valid_to >= from) && (to === null || row.valid_from <= to);
}

/**
 * Puts `row` into `table` for its period, whatever rows were there: each row it overlaps moves to
 * the superseded rows with `by` and `grounds`, and what is left of it on either side stays (with
 * its original creator, so a shipped row stays the product's). The table is checked afterwards:
 * a change that would leave a gap is refused and nothing is written. Used by a correction and by
 * the approval of a what-if draft.
 */
export async function putRulePeriod(tx: Tx, table: RuleTableName, row: DatedRow<unknown>, by: string, grounds: string): Promise<void> {
  await lockRuleTable(tx, table);
  const existing = await listRulePeriods(tx, table);
  for (const old of existing.filter((candidate) => overlaps(candidate, row.validFrom, row.validTo))) {
    await supersedeRulePeriod(tx, old.id, by, grounds);
    for (const piece of shippedRowsAround([toDatedRow(old)], [{ validFrom: row.validFrom, validTo: row.validTo }])) {
      await insertRulePeriod(tx, { rule_table: table, valid_from: piece.validFrom, valid_to: piece.validTo, source: piece.source, value: piece.value, status: statusOf(piece), created_by: old.created_by });
    }
  }
  await insertRulePeriod(tx, { rule_table: table, valid_from: row.validFrom, valid_to: row.validTo, source: row.source, value: row.value, status: statusOf(row), created_by: by });
  try {
    validateDatedTable((await listRulePeriods(tx, table)).map(toDatedRow));
  } catch (error) {
    if (isDomainValidationError(error)) throw new DomainValidationError(`${table}: ${error.reason}`, 'validFrom');
    throw error;
  }
}
