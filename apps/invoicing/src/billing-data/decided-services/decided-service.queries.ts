import { type Currency, type DecidedService, Money } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

export const SERVICE_KINDS: readonly DecidedService['kind'][] = ['fi-home-care', 'fi-long-term-care', 'se-elderly-care', 'fixed-monthly'];

/** A decided service (palvelupäätös / biståndsbeslut): what the client is billed for each month. */
export interface DecidedServiceRecord {
  id: string;
  clientId: string;
  /** As the calculation reads it, amounts as decimal strings in the organisation's currency. */
  service: DecidedService;
  decisionReference: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The columns the calculation reads. */
export interface ServiceColumns {
  service_code: string;
  description: string;
  kind: DecidedService['kind'];
  valid_from: string;
  valid_to: string | null;
  service_cost_cents: number;
  hours_per_month: string | null;
  care_type: string | null;
  monthly_fee_cents: number | null;
  absence_deductible: boolean;
  includes_care_housing_food: boolean;
}

interface DecidedServiceRow extends ServiceColumns {
  id: string;
  client_id: string;
  decision_reference: string | null;
  created_by: string;
  created_at: Date;
  currency: Currency;
}

export function rowToService(row: ServiceColumns, currency: Currency): DecidedService {
  return {
    serviceCode: row.service_code,
    description: row.description,
    kind: row.kind,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    serviceCost: Money.ofMinor(row.service_cost_cents, currency).toDecimalString(),
    hoursPerMonth: row.hours_per_month,
    careType: row.care_type,
    monthlyFee: row.monthly_fee_cents === null ? null : Money.ofMinor(row.monthly_fee_cents, currency).toDecimalString(),
    absenceDeductible: row.absence_deductible,
    includesCareHousingFood: row.includes_care_housing_food,
  };
}

function rowToRecord(row: DecidedServiceRow): DecidedServiceRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    service: rowToService(row, row.currency),
    decisionReference: row.decision_reference,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const SELECT_SERVICE = `SELECT s.*, o.currency FROM decided_service s JOIN client c ON c.id = s.client_id JOIN organisation o ON o.id = c.organisation_id`;

/** Overlapping periods of one client's service code are refused by the table's exclusion constraint. */
export async function insertDecidedService(
  tx: Tx,
  service: {
    id: string;
    clientId: string;
    serviceCode: string;
    description: string;
    kind: DecidedService['kind'];
    validFrom: string;
    validTo: string | null;
    serviceCostCents: number;
    hoursPerMonth: string | null;
    careType: string | null;
    monthlyFeeCents: number | null;
    absenceDeductible: boolean;
    includesCareHousingFood: boolean;
    decisionReference: string | null;
    createdBy: string;
  },
): Promise<void> {
  const s = service;
  await tx.query(
    `INSERT INTO decided_service (id, client_id, service_code, description, kind, valid_from, valid_to, service_cost_cents, hours_per_month, care_type,
       monthly_fee_cents, absence_deductible, includes_care_housing_food, decision_reference, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      s.id,
      s.clientId,
      s.serviceCode,
      s.description,
      s.kind,
      s.validFrom,
      s.validTo,
      s.serviceCostCents,
      s.hoursPerMonth,
      s.careType,
      s.monthlyFeeCents,
      s.absenceDeductible,
      s.includesCareHousingFood,
      s.decisionReference,
      s.createdBy,
    ],
  );
}

export async function endDecidedService(tx: Tx, id: string, validTo: string): Promise<void> {
  await tx.query('UPDATE decided_service SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

export async function findDecidedService(tx: Tx, id: string): Promise<DecidedServiceRecord | null> {
  const [row] = await tx.query<DecidedServiceRow>(`${SELECT_SERVICE} WHERE s.id = $1`, [id]);
  return row ? rowToRecord(row) : null;
}

/** The client's decided services, by start date and code. */
export async function decidedServicesOf(tx: Tx, clientId: string): Promise<DecidedServiceRecord[]> {
  return (await tx.query<DecidedServiceRow>(`${SELECT_SERVICE} WHERE s.client_id = $1 ORDER BY s.valid_from, s.service_code`, [clientId])).map(rowToRecord);
}

/** The client's decided services end on the date of death (those in force then or open past it); answers how many ended. */
export async function endDecidedServicesOnDeath(tx: Tx, clientId: string, dateOfDeath: string): Promise<number> {
  const rows = await tx.query(
    'UPDATE decided_service SET valid_to = $2 WHERE client_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) RETURNING id',
    [clientId, dateOfDeath],
  );
  return rows.length;
}
