import { randomUUID } from 'node:crypto';
import type { Tx } from '@clientfees/platform';

/**
 * The inbox: what a person or a role is told or asked to do — an escalation for the deputy head
 * of social services, a notice for the finance office, a reminder for the estate investigator or
 * the manager who has not signed, the unit manager's monthly list.
 */
export const INBOX_KINDS = [
  'escalation',
  'finance-notice',
  'unit-manager-list',
  'unattended-cases',
  'overpayments',
  'caseworker-task',
  'caseworker-needed',
  'inventory-overdue',
  'death-report-conflict',
  'write-off-signature',
  'write-off-reminder',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface NewInboxItem {
  organisationId: string;
  recipientRole: string;
  recipientUser?: string | null;
  debitingArea?: string | null;
  kind: InboxKind;
  subject: string;
  detail?: Record<string, unknown>;
  debtCaseId?: string | null;
  estateCaseId?: string | null;
  proposalId?: string | null;
  reviewId?: string | null;
  /** The same key adds the item once (a retried step). */
  idempotencyKey: string;
}

export interface InboxItem extends Required<Omit<NewInboxItem, 'idempotencyKey'>> {
  id: string;
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

/** Adds items; those whose key is already stored are left as they are. */
export async function addInboxItems(tx: Tx, items: readonly NewInboxItem[]): Promise<void> {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO inbox_item (id, organisation_id, recipient_role, recipient_user, debiting_area, kind, subject, detail, debt_case_id, estate_case_id, proposal_id, review_id, idempotency_key)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id text, recipient_role text, recipient_user text, debiting_area text, kind text, subject text,
       detail jsonb, debt_case_id uuid, estate_case_id uuid, proposal_id uuid, review_id uuid, idempotency_key text)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      JSON.stringify(
        items.map((item) => ({
          id: randomUUID(),
          organisation_id: item.organisationId,
          recipient_role: item.recipientRole,
          recipient_user: item.recipientUser ?? null,
          debiting_area: item.debitingArea ?? null,
          kind: item.kind,
          subject: item.subject,
          detail: item.detail ?? {},
          debt_case_id: item.debtCaseId ?? null,
          estate_case_id: item.estateCaseId ?? null,
          proposal_id: item.proposalId ?? null,
          review_id: item.reviewId ?? null,
          idempotency_key: item.idempotencyKey,
        })),
      ),
    ],
  );
}

interface Row {
  id: string;
  organisation_id: string;
  recipient_role: string;
  recipient_user: string | null;
  debiting_area: string | null;
  kind: InboxKind;
  subject: string;
  detail: Record<string, unknown>;
  debt_case_id: string | null;
  estate_case_id: string | null;
  proposal_id: string | null;
  review_id: string | null;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
}

const rowToItem = (row: Row): InboxItem => ({
  id: row.id,
  organisationId: row.organisation_id,
  recipientRole: row.recipient_role,
  recipientUser: row.recipient_user,
  debitingArea: row.debiting_area,
  kind: row.kind,
  subject: row.subject,
  detail: row.detail,
  debtCaseId: row.debt_case_id,
  estateCaseId: row.estate_case_id,
  proposalId: row.proposal_id,
  reviewId: row.review_id,
  createdAt: row.created_at.toISOString(),
  doneAt: row.done_at?.toISOString() ?? null,
  doneBy: row.done_by,
});

export interface InboxReader {
  organisationId: string;
  roles: readonly string[];
  user: string;
  /** A unit manager's debiting areas; undefined: not limited to areas. */
  areas?: readonly string[];
}

const VISIBLE = `organisation_id = $1 AND recipient_role = ANY($2)
  AND (recipient_user IS NULL OR recipient_user = $3)
  AND (debiting_area IS NULL OR $4::text[] IS NULL OR debiting_area = ANY($4))`;

/** The items addressed to one of the reader's roles (to them, or to anyone with the role), newest first. */
export async function listInbox(tx: Tx, reader: InboxReader, options: { open: boolean; kind?: string; limit: number }): Promise<InboxItem[]> {
  const rows = await tx.query<Row>(
    `SELECT * FROM inbox_item WHERE ${VISIBLE}
       AND ($5::boolean IS FALSE OR done_at IS NULL) AND ($6::text IS NULL OR kind = $6)
     ORDER BY created_at DESC, id LIMIT $7`,
    [reader.organisationId, reader.roles, reader.user, reader.areas ?? null, options.open, options.kind ?? null, options.limit],
  );
  return rows.map(rowToItem);
}

/** Marks an item the reader may see as done; undefined when there is no such item for them. */
export async function markInboxItemDone(tx: Tx, id: string, reader: InboxReader): Promise<InboxItem | undefined> {
  const [row] = await tx.query<Row>(
    `UPDATE inbox_item SET done_at = COALESCE(done_at, now()), done_by = COALESCE(done_by, $5) WHERE id = $6 AND ${VISIBLE} RETURNING *`,
    [reader.organisationId, reader.roles, reader.user, reader.areas ?? null, reader.user, id],
  );
  return row && rowToItem(row);
}

export async function inboxItemOwner(tx: Tx, id: string): Promise<{ organisationId: string; debitingArea: string | null } | undefined> {
  const [row] = await tx.query<{ organisation_id: string; debiting_area: string | null }>(`SELECT organisation_id, debiting_area FROM inbox_item WHERE id = $1`, [id]);
  return row && { organisationId: row.organisation_id, debitingArea: row.debiting_area };
}
