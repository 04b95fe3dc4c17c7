import type { DatedRow, RuleStatus, RuleTableName, RuleTableSet } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/**
 * The rule tables as dated rows (rule_period) and the rows that corrections and approvals
 * replaced (rule_period_superseded). The only SQL for them (ADR 0003): the rule-tables service,
 * the billing calculation, the what-if run and the migrations that reconcile the shipped rows
 * all come through here.
 */

export interface RulePeriodRow {
  id: number;
  rule_table: RuleTableName;
  valid_from: string;
  valid_to: string | null;
  source: string;
  value: unknown;
  status: RuleStatus;
  created_by: string;
  created_at: Date;
}

export interface SupersededRow extends RulePeriodRow {
  superseded_by: string;
  superseded_at: Date;
  grounds: string;
}

const COLUMNS = 'id, rule_table, valid_from, valid_to, source, value, status, created_by, created_at';

export function toDatedRow(row: RulePeriodRow): DatedRow<unknown> {
  return { validFrom: row.valid_from, validTo: row.valid_to, source: row.source, value: row.value, status: row.status };
}

/** The rule tables as the fee rules read them: every table's rows by name (a missing name: the shipped table). */
export async function ruleTableSet(tx: Tx): Promise<RuleTableSet> {
  const tables: Record<string, DatedRow<unknown>[]> = {};
  for (const row of await listRulePeriods(tx)) (tables[row.rule_table] ??= []).push(toDatedRow(row));
  return tables;
}

export function listRulePeriods(tx: Tx, name?: RuleTableName): Promise<RulePeriodRow[]> {
  return name === undefined
    ? tx.query<RulePeriodRow>(`SELECT ${COLUMNS} FROM rule_period ORDER BY rule_table, valid_from`)
    : tx.query<RulePeriodRow>(`SELECT ${COLUMNS} FROM rule_period WHERE rule_table = $1 ORDER BY valid_from`, [name]);
}

/**
 * Serialises every change to one table (a correction, a new period, an approval): the rows it
 * reads stay as read until the transaction ends. An advisory lock, because the change may also
 * insert the table's first row.
 */
export async function lockRuleTable(tx: Tx, name: RuleTableName): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('rule_period:' || $1))", [name]);
}

export interface NewRulePeriod {
  rule_table: RuleTableName;
  valid_from: string;
  valid_to: string | null;
  source: string;
  value: unknown;
  status: RuleStatus;
  created_by: string;
}

export async function insertRulePeriod(tx: Tx, row: NewRulePeriod): Promise<RulePeriodRow> {
  const [inserted] = await tx.query<RulePeriodRow>(
    `INSERT INTO rule_period (rule_table, valid_from, valid_to, source, value, status, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [row.rule_table, row.valid_from, row.valid_to, row.source, JSON.stringify(row.value), row.status, row.created_by],
  );
  return inserted;
}

/** Only the status: the figure and its source stay as they were shipped. */
export async function setRulePeriodStatus(tx: Tx, id: number, status: RuleStatus): Promise<void> {
  await tx.query('UPDATE rule_period SET status = $2 WHERE id = $1', [id, status]);
}

/**
 * Moves a row to the superseded rows with who replaced it, when and why. Nothing is deleted
 * without a trace: a fee decided on the old row can still be explained.
 */
export async function supersedeRulePeriod(tx: Tx, id: number, by: string, grounds: string): Promise<void> {
  await tx.query(
    `INSERT INTO rule_period_superseded (id, rule_table, valid_from, valid_to, source, value, status, created_by, created_at, superseded_by, grounds)
     SELECT id, rule_table, valid_from, valid_to, source, value, status, created_by, created_at, $2, $3 FROM rule_period WHERE id = $1`,
    [id, by, grounds],
  );
  await tx.query('DELETE FROM rule_period WHERE id = $1', [id]);
}

export function listSupersededPeriods(tx: Tx, name: RuleTableName): Promise<SupersededRow[]> {
  return tx.query<SupersededRow>(`SELECT ${COLUMNS}, superseded_by, superseded_at, grounds FROM rule_period_superseded WHERE rule_table = $1 ORDER BY superseded_at, valid_from`, [
    name,
  ]);
}
