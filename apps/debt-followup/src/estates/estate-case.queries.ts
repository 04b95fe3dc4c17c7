import type { ClientDeathReport, EstateEventKind, EstateRecipient, EstateState } from '@clientfees/contracts';
import type { Tx } from '@clientfees/platform';

export interface EstateCase {
  id: string;
  organisationId: string;
  clientId: string;
  clientNumber: string | null;
  dateOfDeath: string;
  inventoryDeadline: string;
  source: ClientDeathReport['source'];
  sourceReference: string;
  reportedBy: string;
  state: EstateState;
  contact: EstateRecipient | null;
  inventoryOutcome: string | null;
  inventoryDate: string | null;
  writeOffProposalId: string | null;
  recordedAt: string;
  closedAt: string | null;
  closedOn: string | null;
}

export interface EstateEventRow {
  kind: EstateEventKind;
  actor: string;
  grounds: string;
  detail: Record<string, unknown>;
  occurredAt: string;
}

interface Row {
  id: string;
  organisation_id: string;
  client_id: string;
  client_number: string | null;
  date_of_death: string;
  inventory_deadline: string;
  source: ClientDeathReport['source'];
  source_reference: string;
  reported_by: string;
  state: EstateState;
  contact: EstateRecipient | null;
  inventory_outcome: string | null;
  inventory_date: string | null;
  write_off_proposal_id: string | null;
  recorded_at: Date;
  closed_at: Date | null;
  closed_on: string | null;
}

const rowToCase = (row: Row): EstateCase => ({
  id: row.id,
  organisationId: row.organisation_id,
  clientId: row.client_id,
  clientNumber: row.client_number,
  dateOfDeath: row.date_of_death,
  inventoryDeadline: row.inventory_deadline,
  source: row.source,
  sourceReference: row.source_reference,
  reportedBy: row.reported_by,
  state: row.state,
  contact: row.contact,
  inventoryOutcome: row.inventory_outcome,
  inventoryDate: row.inventory_date,
  writeOffProposalId: row.write_off_proposal_id,
  recordedAt: row.recorded_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
  closedOn: row.closed_on,
});

/** Opens the client's estate case; a client who already has one gets undefined (one per death). */
export async function insertEstateCase(
  tx: Tx,
  estate: { id: string; report: ClientDeathReport; inventoryDeadline: string },
): Promise<EstateCase | undefined> {
  const { report } = estate;
  const [row] = await tx.query<Row>(
    `INSERT INTO estate_case (id, organisation_id, client_id, date_of_death, inventory_deadline, source, source_reference, reported_by, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'stopping-billing')
     ON CONFLICT (organisation_id, client_id) DO NOTHING RETURNING *`,
    [estate.id, report.organisationId, report.clientId, report.dateOfDeath, estate.inventoryDeadline, report.source, report.sourceReference, report.reportedBy],
  );
  return row && rowToCase(row);
}

export async function findEstateCase(tx: Tx, id: string): Promise<EstateCase | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM estate_case WHERE id = $1`, [id]);
  return row && rowToCase(row);
}

export async function findEstateCaseOfClient(tx: Tx, organisationId: string, clientId: string): Promise<EstateCase | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM estate_case WHERE organisation_id = $1 AND client_id = $2`, [organisationId, clientId]);
  return row && rowToCase(row);
}

export async function findEstateCaseByClientNumber(tx: Tx, organisationId: string, clientNumber: string): Promise<EstateCase | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM estate_case WHERE organisation_id = $1 AND client_number = $2`, [organisationId, clientNumber]);
  return row && rowToCase(row);
}

export async function listEstateCases(tx: Tx, organisationId: string, state?: string): Promise<EstateCase[]> {
  const rows = await tx.query<Row>(
    `SELECT * FROM estate_case WHERE organisation_id = $1 AND ($2::text IS NULL OR state = $2) ORDER BY date_of_death DESC, id LIMIT 1000`,
    [organisationId, state ?? null],
  );
  return rows.map(rowToCase);
}

/** Appends an event (append-only); one with an idempotency key already stored is not added again. */
export async function appendEstateEvent(
  tx: Tx,
  event: { estateCaseId: string; kind: EstateEventKind; actor: string; grounds: string; detail?: Record<string, unknown>; idempotencyKey?: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO estate_event (estate_case_id, kind, actor, grounds, detail, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [event.estateCaseId, event.kind, event.actor, event.grounds, JSON.stringify(event.detail ?? {}), event.idempotencyKey ?? null],
  );
  return rows.length > 0;
}

export async function estateEvents(tx: Tx, estateCaseId: string): Promise<EstateEventRow[]> {
  const rows = await tx.query<{ kind: EstateEventKind; actor: string; grounds: string; detail: Record<string, unknown>; occurred_at: Date }>(
    `SELECT kind, actor, grounds, detail, occurred_at FROM estate_event WHERE estate_case_id = $1 ORDER BY id`,
    [estateCaseId],
  );
  return rows.map((row) => ({ kind: row.kind, actor: row.actor, grounds: row.grounds, detail: row.detail, occurredAt: row.occurred_at.toISOString() }));
}

/** What the estate workflow reports back: the case's state and what it learnt on the way. */
export async function updateEstateCase(
  tx: Tx,
  id: string,
  change: { state?: EstateState; clientNumber?: string; contact?: EstateRecipient; inventoryOutcome?: string; inventoryDate?: string; writeOffProposalId?: string; closedOn?: string },
): Promise<void> {
  await tx.query(
    `UPDATE estate_case SET
        state = COALESCE($2, state),
        client_number = COALESCE($3, client_number),
        contact = COALESCE($4::jsonb, contact),
        inventory_outcome = COALESCE($5, inventory_outcome),
        inventory_date = COALESCE($6::date, inventory_date),
        write_off_proposal_id = COALESCE($7::uuid, write_off_proposal_id),
        closed_at = CASE WHEN $8::date IS NOT NULL THEN COALESCE(closed_at, now()) ELSE closed_at END,
        closed_on = COALESCE(closed_on, $8::date)
      WHERE id = $1`,
    [
      id,
      change.state ?? null,
      change.clientNumber ?? null,
      change.contact ? JSON.stringify(change.contact) : null,
      change.inventoryOutcome ?? null,
      change.inventoryDate ?? null,
      change.writeOffProposalId ?? null,
      change.closedOn ?? null,
    ],
  );
}

export async function estateOwner(tx: Tx, id: string): Promise<{ organisationId: string } | undefined> {
  const [row] = await tx.query<{ organisation_id: string }>(`SELECT organisation_id FROM estate_case WHERE id = $1`, [id]);
  return row && { organisationId: row.organisation_id };
}

/** Estates opened (by date of death) and closed in a period: the quarterly reconciliation. */
export async function estateCounts(tx: Tx, organisationId: string, from: string, to: string): Promise<{ opened: number; closed: number; open: number }> {
  const [row] = await tx.query<{ opened: number; closed: number; open: number }>(
    `SELECT count(*) FILTER (WHERE date_of_death BETWEEN $2 AND $3)::int AS opened,
            count(*) FILTER (WHERE closed_on BETWEEN $2 AND $3)::int AS closed,
            count(*) FILTER (WHERE date_of_death <= $3 AND (closed_on IS NULL OR closed_on > $3))::int AS open
       FROM estate_case WHERE organisation_id = $1`,
    [organisationId, from, to],
  );
  return row;
}
