import type { Tx } from '@clientfees/platform';

/** A workflow to start once the transaction that wrote its fact commits (the outbox, ADR 0025). */
export interface WorkflowStart {
  workflowId: string;
  workflowType: string;
  args: unknown[];
}

export async function enqueueWorkflowStart(tx: Tx, start: WorkflowStart): Promise<void> {
  await tx.query(`INSERT INTO workflow_start (workflow_id, workflow_type, args) VALUES ($1, $2, $3) ON CONFLICT (workflow_id) DO NOTHING`, [
    start.workflowId,
    start.workflowType,
    JSON.stringify(start.args),
  ]);
}

export async function pendingWorkflowStarts(tx: Tx, limit: number, workflowIds?: readonly string[]): Promise<WorkflowStart[]> {
  const rows = await tx.query<{ workflow_id: string; workflow_type: string; args: unknown[] }>(
    `SELECT workflow_id, workflow_type, args FROM workflow_start
      WHERE started_at IS NULL AND ($2::text[] IS NULL OR workflow_id = ANY($2))
      ORDER BY created_at LIMIT $1`,
    [limit, workflowIds ?? null],
  );
  return rows.map((row) => ({ workflowId: row.workflow_id, workflowType: row.workflow_type, args: row.args }));
}

export async function markWorkflowStarted(tx: Tx, workflowId: string): Promise<void> {
  await tx.query(`UPDATE workflow_start SET started_at = now() WHERE workflow_id = $1 AND started_at IS NULL`, [workflowId]);
}
