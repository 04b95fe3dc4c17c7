import type { DatedPriceList } from '@clientfees/domain';
import type { ResourceOwner, Tx } from '@clientfees/platform';

export interface PriceListRecord {
  id: string;
  organisationId: string;
  providerId: string;
  unitId: string | null;
  serviceCode: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  state: 'pending' | 'approved' | 'rejected';
  items: Array<{ contentCode: string; unitPriceCents: number }>;
  decidedBy: string | null;
  grounds: string | null;
}

interface PriceListRow {
  id: string;
  organisation_id: string;
  provider_id: string;
  unit_id: string | null;
  service_code: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  state: PriceListRecord['state'];
  decided_by: string | null;
  grounds: string | null;
  items: PriceListRecord['items'];
}

const SELECT = `SELECT l.*, coalesce((SELECT jsonb_agg(jsonb_build_object('contentCode', i.content_code, 'unitPriceCents', i.unit_price_cents) ORDER BY i.content_code)
                 FROM price_list_item i WHERE i.price_list_id = l.id), '[]') AS items FROM price_list l`;

const rowToList = (row: PriceListRow): PriceListRecord => ({
  id: row.id,
  organisationId: row.organisation_id,
  providerId: row.provider_id,
  unitId: row.unit_id,
  serviceCode: row.service_code,
  name: row.name,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  state: row.state,
  items: row.items,
  decidedBy: row.decided_by,
  grounds: row.grounds,
});

export async function insertPriceList(tx: Tx, list: Omit<PriceListRecord, 'validTo' | 'state' | 'decidedBy' | 'grounds'>, actor: string): Promise<void> {
  await tx.query(
    `INSERT INTO price_list (id, organisation_id, provider_id, unit_id, service_code, name, valid_from, state, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8)`,
    [list.id, list.organisationId, list.providerId, list.unitId, list.serviceCode, list.name, list.validFrom, actor],
  );
  await tx.query(
    `INSERT INTO price_list_item (price_list_id, content_code, unit_price_cents) SELECT $1, i."contentCode", i."unitPriceCents" FROM jsonb_to_recordset($2::jsonb) AS i("contentCode" text, "unitPriceCents" bigint)`,
    [list.id, JSON.stringify(list.items)],
  );
}

export async function findPriceList(tx: Tx, id: string): Promise<PriceListRecord | undefined> {
  const [row] = await tx.query<PriceListRow>(`${SELECT} WHERE l.id = $1`, [id]);
  return row ? rowToList(row) : undefined;
}

export async function listPriceLists(tx: Tx, providerId: string): Promise<PriceListRecord[]> {
  return (await tx.query<PriceListRow>(`${SELECT} WHERE l.provider_id = $1 ORDER BY l.service_code, l.unit_id NULLS FIRST, l.valid_from`, [providerId])).map(rowToList);
}

/** The provider's approved lists of the service, locked so that two approvals never interleave. */
export async function lockApprovedLists(tx: Tx, providerId: string, serviceCode: string): Promise<PriceListRecord[]> {
  await tx.query(`SELECT id FROM price_list WHERE provider_id = $1 AND service_code = $2 FOR UPDATE`, [providerId, serviceCode]);
  return (await tx.query<PriceListRow>(`${SELECT} WHERE l.provider_id = $1 AND l.service_code = $2 AND l.state = 'approved'`, [providerId, serviceCode])).map(rowToList);
}

/** The derived end of an approved list (the day before the next list of its unit); its prices never change. */
export async function setValidTo(tx: Tx, id: string, validTo: string | null): Promise<void> {
  await tx.query('UPDATE price_list SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

export async function decidePriceList(tx: Tx, id: string, decision: { state: 'approved' | 'rejected'; validTo: string | null; actor: string; grounds: string }): Promise<void> {
  await tx.query(`UPDATE price_list SET state = $2, valid_to = $3, decided_by = $4, decided_at = now(), grounds = $5 WHERE id = $1 AND state = 'pending'`, [
    id,
    decision.state,
    decision.validTo,
    decision.actor,
    decision.grounds,
  ]);
}

/** The approved lists of a provider's service with the price of one content: what values its events. */

export async function priceListOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string }>('SELECT organisation_id, provider_id FROM price_list WHERE id = $1', [id]);
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}

/** An approved price list's price for one content (null: the list does not price it). */
export interface ContentPrice extends DatedPriceList {
  providerId: string;
  serviceCode: string;
  contentCode: string;
  unitPriceCents: number | null;
}

/** Every approved list's price of every content of its service, for the organisation (or one provider). */
export async function approvedContentPrices(tx: Tx, organisationId: string, providerId?: string): Promise<ContentPrice[]> {
  return tx.query<ContentPrice>(
    `SELECT l.id, l.provider_id AS "providerId", l.service_code AS "serviceCode", c.code AS "contentCode", l.unit_id AS "unitId",
            l.valid_from AS "validFrom", i.unit_price_cents AS "unitPriceCents"
     FROM price_list l
     JOIN service_content c ON c.organisation_id = l.organisation_id AND c.service_code = l.service_code
     LEFT JOIN price_list_item i ON i.price_list_id = l.id AND i.content_code = c.code
     WHERE l.organisation_id = $1 AND l.state = 'approved' AND ($2::text IS NULL OR l.provider_id = $2)`,
    [organisationId, providerId ?? null],
  );
}

export async function countApprovedLists(tx: Tx, providerId: string, serviceCode: string): Promise<number> {
  const [{ lists }] = await tx.query<{ lists: number }>(`SELECT count(*)::int AS lists FROM price_list WHERE provider_id = $1 AND service_code = $2 AND state = 'approved'`, [providerId, serviceCode]);
  return lists;
}
