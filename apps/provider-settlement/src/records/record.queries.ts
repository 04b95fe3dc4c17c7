import type { GrantPeriod, InterruptionReason, InterruptionRule, ServiceUnit } from '@clientfees/domain';
import type { ResourceOwner, Tx } from '@clientfees/platform';

export type Approval = 'not-needed' | 'pending' | 'approved' | 'rejected';

/** A reserved voucher content as recording needs it. */
export interface RecordingContext {
  organisationId: string;
  voucherId: string;
  voucherNumber: string;
  voucherValidFrom: string;
  voucherValidTo: string | null;
  serviceCode: string;
  continuingDaily: boolean;
  clientNumber: string;
  contentId: string;
  contentCode: string;
  unit: ServiceUnit;
  unitValueCents: number;
  grantedQuantity: number | null;
  grantedPer: GrantPeriod | null;
  providerId: string | null;
  reservedUnitId: string | null;
}

export async function recordingContext(tx: Tx, voucherId: string, contentCode: string): Promise<RecordingContext | undefined> {
  const [row] = await tx.query<RecordingContext>(
    `SELECT v.organisation_id AS "organisationId", v.id AS "voucherId", v.number AS "voucherNumber", v.valid_from AS "voucherValidFrom", v.valid_to AS "voucherValidTo",
            v.service_code AS "serviceCode", s.continuing_daily AS "continuingDaily", c.client_number AS "clientNumber",
            vc.id AS "contentId", vc.content_code AS "contentCode", vc.unit, vc.unit_value_cents AS "unitValueCents",
            vc.granted_quantity AS "grantedQuantity", vc.granted_per AS "grantedPer", r.provider_id AS "providerId", r.unit_id AS "reservedUnitId"
     FROM voucher v
     JOIN voucher_service s ON s.organisation_id = v.organisation_id AND s.code = v.service_code
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id
     JOIN voucher_content vc ON vc.voucher_id = v.id AND vc.content_code = $2
     LEFT JOIN reservation r ON r.voucher_content_id = vc.id
     WHERE v.id = $1`,
    [voucherId, contentCode],
  );
  return row;
}

// ---- service events ------------------------------------------------------------------------------

export interface ServiceEvent {
  id: string;
  organisationId: string;
  providerId: string;
  unitId: string;
  voucherId: string;
  voucherContentId: string;
  contentCode: string;
  unit: ServiceUnit;
  startDate: string;
  endDate: string;
  quantity: number;
  priceCents: number;
  voucherValueCents: number;
  ownShareCents: number;
  status: 'incomplete' | 'complete';
  approval: Approval;
  automatic: boolean;
  note: string | null;
  recordedBy: string;
  settlementId: string | null;
  settledInMonth: string | null;
}

const EVENT_SELECT = `
  SELECT e.id, e.organisation_id AS "organisationId", e.provider_id AS "providerId", e.unit_id AS "unitId", e.voucher_id AS "voucherId",
         e.voucher_content_id AS "voucherContentId", vc.content_code AS "contentCode", vc.unit, e.start_date AS "startDate", e.end_date AS "endDate",
         e.quantity, e.price_cents AS "priceCents", e.voucher_value_cents AS "voucherValueCents", e.own_share_cents AS "ownShareCents",
         e.status, e.approval, e.automatic, e.note, e.recorded_by AS "recordedBy", e.settlement_id AS "settlementId", s.month AS "settledInMonth"
  FROM service_event e JOIN voucher_content vc ON vc.id = e.voucher_content_id LEFT JOIN settlement s ON s.id = e.settlement_id`;

export interface NewEvent {
  id: string;
  organisationId: string;
  providerId: string;
  unitId: string;
  voucherId: string;
  voucherContentId: string;
  startDate: string;
  endDate: string;
  quantity: number;
  priceCents: number;
  voucherValueCents: number;
  ownShareCents: number;
  status: 'incomplete' | 'complete';
  approval: Approval;
  automatic: boolean;
  note: string | null;
}

export async function insertEvent(tx: Tx, event: NewEvent, actor: string): Promise<void> {
  await insertEvents(tx, [event], actor);
}

