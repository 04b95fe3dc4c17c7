import type { Tx } from '@clientfees/platform';
import type { Country, Currency, InterruptionRule, RequiredAttachment, ServiceUnit } from '@clientfees/domain';

/** What provider settlement keeps of an organisation (ADR 0022): its payer account and calendar. */
export interface SettlementOrganisation {
  id: string;
  name: string;
  country: Country;
  currency: Currency;
  timeZone: string;
  payerName: string;
  payerIban: string;
  payerBic: string;
  payerBusinessId: string | null;
  paymentTermDays: number;
}

interface OrganisationRow {
  id: string;
  name: string;
  country: Country;
  currency: Currency;
  time_zone: string;
  payer_name: string;
  payer_iban: string;
  payer_bic: string;
  payer_business_id: string | null;
  payment_term_days: number;
}

const rowToOrganisation = (row: OrganisationRow): SettlementOrganisation => ({
  id: row.id,
  name: row.name,
  country: row.country,
  currency: row.currency,
  timeZone: row.time_zone,
  payerName: row.payer_name,
  payerIban: row.payer_iban,
  payerBic: row.payer_bic,
  payerBusinessId: row.payer_business_id,
  paymentTermDays: row.payment_term_days,
});

export async function upsertOrganisation(tx: Tx, organisation: SettlementOrganisation, actor: string): Promise<void> {
  await tx.query(
    `INSERT INTO settlement_organisation (id, name, country, currency, time_zone, payer_name, payer_iban, payer_bic, payer_business_id, payment_term_days, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO UPDATE SET name = $2, country = $3, currency = $4, time_zone = $5, payer_name = $6, payer_iban = $7, payer_bic = $8,
       payer_business_id = $9, payment_term_days = $10, updated_by = $11, updated_at = now()`,
    [organisation.id, organisation.name, organisation.country, organisation.currency, organisation.timeZone, organisation.payerName, organisation.payerIban, organisation.payerBic, organisation.payerBusinessId, organisation.paymentTermDays, actor],
  );
}

export async function findOrganisation(tx: Tx, id: string): Promise<SettlementOrganisation | undefined> {
  const [row] = await tx.query<OrganisationRow>('SELECT * FROM settlement_organisation WHERE id = $1', [id]);
  return row ? rowToOrganisation(row) : undefined;
}

export async function listOrganisations(tx: Tx): Promise<SettlementOrganisation[]> {
  return (await tx.query<OrganisationRow>('SELECT * FROM settlement_organisation ORDER BY id')).map(rowToOrganisation);
}

export interface VoucherServiceDefinition {
  code: string;
  name: string;
  /** Housing: continuing daily service with automatic recording and interruptions. */
  continuingDaily: boolean;
  contents: Array<{ code: string; name: string; unit: ServiceUnit }>;
  requiredAttachments: Array<RequiredAttachment & { description: string }>;
}

/** Defines or redefines a service; contents and attachments are replaced by the given lists. */
export async function upsertVoucherService(tx: Tx, organisationId: string, service: VoucherServiceDefinition): Promise<void> {
  await tx.query(
    `INSERT INTO voucher_service (organisation_id, code, name, continuing_daily) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, code) DO UPDATE SET name = $3, continuing_daily = $4`,
    [organisationId, service.code, service.name, service.continuingDaily],
  );
  await tx.query(
    `INSERT INTO service_content (organisation_id, service_code, code, name, unit)
     SELECT $1, $2, c.code, c.name, c.unit FROM jsonb_to_recordset($3::jsonb) AS c(code text, name text, unit text)
     ON CONFLICT (organisation_id, service_code, code) DO UPDATE SET name = excluded.name, unit = excluded.unit`,
    [organisationId, service.code, JSON.stringify(service.contents)],
  );
  await tx.query('DELETE FROM required_attachment WHERE organisation_id = $1 AND service_code = $2', [organisationId, service.code]);
  await tx.query(
    `INSERT INTO required_attachment (organisation_id, service_code, kind, level, description)
     SELECT $1, $2, a.kind, a.level, a.description FROM jsonb_to_recordset($3::jsonb) AS a(kind text, level text, description text)`,
    [organisationId, service.code, JSON.stringify(service.requiredAttachments)],
  );
}

