import { DatedRow, RULE_TABLE_NAMES, RULE_TABLES, RuleTableName, shippedRowsAround, statusOf } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';
import { insertRulePeriod, listRulePeriods, lockRuleTable, RulePeriodRow, setRulePeriodStatus, supersedeRulePeriod } from './rule-period.queries';

/** The creator of the rows the product ships, as rule_period records it. */
export const SHIPPED = 'shipped';

export interface ReconciliationResult {
  readonly table: RuleTableName;
  readonly superseded: number;
  readonly inserted: number;
  readonly statusChanged: number;
}

function sameRow(existing: RulePeriodRow, wanted: DatedRow<unknown>): boolean {
  return (
    existing.valid_from === wanted.validFrom &&
    existing.valid_to === wanted.validTo &&
    existing.source === wanted.source &&
    JSON.stringify(canonical(existing.value)) === JSON.stringify(canonical(wanted.value))
  );
}

/** jsonb does not keep key order: compare values with their keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Makes the shipped rows in the database what the product ships now, table by table, leaving
 * every administrator's row alone: a shipped row is only supplied for days no administrator has
 * entered. A shipped row whose figure or source changed moves to the superseded rows with
 * `by` and `grounds`; one whose only change is its status is updated in place. Idempotent: a
 * second run changes nothing. Each release that corrects or extends the shipped tables runs this
 * from a new migration (docs/rules.md).
 */
export async function reconcileShippedRuleTables(tx: Tx, by: string, grounds: string): Promise<ReconciliationResult[]> {
  const results: ReconciliationResult[] = [];
  for (const table of RULE_TABLE_NAMES) {
    await lockRuleTable(tx, table);
    const rows = await listRulePeriods(tx, table);
    const administrators = rows.filter((row) => row.created_by !== SHIPPED).map((row) => ({ validFrom: row.valid_from, validTo: row.valid_to }));
    const wanted = shippedRowsAround(RULE_TABLES[table].shipped, administrators);
    const existing = rows.filter((row) => row.created_by === SHIPPED);
    let superseded = 0;
    let statusChanged = 0;
    const kept = new Set<DatedRow<unknown>>();
    for (const row of existing) {
      const match = wanted.find((candidate) => !kept.has(candidate) && sameRow(row, candidate));
      if (!match) {
        await supersedeRulePeriod(tx, row.id, by, grounds);
        superseded++;
        continue;
      }
      kept.add(match);
      if (row.status !== statusOf(match)) {
        await setRulePeriodStatus(tx, row.id, statusOf(match));
        statusChanged++;
      }
    }
    const missing = wanted.filter((row) => !kept.has(row));
    for (const row of missing) {
      await insertRulePeriod(tx, { rule_table: table, valid_from: row.validFrom, valid_to: row.validTo, source: row.source, value: row.value, status: statusOf(row), created_by: SHIPPED });
    }
    results.push({ table, superseded, inserted: missing.length, statusChanged });
  }
  return results;
}
