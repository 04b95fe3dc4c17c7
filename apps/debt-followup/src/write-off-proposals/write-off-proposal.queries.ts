import type { LedgerEntry } from '@clientfees/contracts';
import type { Currency, SigningLimit, WriteOffProposalState } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** A write-off proposal (avskrivningsunderlag) and the manager's decision on it, written once. */
export interface WriteOffProposal {
  id: string;
  proposalKey: string;
  organisationId: string;
  clientId: string;
  clientNumber: string | null;
  grounds: string;
  note: string;
  invoiceIds: string[] | null;
  currency: Currency;
  state: WriteOffProposalState;
  totalCents: number;
  responsibleRole: string | null;
  signingLimits: SigningLimit[];
  reminderDays: number;
  timeZone: string;
  preparedBy: string;
  preparedAt: string;
  estateCaseId: string | null;
  restructuringId: string | null;
  decision: 'signed' | 'rejected' | null;
  decidedBy: string | null;
  decidedRole: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  closedAt: string | null;
}

/** One invoice of the documentation, and what its write-off came to. */
export interface ProposalInvoice extends Omit<LedgerEntry, 'dueDate'> {
  dueDate: string | null;
  outcome: 'written-off' | 'nothing-open' | 'refused' | null;
  writtenOffCents: number | null;
  outcomeReason: string | null;
}

interface Row {
  id: string;
  proposal_key: string;
  organisation_id: string;
  client_id: string;
  client_number: string | null;
  grounds: string;
  note: string;
  invoice_ids: string[] | null;
  currency: Currency;
  state: WriteOffProposalState;
  total_cents: number;
  responsible_role: string | null;
  signing_limits: SigningLimit[];
  reminder_days: number;
  time_zone: string;
  prepared_by: string;
  prepared_at: Date;
  estate_case_id: string | null;
  restructuring_id: string | null;
  decision: 'signed' | 'rejected' | null;
  decided_by: string | null;
  decided_role: string | null;
  decision_note: string | null;
  decided_at: Date | null;
  closed_at: Date | null;
}

const rowToProposal = (row: Row): WriteOffProposal => ({
  id: row.id,
  proposalKey: row.proposal_key,
  organisationId: row.organisation_id,
  clientId: row.client_id,
  clientNumber: row.client_number,
  grounds: row.grounds,
  note: row.note,
  invoiceIds: row.invoice_ids,
  currency: row.currency,
  state: row.state,
  totalCents: Number(row.total_cents),
  responsibleRole: row.responsible_role,
  signingLimits: row.signing_limits,
  reminderDays: row.reminder_days,
  timeZone: row.time_zone,
  preparedBy: row.prepared_by,
  preparedAt: row.prepared_at.toISOString(),
  estateCaseId: row.estate_case_id,
  restructuringId: row.restructuring_id,
  decision: row.decision,
  decidedBy: row.decided_by,
  decidedRole: row.decided_role,
  decisionNote: row.decision_note,
  decidedAt: row.decided_at?.toISOString() ?? null,
  closedAt: row.closed_at?.toISOString() ?? null,
});

export type NewWriteOffProposal = Pick<
  WriteOffProposal,
  'id' | 'proposalKey' | 'organisationId' | 'clientId' | 'grounds' | 'note' | 'invoiceIds' | 'currency' | 'signingLimits' | 'reminderDays' | 'timeZone' | 'preparedBy' | 'estateCaseId' | 'restructuringId'
>;

/** Opens the proposal, or finds the one opened before with the same key. */
export async function insertProposal(tx: Tx, proposal: NewWriteOffProposal): Promise<WriteOffProposal> {
  await tx.query(
    `INSERT INTO write_off_proposal (id, proposal_key, organisation_id, client_id, grounds, note, invoice_ids, currency, state, signing_limits, reminder_days, time_zone,
        prepared_by, estate_case_id, restructuring_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'preparing', $9, $10, $11, $12, $13, $14)
     ON CONFLICT (proposal_key) DO NOTHING`,
    [
      proposal.id,
      proposal.proposalKey,
      proposal.organisationId,
      proposal.clientId,
      proposal.grounds,
      proposal.note,
      proposal.invoiceIds,
      proposal.currency,
      JSON.stringify(proposal.signingLimits),
      proposal.reminderDays,
      proposal.timeZone,
      proposal.preparedBy,
      proposal.estateCaseId,
      proposal.restructuringId,
    ],
  );
  const [row] = await tx.query<Row>(`SELECT * FROM write_off_proposal WHERE proposal_key = $1`, [proposal.proposalKey]);
  return rowToProposal(row);
}