/** Many events in one statement (automatic recording makes a whole organisation's month at once). */
export async function insertEvents(tx: Tx, events: readonly NewEvent[], actor: string): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO service_event (id, organisation_id, provider_id, unit_id, voucher_id, voucher_content_id, start_date, end_date, quantity, price_cents,
                                voucher_value_cents, own_share_cents, status, approval, automatic, note, recorded_by, completed_by, completed_at)
     SELECT e.id, e."organisationId", e."providerId", e."unitId", e."voucherId", e."voucherContentId", e."startDate", e."endDate", e.quantity, e."priceCents",
            e."voucherValueCents", e."ownShareCents", e.status, e.approval, e.automatic, e.note, $2,
            CASE WHEN e.status = 'complete' THEN $2 END, CASE WHEN e.status = 'complete' THEN now() END
     FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, "organisationId" text, "providerId" text, "unitId" uuid, "voucherId" uuid, "voucherContentId" uuid,
          "startDate" date, "endDate" date, quantity integer, "priceCents" bigint, "voucherValueCents" bigint, "ownShareCents" bigint, status text, approval text,
          automatic boolean, note text)`,
    [JSON.stringify(events), actor],
  );
  await tx.query(`UPDATE voucher SET state = 'open' WHERE state = 'granted' AND id = ANY($1::uuid[])`, [[...new Set(events.map((event) => event.voucherId))]]);
  await tx.query(
    `INSERT INTO record_log (subject_kind, subject_id, action, actor, detail)
     SELECT 'event', e.id, CASE WHEN e.automatic THEN 'recorded automatically' ELSE 'recorded' END, $2, jsonb_build_object('status', e.status, 'approval', e.approval)
     FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, automatic boolean, status text, approval text)`,
    [JSON.stringify(events), actor],
  );
}

export async function findEvent(tx: Tx, id: string, forUpdate = false): Promise<ServiceEvent | undefined> {
  const [row] = await tx.query<ServiceEvent>(`${EVENT_SELECT} WHERE e.id = $1 AND e.deleted_at IS NULL${forUpdate ? ' FOR UPDATE OF e' : ''}`, [id]);
  return row;
}

export async function listVoucherEvents(tx: Tx, voucherId: string): Promise<ServiceEvent[]> {
  return tx.query<ServiceEvent>(`${EVENT_SELECT} WHERE e.voucher_id = $1 AND e.deleted_at IS NULL ORDER BY e.start_date, e.recorded_at`, [voucherId]);
}

/** A provider's events of a month (to confirm the automatic ones), optionally only incomplete ones. */
export async function listProviderEvents(tx: Tx, providerId: string, month: string, onlyIncomplete: boolean): Promise<ServiceEvent[]> {
  return tx.query<ServiceEvent>(
    `${EVENT_SELECT} WHERE e.provider_id = $1 AND to_char(e.end_date, 'YYYY-MM') = $2 AND e.deleted_at IS NULL AND (NOT $3 OR e.status = 'incomplete')
     ORDER BY e.start_date, e.id`,
    [providerId, month, onlyIncomplete],
  );
}

/** Events waiting for manual approval; with a provider, only its own. */
export async function pendingApprovals(tx: Tx, organisationId: string, providerId?: string): Promise<ServiceEvent[]> {
  return tx.query<ServiceEvent>(
    `${EVENT_SELECT} WHERE e.organisation_id = $1 AND e.approval = 'pending' AND e.deleted_at IS NULL AND ($2::text IS NULL OR e.provider_id = $2) ORDER BY e.start_date, e.id`,
    [organisationId, providerId ?? null],
  );
}

/** What the period's other events of the content (not rejected) already hold, in base units. */
export async function recordedQuantity(tx: Tx, contentId: string, from: string, to: string, exceptEventId: string | null): Promise<number> {
  const [{ quantity }] = await tx.query<{ quantity: number }>(
    `SELECT coalesce(sum(quantity), 0)::int AS quantity FROM service_event
     WHERE voucher_content_id = $1 AND start_date BETWEEN $2 AND $3 AND approval <> 'rejected' AND deleted_at IS NULL AND id IS DISTINCT FROM $4`,
    [contentId, from, to, exceptEventId],
  );
  return quantity;
}

export async function updateEvent(
  tx: Tx,
  id: string,
  change: Pick<ServiceEvent, 'unitId' | 'startDate' | 'endDate' | 'quantity' | 'priceCents' | 'voucherValueCents' | 'ownShareCents' | 'approval' | 'note'>,
): Promise<void> {
  await tx.query(
    `UPDATE service_event SET unit_id = $2, start_date = $3, end_date = $4, quantity = $5, price_cents = $6, voucher_value_cents = $7, own_share_cents = $8, approval = $9, note = $10
     WHERE id = $1`,
    [id, change.unitId, change.startDate, change.endDate, change.quantity, change.priceCents, change.voucherValueCents, change.ownShareCents, change.approval, change.note],
  );
}

export async function completeEvents(tx: Tx, ids: readonly string[], actor: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE service_event SET status = 'complete', completed_by = $2, completed_at = now() WHERE id = ANY($1::uuid[]) AND status = 'incomplete' AND deleted_at IS NULL RETURNING id`,
    [ids, actor],
  );
  if (rows.length > 0) {
    await tx.query(`INSERT INTO record_log (subject_kind, subject_id, action, actor) SELECT 'event', id, 'completed', $2 FROM unnest($1::uuid[]) AS id`, [rows.map((row: { id: string }) => row.id), actor]);
  }
  return rows.length;
}

