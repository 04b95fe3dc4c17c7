import type { Country } from '../country';

/**
 * What the estate inventory (perunkirjoitus / bouppteckning) shows about the estate's ability to
 * pay the municipality's claims (issue 13; seed 004, "Information från Visma"):
 * - `assets-cover-debts`: the agency collects from the estate; the case closes when paid;
 * - `assets-partly-cover`: the agency collects what there is; the rest comes back from the agency
 *   (returned) or is proposed for write-off later;
 * - `no-assets`: nothing to collect: a write-off proposal on the ground "estate without assets";
 * - `estate-notification`: SE only, a dödsboanmälan (Ärvdabalken 20 kap. 8 a §) instead of a
 *   bouppteckning, made when the assets cover no more than the funeral: as `no-assets`.
 */
export const INVENTORY_OUTCOMES = ['assets-cover-debts', 'assets-partly-cover', 'no-assets', 'estate-notification'] as const;
export type InventoryOutcome = (typeof INVENTORY_OUTCOMES)[number];

export function isInventoryOutcome(value: unknown): value is InventoryOutcome {
  return typeof value === 'string' && (INVENTORY_OUTCOMES as readonly string[]).includes(value);
}

/** Why this outcome cannot be recorded for an estate of this country, or undefined. */
export function inventoryOutcomeRefusal(country: Country, outcome: string): string | undefined {
  if (!isInventoryOutcome(outcome)) return `the inventory's outcome is one of ${INVENTORY_OUTCOMES.join(', ')}`;
  if (outcome === 'estate-notification' && country !== 'SE') {
    return 'a dödsboanmälan exists only in Sweden: a Finnish estate records its estate inventory (perunkirjoitus)';
  }
  return undefined;
}

/** What the estate workflow does next: propose a write-off, or wait for the debts to be settled. */
export function inventoryFollowUp(outcome: InventoryOutcome): 'propose-write-off' | 'await-settlement' {
  return outcome === 'no-assets' || outcome === 'estate-notification' ? 'propose-write-off' : 'await-settlement';
}
