import type { Tx } from '@clientfees/platform';

/** A fixed-term § 11 fee reduction or waiver decision (Act 734/1992 § 11) for a client. */
export interface FeeReductionDecision {
  id: string;
  validFrom: string;
  validTo: string;
}

/** Records the decision once per (organisation, decision reference): posting it again answers the first. */
export async function recordFeeReductionDecision(
  tx: Tx,
  decision: { id: string; organisationId: string; clientNumber: string; decisionReference: string; validFrom: string; validTo: string; decidedBy: string },
): Promise<FeeReductionDecision> {
  const [row] = await tx.query<{ id: string; valid_from: string; valid_to: string }>(
    `INSERT INTO fee_reduction_decision (id, organisation_id, client_number, decision_reference, valid_from, valid_to, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id, decision_reference) DO UPDATE SET decision_reference = EXCLUDED.decision_reference
     RETURNING id, valid_from, valid_to`,
    [decision.id, decision.organisationId, decision.clientNumber, decision.decisionReference, decision.validFrom, decision.validTo, decision.decidedBy],
  );
  return { id: row.id, validFrom: row.valid_from, validTo: row.valid_to };
}

/** The last day of the decisions in force for the client on `date`, if any: collection waits until after it. */
export async function collectionPausedUntil(tx: Tx, client: { organisationId: string; clientNumber: string }, date: string): Promise<string | null> {
  const [row] = await tx.query<{ until: string | null }>(
    `SELECT max(valid_to) AS until FROM fee_reduction_decision
      WHERE organisation_id = $1 AND client_number = $2 AND valid_from <= $3 AND valid_to >= $3`,
    [client.organisationId, client.clientNumber, date],
  );
  return row?.until ?? null;
}
