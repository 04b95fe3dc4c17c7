import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseBillingPeriod as parsePeriod, firstDayOfPeriod as periodFirstDay, lastDayOfPeriod as periodLastDay } from '@clientfees/domain';
import type {
  Country,
  LocalDate,
  Absence,
  BillingSettingsSnapshot,
  ClientBillingInput,
  Correction,
  DecidedService,
  IncomeSnapshot,
  PostalAddress,
  PriceListItem,
  Registration,
  RentContract,
} from '@clientfees/domain';
import { centsOrNull, formatCents } from './billing-data.common';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

/**
 * What the billing run reads for a batch of clients: one query per table for the whole batch
 * (`client_id = ANY($1)`), all in one read-only REPEATABLE READ transaction, so a batch sees one
 * consistent state of the billing data however many clients it has.
 */
@Injectable()
export class BillingInputs {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Each known client of the organisation among `clientIds` (unknown ids and other organisations'
   * clients are left out) with:
   * - settings: the version valid on the period's first day, else the one valid on its last day;
   * - income: the income valid on the first day, else (a client whose income starts during the
   *   month) the one valid on the last day;
   * - decided services, absences and the rent contract overlapping the period (of two contracts
   *   in one month, the later);
   * - registrations of the period; unbilled corrections of this or an earlier period.
   */
  async load(organisationId: string, period: string, clientIds: string[]): Promise<Map<string, ClientBillingInput>> {
    const result = new Map<string, ClientBillingInput>();
    parsePeriod(period);
    if (clientIds.length === 0) return result;
    const first = periodFirstDay(period);
    const last = periodLastDay(period);
    const ids = [...new Set(clientIds)];

    await this.dataSource.transaction('REPEATABLE READ', async (db) => {
      await db.query('SET TRANSACTION READ ONLY');
      const clients: Array<{ id: string; client_number: string; name: string; date_of_death: LocalDate | null; country: Country }> = await db.query(
        `SELECT c.id, c.client_number, c.name, c.date_of_death, o.country FROM client c JOIN organisation o ON o.id = c.organisation_id
         WHERE c.id = ANY($1::uuid[]) AND c.organisation_id = $2`,
        [ids, organisationId],
      );
      if (clients.length === 0) return;
      const known = clients.map((c) => c.id);
      const inputs = new Map<string, Mutable<ClientBillingInput>>();
      for (const c of clients) {
        inputs.set(c.id, {
          clientId: c.id,
          clientNumber: c.client_number,
          name: c.name,
          country: c.country,
          period,
          dateOfDeath: c.date_of_death,
          settings: null,
          income: null,
          services: [],
          registrations: [],
          absences: [],
          corrections: [],
          rent: null,
        });
      }
      const of = (clientId: string) => inputs.get(clientId)!;

      for (const row of await settingsRows(db, known, first, last)) of(row.client_id).settings = settingsOf(row);
      for (const row of await incomeRows(db, known, first, last)) of(row.client_id).income = incomeOf(row);
      for (const row of await serviceRows(db, known, first, last)) of(row.client_id).services.push(serviceOf(row));
      for (const row of await registrationRows(db, known, period)) {
        of(row.client_id).registrations.push({ id: row.id, itemCode: row.item_code, performedOn: row.performed_on, quantity: row.quantity } satisfies Registration);
      }
      for (const row of await absenceRows(db, known, first, last)) {
        of(row.client_id).absences.push({ id: row.id, kind: row.kind, notifiedOn: row.notified_on, firstDay: row.first_day, lastDay: row.last_day } satisfies Absence);
      }
      for (const row of await correctionRows(db, known, period)) {
        of(row.client_id).corrections.push({ id: row.id, amount: formatCents(row.amount_cents), text: row.text, itemCode: row.item_code } satisfies Correction);
      }
      for (const row of await rentRows(db, known, first, last)) of(row.client_id).rent = rentOf(row);
      for (const c of clients) result.set(c.id, of(c.id));
    });
    return result;
  }

