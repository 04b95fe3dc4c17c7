import { type Currency, Money, type PriceListItem } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export const PRICE_UNITS: readonly PriceListItem['unit'][] = ['hour', 'piece', 'day'];

/** One dated price of an item of the organisation's price list (hinnasto / prislista). */
export interface PriceListRecord {
  id: string;
  organisationId: string;
  /** As the calculation reads it, the price as a decimal string in the organisation's currency. */
  item: PriceListItem;
  validFrom: string;
  validTo: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The columns the calculation reads. */
export interface PriceListColumns {
  code: string;
  name: string;
  unit: PriceListItem['unit'];
  price_cents: number;
  piece_priced: boolean;
  affects_maximum_fee: boolean;
}

interface PriceListRow extends PriceListColumns {
  id: string;
  organisation_id: string;
  valid_from: string;
  valid_to: string | null;
  created_by: string;
  created_at: Date;
  currency: Currency;
}

export function rowToPriceListItem(row: PriceListColumns, currency: Currency): PriceListItem {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    price: Money.ofMinor(row.price_cents, currency).toDecimalString(),
    piecePriced: row.piece_priced,
    affectsMaximumFee: row.affects_maximum_fee,
  };
}

function rowToRecord(row: PriceListRow): PriceListRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    item: rowToPriceListItem(row, row.currency),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const SELECT_ITEM = `SELECT p.*, o.currency FROM price_list_item p JOIN organisation o ON o.id = p.organisation_id`;

/** The open price of an item code (no end yet), locked until the transaction ends. */
export async function lockOpenPrice(tx: Tx, organisationId: string, code: string): Promise<{ id: string; validFrom: string } | null> {
  const [row] = await tx.query<{ id: string; valid_from: string }>(
    'SELECT id, valid_from FROM price_list_item WHERE organisation_id = $1 AND code = $2 AND valid_to IS NULL FOR UPDATE',
    [organisationId, code],
  );
  return row ? { id: row.id, validFrom: row.valid_from } : null;
}

export async function endPrice(tx: Tx, id: string, validTo: string): Promise<void> {
  await tx.query('UPDATE price_list_item SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

/** Overlapping prices of one code are refused by the table's exclusion constraint. */
export async function insertPrice(
  tx: Tx,
  price: { id: string; organisationId: string; code: string; name: string; unit: PriceListItem['unit']; priceCents: number; piecePriced: boolean; affectsMaximumFee: boolean; validFrom: string; createdBy: string },
): Promise<void> {
  const p = price;
  await tx.query(
    `INSERT INTO price_list_item (id, organisation_id, code, name, unit, price_cents, piece_priced, affects_maximum_fee, valid_from, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [p.id, p.organisationId, p.code, p.name, p.unit, p.priceCents, p.piecePriced, p.affectsMaximumFee, p.validFrom, p.createdBy],
  );
}

export async function findPrice(tx: Tx, id: string): Promise<PriceListRecord | null> {
  const [row] = await tx.query<PriceListRow>(`${SELECT_ITEM} WHERE p.id = $1`, [id]);
  return row ? rowToRecord(row) : null;
}

/** The organisation's items valid on `date`, by code. */
export async function priceListOn(tx: Tx, organisationId: string, date: string): Promise<PriceListRecord[]> {
  const rows = await tx.query<PriceListRow>(
    `${SELECT_ITEM} WHERE p.organisation_id = $1 AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2) ORDER BY p.code`,
    [organisationId, date],
  );
  return rows.map(rowToRecord);
}

/** Whether the item is in the price list on `date` (a registration names only such items). */
export async function isPricedOn(tx: Tx, organisationId: string, code: string, date: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM price_list_item WHERE organisation_id = $1 AND code = $2 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)', [
    organisationId,
    code,
    date,
  ]);
  return rows.length > 0;
}

/** The item's price in force during `from`-`to` (the latest, if it changed in between): what a correction of it may touch. */
export async function pricedItemDuring(
  tx: Tx,
  organisationId: string,
  code: string,
  from: string,
  to: string,
): Promise<{ code: string; piecePriced: boolean; affectsMaximumFee: boolean } | null> {
  const [row] = await tx.query<{ code: string; piece_priced: boolean; affects_maximum_fee: boolean }>(
    `SELECT code, piece_priced, affects_maximum_fee FROM price_list_item
      WHERE organisation_id = $1 AND code = $2 AND valid_from <= $4 AND (valid_to IS NULL OR valid_to >= $3)
      ORDER BY valid_from DESC LIMIT 1`,
    [organisationId, code, from, to],
  );
  return row ? { code: row.code, piecePriced: row.piece_priced, affectsMaximumFee: row.affects_maximum_fee } : null;
}
