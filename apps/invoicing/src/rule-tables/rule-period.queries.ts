import type { DatedRow, RuleTableSet } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** One dated period of a statutory table, as the administrator keeps it. */
export interface RulePeriod {
  ruleTable: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  value: unknown;
  createdBy: string;
  createdAt: Date;
}

interface RulePeriodRow {
  rule_table: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
  value: unknown;
  created_by: string;
  created_at: Date;
}

function rowToPeriod(row: RulePeriodRow): RulePeriod {
  return {
    ruleTable: row.rule_table,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    source: row.source,
    value: row.value,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Every period of every table (or of one), by table and start. */
export async function rulePeriods(tx: Tx, ruleTable?: string): Promise<RulePeriod[]> {
  const rows = await tx.query<RulePeriodRow>(
    'SELECT rule_table, valid_from, valid_to, source, value, created_by, created_at FROM rule_period WHERE $1::text IS NULL OR rule_table = $1 ORDER BY rule_table, valid_from',
    [ruleTable ?? null],
  );
  return rows.map(rowToPeriod);
}

/** The rule tables as the calculation reads them: shipped periods and the ones added since. */
export async function ruleTableSet(tx: Tx): Promise<RuleTableSet> {
  const tables: Record<string, DatedRow<unknown>[]> = {};
  for (const period of await rulePeriods(tx)) {
    (tables[period.ruleTable] ??= []).push({ validFrom: period.validFrom, validTo: period.validTo, source: period.source, value: period.value });
  }
  return tables;
}

/** The table's open period (no end yet), locked until the transaction ends: one writer at a time. */
export async function lockOpenRulePeriod(tx: Tx, ruleTable: string): Promise<{ id: number; validFrom: string } | null> {
  const [open] = await tx.query<{ id: number; valid_from: string }>('SELECT id, valid_from FROM rule_period WHERE rule_table = $1 AND valid_to IS NULL FOR UPDATE', [ruleTable]);
  return open ? { id: open.id, validFrom: open.valid_from } : null;
}

export async function endRulePeriod(tx: Tx, id: number, validTo: string): Promise<void> {
  await tx.query('UPDATE rule_period SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

export async function insertRulePeriod(tx: Tx, period: { ruleTable: string; validFrom: string; source: string; value: unknown; createdBy: string }): Promise<void> {
  await tx.query('INSERT INTO rule_period (rule_table, valid_from, valid_to, source, value, created_by) VALUES ($1, $2, NULL, $3, $4, $5)', [
    period.ruleTable,
    period.validFrom,
    period.source,
    JSON.stringify(period.value),
    period.createdBy,
  ]);
}
