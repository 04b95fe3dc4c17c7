import { Injectable } from '@nestjs/common';
import { calculateHousehold, ClientBilling, ClientBillingInput, invoiceRecipientOf, Money } from '@clientfees/domain';
import type { Currency } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { BillingInputs } from '../billing-data/billing-inputs';
import { spousesOf } from '../billing-data/clients/client.queries';
import { ruleTableSet } from '../rule-tables/rule-period.queries';
import { batchMembers, CalculationResult, householdMembers, RunHouseholdMember, storeCalculations } from './billing-run.queries';
import { runAndOrganisation } from './billing-run-steps';

/**
 * Calculates the clients of a billing run: loads their billing data in one go, calculates each
 * household with the rule tables in force and stores the rows (with their explanations) or the
 * errors the billing team must fix.
 */
@Injectable()
export class BillingCalculation {
  constructor(
    private readonly db: Database,
    private readonly inputs: BillingInputs,
  ) {}

  async calculateBatch(runId: string, batch: number): Promise<void> {
    await this.calculate(runId, await this.db.read((tx) => batchMembers(tx, runId, batch)));
  }

  /** Recalculates the client's household (a couple is recalculated together). */
  async calculateClient(runId: string, clientId: string): Promise<void> {
    const members = await this.db.read((tx) => householdMembers(tx, runId, clientId));
    if (members.length === 0) throw new Error(`client ${clientId} is not in billing run ${runId}`);
    await this.calculate(runId, members);
  }

  private async calculate(runId: string, members: RunHouseholdMember[]): Promise<void> {
    if (members.length === 0) return;
    const ids = members.map((member) => member.clientId);
    // A spouse outside the run (another area, no service of their own) still counts in a couple's fee.
    const { run, organisation, spouseOf, ruleTables } = await this.db.read(async (tx) => ({
      ...(await runAndOrganisation(tx, runId)),
      spouseOf: await spousesOf(tx, ids),
      ruleTables: await ruleTableSet(tx),
    }));
    const toLoad = [...new Set([...ids, ...spouseOf.values()])];
    const [loaded, priceList] = await Promise.all([this.inputs.load(run.organisationId, run.period, toLoad), this.inputs.priceList(run.organisationId, `${run.period}-01`)]);

    const inRun = new Set(ids);
    const results: CalculationResult[] = [];
    for (const household of groupHouseholds(ids, spouseOf)) {
      const clients = household.map((id) => loaded.get(id)).filter((input): input is ClientBillingInput => input !== undefined);
      const billed = calculateHousehold({ period: run.period, clients, priceList, ruleTables });
      for (const billing of billed) {
        if (!inRun.has(billing.clientId)) continue;
        results.push(toResult(billing, loaded.get(billing.clientId)!, organisation.currency));
      }
    }
    await this.db.transaction((tx) => storeCalculations(tx, runId, results));
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
  return input.settings ? invoiceRecipientOf(input.settings, input.name) : null;
}
