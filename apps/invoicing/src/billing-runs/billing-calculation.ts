import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { calculateHousehold, ClientBilling, ClientBillingInput, DatedRow, Money, RuleTableSet } from '@clientfees/domain';
import type { Currency } from '@clientfees/domain';
import { BillingInputs } from '../billing-data/billing-inputs';
import { BillingRunStore } from './billing-run-store';

interface RunClient {
  client_id: string;
  household_id: string;
}

interface CalculationResult {
  client_id: string;
  status: 'calculated' | 'error';
  errors: unknown;
  rows: unknown;
  total_cents: number | null;
  recipient: unknown;
  correction_ids: string[];
}

/**
 * Calculates the clients of a billing run: loads their billing data in one go, calculates each
 * household with the rule tables in force and stores the rows (with their explanations) or the
 * errors the billing team must fix.
 */
@Injectable()
export class BillingCalculation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inputs: BillingInputs,
    private readonly runs: BillingRunStore,
  ) {}

  async calculateBatch(runId: string, batch: number): Promise<void> {
    const clients = (await this.dataSource.query('SELECT client_id, household_id FROM billing_run_client WHERE run_id = $1 AND batch = $2', [runId, batch])) as RunClient[];
    await this.calculate(runId, clients);
  }

  /** Recalculates the client's household (a couple is recalculated together). */
  async calculateClient(runId: string, clientId: string): Promise<void> {
    const clients = (await this.dataSource.query(
      `SELECT client_id, household_id FROM billing_run_client
        WHERE run_id = $1 AND household_id = (SELECT household_id FROM billing_run_client WHERE run_id = $1 AND client_id = $2)`,
      [runId, clientId],
    )) as RunClient[];
    if (clients.length === 0) throw new Error(`client ${clientId} is not in billing run ${runId}`);
    await this.calculate(runId, clients);
  }

  private async calculate(runId: string, clients: RunClient[]): Promise<void> {
    if (clients.length === 0) return;
    const run = await this.runs.get(runId);
    const [organisation] = (await this.dataSource.query('SELECT currency FROM organisation WHERE id = $1', [run.organisation_id])) as Array<{ currency: Currency }>;
    const ids = clients.map((client) => client.client_id);
    // A spouse outside the run (another area, no service of their own) still counts in a couple's fee.
    const spouses = (await this.dataSource.query('SELECT id, spouse_client_id FROM client WHERE id = ANY($1) AND spouse_client_id IS NOT NULL', [ids])) as Array<{
      id: string;
      spouse_client_id: string;
    }>;
    const spouseOf = new Map(spouses.map((row) => [row.id, row.spouse_client_id]));
    const toLoad = [...new Set([...ids, ...spouses.map((row) => row.spouse_client_id)])];
    const [loaded, priceList, ruleTables] = await Promise.all([
      this.inputs.load(run.organisation_id, run.period, toLoad),
      this.inputs.priceList(run.organisation_id, `${run.period}-01`),
      this.ruleTables(),
    ]);

    const inRun = new Set(ids);
    const results: CalculationResult[] = [];
    for (const household of groupHouseholds(ids, spouseOf)) {
      const members = household.map((id) => loaded.get(id)).filter((input): input is ClientBillingInput => input !== undefined);
      const billed = calculateHousehold({ period: run.period, clients: members, priceList, ruleTables });
      for (const billing of billed) {
        if (!inRun.has(billing.clientId)) continue;
        results.push(toResult(billing, loaded.get(billing.clientId)!, organisation.currency));
      }
    }
    await this.dataSource.query(
      `UPDATE billing_run_client AS c
          SET status = v.status, errors = v.errors, rows = v.rows, total_cents = v.total_cents, recipient = v.recipient,
              correction_ids = ARRAY(SELECT jsonb_array_elements_text(v.correction_ids))::uuid[], calculated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS v(client_id uuid, status text, errors jsonb, rows jsonb, total_cents bigint, recipient jsonb, correction_ids jsonb)
        WHERE c.run_id = $1 AND c.client_id = v.client_id`,
      [runId, JSON.stringify(results)],
    );
  }

  /** The rule tables as the administrator keeps them in Postgres (shipped periods and added ones). */
  private async ruleTables(): Promise<RuleTableSet> {
    const rows = (await this.dataSource.query('SELECT rule_table, valid_from, valid_to, source, value FROM rule_period ORDER BY rule_table, valid_from')) as Array<{
      rule_table: string;
      valid_from: string;
      valid_to: string | null;
      source: string;
      value: unknown;
    }>;
    const tables: Record<string, DatedRow<unknown>[]> = {};
    for (const row of rows) {
      (tables[row.rule_table] ??= []).push({ validFrom: row.valid_from, validTo: row.valid_to, source: row.source, value: row.value });
    }
    return tables;
  }
}

/** Clients grouped into households: a client with the spouse, when the spouse is known. */
function groupHouseholds(ids: string[], spouseOf: Map<string, string>): string[][] {
  const seen = new Set<string>();
  const households: string[][] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    const spouse = spouseOf.get(id);
    const household = spouse && !seen.has(spouse) ? [id, spouse] : [id];
    household.forEach((member) => seen.add(member));
    households.push(household);
  }
  return households;
}

function toResult(billing: ClientBilling, input: ClientBillingInput, currency: Currency): CalculationResult {
  const base = { client_id: billing.clientId, recipient: recipientOf(input), correction_ids: input.corrections.map((correction) => correction.id) };
  if (billing.status === 'error') return { ...base, status: 'error', errors: billing.errors, rows: null, total_cents: null };
  const total = Money.parse(billing.total, currency, 'total');
  if (total.isNegative()) {
    // More deducted than charged: the client is owed money, which is a credit note's job.
    return {
      ...base,
      status: 'error',
      errors: [
        {
          code: 'negative-total',
          field: 'corrections',
          message: `the corrections exceed the period's charges (total ${billing.total}): credit the invoice they concern instead`,
        },
      ],
      rows: billing.rows,
      total_cents: total.minorUnits,
    };
  }
  return { ...base, status: 'calculated', errors: null, rows: billing.rows, total_cents: total.minorUnits };
}

/** The invoice's recipient as the settings name it: the client at home, or who acts for them. */
function recipientOf(input: ClientBillingInput): unknown {
  const settings = input.settings;
  if (!settings) return null;
  const address = settings.recipient.address ?? (settings.recipient.kind === 'client' ? settings.residenceAddress : null);
  if (!address) return null;
  return {
    kind: settings.recipient.kind,
    name: settings.recipient.name ?? input.name,
    streetAddress: address.streetAddress,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
  };
}
