import type { AgencyEstateStep, AgencyEstateStepOutcome } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

/** An estate step the agency reported, on its way to debt follow-up (joined with its stored report). */
export interface EstateStepForward {
  reportId: string;
  organisationId: string;
  clientNumber: string;
  invoiceId: string;
  step: AgencyEstateStep;
  reportedOn: string;
  attempts: number;
  outcome: AgencyEstateStepOutcome | null;
}

interface Row {
  report_id: string;
  organisation_id: string;
  client_number: string;
  invoice_id: string;
  status: AgencyEstateStep;
  reported_on: string;
  attempts: number;
  outcome: AgencyEstateStepOutcome | null;
}

const rowToForward = (row: Row): EstateStepForward => ({
  reportId: row.report_id,
  organisationId: row.organisation_id,
  clientNumber: row.client_number,
  invoiceId: row.invoice_id,
  step: row.status,
  reportedOn: row.reported_on,
  attempts: row.attempts,
  outcome: row.outcome,
});

const SELECT = `SELECT f.report_id, f.organisation_id, f.client_number, r.invoice_id, r.status, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on, f.attempts, f.outcome
                  FROM estate_step_forward f JOIN agency_report r USING (report_id)`;

/** Written in the report's transaction: the step reaches debt follow-up even if it is down now. */
export async function insertEstateStepForward(tx: Tx, forward: { reportId: string; organisationId: string; clientNumber: string }): Promise<void> {
  await tx.query(`INSERT INTO estate_step_forward (report_id, organisation_id, client_number) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    forward.reportId,
    forward.organisationId,
    forward.clientNumber,
  ]);
}

/** The steps debt follow-up has not answered yet, oldest first (or only those of the given reports). */
export async function pendingEstateStepForwards(tx: Tx, limit: number, reportIds?: readonly string[]): Promise<EstateStepForward[]> {
  const rows = await tx.query<Row>(
    `${SELECT} WHERE f.forwarded_at IS NULL AND ($2::text[] IS NULL OR f.report_id = ANY($2)) ORDER BY f.created_at, f.report_id LIMIT $1`,
    [limit, reportIds ? [...reportIds] : null],
  );
  return rows.map(rowToForward);
}

export async function estateStepForward(tx: Tx, reportId: string): Promise<EstateStepForward | undefined> {
  const [row] = await tx.query<Row>(`${SELECT} WHERE f.report_id = $1`, [reportId]);
  return row && rowToForward(row);
}

export async function markEstateStepForwarded(tx: Tx, reportId: string, outcome: AgencyEstateStepOutcome): Promise<void> {
  await tx.query(`UPDATE estate_step_forward SET forwarded_at = now(), outcome = $2, attempts = attempts + 1, last_error = NULL WHERE report_id = $1 AND forwarded_at IS NULL`, [reportId, outcome]);
}

export async function markEstateStepAttemptFailed(tx: Tx, reportId: string, error: string): Promise<void> {
  await tx.query(`UPDATE estate_step_forward SET attempts = attempts + 1, last_error = $2 WHERE report_id = $1 AND forwarded_at IS NULL`, [reportId, error.slice(0, 500)]);
}
