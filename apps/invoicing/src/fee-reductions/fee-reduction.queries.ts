import { CLOSED_INVOICE_STATES } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export interface FeeReductionDecisionRow {
  id: string;
  validFrom: string;
  validTo: string;
}

/** Stores the decision once by its reference: the same reference again answers the first decision. */
export async function upsertFeeReductionDecision(
  tx: Tx,
  decision: { id: string; organisationId: string; clientNumber: string; decisionReference: string; validFrom: string; validTo: string; decidedBy: string },
): Promise<FeeReductionDecisionRow> {
  const [row] = await tx.query<{ id: string; valid_from: string; valid_to: string }>(
    `INSERT INTO fee_reduction_decision (id, organisation_id, client_number, decision_reference, valid_from, valid_to, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id, decision_reference) DO UPDATE SET decision_reference = EXCLUDED.decision_reference
     RETURNING id, valid_from, valid_to`,
    [decision.id, decision.organisationId, decision.clientNumber, decision.decisionReference, decision.validFrom, decision.validTo, decision.decidedBy],
  );
  return { id: row.id, validFrom: row.valid_from, validTo: row.valid_to };
}

/** The client's invoices issued by `issuedBy` that are still open: the ones a decision holds back. */
export async function openInvoicesOfClient(tx: Tx, organisationId: string, clientNumber: string, issuedBy: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM invoice
      WHERE organisation_id = $1 AND client_number = $2 AND invoice_date <= $3 AND state <> ALL($4::text[])
      ORDER BY invoice_date, id`,
    [organisationId, clientNumber, issuedBy, [...CLOSED_INVOICE_STATES]],
  );
  return rows.map((row) => row.id);
}

export async function organisationExists(tx: Tx, organisationId: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM organisation WHERE id = $1', [organisationId])).length > 0;
}