  /** The organisation's price-list items valid on `date`, by code. */
  async priceList(organisationId: string, date: LocalDate): Promise<PriceListItem[]> {
    const rows: Array<{ code: string; name: string; unit: PriceListItem['unit']; price_cents: number; piece_priced: boolean; affects_maximum_fee: boolean }> =
      await this.dataSource.query(
        `SELECT code, name, unit, price_cents, piece_priced, affects_maximum_fee FROM price_list_item
         WHERE organisation_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2) ORDER BY code`,
        [organisationId, date],
      );
    return rows.map(priceListItemOf);
  }
}

/** A price-list row as the calculation reads it (the REST view adds its identity and validity). */
export function priceListItemOf(row: { code: string; name: string; unit: PriceListItem['unit']; price_cents: number | string; piece_priced: boolean; affects_maximum_fee: boolean }): PriceListItem {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    price: formatCents(row.price_cents),
    piecePriced: row.piece_priced,
    affectsMaximumFee: row.affects_maximum_fee,
  };
}

// ---- one query per table ------------------------------------------------------------------

export interface SettingRow {
  client_id: string;
  debiting_area: string;
  fee_calculation_type: BillingSettingsSnapshot['feeCalculationType'];
  accepts_maximum_fee: boolean;
  parish_code: string | null;
  account_string: string | null;
  recipient_kind: BillingSettingsSnapshot['recipient']['kind'];
  recipient_name: string | null;
  recipient_address: PostalAddress | null;
  residence_address: PostalAddress | null;
}

/** Versions valid on the first or the last day; DISTINCT ON keeps the earlier, i.e. the first day's. */
function settingsRows(db: EntityManager, ids: string[], first: LocalDate, last: LocalDate): Promise<SettingRow[]> {
  return db.query(
    `SELECT DISTINCT ON (client_id) client_id, debiting_area, fee_calculation_type, accepts_maximum_fee, parish_code, account_string,
            recipient_kind, recipient_name, recipient_address, residence_address
     FROM billing_setting
     WHERE client_id = ANY($1::uuid[])
       AND ((valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)) OR (valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)))
     ORDER BY client_id, valid_from`,
    [ids, first, last],
  );
}

export function settingsOf(row: SettingRow): BillingSettingsSnapshot {
  return {
    debitingArea: row.debiting_area,
    feeCalculationType: row.fee_calculation_type,
    acceptsMaximumFee: row.accepts_maximum_fee,
    parishCode: row.parish_code,
    accountString: row.account_string,
    recipient: { kind: row.recipient_kind, name: row.recipient_name, address: row.recipient_address },
    residenceAddress: row.residence_address,
  };
}

interface IncomeRow {
  client_id: string;
  valid_from: LocalDate;
  gross_monthly_cents: number;
  net_monthly_cents: number;
  deductions_cents: number;
  household_size: number;
  housing_cost_cents: number;
}

function incomeRows(db: EntityManager, ids: string[], first: LocalDate, last: LocalDate): Promise<IncomeRow[]> {
  return db.query(
    `SELECT DISTINCT ON (client_id) client_id, valid_from, gross_monthly_cents, net_monthly_cents, deductions_cents, household_size, housing_cost_cents
     FROM client_income
     WHERE client_id = ANY($1::uuid[])
       AND ((valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)) OR (valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)))
     ORDER BY client_id, valid_from`,
    [ids, first, last],
  );
}

function incomeOf(row: IncomeRow): IncomeSnapshot {
  return {
    validFrom: row.valid_from,
    grossMonthlyIncome: formatCents(row.gross_monthly_cents),
    netMonthlyIncome: formatCents(row.net_monthly_cents),
    deductions: formatCents(row.deductions_cents),
    householdSize: row.household_size,
    housingCost: formatCents(row.housing_cost_cents),
  };
}

