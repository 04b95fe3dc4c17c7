import type { GrantPeriod, ServiceUnit, VoucherState } from '@clientfees/domain';
import type { ResourceOwner, Tx } from '@clientfees/platform';

export interface VoucherContent {
  id: string;
  contentCode: string;
  unit: ServiceUnit;
  unitValueCents: number;
  grantedQuantity: number | null;
  grantedPer: GrantPeriod | null;
  reservation: { id: string; providerId: string; unitId: string; reservedBy: string; reservedAt: string } | null;
}

export interface VoucherRecord {
  id: string;
  organisationId: string;
  number: string;
  client: { clientId: string; clientNumber: string; name: string; dateOfDeath: string | null };
  serviceCode: string;
  validFrom: string;
  validTo: string | null;
  state: VoucherState;
  closedReason: string | null;
  contents: VoucherContent[];
}

interface VoucherRow {
  id: string;
  organisation_id: string;
  number: string;
  client_id: string;
  client_number: string;
  client_name: string;
  date_of_death: string | null;
  service_code: string;
  valid_from: string;
  valid_to: string | null;
  state: VoucherState;
  closed_reason: string | null;
  contents: VoucherContent[];
}

const SELECT = `
  SELECT v.*, c.client_number, c.name AS client_name, c.date_of_death,
    coalesce((SELECT jsonb_agg(jsonb_build_object(
        'id', vc.id, 'contentCode', vc.content_code, 'unit', vc.unit, 'unitValueCents', vc.unit_value_cents,
        'grantedQuantity', vc.granted_quantity, 'grantedPer', vc.granted_per,
        'reservation', CASE WHEN r.id IS NULL THEN NULL ELSE jsonb_build_object('id', r.id, 'providerId', r.provider_id, 'unitId', r.unit_id,
                                                                                    'reservedBy', r.reserved_by, 'reservedAt', r.reserved_at) END)
      ORDER BY vc.content_code)
      FROM voucher_content vc LEFT JOIN reservation r ON r.voucher_content_id = vc.id WHERE vc.voucher_id = v.id), '[]') AS contents
  FROM voucher v JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id`;

const rowToVoucher = (row: VoucherRow): VoucherRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  number: row.number,
  client: { clientId: row.client_id, clientNumber: row.client_number, name: row.client_name, dateOfDeath: row.date_of_death },
  serviceCode: row.service_code,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  state: row.state,
  closedReason: row.closed_reason,
  contents: row.contents,
});

export async function upsertClient(tx: Tx, client: { organisationId: string; clientId: string; clientNumber: string; name: string }): Promise<void> {
  await tx.query(
    `INSERT INTO voucher_client (organisation_id, client_id, client_number, name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, client_id) DO UPDATE SET client_number = $3, name = $4`,
    [client.organisationId, client.clientId, client.clientNumber, client.name],
  );
}

export async function insertVoucher(
  tx: Tx,
  voucher: { id: string; organisationId: string; number: string; clientId: string; serviceCode: string; validFrom: string; validTo: string | null },
  contents: Array<{ id: string; contentCode: string; unit: ServiceUnit; unitValueCents: number; grantedQuantity: number | null; grantedPer: GrantPeriod | null }>,
  actor: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO voucher (id, organisation_id, number, client_id, service_code, valid_from, valid_to, state, granted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'granted', $8)`,
    [voucher.id, voucher.organisationId, voucher.number, voucher.clientId, voucher.serviceCode, voucher.validFrom, voucher.validTo, actor],
  );
  await tx.query(
    `INSERT INTO voucher_content (id, voucher_id, content_code, unit, unit_value_cents, granted_quantity, granted_per)
     SELECT c.id, $1, c."contentCode", c.unit, c."unitValueCents", c."grantedQuantity", c."grantedPer"
     FROM jsonb_to_recordset($2::jsonb) AS c(id uuid, "contentCode" text, unit text, "unitValueCents" bigint, "grantedQuantity" integer, "grantedPer" text)`,
    [voucher.id, JSON.stringify(contents)],
  );
}

export async function findVoucher(tx: Tx, id: string): Promise<VoucherRecord | undefined> {
  const [row] = await tx.query<VoucherRow>(`${SELECT} WHERE v.id = $1`, [id]);
  return row ? rowToVoucher(row) : undefined;
}

export async function findVoucherByNumber(tx: Tx, organisationId: string, number: string): Promise<VoucherRecord | undefined> {
  const [row] = await tx.query<VoucherRow>(`${SELECT} WHERE v.organisation_id = $1 AND v.number = $2`, [organisationId, number]);
  return row ? rowToVoucher(row) : undefined;
}

/** The organisation's vouchers; a provider's list holds only those it has reserved. */
export async function listVouchers(tx: Tx, organisationId: string, filter: { providerId?: string; clientId?: string; limit: number; offset: number }): Promise<VoucherRecord[]> {
  const rows = await tx.query<VoucherRow>(
    `${SELECT} WHERE v.organisation_id = $1
       AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM reservation r WHERE r.voucher_id = v.id AND r.provider_id = $2))
       AND ($3::text IS NULL OR v.client_id = $3)
     ORDER BY v.number LIMIT $4 OFFSET $5`,
    [organisationId, filter.providerId ?? null, filter.clientId ?? null, filter.limit, filter.offset],
  );
  return rows.map(rowToVoucher);
}

/** A voucher belongs to its organisation and to the provider that reserved it (none before). */
export async function voucherOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string | null }>(
    'SELECT v.organisation_id, (SELECT r.provider_id FROM reservation r WHERE r.voucher_id = v.id LIMIT 1) AS provider_id FROM voucher v WHERE v.id = $1',
    [id],
  );
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}

export async function insertReservation(tx: Tx, reservation: { id: string; voucherId: string; contentId: string; providerId: string; unitId: string; note: string | null }, actor: string): Promise<void> {
  await tx.query(
    'INSERT INTO reservation (id, voucher_content_id, voucher_id, provider_id, unit_id, note, reserved_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [reservation.id, reservation.contentId, reservation.voucherId, reservation.providerId, reservation.unitId, reservation.note, actor],
  );
}

/** Granted → open: something is charged to it (seed 003 §4.3.1). */
export async function markVoucherOpen(tx: Tx, voucherId: string): Promise<void> {
  await tx.query(`UPDATE voucher SET state = 'open' WHERE id = $1 AND state = 'granted'`, [voucherId]);
}

export async function recordClientDeath(tx: Tx, organisationId: string, clientId: string, dateOfDeath: string, actor: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE voucher_client SET date_of_death = $3, death_recorded_by = $4, death_recorded_at = now()
     WHERE organisation_id = $1 AND client_id = $2 RETURNING client_id`,
    [organisationId, clientId, dateOfDeath, actor],
  );
  return rows.length > 0;
}

export async function clientVouchers(tx: Tx, organisationId: string, clientId: string): Promise<Array<{ id: string; validTo: string | null; state: VoucherState }>> {
  return tx.query(`SELECT id, valid_to AS "validTo", state FROM voucher WHERE organisation_id = $1 AND client_id = $2 FOR UPDATE`, [organisationId, clientId]);
}

export async function closeVoucher(tx: Tx, id: string, validTo: string, reason: string): Promise<void> {
  await tx.query(`UPDATE voucher SET state = 'closed', valid_to = $2, closed_reason = $3 WHERE id = $1`, [id, validTo, reason]);
}
