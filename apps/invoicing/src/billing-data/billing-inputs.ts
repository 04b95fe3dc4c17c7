import { Injectable } from '@nestjs/common';
import {
  parseBillingPeriod,
  firstDayOfPeriod,
  lastDayOfPeriod,
  Money,
  type Absence,
  type ClientBillingInput,
  type Correction,
  type LocalDate,
  type PriceListItem,
  type Registration,
} from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import {
  batchAbsences,
  batchClients,
  batchCorrections,
  batchIncomes,
  batchRegistrations,
  batchRents,
  batchServices,
  batchSettings,
  priceListRows,
} from './billing-input.queries';
import { rowToSettings } from './billing-settings/billing-setting.queries';
import { rowToService } from './decided-services/decided-service.queries';
import { rowToIncome } from './incomes/income.queries';
import { rowToPriceListItem } from './price-lists/price-list.queries';
import { rowToRentTerms } from './rent-contracts/rent-contract.queries';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

/**
 * What the billing run reads for a batch of clients: one query per table for the whole batch,
 * all in one read-only REPEATABLE READ transaction, so a batch sees one consistent state of the
 * billing data however many clients it has.
 */
@Injectable()
export class BillingInputs {
  constructor(private readonly db: Database) {}

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
    parseBillingPeriod(period);
    if (clientIds.length === 0) return result;
    const first = firstDayOfPeriod(period);
    const last = lastDayOfPeriod(period);
    const ids = [...new Set(clientIds)];

    await this.db.transaction(
      async (tx) => {
        const clients = await batchClients(tx, ids, organisationId);
        if (clients.length === 0) return;
        const known = clients.map((c) => c.id);
        const { currency } = clients[0];
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

        for (const row of await batchSettings(tx, known, first, last)) of(row.client_id).settings = rowToSettings(row);
        for (const row of await batchIncomes(tx, known, first, last)) of(row.client_id).income = rowToIncome(row, currency);
        for (const row of await batchServices(tx, known, first, last)) of(row.client_id).services.push(rowToService(row, currency));
        for (const row of await batchRegistrations(tx, known, period)) {
          of(row.client_id).registrations.push({ id: row.id, itemCode: row.item_code, performedOn: row.performed_on, quantity: row.quantity } satisfies Registration);
        }
        for (const row of await batchAbsences(tx, known, first, last)) {
          of(row.client_id).absences.push({ id: row.id, kind: row.kind, notifiedOn: row.notified_on, firstDay: row.first_day, lastDay: row.last_day } satisfies Absence);
        }
        for (const row of await batchCorrections(tx, known, period)) {
          const amount = Money.ofMinor(row.amount_cents, currency).toDecimalString();
          of(row.client_id).corrections.push({ id: row.id, amount, text: row.text, itemCode: row.item_code } satisfies Correction);
        }
        for (const row of await batchRents(tx, known, first, last)) of(row.client_id).rent = rowToRentTerms(row, currency);
        for (const c of clients) result.set(c.id, of(c.id));
      },
      { isolation: 'REPEATABLE READ', readOnly: true },
    );
    return result;
  }

  /** The organisation's price-list items valid on `date`, by code. */
  async priceList(organisationId: string, date: LocalDate): Promise<PriceListItem[]> {
    const rows = await this.db.read((tx) => priceListRows(tx, organisationId, date));
    return rows.map((row) => rowToPriceListItem(row, row.currency));
  }
}
