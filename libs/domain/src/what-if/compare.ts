import { Currency, currencyOfCountry } from '../money/currency';
import { Money } from '../money/money';
import { calculateHousehold } from '../billing/calculate';
import { isIncomeBased } from '../billing/context';
import { maximumFeeWithoutIncome } from '../fees/maximum-fee';
import { seMaxFee } from '../fees/se-elderly-care';
import { firstDayOfPeriod } from '../billing/period';
import type { BillingPeriod, ClientBilling, ClientBillingInput, DecidedService, PriceListItem, RuleTableSet } from '../billing/types';
import type { RuleTableName } from '../rule-tables/table-set';
import type { WhatIfRuleSets } from './draft';

/** One household as it is today: its clients' current settings, income and decided services. */
export interface WhatIfHousehold {
  readonly organisationId: string;
  readonly clients: readonly ClientBillingInput[];
  readonly priceList: readonly PriceListItem[];
}

/** A client's monthly fee under one rule set. Decimal strings in the organisation's currency. */
export interface WhatIfFee {
  readonly total: string;
  /** Per decided service code; the SE maxtaxa cap under 'maxtaxa-cap'. */
  readonly byService: Readonly<Record<string, string>>;
  /** The income-based fee is the tariff's maximum (what a client without a disclosed income pays). */
  readonly atMaximum: boolean;
}

export type WhatIfDirection = 'more' | 'less' | 'same';
export type ZeroCrossing = 'starts-paying' | 'stops-paying';
export type MaximumCrossing = 'reaches-maximum' | 'leaves-maximum';

export interface WhatIfClientResult {
  readonly clientId: string;
  readonly clientNumber: string;
  readonly organisationId: string;
  readonly currency: Currency;
  readonly status: 'compared' | 'not-compared';
  readonly today: WhatIfFee | null;
  readonly draft: WhatIfFee | null;
  /** draft − today, a signed decimal string; null when not compared. */
  readonly change: string | null;
  readonly direction: WhatIfDirection | null;
  readonly crossesZero: ZeroCrossing | null;
  readonly crossesMaximum: MaximumCrossing | null;
  /** Why a client could not be compared: the billing calculation's error list. */
  readonly problems: readonly string[];
}

/** The SE maxtaxa cap row has no service code: it caps all care fees together. */
export const MAXTAXA_CAP = 'maxtaxa-cap';

/**
 * The client as the draft's month would bill them if nothing but the rules changed: today's
 * services running the whole month, no registrations, absences, corrections or rent (those
 * belong to a real month, not to a tariff).
 */
function recurringInputs(client: ClientBillingInput, period: BillingPeriod): ClientBillingInput {
  const from = firstDayOfPeriod(period);
  return {
    ...client,
    period,
    registrations: [],
    absences: [],
    corrections: [],
    rent: null,
    services: client.services.map((service) => ({ ...service, validFrom: from, validTo: null })),
  };
}

function calculate(household: WhatIfHousehold, clients: readonly ClientBillingInput[], period: BillingPeriod, tables: RuleTableSet): ClientBilling[] {
  return calculateHousehold({ period, clients, priceList: household.priceList, ruleTables: tables });
}

function sumsByService(result: ClientBilling & { status: 'calculated' }, currency: Currency): Map<string, Money> {
  const sums = new Map<string, Money>();
  for (const row of result.rows) {
    const key = row.code ?? MAXTAXA_CAP;
    sums.set(key, (sums.get(key) ?? Money.zero(currency)).add(Money.parse(row.amount, currency, 'amount')));
  }
  return sums;
}

/**
 * Whether the client's income-based fees are the tariff's maximum, what a client who does not
 * disclose income pays (maximumFeeWithoutIncome): each service at its maximum, or in Sweden the
 * care fees together at maxtaxa. A fixed monthly fee has no maximum to reach.
 */
function isAtMaximum(client: ClientBillingInput, sums: Map<string, Money>, period: BillingPeriod, tables: RuleTableSet, currency: Currency): boolean {
  const incomeBased = client.services.filter(isIncomeBased);
  if (incomeBased.length === 0) return false;
  const date = firstDayOfPeriod(period);
  const feeOfService = (code: string) => sums.get(code) ?? Money.zero(currency);
  if (client.country === 'SE') {
    const care = Money.sum([...incomeBased.map((service) => feeOfService(service.serviceCode)), sums.get(MAXTAXA_CAP) ?? Money.zero(currency)], currency);
    if (care.isPositive() && !care.isLessThan(seMaxFee(date, tables).maxFee)) return true;
  }
  return incomeBased.every((service) => {
    const fee = feeOfService(service.serviceCode);
    const maximum = maximumFeeWithoutIncome({ rule: service.kind as 'fi-home-care', date, serviceCost: Money.parse(service.serviceCost, currency, 'serviceCost'), tables }).fee;
    return fee.isPositive() && !fee.isLessThan(maximum);
  });
}

