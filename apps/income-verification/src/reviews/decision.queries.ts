import { randomUUID } from 'node:crypto';
import type { Tx } from '@clientfees/platform';

export interface FeeDecision {
  id: string;
  organisationId: string;
  clientId: string;
  caseId: string;
  feeCents: number;
  proposedFeeCents: number;
  action: 'confirm' | 'adjust';
  reason: string | null;
  validFrom: string;
  validTo: string | null;
  endReason: string | null;
  service: unknown;
  incomes: unknown;
  proposal: unknown;
  ruleVersions: unknown;
  decidedBy: string;
  decidedAt: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as pg returns it
const rowToDecision = (r: any): FeeDecision => ({
  id: r.id, organisationId: r.organisation_id, clientId: r.client_id, caseId: r.case_id, feeCents: r.fee_cents, proposedFeeCents: r.proposed_fee_cents, action: r.action, reason: r.reason,
  validFrom: r.valid_from, validTo: r.valid_to, endReason: r.end_reason, service: r.service, incomes: r.incomes, proposal: r.proposal, ruleVersions: r.rule_versions, decidedBy: r.decided_by, decidedAt: r.decided_at.toISOString(),
});

export async function decisionOfCase(tx: Tx, caseId: string): Promise<FeeDecision | undefined> {
  const [row] = await tx.query(`SELECT * FROM fee_decision WHERE case_id = $1`, [caseId]);
  return row ? rowToDecision(row) : undefined;
}

export async function findDecision(tx: Tx, id: string): Promise<FeeDecision | undefined> {
  const [row] = await tx.query(`SELECT * FROM fee_decision WHERE id = $1`, [id]);
  return row ? rowToDecision(row) : undefined;
}

export async function decisionsOf(tx: Tx, organisationId: string, clientId: string): Promise<FeeDecision[]> {
  const rows = await tx.query(`SELECT * FROM fee_decision WHERE organisation_id = $1 AND client_id = $2 ORDER BY valid_from`, [organisationId, clientId]);
  return rows.map(rowToDecision);
}

/** Records the decision; the client's earlier open decision ends the day before this one starts. */
export async function insertDecision(tx: Tx, d: Omit<FeeDecision, 'id' | 'validTo' | 'endReason' | 'decidedAt'>, dayBefore: string): Promise<FeeDecision> {
  await tx.query(`UPDATE fee_decision SET valid_to = $3, end_reason = 'replaced by a new decision' WHERE organisation_id = $1 AND client_id = $2 AND valid_to IS NULL AND valid_from <= $3`, [d.organisationId, d.clientId, dayBefore]);
  const [row] = await tx.query(
    `INSERT INTO fee_decision (id, organisation_id, client_id, case_id, fee_cents, proposed_fee_cents, action, reason, valid_from, service, incomes, proposal, rule_versions, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
    [randomUUID(), d.organisationId, d.clientId, d.caseId, d.feeCents, d.proposedFeeCents, d.action, d.reason, d.validFrom, JSON.stringify(d.service), JSON.stringify(d.incomes), JSON.stringify(d.proposal), JSON.stringify(d.ruleVersions), d.decidedBy],
  );
  return rowToDecision(row);
}

/** A death ends the client's decisions in force on the date of death; repeating it changes nothing. */
export async function endDecisionsOnDeath(tx: Tx, organisationId: string, clientId: string, dateOfDeath: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE fee_decision SET valid_to = GREATEST(valid_from, $3::date), end_reason = 'the client died' WHERE organisation_id = $1 AND client_id = $2 AND (valid_to IS NULL OR valid_to > $3::date) RETURNING id`,
    [organisationId, clientId, dateOfDeath],
  );
  return rows.length;
}
