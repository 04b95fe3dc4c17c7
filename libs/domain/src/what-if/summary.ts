import type { Currency } from '../money/currency';
import { Money } from '../money/money';
import type { WhatIfClientResult } from './compare';

/** Sums in minor units (cents / öre), so that partial sums of batches add up exactly. */
interface Amounts {
  today: number;
  draft: number;
}

interface ServiceTally extends Amounts {
  /** Clients with a fee for the service under either rule set. */
  clients: number;
}

/** One organisation's tally; partial tallies of batches merge into one. */
export interface WhatIfTally {
  organisationId: string;
  currency: Currency;
  clients: number;
  compared: number;
  notCompared: number;
  more: number;
  less: number;
  same: number;
  startsPaying: number;
  stopsPaying: number;
  reachesMaximum: number;
  leavesMaximum: number;
  monthly: Amounts;
  services: Record<string, ServiceTally>;
}

/** Tallies by organisation: plain JSON, so a batch can store or return its own. */
export type WhatIfTallies = Record<string, WhatIfTally>;

function emptyTally(organisationId: string, currency: Currency): WhatIfTally {
  return { organisationId, currency, clients: 0, compared: 0, notCompared: 0, more: 0, less: 0, same: 0, startsPaying: 0, stopsPaying: 0, reachesMaximum: 0, leavesMaximum: 0, monthly: { today: 0, draft: 0 }, services: {} };
}

const cents = (amount: string, currency: Currency) => Money.parse(amount, currency, 'amount').minorUnits;

/** Adds clients' results to `tallies` (a new object; the input is not changed). */
export function tallyWhatIf(results: readonly WhatIfClientResult[], tallies: WhatIfTallies = {}): WhatIfTallies {
  const out: WhatIfTallies = structuredClone(tallies);
  for (const result of results) {
    const tally = (out[result.organisationId] ??= emptyTally(result.organisationId, result.currency));
    tally.clients++;
    if (result.status !== 'compared' || result.today === null || result.draft === null) {
      tally.notCompared++;
      continue;
    }
    tally.compared++;
    tally[result.direction!]++;
    if (result.crossesZero === 'starts-paying') tally.startsPaying++;
    if (result.crossesZero === 'stops-paying') tally.stopsPaying++;
    if (result.crossesMaximum === 'reaches-maximum') tally.reachesMaximum++;
    if (result.crossesMaximum === 'leaves-maximum') tally.leavesMaximum++;
    tally.monthly.today += cents(result.today.total, result.currency);
    tally.monthly.draft += cents(result.draft.total, result.currency);
    for (const code of new Set([...Object.keys(result.today.byService), ...Object.keys(result.draft.byService)])) {
      const service = (tally.services[code] ??= { today: 0, draft: 0, clients: 0 });
      service.clients++;
      service.today += cents(result.today.byService[code] ?? '0', result.currency);
      service.draft += cents(result.draft.byService[code] ?? '0', result.currency);
    }
  }
  return out;
}

/** Two batches' tallies as one. */
export function mergeWhatIfTallies(a: WhatIfTallies, b: WhatIfTallies): WhatIfTallies {
  const out: WhatIfTallies = structuredClone(a);
  for (const [organisationId, tally] of Object.entries(b)) {
    const into = (out[organisationId] ??= emptyTally(organisationId, tally.currency));
    for (const key of ['clients', 'compared', 'notCompared', 'more', 'less', 'same', 'startsPaying', 'stopsPaying', 'reachesMaximum', 'leavesMaximum'] as const) into[key] += tally[key];
    into.monthly.today += tally.monthly.today;
    into.monthly.draft += tally.monthly.draft;
    for (const [code, service] of Object.entries(tally.services)) {
      const target = (into.services[code] ??= { today: 0, draft: 0, clients: 0 });
      target.today += service.today;
      target.draft += service.draft;
      target.clients += service.clients;
    }
  }
  return out;
}

export interface RevenueView {
  readonly today: string;
  readonly draft: string;
  readonly change: string;
}

export interface WhatIfOrganisationSummary {
  readonly organisationId: string;
  readonly currency: Currency;
  readonly clients: number;
  readonly compared: number;
  readonly notCompared: number;
  readonly paysMore: number;
  readonly paysLess: number;
  readonly paysTheSame: number;
  readonly startsPaying: number;
  readonly stopsPaying: number;
  readonly reachesMaximum: number;
  readonly leavesMaximum: number;
  /** The month's fees of the compared clients. */
  readonly monthlyRevenue: RevenueView;
  /** Twelve such months: the same clients, incomes and services all year. */
  readonly yearlyRevenue: RevenueView;
  readonly services: ReadonlyArray<{ readonly serviceCode: string; readonly clients: number; readonly monthlyRevenue: RevenueView; readonly yearlyRevenue: RevenueView }>;
}

function revenue(amounts: Amounts, currency: Currency, months: number): RevenueView {
  const show = (minor: number) => Money.ofMinor(minor * months, currency).toDecimalString();
  return Object.freeze({ today: show(amounts.today), draft: show(amounts.draft), change: show(amounts.draft - amounts.today) });
}

/** The tallies as people read them: counts, and revenue a month and a year, by organisation and service. */
export function whatIfSummary(tallies: WhatIfTallies): WhatIfOrganisationSummary[] {
  return Object.values(tallies)
    .sort((a, b) => (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0))
    .map((tally) =>
      Object.freeze({
        organisationId: tally.organisationId,
        currency: tally.currency,
        clients: tally.clients,
        compared: tally.compared,
        notCompared: tally.notCompared,
        paysMore: tally.more,
        paysLess: tally.less,
        paysTheSame: tally.same,
        startsPaying: tally.startsPaying,
        stopsPaying: tally.stopsPaying,
        reachesMaximum: tally.reachesMaximum,
        leavesMaximum: tally.leavesMaximum,
        monthlyRevenue: revenue(tally.monthly, tally.currency, 1),
        yearlyRevenue: revenue(tally.monthly, tally.currency, 12),
        services: Object.keys(tally.services)
          .sort()
          .map((serviceCode) => {
            const service = tally.services[serviceCode];
            return Object.freeze({ serviceCode, clients: service.clients, monthlyRevenue: revenue(service, tally.currency, 1), yearlyRevenue: revenue(service, tally.currency, 12) });
          }),
      }),
    );
}
