import { randomUUID } from 'node:crypto';
import type { Tx } from '@clientfees/platform';

export type PopulationChangeKind = 'death' | 'address' | 'security-ban';

export interface PopulationChange {
  id: string;
  organisationId: string;
  clientId: string;
  feedKey: number;
  kind: PopulationChangeKind;
  detail: Record<string, unknown>;
  changedAt: string;
  recordedAt: string;
  reportedAt: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as pg returns it
const rowToChange = (r: any): PopulationChange => ({
  id: r.id, organisationId: r.organisation_id, clientId: r.client_id, feedKey: Number(r.feed_key), kind: r.kind, detail: r.detail,
  changedAt: r.changed_at.toISOString(), recordedAt: r.recorded_at.toISOString(), reportedAt: r.reported_at ? r.reported_at.toISOString() : null,
});

/** The key the organisation has read the change feed up to; undefined before the first reading. */
export async function feedKeyOf(tx: Tx, organisationId: string): Promise<number | undefined> {
  const [row] = await tx.query<{ last_key: string }>(`SELECT last_key FROM population_feed WHERE organisation_id = $1`, [organisationId]);
  return row ? Number(row.last_key) : undefined;
}

export async function saveFeedKey(tx: Tx, organisationId: string, key: number): Promise<void> {
  await tx.query(
    `INSERT INTO population_feed (organisation_id, last_key) VALUES ($1, $2) ON CONFLICT (organisation_id) DO UPDATE SET last_key = GREATEST(population_feed.last_key, $2), polled_at = now()`,
    [organisationId, key],
  );
}

/** The organisation's clients the feed watches: those with an identity code on a review (the latest). Never leaves the activity. */
export async function watchedClients(tx: Tx, organisationId: string): Promise<Array<{ clientId: string; identityCode: string }>> {
  const rows = await tx.query<{ client_id: string; identity_code: string }>(
    `SELECT DISTINCT ON (c.client_id) c.client_id, p.identity_code
       FROM review_case c JOIN case_person p ON p.case_id = c.id AND p.role = 'client'
      WHERE c.organisation_id = $1
      ORDER BY c.client_id, c.created_at DESC`,
    [organisationId],
  );
  return rows.map((r) => ({ clientId: r.client_id, identityCode: r.identity_code }));
}

/** Records a change once (the feed may be read again from an older key); true when it was new. */
export async function insertChange(tx: Tx, c: { organisationId: string; clientId: string; feedKey: number; kind: PopulationChangeKind; detail: Record<string, unknown>; changedAt: string }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO population_change (id, organisation_id, client_id, feed_key, kind, detail, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id, client_id, kind, changed_at) DO NOTHING RETURNING id`,
    [randomUUID(), c.organisationId, c.clientId, c.feedKey, c.kind, JSON.stringify(c.detail), c.changedAt],
  );
  return rows.length > 0;
}

export async function unreportedDeaths(tx: Tx, organisationId: string): Promise<PopulationChange[]> {
  const rows = await tx.query(`SELECT * FROM population_change WHERE organisation_id = $1 AND kind = 'death' AND reported_at IS NULL ORDER BY changed_at`, [organisationId]);
  return rows.map(rowToChange);
}

/**
 * Address changes and security bans not yet told to invoicing, oldest first; of one feed entry a
 * ban before the address, so that a ban that ended does not undo the address given with it.
 */
export async function unreportedAddressChanges(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM population_change WHERE organisation_id = $1 AND kind IN ('address', 'security-ban') AND reported_at IS NULL
      ORDER BY changed_at, feed_key, CASE kind WHEN 'security-ban' THEN 0 ELSE 1 END`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

export async function findChange(tx: Tx, id: string): Promise<PopulationChange | undefined> {
  const [row] = await tx.query(`SELECT * FROM population_change WHERE id = $1`, [id]);
  return row ? rowToChange(row) : undefined;
}

export async function markReported(tx: Tx, id: string): Promise<void> {
  await tx.query(`UPDATE population_change SET reported_at = COALESCE(reported_at, now()) WHERE id = $1`, [id]);
}

/** Whether the client's latest security-ban change from the feed puts a ban in force. */
export async function securityBanNow(tx: Tx, organisationId: string, clientId: string): Promise<boolean> {
  const [row] = await tx.query<{ active: boolean }>(
    `SELECT (detail->>'active')::boolean AS active FROM population_change WHERE organisation_id = $1 AND client_id = $2 AND kind = 'security-ban' ORDER BY changed_at DESC, feed_key DESC LIMIT 1`,
    [organisationId, clientId],
  );
  return row?.active === true;
}

export async function changesOf(tx: Tx, organisationId: string, clientId: string): Promise<PopulationChange[]> {
  const rows = await tx.query(`SELECT * FROM population_change WHERE organisation_id = $1 AND client_id = $2 ORDER BY changed_at, kind`, [organisationId, clientId]);
  return rows.map(rowToChange);
}

/** Which of the clients the feed's latest security-ban change puts under a ban now. */
export async function securityBannedAmong(tx: Tx, organisationId: string, clientIds: readonly string[]): Promise<Set<string>> {
  if (clientIds.length === 0) return new Set();
  const rows = await tx.query<{ client_id: string }>(
    `SELECT client_id FROM (
       SELECT DISTINCT ON (client_id) client_id, (detail->>'active')::boolean AS active FROM population_change
        WHERE organisation_id = $1 AND client_id = ANY($2::text[]) AND kind = 'security-ban' ORDER BY client_id, changed_at DESC, feed_key DESC) latest
      WHERE active`,
    [organisationId, clientIds],
  );
  return new Set(rows.map((r) => r.client_id));
}
