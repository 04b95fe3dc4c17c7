import { nextPeriod } from '@clientfees/domain';
import type { ResourceOwner, Tx } from '@clientfees/platform';

/**
 * The monthly settlement (tilitys): one row per organisation and month; once settled, the month
 * is locked and everything it paid points at it.
 */
export interface SettlementRecord {
  id: string;
  organisationId: string;
  month: string;
  state: 'open' | 'settled';
  settledOn: string | null;
  paymentDate: string | null;
  paymentFileId: string | null;
}

const SETTLEMENT_SELECT = `SELECT id, organisation_id AS "organisationId", month, state, settled_on AS "settledOn", payment_date AS "paymentDate", payment_file_id AS "paymentFileId" FROM settlement`;

/** The first month not yet settled, or null while nothing is (every month is open). */
export async function firstOpenMonth(tx: Tx, organisationId: string): Promise<string | null> {
  const [row] = await tx.query<{ month: string | null }>(`SELECT max(month) AS month FROM settlement WHERE organisation_id = $1 AND state = 'settled'`, [organisationId]);
  return row?.month ? nextPeriod(row.month) : null;
}

export async function openSettlement(tx: Tx, id: string, organisationId: string, month: string): Promise<SettlementRecord> {
  await tx.query(`INSERT INTO settlement (id, organisation_id, month, state) VALUES ($1, $2, $3, 'open') ON CONFLICT (organisation_id, month) DO NOTHING`, [id, organisationId, month]);
  const [row] = await tx.query<SettlementRecord>(`${SETTLEMENT_SELECT} WHERE organisation_id = $1 AND month = $2`, [organisationId, month]);
  return row;
}

