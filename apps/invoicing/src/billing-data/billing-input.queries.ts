import type { Absence, Country, Currency, LocalDate, Registration } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';
import type { SettingColumns } from './billing-settings/billing-setting.queries';
import type { ServiceColumns } from './decided-services/decided-service.queries';
import type { IncomeColumns } from './incomes/income.queries';
import type { PriceListColumns } from './price-lists/price-list.queries';
import type { RentColumns } from './rent-contracts/rent-contract.queries';

// What the billing run reads for a batch of clients: one query per table for the whole batch
// (`client_id = ANY($1)`), each narrowed to the period (`first`, `last`: its first and last day).

export interface ClientOfBatch {
  id: string;
  client_number: string;
  name: string;
  date_of_death: LocalDate | null;
  country: Country;
  currency: Currency;
}

/** The batch's clients that are the organisation's (unknown ids and other organisations' clients are left out). */
export function batchClients(tx: Tx, ids: string[], organisationId: string): Promise<ClientOfBatch[]> {
  return tx.query(
    `SELECT c.id, c.client_number, c.name, c.date_of_death, o.country, o.currency FROM client c JOIN organisation o ON o.id = c.organisation_id
     WHERE c.id = ANY($1::uuid[]) AND c.organisation_id = $2`,
    [ids, organisationId],
  );
}

/**
 * Each client's row of a dated table valid on the period's first day, else the one valid on its
 * last day (settings changed, or an income that starts during the month): DISTINCT ON keeps the
 * earlier, i.e. the first day's.
 */
function validOnFirstOrLastDay<Row>(tx: Tx, table: 'billing_setting' | 'client_income', columns: string, ids: string[], first: LocalDate, last: LocalDate): Promise<Row[]> {
  return tx.query(
    `SELECT DISTINCT ON (client_id) client_id, ${columns}
     FROM ${table}
     WHERE client_id = ANY($1::uuid[])
       AND ((valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)) OR (valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)))
     ORDER BY client_id, valid_from`,
    [ids, first, last],
  );
}

export function batchSettings(tx: Tx, ids: string[], first: LocalDate, last: LocalDate): Promise<Array<SettingColumns & { client_id: string }>> {
  const columns = 'debiting_area, fee_calculation_type, accepts_maximum_fee, parish_code, account_string, recipient_kind, recipient_name, recipient_address, residence_address, address_protected';
  return validOnFirstOrLastDay(tx, 'billing_setting', columns, ids, first, last);
}

export function batchIncomes(tx: Tx, ids: string[], first: LocalDate, last: LocalDate): Promise<Array<IncomeColumns & { client_id: string }>> {
  const columns = 'valid_from, gross_monthly_cents, net_monthly_cents, deductions_cents, household_size, housing_cost_cents, fee_decision';
  return validOnFirstOrLastDay(tx, 'client_income', columns, ids, first, last);
}

export function batchServices(tx: Tx, ids: string[], first: LocalDate, last: LocalDate): Promise<Array<ServiceColumns & { client_id: string }>> {
  return tx.query(
    `SELECT client_id, service_code, description, kind, valid_from, valid_to, service_cost_cents, hours_per_month, care_type, monthly_fee_cents,
            absence_deductible, includes_care_housing_food
     FROM decided_service
     WHERE client_id = ANY($1::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $2)
     ORDER BY client_id, valid_from, service_code`,
    [ids, first, last],
  );
}

export function batchRegistrations(
  tx: Tx,
  ids: string[],
  period: string,
): Promise<Array<{ client_id: string; id: string; item_code: string; performed_on: LocalDate; quantity: Registration['quantity'] }>> {
  return tx.query(
    `SELECT client_id, id, item_code, performed_on, quantity FROM registration
     WHERE client_id = ANY($1::uuid[]) AND period = $2 ORDER BY client_id, performed_on, created_at`,
    [ids, period],
  );
}

export function batchAbsences(
  tx: Tx,
  ids: string[],
  first: LocalDate,
  last: LocalDate,
): Promise<Array<{ client_id: string; id: string; kind: Absence['kind']; notified_on: LocalDate | null; first_day: LocalDate; last_day: LocalDate | null }>> {
  return tx.query(
    `SELECT client_id, id, kind, notified_on, first_day, last_day FROM absence
     WHERE client_id = ANY($1::uuid[]) AND first_day <= $3 AND (last_day IS NULL OR last_day >= $2)
     ORDER BY client_id, first_day`,
    [ids, first, last],
  );
}

/** Unbilled corrections of this or an earlier period. */
export function batchCorrections(
  tx: Tx,
  ids: string[],
  period: string,
): Promise<Array<{ client_id: string; id: string; amount_cents: number; text: string; item_code: string | null }>> {
  return tx.query(
    `SELECT client_id, id, amount_cents, text, item_code FROM correction
     WHERE client_id = ANY($1::uuid[]) AND billed_invoice_id IS NULL AND period <= $2
     ORDER BY client_id, period, created_at`,
    [ids, period],
  );
}

/** The rent contract overlapping the period; of two contracts in one month, the later. */
export function batchRents(tx: Tx, ids: string[], first: LocalDate, last: LocalDate): Promise<Array<RentColumns & { client_id: string }>> {
  return tx.query(
    `SELECT DISTINCT ON (client_id) client_id, housing, move_in, move_out, move_out_rent, monthly_rent_cents, rent_free_month_period
     FROM rent_contract
     WHERE client_id = ANY($1::uuid[]) AND contract_start <= $3 AND (contract_end IS NULL OR contract_end >= $2)
     ORDER BY client_id, contract_start DESC`,
    [ids, first, last],
  );
}

/** The organisation's price-list items valid on `date`, by code, with the organisation's currency. */
export function priceListRows(tx: Tx, organisationId: string, date: LocalDate): Promise<Array<PriceListColumns & { currency: Currency }>> {
  return tx.query(
    `SELECT p.code, p.name, p.unit, p.price_cents, p.piece_priced, p.affects_maximum_fee, o.currency FROM price_list_item p JOIN organisation o ON o.id = p.organisation_id
     WHERE p.organisation_id = $1 AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2) ORDER BY p.code`,
    [organisationId, date],
  );
}