export async function deleteEvent(tx: Tx, id: string, actor: string): Promise<void> {
  await tx.query('UPDATE service_event SET deleted_by = $2, deleted_at = now() WHERE id = $1', [id, actor]);
}

export async function setApproval(tx: Tx, id: string, approval: Approval): Promise<void> {
  await tx.query('UPDATE service_event SET approval = $2 WHERE id = $1', [id, approval]);
}

export async function logRecord(tx: Tx, kind: 'event' | 'interruption', id: string, action: string, actor: string, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.query('INSERT INTO record_log (subject_kind, subject_id, action, actor, detail) VALUES ($1, $2, $3, $4, $5)', [kind, id, action, actor, JSON.stringify(detail)]);
}

export async function recordLog(tx: Tx, kind: 'event' | 'interruption', id: string): Promise<Array<{ action: string; actor: string; at: string; detail: unknown }>> {
  const rows = await tx.query<{ action: string; actor: string; at: Date; detail: unknown }>('SELECT action, actor, at, detail FROM record_log WHERE subject_kind = $1 AND subject_id = $2 ORDER BY id', [kind, id]);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

export async function eventOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string }>('SELECT organisation_id, provider_id FROM service_event WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}

// ---- decisions and credits -------------------------------------------------------------------------

export async function insertRecordDecision(tx: Tx, decision: { id: string; organisationId: string; eventId: string; decision: string; grounds: string }, actor: string): Promise<void> {
  await tx.query('INSERT INTO record_decision (id, organisation_id, event_id, decision, grounds, decided_by) VALUES ($1, $2, $3, $4, $5, $6)', [
    decision.id,
    decision.organisationId,
    decision.eventId,
    decision.decision,
    decision.grounds,
    actor,
  ]);
}

export async function listRecordDecisions(tx: Tx, eventId: string): Promise<Array<{ decision: string; grounds: string; decidedBy: string; decidedAt: string }>> {
  const rows = await tx.query<{ decision: string; grounds: string; decided_by: string; decided_at: Date }>('SELECT * FROM record_decision WHERE event_id = $1 ORDER BY decided_at', [eventId]);
  return rows.map((row) => ({ decision: row.decision, grounds: row.grounds, decidedBy: row.decided_by, decidedAt: row.decided_at.toISOString() }));
}

export interface Credit {
  id: string;
  providerId: string;
  eventId: string;
  amountCents: number;
  reason: string;
  deductInMonth: string;
  requestedBy: string;
  settlementId: string | null;
}

export async function insertCredit(tx: Tx, credit: Omit<Credit, 'settlementId' | 'requestedBy'> & { organisationId: string }, actor: string): Promise<void> {
  await tx.query('INSERT INTO credit (id, organisation_id, provider_id, event_id, amount_cents, reason, deduct_in_month, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    credit.id,
    credit.organisationId,
    credit.providerId,
    credit.eventId,
    credit.amountCents,
    credit.reason,
    credit.deductInMonth,
    actor,
  ]);
}

