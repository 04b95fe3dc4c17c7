import type { DebtRestructuringState } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

/** A debt restructuring decision (skuldsanering / velkajärjestely) and what followed it. */
export interface DebtRestructuring {
  id: string;
  organisationId: string;
  clientId: string;
  decisionReference: string;
  decidedOn: string;
  effectiveOn: string;
  writeOffOn: string;
  invoiceIds: string[];
  note: string;
  recordedBy: string;
  recordedAt: string;
  state: DebtRestructuringState;
  proposalId: string | null;
}

export interface RestructuringEvent {
  kind: string;
  grounds: string;
  occurredAt: string;
}

interface Row {
  id: string;
  organisation_id: string;
  client_id: string;
  decision_reference: string;
  decided_on: string;
  effective_on: string;
  write_off_on: string;
  invoice_ids: string[];
  note: string;
  recorded_by: string;
  recorded_at: Date;
  state: DebtRestructuringState;
  proposal_id: string | null;
}

const rowToRestructuring = (row: Row): DebtRestructuring => ({
  id: row.id,
  organisationId: row.organisation_id,
  clientId: row.client_id,
  decisionReference: row.decision_reference,
  decidedOn: row.decided_on,
  effectiveOn: row.effective_on,
  writeOffOn: row.write_off_on,
  invoiceIds: row.invoice_ids,
  note: row.note,
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at.toISOString(),
  state: row.state,
  proposalId: row.proposal_id,
});

/** Records the decision; the same decision (by its reference) recorded before gives undefined. */
export async function insertRestructuring(tx: Tx, restructuring: Omit<DebtRestructuring, 'recordedAt' | 'state' | 'proposalId'>): Promise<DebtRestructuring | undefined> {
  const [row] = await tx.query<Row>(
    `INSERT INTO debt_restructuring (id, organisation_id, client_id, decision_reference, decided_on, effective_on, write_off_on, invoice_ids, note, recorded_by, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pausing-collection')
     ON CONFLICT (organisation_id, decision_reference) DO NOTHING RETURNING *`,
    [
      restructuring.id,
      restructuring.organisationId,
      restructuring.clientId,
      restructuring.decisionReference,
      restructuring.decidedOn,
      restructuring.effectiveOn,
      restructuring.writeOffOn,
      restructuring.invoiceIds,
      restructuring.note,
      restructuring.recordedBy,
    ],
  );
  return row && rowToRestructuring(row);
}

export async function findRestructuring(tx: Tx, id: string): Promise<DebtRestructuring | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM debt_restructuring WHERE id = $1`, [id]);
  return row && rowToRestructuring(row);
}

export async function listRestructurings(tx: Tx, organisationId: string): Promise<DebtRestructuring[]> {
  const rows = await tx.query<Row>(`SELECT * FROM debt_restructuring WHERE organisation_id = $1 ORDER BY effective_on DESC, id LIMIT 1000`, [organisationId]);
  return rows.map(rowToRestructuring);
}

export async function restructuringOwner(tx: Tx, id: string): Promise<{ organisationId: string } | undefined> {
  const [row] = await tx.query<{ organisation_id: string }>(`SELECT organisation_id FROM debt_restructuring WHERE id = $1`, [id]);
  return row && { organisationId: row.organisation_id };
}

/** Appends what the workflow did and moves the state; once per activity execution. */
export async function recordRestructuringEvent(
  tx: Tx,
  id: string,
  event: { kind: string; grounds: string; state: DebtRestructuringState; proposalId?: string; idempotencyKey: string | undefined },
): Promise<void> {
  const added = await tx.query(
    `INSERT INTO debt_restructuring_event (restructuring_id, kind, grounds, idempotency_key) VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [id, event.kind, event.grounds, event.idempotencyKey ?? null],
  );
  if (added.length === 0) return;
  await tx.query(`UPDATE debt_restructuring SET state = $2, proposal_id = COALESCE($3, proposal_id) WHERE id = $1`, [id, event.state, event.proposalId ?? null]);
}

export async function restructuringEvents(tx: Tx, id: string): Promise<RestructuringEvent[]> {
  const rows = await tx.query<{ kind: string; grounds: string; occurred_at: Date }>(`SELECT kind, grounds, occurred_at FROM debt_restructuring_event WHERE restructuring_id = $1 ORDER BY id`, [id]);
  return rows.map((row) => ({ kind: row.kind, grounds: row.grounds, occurredAt: row.occurred_at.toISOString() }));
}

/** Restructurings taking effect in a period and in force at its end: the quarterly reconciliation. */
export async function restructuringCounts(tx: Tx, organisationId: string, from: string, to: string): Promise<{ takenEffect: number; inForce: number }> {
  const [row] = await tx.query<{ taken_effect: number; in_force: number }>(
    `SELECT count(*) FILTER (WHERE effective_on BETWEEN $2 AND $3)::int AS taken_effect,
            count(*) FILTER (WHERE effective_on <= $3 AND write_off_on > $3)::int AS in_force
       FROM debt_restructuring WHERE organisation_id = $1`,
    [organisationId, from, to],
  );
  return { takenEffect: row.taken_effect, inForce: row.in_force };
}
