import type { FeedbackKind } from '@clientfees/domain';
import type { ResourceOwner, Tx } from '@clientfees/platform';

export interface Feedback {
  id: string;
  organisationId: string;
  providerId: string;
  eventId: string | null;
  kind: FeedbackKind;
  text: string;
  answerRequested: boolean;
  givenBy: string;
  givenAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

interface FeedbackRow {
  id: string;
  organisation_id: string;
  provider_id: string;
  event_id: string | null;
  kind: FeedbackKind;
  text: string;
  answer_requested: boolean;
  given_by: string;
  given_at: Date;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

const rowToFeedback = (row: FeedbackRow): Feedback => ({
  id: row.id,
  organisationId: row.organisation_id,
  providerId: row.provider_id,
  eventId: row.event_id,
  kind: row.kind,
  text: row.text,
  answerRequested: row.answer_requested,
  givenBy: row.given_by,
  givenAt: row.given_at.toISOString(),
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at?.toISOString() ?? null,
});

export async function insertFeedback(tx: Tx, feedback: Pick<Feedback, 'id' | 'organisationId' | 'providerId' | 'eventId' | 'kind' | 'text' | 'answerRequested'>, actor: string): Promise<void> {
  await tx.query('INSERT INTO feedback (id, organisation_id, provider_id, event_id, kind, text, answer_requested, given_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    feedback.id,
    feedback.organisationId,
    feedback.providerId,
    feedback.eventId,
    feedback.kind,
    feedback.text,
    feedback.answerRequested,
    actor,
  ]);
}

export async function findFeedback(tx: Tx, id: string, forUpdate = false): Promise<Feedback | undefined> {
  const [row] = await tx.query<FeedbackRow>(`SELECT * FROM feedback WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row ? rowToFeedback(row) : undefined;
}

export async function listFeedback(tx: Tx, organisationId: string, providerId?: string): Promise<Feedback[]> {
  const rows = await tx.query<FeedbackRow>('SELECT * FROM feedback WHERE organisation_id = $1 AND ($2::text IS NULL OR provider_id = $2) ORDER BY given_at DESC, id', [organisationId, providerId ?? null]);
  return rows.map(rowToFeedback);
}

/** The one answer: a second never overwrites the first (the row is taken only while unanswered). */
export async function answerFeedback(tx: Tx, id: string, answer: string, actor: string): Promise<boolean> {
  const rows = await tx.query('UPDATE feedback SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1 AND answered_at IS NULL RETURNING id', [id, answer, actor]);
  return rows.length > 0;
}

export async function markFeedbackReminded(tx: Tx, id: string): Promise<void> {
  await tx.query('UPDATE feedback SET reminded_at = now() WHERE id = $1', [id]);
}

export async function feedbackOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string }>('SELECT organisation_id, provider_id FROM feedback WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}