function feeOf(client: ClientBillingInput, result: ClientBilling & { status: 'calculated' }, period: BillingPeriod, tables: RuleTableSet, currency: Currency): WhatIfFee {
  const sums = sumsByService(result, currency);
  const byService: Record<string, string> = {};
  for (const key of [...sums.keys()].sort()) byService[key] = sums.get(key)!.toDecimalString();
  return Object.freeze({ total: result.total, byService: Object.freeze(byService), atMaximum: isAtMaximum(client, sums, period, tables, currency) });
}

function compareTotals(today: WhatIfFee, draft: WhatIfFee, currency: Currency): Outcome {
  const before = Money.parse(today.total, currency, 'today');
  const after = Money.parse(draft.total, currency, 'draft');
  const change = after.subtract(before);
  const direction: WhatIfDirection = change.isPositive() ? 'more' : change.isNegative() ? 'less' : 'same';
  const crossesZero: ZeroCrossing | null = before.isZero() && after.isPositive() ? 'starts-paying' : before.isPositive() && after.isZero() ? 'stops-paying' : null;
  const crossesMaximum: MaximumCrossing | null = !today.atMaximum && draft.atMaximum ? 'reaches-maximum' : today.atMaximum && !draft.atMaximum ? 'leaves-maximum' : null;
  return { change: change.toDecimalString(), direction, crossesZero, crossesMaximum };
}

/** The service kinds whose fee reads each rule table (besides the SE maxtaxa cap on every care fee). */
const KINDS_READING: Readonly<Record<RuleTableName, readonly DecidedService['kind'][]>> = Object.freeze({
  'fi-home-care-income-limits': ['fi-home-care'],
  'fi-home-care-percentages': ['fi-home-care'],
  'fi-long-term-care-shares': ['fi-long-term-care'],
  'fi-personal-allowances': ['fi-long-term-care'],
  'fi-reference-rates': [],
  'se-max-fees': ['se-elderly-care'],
  'se-minimum-amounts': ['se-elderly-care'],
  'se-special-housing-fee-caps': [],
  'se-reference-rates': [],
  'se-care-housing-food-deductions': [],
});

/** Whether any client's fee can read a table the draft changes; if not, the draft's fees are today's. */
function draftCanMatter(clients: readonly ClientBillingInput[], tables: readonly RuleTableName[]): boolean {
  return clients.some((client) => client.services.some((service) => tables.some((table) => KINDS_READING[table].includes(service.kind))));
}

/**
 * Every client's monthly fee in one household under today's rules and under the draft, and what
 * changes for them: more or less, starting or stopping to pay, reaching or leaving the tariff's
 * maximum. Uses the billing calculation itself, so the what-if and the next real bill agree; a
 * client the calculation refuses (missing income, missing settings …) is "not compared", with the
 * reasons the billing team would see in the error list.
 */
export function compareHousehold(household: WhatIfHousehold, rules: WhatIfRuleSets): WhatIfClientResult[] {
  const clients = household.clients.map((client) => recurringInputs(client, rules.period));
  const today = calculate(household, clients, rules.period, rules.today);
  // A household the draft cannot touch (a fixed fee, another country) is not calculated twice.
  const draft = draftCanMatter(clients, rules.changed) ? calculate(household, clients, rules.period, rules.draft) : today;
  return clients.map((client, i) => {
    const currency = currencyOfCountry(client.country);
    const before = today[i];
    const after = draft[i];
    if (before.status !== 'calculated' || after.status !== 'calculated') {
      const errors = before.status === 'error' ? before.errors : after.status === 'error' ? after.errors : [];
      return result(household, client, currency, null, null, NOT_COMPARED, Object.freeze(errors.map((error) => error.message)));
    }
    const todayFee = feeOf(client, before, rules.period, rules.today, currency);
    const draftFee = feeOf(client, after, rules.period, rules.draft, currency);
    return result(household, client, currency, todayFee, draftFee, compareTotals(todayFee, draftFee, currency), NO_PROBLEMS);
  });
}

type Outcome = Pick<WhatIfClientResult, 'change' | 'direction' | 'crossesZero' | 'crossesMaximum'>;
const NOT_COMPARED: Outcome = Object.freeze({ change: null, direction: null, crossesZero: null, crossesMaximum: null });
const NO_PROBLEMS: readonly string[] = Object.freeze([]);

// One literal with every field in one order: the results of a 100,000-client run share one
// object shape, which a spread of partial objects does not give.
function result(
  household: WhatIfHousehold,
  client: ClientBillingInput,
  currency: Currency,
  today: WhatIfFee | null,
  draft: WhatIfFee | null,
  outcome: Outcome,
  problems: readonly string[],
): WhatIfClientResult {
  return Object.freeze({
    clientId: client.clientId,
    clientNumber: client.clientNumber,
    organisationId: household.organisationId,
    currency,
    status: today === null ? ('not-compared' as const) : ('compared' as const),
    today,
    draft,
    change: outcome.change,
    direction: outcome.direction,
    crossesZero: outcome.crossesZero,
    crossesMaximum: outcome.crossesMaximum,
    problems,
  });
}