export async function findCreditOfEvent(tx: Tx, eventId: string): Promise<Credit | undefined> {
  const [row] = await tx.query<Credit>(
    `SELECT id, provider_id AS "providerId", event_id AS "eventId", amount_cents AS "amountCents", reason, deduct_in_month AS "deductInMonth",
            requested_by AS "requestedBy", settlement_id AS "settlementId" FROM credit WHERE event_id = $1`,
    [eventId],
  );
  return row;
}

// ---- interruptions ----------------------------------------------------------------------------------

export interface Interruption {
  id: string;
  organisationId: string;
  providerId: string;
  unitId: string;
  voucherId: string;
  voucherContentId: string;
  contentCode: string;
  reason: InterruptionReason;
  startDate: string;
  endDate: string | null;
  returned: boolean;
  status: 'incomplete' | 'complete';
  rule: InterruptionRule | null;
  days: Array<{ date: string; dayNumber: number; kind: string; percent: number }> | null;
  compensatedDays: number | null;
  uncompensatedDays: number | null;
  compensationCents: number | null;
  note: string | null;
  settlementId: string | null;
}

const INTERRUPTION_SELECT = `
  SELECT i.id, i.organisation_id AS "organisationId", i.provider_id AS "providerId", i.unit_id AS "unitId", i.voucher_id AS "voucherId",
         i.voucher_content_id AS "voucherContentId", vc.content_code AS "contentCode", i.reason, i.start_date AS "startDate", i.end_date AS "endDate",
         i.returned, i.status, i.rule, i.days, i.compensated_days AS "compensatedDays", i.uncompensated_days AS "uncompensatedDays",
         i.compensation_cents AS "compensationCents", i.note, i.settlement_id AS "settlementId"
  FROM interruption i JOIN voucher_content vc ON vc.id = i.voucher_content_id`;

export async function insertInterruption(
  tx: Tx,
  interruption: Pick<Interruption, 'id' | 'organisationId' | 'providerId' | 'unitId' | 'voucherId' | 'voucherContentId' | 'reason' | 'startDate' | 'endDate' | 'returned' | 'note'>,
  actor: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO interruption (id, organisation_id, provider_id, unit_id, voucher_id, voucher_content_id, reason, start_date, end_date, returned, status, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'incomplete', $11, $12)`,
    [interruption.id, interruption.organisationId, interruption.providerId, interruption.unitId, interruption.voucherId, interruption.voucherContentId, interruption.reason, interruption.startDate, interruption.endDate, interruption.returned, interruption.note, actor],
  );
  await logRecord(tx, 'interruption', interruption.id, 'recorded', actor);
}

export async function findInterruption(tx: Tx, id: string, forUpdate = false): Promise<Interruption | undefined> {
  const [row] = await tx.query<Interruption>(`${INTERRUPTION_SELECT} WHERE i.id = $1 AND i.deleted_at IS NULL${forUpdate ? ' FOR UPDATE OF i' : ''}`, [id]);
  return row;
}

export async function listVoucherInterruptions(tx: Tx, voucherId: string): Promise<Interruption[]> {
  return tx.query<Interruption>(`${INTERRUPTION_SELECT} WHERE i.voucher_id = $1 AND i.deleted_at IS NULL ORDER BY i.start_date`, [voucherId]);
}

/** Another interruption of the content overlapping the period (an open one runs on without end). */
export async function overlappingInterruption(tx: Tx, contentId: string, startDate: string, endDate: string | null, exceptId: string | null): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM interruption WHERE voucher_content_id = $1 AND deleted_at IS NULL AND id IS DISTINCT FROM $4
       AND daterange(start_date, end_date, '[]') && daterange($2::date, $3::date, '[]') LIMIT 1`,
    [contentId, startDate, endDate, exceptId],
  );
  return rows.length > 0;
}

export async function updateInterruptionEnd(tx: Tx, id: string, endDate: string | null, returned: boolean): Promise<void> {
  await tx.query('UPDATE interruption SET end_date = $2, returned = $3 WHERE id = $1', [id, endDate, returned]);
}

