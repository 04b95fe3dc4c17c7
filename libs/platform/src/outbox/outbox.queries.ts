import type { Tx } from '../database/database';

/** A signal waiting in (or delivered from) a service's `signal_outbox` table. */
export interface OutboxEntry {
  id: string;
  key: string;
  workflowId: string;
  signal: string;
  args: unknown[];
}

export type OutboxOutcome = 'signalled' | 'workflow-ended';

/** Where a signal stands: pending until delivered (or settled because its workflow had ended). */
export interface OutboxDelivery {
  key: string;
  outcome: OutboxOutcome | null;
  deliveredAt: Date | null;
  attempts: number;
  note: string | null;
}

interface EntryRow {
  id: string;
  key: string;
  workflow_id: string;
  signal: string;
  args: unknown[];
}

const entryOf = (row: EntryRow): OutboxEntry => ({ id: String(row.id), key: row.key, workflowId: row.workflow_id, signal: row.signal, args: row.args });

/** Stores a signal to send; the same key twice is one signal. Answers whether it was new. */
export async function insertOutboxEntry(tx: Tx, entry: Omit<OutboxEntry, 'id'>): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO signal_outbox (key, workflow_id, signal, args) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    [entry.key, entry.workflowId, entry.signal, JSON.stringify(entry.args)],
  );
  return rows.length > 0;
}

/** The entries still to deliver among `keys` (all of them when `keys` is undefined), oldest first. */
export async function pendingOutboxEntries(tx: Tx, limit: number, keys?: readonly string[]): Promise<OutboxEntry[]> {
  const rows = await tx.query<EntryRow>(
    `SELECT id, key, workflow_id, signal, args FROM signal_outbox
      WHERE delivered_at IS NULL AND ($2::text[] IS NULL OR key = ANY($2))
      ORDER BY id LIMIT $1`,
    [limit, keys ? [...keys] : null],
  );
  return rows.map(entryOf);
}

/** Settles an entry once; a delivery that raced another changes nothing. */
export async function markOutboxDelivered(tx: Tx, id: string, outcome: OutboxOutcome, note: string | null): Promise<void> {
  await tx.query(
    `UPDATE signal_outbox SET delivered_at = now(), outcome = $2, note = $3, attempts = attempts + 1
      WHERE id = $1 AND delivered_at IS NULL`,
    [id, outcome, note],
  );
}

export async function markOutboxAttemptFailed(tx: Tx, id: string, note: string): Promise<void> {
  await tx.query('UPDATE signal_outbox SET attempts = attempts + 1, note = $2 WHERE id = $1 AND delivered_at IS NULL', [id, note.slice(0, 500)]);
}

export async function outboxDeliveries(tx: Tx, keys: readonly string[]): Promise<Map<string, OutboxDelivery>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<{ key: string; outcome: OutboxOutcome | null; delivered_at: Date | null; attempts: number; note: string | null }>(
    'SELECT key, outcome, delivered_at, attempts, note FROM signal_outbox WHERE key = ANY($1)',
    [[...keys]],
  );
  return new Map(rows.map((row) => [row.key, { key: row.key, outcome: row.outcome, deliveredAt: row.delivered_at, attempts: row.attempts, note: row.note }]));
}

/** The table, created by each service's own migration in its own schema. */
export async function createSignalOutboxTable(tx: Tx): Promise<void> {
  await tx.query(`
    CREATE TABLE signal_outbox (
      id bigserial PRIMARY KEY,
      key text NOT NULL UNIQUE,
      workflow_id text NOT NULL,
      signal text NOT NULL,
      args jsonb NOT NULL CHECK (jsonb_typeof(args) = 'array'),
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      outcome text CHECK (outcome IN ('signalled', 'workflow-ended')),
      attempts int NOT NULL DEFAULT 0,
      note text,
      CHECK ((delivered_at IS NULL) = (outcome IS NULL))
    )`);
  await tx.query('CREATE INDEX signal_outbox_pending ON signal_outbox (id) WHERE delivered_at IS NULL');
}

/** What waits in the outbox: how many signals, and how long the oldest has waited (undefined without an outbox table). */
export async function outboxBacklog(tx: Tx): Promise<{ pending: number; oldestSeconds: number } | undefined> {
  const [table] = await tx.query<{ exists: boolean }>(`SELECT to_regclass('signal_outbox') IS NOT NULL AS exists`);
  if (!table?.exists) return undefined;
  const [row] = await tx.query<{ pending: string; oldest_seconds: string | null }>(
    `SELECT count(*) AS pending, floor(extract(epoch FROM now() - min(created_at))) AS oldest_seconds
       FROM signal_outbox WHERE delivered_at IS NULL`,
  );
  return { pending: Number(row.pending), oldestSeconds: row.oldest_seconds === null ? 0 : Number(row.oldest_seconds) };
}
