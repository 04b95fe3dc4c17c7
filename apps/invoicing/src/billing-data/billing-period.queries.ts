import type { Tx } from '@clientfees/platform';

// What billing data needs to know of the billing runs (whose tables billing-runs/ writes): whether
// a client's period is locked, and whether a run has calculated with a piece of data.

/** The approved billing run that locked the client's period, if any: nothing of the period changes any more. */
export async function periodLockedBy(tx: Tx, client: { organisationId: string; id: string }, period: string): Promise<string | null> {
  const [row] = await tx.query<{ run_id: string }>('SELECT run_id FROM billing_period_lock WHERE organisation_id = $1 AND period = $2 AND client_id = $3', [
    client.organisationId,
    period,
    client.id,
  ]);
  return row?.run_id ?? null;
}

/** The latest billing run that has calculated the client for the period, if any. */
export async function periodCalculatedBy(tx: Tx, clientId: string, period: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT r.id FROM billing_run_client c JOIN billing_run r ON r.id = c.run_id
      WHERE c.client_id = $1 AND r.period = $2 AND c.calculated_at IS NOT NULL ORDER BY c.calculated_at DESC LIMIT 1`,
    [clientId, period],
  );
  return row?.id ?? null;
}

/** A run not yet completed or cancelled whose calculation includes the correction, if any. */
export async function unfinishedRunWithCorrection(tx: Tx, correctionId: string): Promise<{ id: string; state: string } | null> {
  const [row] = await tx.query<{ id: string; state: string }>(
    `SELECT r.id, r.state FROM billing_run_client c JOIN billing_run r ON r.id = c.run_id
      WHERE $1 = ANY(c.correction_ids) AND r.state NOT IN ('completed', 'cancelled') LIMIT 1`,
    [correctionId],
  );
  return row ?? null;
}
