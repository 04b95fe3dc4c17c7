import type { Tx } from '../database/database';

export interface IdempotentRequestKey {
  caller: string;
  key: string;
}

export interface StoredRequest {
  requestHash: string;
  startedAt: string;
  committed: boolean;
  status: number | null;
  response: unknown;
  /** How long ago it started, by the database's clock. */
  ageMs: number;
}

/** Claims the key for this request; false when the key is already held (answered or not). */
export async function claimKey(tx: Tx, request: IdempotentRequestKey, requestHash: string): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO idempotent_request (caller, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
    [request.caller, request.key, requestHash],
  );
  return rows.length === 1;
}

export async function findRequest(tx: Tx, request: IdempotentRequestKey): Promise<StoredRequest | undefined> {
  const [row] = await tx.query<StoredRequest>(
    `SELECT request_hash AS "requestHash", started_at::text AS "startedAt", committed, status, response,
            (extract(epoch FROM now() - started_at) * 1000)::bigint AS "ageMs"
       FROM idempotent_request WHERE caller = $1 AND key = $2`,
    [request.caller, request.key],
  );
  return row;
}

/** Takes over an abandoned request: only one resend wins, the one that saw `startedAt`. */
export async function takeOver(tx: Tx, request: IdempotentRequestKey, startedAt: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE idempotent_request SET started_at = now()
      WHERE caller = $1 AND key = $2 AND started_at = $3::timestamptz AND status IS NULL AND NOT committed RETURNING 1`,
    [request.caller, request.key, startedAt],
  );
  return rows.length === 1;
}

/** Run inside each of the request's own transactions: if that transaction commits, so does this mark. */
export async function markCommitted(tx: Tx, request: IdempotentRequestKey): Promise<void> {
  await tx.query(`UPDATE idempotent_request SET committed = true WHERE caller = $1 AND key = $2 AND NOT committed`, [request.caller, request.key]);
}

export async function storeAnswer(tx: Tx, request: IdempotentRequestKey, status: number, response: unknown): Promise<void> {
  await tx.query(`UPDATE idempotent_request SET status = $3, response = $4::jsonb, answered_at = now() WHERE caller = $1 AND key = $2`, [
    request.caller,
    request.key,
    status,
    JSON.stringify(response ?? null),
  ]);
}

/** A request that failed before anything of it committed: the key is free for a fresh attempt. */
export async function releaseKey(tx: Tx, request: IdempotentRequestKey): Promise<void> {
  await tx.query(`DELETE FROM idempotent_request WHERE caller = $1 AND key = $2 AND NOT committed AND status IS NULL`, [request.caller, request.key]);
}
