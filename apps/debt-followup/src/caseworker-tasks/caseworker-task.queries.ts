import type { Tx } from '@clientfees/platform';

/** A debt case handed to the client's caseworker (seed 004): contact, support, guardianship. */
export interface CaseworkerTask {
  id: string;
  debtCaseId: string;
  reviewId: string;
  organisationId: string;
  assignedTo: string | null;
  status: 'open' | 'done';
  clientNumber: string;
  clientName: string;
  debitingArea: string | null;
  openCents: number;
  currency: string;
  createdAt: string;
  doneAt: string | null;
}

export interface CaseworkerStepRecord {
  step: string;
  outcome: string;
  note: string | null;
  actor: string;
  recordedAt: string;
}

interface Row {
  id: string;
  debt_case_id: string;
  review_id: string;
  organisation_id: string;
  assigned_to: string | null;
  status: 'open' | 'done';
  client_number: string;
  client_name: string;
  debiting_area: string | null;
  open_cents: number;
  currency: string;
  created_at: Date;
  done_at: Date | null;
}

const rowToTask = (row: Row): CaseworkerTask => ({
  id: row.id,
  debtCaseId: row.debt_case_id,
  reviewId: row.review_id,
  organisationId: row.organisation_id,
  assignedTo: row.assigned_to,
  status: row.status,
  clientNumber: row.client_number,
  clientName: row.client_name,
  debitingArea: row.debiting_area,
  openCents: Number(row.open_cents),
  currency: row.currency,
  createdAt: row.created_at.toISOString(),
  doneAt: row.done_at?.toISOString() ?? null,
});

const SELECT = `SELECT t.*, c.client_number, c.client_name, c.debiting_area, c.open_cents, c.currency FROM caseworker_task t JOIN debt_case c ON c.id = t.debt_case_id`;

export async function insertCaseworkerTasks(tx: Tx, tasks: ReadonlyArray<{ id: string; debtCaseId: string; reviewId: string; organisationId: string; assignedTo: string | null }>): Promise<void> {
  if (tasks.length === 0) return;
  await tx.query(
    `INSERT INTO caseworker_task (id, debt_case_id, review_id, organisation_id, assigned_to, status)
     SELECT id, debt_case_id, review_id, organisation_id, assigned_to, 'open'
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, debt_case_id uuid, review_id uuid, organisation_id text, assigned_to text)
     ON CONFLICT (debt_case_id, review_id) DO NOTHING`,
    [JSON.stringify(tasks.map((task) => ({ id: task.id, debt_case_id: task.debtCaseId, review_id: task.reviewId, organisation_id: task.organisationId, assigned_to: task.assignedTo })))],
  );
}

export async function listCaseworkerTasks(
  tx: Tx,
  filter: { organisationId: string; status?: string; assignedTo?: string; areas?: readonly string[]; debtCaseId?: string },
): Promise<CaseworkerTask[]> {
  const rows = await tx.query<Row>(
    `${SELECT} WHERE t.organisation_id = $1 AND ($2::text IS NULL OR t.status = $2) AND ($3::text IS NULL OR t.assigned_to = $3)
        AND ($4::text[] IS NULL OR c.debiting_area = ANY($4)) AND ($5::uuid IS NULL OR t.debt_case_id = $5)
      ORDER BY t.created_at, t.id LIMIT 1000`,
    [filter.organisationId, filter.status ?? null, filter.assignedTo ?? null, filter.areas ?? null, filter.debtCaseId ?? null],
  );
  return rows.map(rowToTask);
}

export async function findCaseworkerTask(tx: Tx, id: string, lock = false): Promise<CaseworkerTask | undefined> {
  const [row] = await tx.query<Row>(`${SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
  return row && rowToTask(row);
}

export async function caseworkerTaskOwner(tx: Tx, id: string): Promise<{ organisationId: string; debitingArea: string | null } | undefined> {
  const [row] = await tx.query<{ organisation_id: string; debiting_area: string | null }>(
    `SELECT t.organisation_id, c.debiting_area FROM caseworker_task t JOIN debt_case c ON c.id = t.debt_case_id WHERE t.id = $1`,
    [id],
  );
  return row && { organisationId: row.organisation_id, debitingArea: row.debiting_area };
}

export async function caseworkerSteps(tx: Tx, taskId: string): Promise<CaseworkerStepRecord[]> {
  const rows = await tx.query<{ step: string; outcome: string; note: string | null; actor: string; recorded_at: Date }>(
    `SELECT step, outcome, note, actor, recorded_at FROM caseworker_step WHERE task_id = $1 ORDER BY id`,
    [taskId],
  );
  return rows.map((row) => ({ step: row.step, outcome: row.outcome, note: row.note, actor: row.actor, recordedAt: row.recorded_at.toISOString() }));
}

export async function addCaseworkerStep(tx: Tx, taskId: string, step: { step: string; outcome: string; note?: string; actor: string }): Promise<void> {
  await tx.query(`INSERT INTO caseworker_step (task_id, step, outcome, note, actor) VALUES ($1, $2, $3, $4, $5)`, [taskId, step.step, step.outcome, step.note ?? null, step.actor]);
}

export async function completeCaseworkerTask(tx: Tx, taskId: string): Promise<void> {
  await tx.query(`UPDATE caseworker_task SET status = 'done', done_at = COALESCE(done_at, now()) WHERE id = $1`, [taskId]);
}

/** A caseworker named on the case later takes its open tasks. */
export async function assignOpenCaseworkerTasks(tx: Tx, debtCaseId: string, caseworker: string | null): Promise<void> {
  await tx.query(`UPDATE caseworker_task SET assigned_to = $2 WHERE debt_case_id = $1 AND status = 'open'`, [debtCaseId, caseworker]);
}
