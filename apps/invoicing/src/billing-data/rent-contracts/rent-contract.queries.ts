import { type Currency, type HousingType, Money, type RentContract as RentTerms } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** A rent contract in care housing or a service apartment (seed 002, p.13-16). */
export interface RentContract {
  id: string;
  clientId: string;
  /** As the calculation reads it, the rent as a decimal string in the organisation's currency. */
  terms: RentTerms;
  /** The contract date rent is charged from. */
  contractStart: string;
  contractEnd: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The columns the calculation reads. */
export interface RentColumns {
  housing: HousingType;
  move_in: string;
  move_out: string | null;
  move_out_rent: RentTerms['moveOutRent'];
  monthly_rent_cents: number;
  rent_free_month_period: string | null;
}

interface RentContractRow extends RentColumns {
  id: string;
  client_id: string;
  contract_start: string;
  contract_end: string | null;
  created_by: string;
  created_at: Date;
  currency: Currency;
}

export function rowToRentTerms(row: RentColumns, currency: Currency): RentTerms {
  return {
    housing: row.housing,
    moveIn: row.move_in,
    moveOut: row.move_out,
    moveOutRent: row.move_out_rent,
    monthlyRent: Money.ofMinor(row.monthly_rent_cents, currency).toDecimalString(),
    rentFreeMonthPeriod: row.rent_free_month_period,
  };
}

function rowToContract(row: RentContractRow): RentContract {
  return {
    id: row.id,
    clientId: row.client_id,
    terms: rowToRentTerms(row, row.currency),
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const SELECT_CONTRACT = `SELECT r.*, o.currency FROM rent_contract r JOIN client c ON c.id = r.client_id JOIN organisation o ON o.id = c.organisation_id`;

/** The client's latest contract still running on `date` (no end, or ending on or after it), if any. */
export async function contractRunningOn(tx: Tx, clientId: string, date: string): Promise<{ contractStart: string; contractEnd: string | null } | null> {
  const [row] = await tx.query<{ contract_start: string; contract_end: string | null }>(
    'SELECT contract_start, contract_end FROM rent_contract WHERE client_id = $1 AND (contract_end IS NULL OR contract_end >= $2) ORDER BY contract_start DESC LIMIT 1',
    [clientId, date],
  );
  return row ? { contractStart: row.contract_start, contractEnd: row.contract_end } : null;
}

export async function insertRentContract(
  tx: Tx,
  contract: { id: string; clientId: string; housing: HousingType; moveIn: string; contractStart: string; monthlyRentCents: number; rentFreeMonthPeriod: string | null; createdBy: string },
): Promise<void> {
  const c = contract;
  await tx.query(
    `INSERT INTO rent_contract (id, client_id, housing, move_in, contract_start, monthly_rent_cents, rent_free_month_period, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.clientId, c.housing, c.moveIn, c.contractStart, c.monthlyRentCents, c.rentFreeMonthPeriod, c.createdBy],
  );
}

export async function recordMoveOut(tx: Tx, id: string, moveOut: { moveOut: string; rent: 'half' | 'full'; contractEnd: string }): Promise<void> {
  await tx.query('UPDATE rent_contract SET move_out = $2, move_out_rent = $3, contract_end = $4 WHERE id = $1', [id, moveOut.moveOut, moveOut.rent, moveOut.contractEnd]);
}

export async function findRentContract(tx: Tx, id: string): Promise<RentContract | null> {
  const [row] = await tx.query<RentContractRow>(`${SELECT_CONTRACT} WHERE r.id = $1`, [id]);
  return row ? rowToContract(row) : null;
}

/** The client's rent contracts, by contract date. */
export async function rentContractsOf(tx: Tx, clientId: string): Promise<RentContract[]> {
  return (await tx.query<RentContractRow>(`${SELECT_CONTRACT} WHERE r.client_id = $1 ORDER BY r.contract_start`, [clientId])).map(rowToContract);
}
