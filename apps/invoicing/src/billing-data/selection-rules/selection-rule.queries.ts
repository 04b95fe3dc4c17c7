import type { Tx } from '@clientfees/platform';

/** A saved selection rule (urvalsregel): which debiting areas a billing run bills. */
export interface SelectionRule {
  id: string;
  organisationId: string;
  name: string;
  debitingAreas: string[];
  createdBy: string;
  createdAt: Date;
}

interface SelectionRuleRow {
  id: string;
  organisation_id: string;
  name: string;
  debiting_areas: string[];
  created_by: string;
  created_at: Date;
}

function rowToRule(row: SelectionRuleRow): SelectionRule {
  return { id: row.id, organisationId: row.organisation_id, name: row.name, debitingAreas: row.debiting_areas, createdBy: row.created_by, createdAt: row.created_at };
}

const SELECT_RULE = 'SELECT id, organisation_id, name, debiting_areas, created_by, created_at FROM selection_rule';

/** Names are unique per organisation: a second one is a unique violation. */
export async function insertSelectionRule(tx: Tx, rule: { id: string; organisationId: string; name: string; debitingAreas: string[]; createdBy: string }): Promise<void> {
  await tx.query('INSERT INTO selection_rule (id, organisation_id, name, debiting_areas, created_by) VALUES ($1, $2, $3, $4, $5)', [
    rule.id,
    rule.organisationId,
    rule.name,
    rule.debitingAreas,
    rule.createdBy,
  ]);
}

export async function findSelectionRule(tx: Tx, id: string): Promise<SelectionRule | null> {
  const [row] = await tx.query<SelectionRuleRow>(`${SELECT_RULE} WHERE id = $1`, [id]);
  return row ? rowToRule(row) : null;
}

/** The organisation's selection rules, by name. */
export async function selectionRulesOf(tx: Tx, organisationId: string): Promise<SelectionRule[]> {
  return (await tx.query<SelectionRuleRow>(`${SELECT_RULE} WHERE organisation_id = $1 ORDER BY name`, [organisationId])).map(rowToRule);
}

/**
 * The selection's billing day and correction weekday (null: none); answers the rule's organisation
 * and its time zone, in which the Schedules run, or null for an unknown rule.
 */
export async function setSelectionSchedule(
  tx: Tx,
  id: string,
  schedule: { billingDay: number | null; correctionWeekday: number | null },
): Promise<{ organisationId: string; timeZone: string } | null> {
  const [row] = await tx.query<{ organisation_id: string; time_zone: string }>(
    `UPDATE selection_rule s SET billing_day = $2, correction_weekday = $3 FROM organisation o
      WHERE s.id = $1 AND o.id = s.organisation_id RETURNING s.organisation_id, o.time_zone`,
    [id, schedule.billingDay, schedule.correctionWeekday],
  );
  return row ? { organisationId: row.organisation_id, timeZone: row.time_zone } : null;
}