export async function findProposal(tx: Tx, id: string): Promise<WriteOffProposal | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM write_off_proposal WHERE id = $1`, [id]);
  return row && rowToProposal(row);
}

export async function listProposals(tx: Tx, organisationId: string, state?: string): Promise<WriteOffProposal[]> {
  const rows = await tx.query<Row>(
    `SELECT * FROM write_off_proposal WHERE organisation_id = $1 AND ($2::text IS NULL OR state = $2) ORDER BY prepared_at DESC, id LIMIT 1000`,
    [organisationId, state ?? null],
  );
  return rows.map(rowToProposal);
}

export async function proposalOwner(tx: Tx, id: string): Promise<{ organisationId: string } | undefined> {
  const [row] = await tx.query<{ organisation_id: string }>(`SELECT organisation_id FROM write_off_proposal WHERE id = $1`, [id]);
  return row && { organisationId: row.organisation_id };
}

/** The documentation from the ledger: the open invoices, their total and the manager it goes to. */
export async function documentProposal(
  tx: Tx,
  id: string,
  documentation: { clientNumber: string; entries: readonly LedgerEntry[]; totalCents: number; responsibleRole: string | null },
): Promise<void> {
  if (documentation.entries.length > 0) {
    await tx.query(
      `INSERT INTO write_off_proposal_invoice (proposal_id, invoice_id, invoice_number, invoice_date, due_date, total_cents, open_cents, state)
       SELECT $1, invoice_id, invoice_number, invoice_date, due_date, total_cents, open_cents, state
         FROM jsonb_to_recordset($2::jsonb) AS r(invoice_id uuid, invoice_number bigint, invoice_date date, due_date date, total_cents bigint, open_cents bigint, state text)
       ON CONFLICT (proposal_id, invoice_id) DO NOTHING`,
      [
        id,
        JSON.stringify(
          documentation.entries.map((entry) => ({
            invoice_id: entry.invoiceId,
            invoice_number: entry.invoiceNumber,
            invoice_date: entry.invoiceDate,
            due_date: entry.dueDate,
            total_cents: entry.totalCents,
            open_cents: entry.openCents,
            state: entry.state,
          })),
        ),
      ],
    );
  }
  await tx.query(
    `UPDATE write_off_proposal SET client_number = $2, total_cents = $3, responsible_role = $4, state = 'awaiting-signature' WHERE id = $1 AND state = 'preparing'`,
    [id, documentation.clientNumber, documentation.totalCents, documentation.responsibleRole],
  );
}

export async function proposalInvoices(tx: Tx, id: string): Promise<ProposalInvoice[]> {
  const rows = await tx.query<{
    invoice_id: string;
    invoice_number: number;
    invoice_date: string;
    due_date: string | null;
    total_cents: number;
    open_cents: number;
    state: LedgerEntry['state'];
    outcome: ProposalInvoice['outcome'];
    written_off_cents: number | null;
    outcome_reason: string | null;
  }>(`SELECT * FROM write_off_proposal_invoice WHERE proposal_id = $1 ORDER BY invoice_number`, [id]);
  return rows.map((row) => ({
    invoiceId: row.invoice_id,
    invoiceNumber: Number(row.invoice_number),
    invoiceDate: row.invoice_date,
    dueDate: row.due_date,
    totalCents: Number(row.total_cents),
    openCents: Number(row.open_cents),
    state: row.state,
    outcome: row.outcome,
    writtenOffCents: row.written_off_cents === null ? null : Number(row.written_off_cents),
    outcomeReason: row.outcome_reason,
  }));
}

/** The manager's decision: written once, never changed. */
export async function recordProposalDecision(tx: Tx, id: string, decision: { decision: 'signed' | 'rejected'; actor: string; role: string; note: string }): Promise<void> {
  await tx.query(
    `UPDATE write_off_proposal SET decision = $2, decided_by = $3, decided_role = $4, decision_note = $5, decided_at = now(), state = $2
      WHERE id = $1 AND decision IS NULL`,
    [id, decision.decision, decision.actor, decision.role, decision.note],
  );
}

export async function recordProposalResult(tx: Tx, id: string, invoiceId: string, result: { outcome: string; amountCents: number; reason?: string }): Promise<void> {
  await tx.query(
    `UPDATE write_off_proposal_invoice SET outcome = $3, written_off_cents = $4, outcome_reason = $5 WHERE proposal_id = $1 AND invoice_id = $2`,
    [id, invoiceId, result.outcome, result.amountCents, result.reason ?? null],
  );
}

export async function closeProposal(tx: Tx, id: string, state: 'written-off' | 'rejected' | 'void', closedOn: string): Promise<void> {
  await tx.query(`UPDATE write_off_proposal SET state = $2, closed_at = COALESCE(closed_at, now()), closed_on = COALESCE(closed_on, $3) WHERE id = $1`, [id, state, closedOn]);
}

/** Written off by signed proposals in a period, by grounds (the quarterly reconciliation). */
export async function writtenOffBetween(tx: Tx, organisationId: string, from: string, to: string): Promise<Array<{ grounds: string; proposals: number; cents: number }>> {
  const rows = await tx.query<{ grounds: string; proposals: number; cents: string | null }>(
    `SELECT p.grounds, count(DISTINCT p.id)::int AS proposals, sum(i.written_off_cents) AS cents
       FROM write_off_proposal p JOIN write_off_proposal_invoice i ON i.proposal_id = p.id AND i.outcome = 'written-off'
      WHERE p.organisation_id = $1 AND p.closed_on BETWEEN $2 AND $3
      GROUP BY p.grounds ORDER BY p.grounds`,
    [organisationId, from, to],
  );
  return rows.map((row) => ({ grounds: row.grounds, proposals: row.proposals, cents: Number(row.cents ?? 0) }));
}