export async function listVoucherServices(tx: Tx, organisationId: string): Promise<VoucherServiceDefinition[]> {
  const rows = await tx.query<{ code: string; name: string; continuing_daily: boolean; contents: VoucherServiceDefinition['contents']; attachments: VoucherServiceDefinition['requiredAttachments'] }>(
    `SELECT s.code, s.name, s.continuing_daily,
       coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name, 'unit', c.unit) ORDER BY c.code) FROM service_content c
                 WHERE c.organisation_id = s.organisation_id AND c.service_code = s.code), '[]') AS contents,
       coalesce((SELECT jsonb_agg(jsonb_build_object('kind', a.kind, 'level', a.level, 'description', a.description) ORDER BY a.level, a.kind) FROM required_attachment a
                 WHERE a.organisation_id = s.organisation_id AND a.service_code = s.code), '[]') AS attachments
     FROM voucher_service s WHERE s.organisation_id = $1 ORDER BY s.code`,
    [organisationId],
  );
  return rows.map((row) => ({ code: row.code, name: row.name, continuingDaily: row.continuing_daily, contents: row.contents, requiredAttachments: row.attachments }));
}

export async function findVoucherService(tx: Tx, organisationId: string, code: string): Promise<VoucherServiceDefinition | undefined> {
  return (await listVoucherServices(tx, organisationId)).find((service) => service.code === code);
}

export interface StoredInterruptionRule extends InterruptionRule {
  id: string;
  organisationId: string;
}

export async function insertInterruptionRule(tx: Tx, id: string, organisationId: string, rule: InterruptionRule, actor: string): Promise<void> {
  await tx.query(
    `INSERT INTO interruption_rule (id, organisation_id, service_code, reason, valid_from, bands, return_day_percent, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, organisationId, rule.serviceCode, rule.reason, rule.validFrom, JSON.stringify(rule.bands), rule.returnDayPercent, actor],
  );
}

export async function listInterruptionRules(tx: Tx, organisationId: string): Promise<StoredInterruptionRule[]> {
  const rows = await tx.query<{ id: string; organisation_id: string; service_code: string | null; reason: InterruptionRule['reason']; valid_from: string; bands: InterruptionRule['bands']; return_day_percent: number }>(
    'SELECT * FROM interruption_rule WHERE organisation_id = $1 ORDER BY valid_from, service_code NULLS FIRST, reason NULLS FIRST',
    [organisationId],
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    serviceCode: row.service_code,
    reason: row.reason,
    validFrom: row.valid_from,
    bands: row.bands,
    returnDayPercent: row.return_day_percent,
  }));
}

/** The organisation's inbox: reminders and notices for its staff (providerId null) or one provider. */
export async function addNotification(tx: Tx, notice: { organisationId: string; providerId: string | null; audience: string; subjectKind: string; subjectId: string; message: string }): Promise<void> {
  await tx.query(
    'INSERT INTO notification (organisation_id, provider_id, audience, subject_kind, subject_id, message) VALUES ($1, $2, $3, $4, $5, $6)',
    [notice.organisationId, notice.providerId, notice.audience, notice.subjectKind, notice.subjectId, notice.message],
  );
}

export interface NotificationView {
  id: number;
  providerId: string | null;
  audience: string;
  subjectKind: string;
  subjectId: string;
  message: string;
  createdAt: string;
}

export async function listNotifications(tx: Tx, organisationId: string, providerId: string | null, limit: number): Promise<NotificationView[]> {
  const rows = await tx.query<{ id: number; provider_id: string | null; audience: string; subject_kind: string; subject_id: string; message: string; created_at: Date }>(
    `SELECT * FROM notification WHERE organisation_id = $1 AND provider_id IS NOT DISTINCT FROM $2 ORDER BY id DESC LIMIT $3`,
    [organisationId, providerId, limit],
  );
  return rows.map((row) => ({ id: row.id, providerId: row.provider_id, audience: row.audience, subjectKind: row.subject_kind, subjectId: row.subject_id, message: row.message, createdAt: row.created_at.toISOString() }));
}