export async function findSettlement(tx: Tx, id: string, forUpdate = false): Promise<SettlementRecord | undefined> {
  const [row] = await tx.query<SettlementRecord>(`${SETTLEMENT_SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

/** The organisation's settlements; with a provider, only those that settled something of its own. */
export async function listSettlements(tx: Tx, organisationId: string, providerId?: string): Promise<SettlementRecord[]> {
  return tx.query<SettlementRecord>(
    `${SETTLEMENT_SELECT} WHERE organisation_id = $1
       AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM provider_settlement ps WHERE ps.settlement_id = settlement.id AND ps.provider_id = $2))
     ORDER BY month DESC`,
    [organisationId, providerId ?? null],
  );
}

/**
 * A settlement holds every provider's totals, accounts and the payment file: it is the
 * municipality's own (no provider), so a provider user never finds it (ADR 0004).
 */
export async function settlementOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string }>('SELECT organisation_id FROM settlement WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: null } : undefined;
}

/** An event or interruption not yet paid that may be due: what settlement decides on. */
export interface SettlementCandidate {
  kind: 'event' | 'interruption';
  id: string;
  providerId: string;
  unitId: string;
  voucherNumber: string;
  clientNumber: string;
  contentCode: string;
  startDate: string;
  endDate: string | null;
  quantity: number | null;
  amountCents: number | null;
  status: 'incomplete' | 'complete';
  approval: 'not-needed' | 'pending' | 'approved' | 'rejected';
}

/** Unpaid events and interruptions that end by `lastDay` (or have no end yet). */
export async function settlementCandidates(tx: Tx, organisationId: string, lastDay: string): Promise<SettlementCandidate[]> {
  return tx.query<SettlementCandidate>(
    `SELECT 'event' AS kind, e.id, e.provider_id AS "providerId", e.unit_id AS "unitId", v.number AS "voucherNumber", c.client_number AS "clientNumber",
            vc.content_code AS "contentCode", e.start_date AS "startDate", e.end_date AS "endDate", e.quantity, e.voucher_value_cents AS "amountCents",
            e.status, e.approval
     FROM service_event e JOIN voucher v ON v.id = e.voucher_id JOIN voucher_content vc ON vc.id = e.voucher_content_id
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id
     WHERE e.organisation_id = $1 AND e.settlement_id IS NULL AND e.deleted_at IS NULL AND e.end_date <= $2
     UNION ALL
     SELECT 'interruption', i.id, i.provider_id, i.unit_id, v.number, c.client_number, vc.content_code, i.start_date, i.end_date, i.compensated_days,
            i.compensation_cents, i.status, 'not-needed'
     FROM interruption i JOIN voucher v ON v.id = i.voucher_id JOIN voucher_content vc ON vc.id = i.voucher_content_id
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id
     WHERE i.organisation_id = $1 AND i.settlement_id IS NULL AND i.deleted_at IS NULL AND (i.end_date IS NULL OR i.end_date <= $2)`,
    [organisationId, lastDay],
  );
}

export interface DueCredit {
  id: string;
  providerId: string;
  eventId: string;
  amountCents: number;
  voucherNumber: string;
  clientNumber: string;
  contentCode: string;
  startDate: string;
  endDate: string;
}

/** Credit requests to deduct in `month` (or earlier ones not yet deducted). */
export async function dueCredits(tx: Tx, organisationId: string, month: string): Promise<DueCredit[]> {
  return tx.query<DueCredit>(
    `SELECT cr.id, cr.provider_id AS "providerId", cr.event_id AS "eventId", cr.amount_cents AS "amountCents", v.number AS "voucherNumber",
            c.client_number AS "clientNumber", vc.content_code AS "contentCode", e.start_date AS "startDate", e.end_date AS "endDate"
     FROM credit cr JOIN service_event e ON e.id = cr.event_id JOIN voucher v ON v.id = e.voucher_id JOIN voucher_content vc ON vc.id = e.voucher_content_id
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id
     WHERE cr.organisation_id = $1 AND cr.settlement_id IS NULL AND cr.deduct_in_month <= $2`,
    [organisationId, month],
  );
}

/** What each provider's latest settlement carried to the next one. */
export async function carriedAmounts(tx: Tx, organisationId: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ provider_id: string; carried_out_cents: number }>(
    `SELECT DISTINCT ON (ps.provider_id) ps.provider_id, ps.carried_out_cents
     FROM provider_settlement ps JOIN settlement s ON s.id = ps.settlement_id
     WHERE s.organisation_id = $1 AND s.state = 'settled' ORDER BY ps.provider_id, s.month DESC`,
    [organisationId],
  );
  return new Map(rows.map((row) => [row.provider_id, row.carried_out_cents]));
}

export interface ProviderPayee {
  providerId: string;
  name: string;
  businessId: string;
  iban: string | null;
  bic: string | null;
}

/** The organisation's providers with the bank account in force now. */
export async function payees(tx: Tx, organisationId: string): Promise<ProviderPayee[]> {
  return tx.query<ProviderPayee>(
    `SELECT p.id AS "providerId", p.name, p.business_id AS "businessId", a.iban, a.bic
     FROM provider p LEFT JOIN LATERAL (SELECT iban, bic FROM provider_bank_account b WHERE b.provider_id = p.id ORDER BY b.id DESC LIMIT 1) a ON true
     WHERE p.organisation_id = $1`,
    [organisationId],
  );
}

export interface SettlementLine {
  providerId: string;
  kind: 'event' | 'interruption' | 'credit';
  itemId: string;
  voucherNumber: string;
  clientNumber: string;
  contentCode: string;
  unitId: string | null;
  startDate: string | null;
  endDate: string | null;
  quantity: number | null;
  amountCents: number;
}

export interface ProviderSettlementRow {
  providerId: string;
  eventsCents: number;
  interruptionsCents: number;
  creditsCents: number;
  carriedInCents: number;
  totalCents: number;
  payableCents: number;
  carriedOutCents: number;
  iban: string | null;
  bic: string | null;
}

/**
 * Writes the month's settlement in one go: its lines, each provider's totals, the paid items
 * pointing at it, and the settlement itself settled with its payment file.
 */
export async function storeSettlement(
  tx: Tx,
  settlementId: string,
  content: { lines: SettlementLine[]; providers: ProviderSettlementRow[]; settledOn: string; paymentDate: string; paymentFileId: string | null; paymentFile: string | null },
): Promise<void> {
  const lines = JSON.stringify(content.lines);
  await tx.query(
    `INSERT INTO settlement_line (settlement_id, provider_id, kind, item_id, voucher_number, client_number, content_code, unit_id, start_date, end_date, quantity, amount_cents)
     SELECT $1, l."providerId", l.kind, l."itemId", l."voucherNumber", l."clientNumber", l."contentCode", l."unitId", l."startDate", l."endDate", l.quantity, l."amountCents"
     FROM jsonb_to_recordset($2::jsonb) AS l("providerId" text, kind text, "itemId" uuid, "voucherNumber" text, "clientNumber" text, "contentCode" text, "unitId" uuid,
                                             "startDate" date, "endDate" date, quantity integer, "amountCents" bigint)`,
    [settlementId, lines],
  );
  for (const [kind, table] of [['event', 'service_event'], ['interruption', 'interruption'], ['credit', 'credit']] as const) {
    await tx.query(`UPDATE ${table} t SET settlement_id = $1 FROM settlement_line l WHERE l.settlement_id = $1 AND l.kind = $2 AND t.id = l.item_id`, [settlementId, kind]);
  }
  await tx.query(
    `INSERT INTO provider_settlement (settlement_id, provider_id, events_cents, interruptions_cents, credits_cents, carried_in_cents, total_cents, payable_cents, carried_out_cents, iban, bic)
     SELECT $1, p."providerId", p."eventsCents", p."interruptionsCents", p."creditsCents", p."carriedInCents", p."totalCents", p."payableCents", p."carriedOutCents", p.iban, p.bic
     FROM jsonb_to_recordset($2::jsonb) AS p("providerId" text, "eventsCents" bigint, "interruptionsCents" bigint, "creditsCents" bigint, "carriedInCents" bigint,
                                             "totalCents" bigint, "payableCents" bigint, "carriedOutCents" bigint, iban text, bic text)`,
    [settlementId, JSON.stringify(content.providers)],
  );
  await tx.query(
    `UPDATE settlement SET state = 'settled', settled_at = now(), settled_on = $2, payment_date = $3, payment_file_id = $4, payment_file = $5 WHERE id = $1`,
    [settlementId, content.settledOn, content.paymentDate, content.paymentFileId, content.paymentFile],
  );
}

export async function providerSettlements(tx: Tx, settlementId: string, providerId?: string): Promise<Array<ProviderSettlementRow & { name: string }>> {
  return tx.query(
    `SELECT ps.provider_id AS "providerId", p.name, ps.events_cents AS "eventsCents", ps.interruptions_cents AS "interruptionsCents", ps.credits_cents AS "creditsCents",
            ps.carried_in_cents AS "carriedInCents", ps.total_cents AS "totalCents", ps.payable_cents AS "payableCents", ps.carried_out_cents AS "carriedOutCents",
            ps.iban, ps.bic
     FROM provider_settlement ps JOIN provider p ON p.id = ps.provider_id WHERE ps.settlement_id = $1 AND ($2::text IS NULL OR ps.provider_id = $2) ORDER BY p.name`,
    [settlementId, providerId ?? null],
  );
}

export async function settlementLines(tx: Tx, settlementId: string, providerId: string): Promise<SettlementLine[]> {
  return tx.query<SettlementLine>(
    `SELECT provider_id AS "providerId", kind, item_id AS "itemId", voucher_number AS "voucherNumber", client_number AS "clientNumber", content_code AS "contentCode",
            unit_id AS "unitId", start_date AS "startDate", end_date AS "endDate", quantity, amount_cents AS "amountCents"
     FROM settlement_line WHERE settlement_id = $1 AND provider_id = $2 ORDER BY kind, voucher_number, start_date`,
    [settlementId, providerId],
  );
}

export async function paymentFileOf(tx: Tx, settlementId: string): Promise<{ paymentFileId: string | null; paymentFile: string | null } | undefined> {
  const [row] = await tx.query<{ paymentFileId: string | null; paymentFile: string | null }>('SELECT payment_file_id AS "paymentFileId", payment_file AS "paymentFile" FROM settlement WHERE id = $1', [settlementId]);
  return row;
}

/** The settlements that paid or carried something for a provider, newest first. */
export async function settlementsOfProvider(tx: Tx, providerId: string): Promise<Array<SettlementRecord & ProviderSettlementRow>> {
  return tx.query(
    `SELECT s.id, s.organisation_id AS "organisationId", s.month, s.state, s.settled_on AS "settledOn", s.payment_date AS "paymentDate", s.payment_file_id AS "paymentFileId",
            ps.provider_id AS "providerId", ps.events_cents AS "eventsCents", ps.interruptions_cents AS "interruptionsCents", ps.credits_cents AS "creditsCents",
            ps.carried_in_cents AS "carriedInCents", ps.total_cents AS "totalCents", ps.payable_cents AS "payableCents", ps.carried_out_cents AS "carriedOutCents",
            ps.iban, ps.bic
     FROM provider_settlement ps JOIN settlement s ON s.id = ps.settlement_id WHERE ps.provider_id = $1 ORDER BY s.month DESC`,
    [providerId],
  );
}

export async function markApproversReminded(tx: Tx, settlementId: string): Promise<void> {
  await tx.query('UPDATE settlement SET approver_reminded_at = now() WHERE id = $1', [settlementId]);
}

export async function markProvidersReminded(tx: Tx, settlementId: string): Promise<void> {
  await tx.query('UPDATE settlement SET providers_reminded_at = now() WHERE id = $1', [settlementId]);
}

/** Providers with incomplete events that end in the month, and how many. */
export async function unconfirmedByProvider(tx: Tx, organisationId: string, firstDay: string, lastDay: string): Promise<Array<{ providerId: string; events: number }>> {
  return tx.query(
    `SELECT provider_id AS "providerId", count(*)::int AS events FROM service_event
     WHERE organisation_id = $1 AND status = 'incomplete' AND deleted_at IS NULL AND settlement_id IS NULL AND end_date BETWEEN $2 AND $3
     GROUP BY provider_id ORDER BY provider_id`,
    [organisationId, firstDay, lastDay],
  );
}

export async function pendingApprovalCount(tx: Tx, organisationId: string, lastDay: string): Promise<number> {
  const [{ count }] = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM service_event WHERE organisation_id = $1 AND approval = 'pending' AND deleted_at IS NULL AND end_date <= $2`,
    [organisationId, lastDay],
  );
  return count;
}
