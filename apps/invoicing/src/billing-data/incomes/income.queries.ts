import { type Currency, type IncomeSnapshot, Money } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** The income a client's fee rests on, dated; a new income ends the open one. */
export interface IncomeRecord {
  id: string;
  clientId: string;
  validTo: string | null;
  /** The figures as decimal strings in the organisation's currency, as the calculation reads them. */
  income: IncomeSnapshot;
  source: string;
  createdBy: string;
  createdAt: Date;
}

/** The columns the calculation reads. */
export interface IncomeColumns {
  valid_from: string;
  gross_monthly_cents: number;
  net_monthly_cents: number;
  deductions_cents: number;
  household_size: number;
  housing_cost_cents: number;
}

interface IncomeRow extends IncomeColumns {
  id: string;
  client_id: string;
  valid_to: string | null;
  source: string;
  created_by: string;
  created_at: Date;
  currency: Currency;
}

export function rowToIncome(row: IncomeColumns, currency: Currency): IncomeSnapshot {
  const money = (cents: number) => Money.ofMinor(cents, currency).toDecimalString();
  return {
    validFrom: row.valid_from,
    grossMonthlyIncome: money(row.gross_monthly_cents),
    netMonthlyIncome: money(row.net_monthly_cents),
    deductions: money(row.deductions_cents),
    householdSize: row.household_size,
    housingCost: money(row.housing_cost_cents),
  };
}

function rowToRecord(row: IncomeRow): IncomeRecord {
  return { id: row.id, clientId: row.client_id, validTo: row.valid_to, income: rowToIncome(row, row.currency), source: row.source, createdBy: row.created_by, createdAt: row.created_at };
}

const SELECT_INCOME = `SELECT i.*, o.currency FROM client_income i JOIN client c ON c.id = i.client_id JOIN organisation o ON o.id = c.organisation_id`;

export async function latestIncome(tx: Tx, clientId: string): Promise<{ id: string; validFrom: string; validTo: string | null } | null> {
  const [row] = await tx.query<{ id: string; valid_from: string; valid_to: string | null }>(
    'SELECT id, valid_from, valid_to FROM client_income WHERE client_id = $1 ORDER BY valid_from DESC LIMIT 1',
    [clientId],
  );
  return row ? { id: row.id, validFrom: row.valid_from, validTo: row.valid_to } : null;
}

export async function endIncome(tx: Tx, id: string, validTo: string): Promise<void> {
  await tx.query('UPDATE client_income SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

/** Overlapping incomes of one client are refused by the table's exclusion constraint. */
export async function insertIncome(
  tx: Tx,
  income: {
    id: string;
    clientId: string;
    validFrom: string;
    grossMonthlyCents: number;
    netMonthlyCents: number;
    deductionsCents: number;
    householdSize: number;
    housingCostCents: number;
    source: string;
    createdBy: string;
  },
): Promise<void> {
  const i = income;
  await tx.query(
    `INSERT INTO client_income (id, client_id, valid_from, gross_monthly_cents, net_monthly_cents, deductions_cents, household_size, housing_cost_cents, source, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [i.id, i.clientId, i.validFrom, i.grossMonthlyCents, i.netMonthlyCents, i.deductionsCents, i.householdSize, i.housingCostCents, i.source, i.createdBy],
  );
}

export async function findIncome(tx: Tx, id: string): Promise<IncomeRecord | null> {
  const [row] = await tx.query<IncomeRow>(`${SELECT_INCOME} WHERE i.id = $1`, [id]);
  return row ? rowToRecord(row) : null;
}

/** Every income of the client, oldest first. */
export async function incomeHistory(tx: Tx, clientId: string): Promise<IncomeRecord[]> {
  return (await tx.query<IncomeRow>(`${SELECT_INCOME} WHERE i.client_id = $1 ORDER BY i.valid_from`, [clientId])).map(rowToRecord);
}