export interface ServiceRow {
  client_id: string;
  service_code: string;
  description: string;
  kind: DecidedService['kind'];
  valid_from: LocalDate;
  valid_to: LocalDate | null;
  service_cost_cents: number;
  hours_per_month: string | null;
  care_type: string | null;
  monthly_fee_cents: number | null;
  absence_deductible: boolean;
  includes_care_housing_food: boolean;
}

function serviceRows(db: EntityManager, ids: string[], first: LocalDate, last: LocalDate): Promise<ServiceRow[]> {
  return db.query(
    `SELECT client_id, service_code, description, kind, valid_from, valid_to, service_cost_cents, hours_per_month, care_type, monthly_fee_cents,
            absence_deductible, includes_care_housing_food
     FROM decided_service
     WHERE client_id = ANY($1::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $2)
     ORDER BY client_id, valid_from, service_code`,
    [ids, first, last],
  );
}

export function serviceOf(row: ServiceRow): DecidedService {
  return {
    serviceCode: row.service_code,
    description: row.description,
    kind: row.kind,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    serviceCost: formatCents(row.service_cost_cents),
    hoursPerMonth: row.hours_per_month,
    careType: row.care_type,
    monthlyFee: centsOrNull(row.monthly_fee_cents),
    absenceDeductible: row.absence_deductible,
    includesCareHousingFood: row.includes_care_housing_food,
  };
}

function registrationRows(
  db: EntityManager,
  ids: string[],
  period: string,
): Promise<Array<{ client_id: string; id: string; item_code: string; performed_on: LocalDate; quantity: string }>> {
  return db.query(
    `SELECT client_id, id, item_code, performed_on, quantity FROM registration
     WHERE client_id = ANY($1::uuid[]) AND period = $2 ORDER BY client_id, performed_on, created_at`,
    [ids, period],
  );
}

function absenceRows(
  db: EntityManager,
  ids: string[],
  first: LocalDate,
  last: LocalDate,
): Promise<Array<{ client_id: string; id: string; kind: Absence['kind']; notified_on: LocalDate | null; first_day: LocalDate; last_day: LocalDate | null }>> {
  return db.query(
    `SELECT client_id, id, kind, notified_on, first_day, last_day FROM absence
     WHERE client_id = ANY($1::uuid[]) AND first_day <= $3 AND (last_day IS NULL OR last_day >= $2)
     ORDER BY client_id, first_day`,
    [ids, first, last],
  );
}

function correctionRows(
  db: EntityManager,
  ids: string[],
  period: string,
): Promise<Array<{ client_id: string; id: string; amount_cents: number; text: string; item_code: string | null }>> {
  return db.query(
    `SELECT client_id, id, amount_cents, text, item_code FROM correction
     WHERE client_id = ANY($1::uuid[]) AND billed_invoice_id IS NULL AND period <= $2
     ORDER BY client_id, period, created_at`,
    [ids, period],
  );
}

interface RentRow {
  client_id: string;
  housing: RentContract['housing'];
  move_in: LocalDate;
  move_out: LocalDate | null;
  move_out_rent: RentContract['moveOutRent'];
  monthly_rent_cents: number;
  rent_free_month_period: string | null;
}

function rentRows(db: EntityManager, ids: string[], first: LocalDate, last: LocalDate): Promise<RentRow[]> {
  return db.query(
    `SELECT DISTINCT ON (client_id) client_id, housing, move_in, move_out, move_out_rent, monthly_rent_cents, rent_free_month_period
     FROM rent_contract
     WHERE client_id = ANY($1::uuid[]) AND contract_start <= $3 AND (contract_end IS NULL OR contract_end >= $2)
     ORDER BY client_id, contract_start DESC`,
    [ids, first, last],
  );
}

function rentOf(row: RentRow): RentContract {
  return {
    housing: row.housing,
    moveIn: row.move_in,
    moveOut: row.move_out,
    moveOutRent: row.move_out_rent,
    monthlyRent: formatCents(row.monthly_rent_cents),
    rentFreeMonthPeriod: row.rent_free_month_period,
  };
}
