import type { Tx } from '@clientfees/platform';

export type DeferralApprovalStatus = 'pending' | 'approved' | 'denied' | 'withdrawn';
export const DEFERRAL_APPROVAL_STATUSES: readonly DeferralApprovalStatus[] = ['pending', 'approved', 'denied', 'withdrawn'];

/** A deferral longer than the officer's limit, waiting for (or decided by) the billing supervisor. */
export interface DeferralApproval {
  id: string;
  invoiceId: string;
  organisationId: string;
  requestedDueDate: string;
  requestedBy: string;
  reason: string;
  status: DeferralApprovalStatus;
  decidedBy: string | null;
  decisionNote: string | null;
  requestedAt: Date;
  remindedAt: Date | null;
  decidedAt: Date | null;
  /** The lifecycle activity that opened it: a retry finds this approval instead of opening another. */
  idempotencyKey: string | null;
}

interface DeferralApprovalRow {
  id: string;
  invoice_id: string;
  organisation_id: string;
  requested_due_date: string;
  requested_by: string;
  reason: string;
  status: DeferralApprovalStatus;
  decided_by: string | null;
  decision_note: string | null;
  requested_at: Date;
  reminded_at: Date | null;
  decided_at: Date | null;
  idempotency_key: string | null;
}

function rowToApproval(row: DeferralApprovalRow): DeferralApproval {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    organisationId: row.organisation_id,
    requestedDueDate: row.requested_due_date,
    requestedBy: row.requested_by,
    reason: row.reason,
    status: row.status,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    requestedAt: row.requested_at,
    remindedAt: row.reminded_at,
    decidedAt: row.decided_at,
    idempotencyKey: row.idempotency_key,
  };
}

/** Opens the approval, or answers the one the same activity execution (its key) opened before. */
export async function openDeferralApproval(
  tx: Tx,
  approval: { id: string; invoiceId: string; organisationId: string; requestedDueDate: string; requestedBy: string; reason: string; idempotencyKey: string | null },
): Promise<DeferralApproval> {
  const [inserted] = await tx.query<DeferralApprovalRow>(
    `INSERT INTO deferral_approval (id, invoice_id, organisation_id, requested_due_date, requested_by, reason, status, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
    [approval.id, approval.invoiceId, approval.organisationId, approval.requestedDueDate, approval.requestedBy, approval.reason, approval.idempotencyKey],
  );
  if (inserted) return rowToApproval(inserted);
  const [existing] = await tx.query<DeferralApprovalRow>('SELECT * FROM deferral_approval WHERE idempotency_key = $1', [approval.idempotencyKey]);
  return rowToApproval(existing);
}

export async function findDeferralApproval(tx: Tx, id: string): Promise<DeferralApproval | null> {
  const [row] = await tx.query<DeferralApprovalRow>('SELECT * FROM deferral_approval WHERE id = $1', [id]);
  return row ? rowToApproval(row) : null;
}

export async function markApproverReminded(tx: Tx, id: string): Promise<void> {
  await tx.query('UPDATE deferral_approval SET reminded_at = now() WHERE id = $1', [id]);
}

export async function decideDeferralApproval(tx: Tx, id: string, decision: { status: Exclude<DeferralApprovalStatus, 'pending'>; decidedBy: string; note: string }): Promise<void> {
  await tx.query('UPDATE deferral_approval SET status = $2, decided_by = $3, decision_note = $4, decided_at = now() WHERE id = $1', [
    id,
    decision.status,
    decision.decidedBy,
    decision.note,
  ]);
}

/** The billing supervisor's inbox: an organisation's approvals in one status, oldest first. */
export async function deferralApprovalInbox(tx: Tx, organisationId: string, status: DeferralApprovalStatus): Promise<DeferralApproval[]> {
  const rows = await tx.query<DeferralApprovalRow>(
    'SELECT * FROM deferral_approval WHERE organisation_id = $1 AND status = $2 ORDER BY requested_at LIMIT 500',
    [organisationId, status],
  );
  return rows.map(rowToApproval);
}