export async function completeInterruption(
  tx: Tx,
  id: string,
  result: { rule: InterruptionRule; days: unknown; compensatedDays: number; uncompensatedDays: number; compensationCents: number },
  actor: string,
): Promise<void> {
  await tx.query(
    `UPDATE interruption SET status = 'complete', rule = $2, days = $3, compensated_days = $4, uncompensated_days = $5, compensation_cents = $6, completed_by = $7, completed_at = now()
     WHERE id = $1`,
    [id, JSON.stringify(result.rule), JSON.stringify(result.days), result.compensatedDays, result.uncompensatedDays, result.compensationCents, actor],
  );
  await logRecord(tx, 'interruption', id, 'completed', actor, { compensationCents: result.compensationCents });
}

export async function deleteInterruption(tx: Tx, id: string, actor: string): Promise<void> {
  await tx.query('UPDATE interruption SET deleted_by = $2, deleted_at = now() WHERE id = $1', [id, actor]);
  await logRecord(tx, 'interruption', id, 'deleted', actor);
}

export async function interruptionOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string }>('SELECT organisation_id, provider_id FROM interruption WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}

// ---- automatic recording ----------------------------------------------------------------------------

export interface AutoRecordingRow {
  organisationId: string;
  providerId: string;
  voucherId: string;
  contentId: string;
  contentCode: string;
  serviceCode: string;
  unit: ServiceUnit;
  unitValueCents: number;
  continuingDaily: boolean;
  validFrom: string;
  validTo: string | null;
  latestUnitId: string | null;
  latestKind: 'event' | 'interruption' | null;
  latestOpen: boolean;
  recordedLastMonth: boolean;
  recordedThisMonth: boolean;
}

/** The facts automatic recording decides on, for every reserved content valid in the month. */
export async function autoRecordingCandidates(tx: Tx, organisationId: string, firstDay: string, lastDay: string, previousFirstDay: string): Promise<AutoRecordingRow[]> {
  return tx.query<AutoRecordingRow>(
    `WITH records AS (
       SELECT voucher_content_id, unit_id, 'event' AS kind, start_date, end_date, false AS open, recorded_at FROM service_event
        WHERE organisation_id = $1 AND deleted_at IS NULL AND approval <> 'rejected'
       UNION ALL
       SELECT voucher_content_id, unit_id, 'interruption', start_date, end_date, end_date IS NULL, recorded_at FROM interruption
        WHERE organisation_id = $1 AND deleted_at IS NULL)
     SELECT v.organisation_id AS "organisationId", r.provider_id AS "providerId", v.id AS "voucherId", vc.id AS "contentId", vc.content_code AS "contentCode",
            v.service_code AS "serviceCode", vc.unit, vc.unit_value_cents AS "unitValueCents", s.continuing_daily AS "continuingDaily",
            v.valid_from AS "validFrom", v.valid_to AS "validTo",
            latest.unit_id AS "latestUnitId", latest.kind AS "latestKind", coalesce(latest.open, false) AS "latestOpen",
            EXISTS (SELECT 1 FROM records x WHERE x.voucher_content_id = vc.id AND x.start_date < $3::date AND coalesce(x.end_date, 'infinity') >= $4::date) AS "recordedLastMonth",
            EXISTS (SELECT 1 FROM records x WHERE x.voucher_content_id = vc.id AND x.start_date <= $3::date AND coalesce(x.end_date, 'infinity') >= $2::date) AS "recordedThisMonth"
     FROM reservation r
     JOIN voucher_content vc ON vc.id = r.voucher_content_id
     JOIN voucher v ON v.id = vc.voucher_id
     JOIN voucher_service s ON s.organisation_id = v.organisation_id AND s.code = v.service_code
     LEFT JOIN LATERAL (SELECT x.unit_id, x.kind, x.open FROM records x WHERE x.voucher_content_id = vc.id ORDER BY x.start_date DESC, x.recorded_at DESC LIMIT 1) latest ON true
     WHERE v.organisation_id = $1 AND s.continuing_daily AND v.valid_from <= $3::date AND (v.valid_to IS NULL OR v.valid_to >= $2::date)`,
    [organisationId, firstDay, lastDay, previousFirstDay],
  );
}

/** Serialises automatic recording per organisation for the transaction. */
export async function lockAutoRecording(tx: Tx, organisationId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`voucher-auto-recording:${organisationId}`]);
}
