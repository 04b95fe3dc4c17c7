import type { PriceListItem } from './types';

/** What the permission rule reads of a price-list item (a whole PriceListItem will do). */
export type CorrectionItem = Pick<PriceListItem, 'code' | 'piecePriced' | 'affectsMaximumFee'>;

export type CorrectionPermission = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** The billing team (asiakasmaksutiimi, laskutuksen esimies / avgiftshandläggare, debiteringen). */
const BILLING_TEAM: readonly string[] = Object.freeze(['client-fee-officer', 'billing-supervisor']);

/**
 * Who may enter a fee correction (docs/domain.md §3, seed 002): unit staff ('unit-manager') correct
 * piece-priced price-list items only (food basket, rent, lost alarm button) and never one that
 * can affect the maximum fee; the billing team ('client-fee-officer', 'billing-supervisor')
 * corrects anything, also without an item. Every other role is refused.
 */
export function correctionPermission(role: string, item: CorrectionItem | null): CorrectionPermission {
  if (BILLING_TEAM.includes(role)) return Object.freeze({ allowed: true });
  if (role !== 'unit-manager') {
    return refuse(`the role ${role} may not correct fees: only unit managers (piece-priced items) and the billing team (client-fee-officer, billing-supervisor) may`);
  }
  if (item === null) return refuse('a unit-manager may correct piece-priced price-list items only: name the item');
  if (item.affectsMaximumFee) return refuse(`a unit-manager may not correct ${item.code}: it can affect the maximum fee, so the billing team corrects it`);
  if (!item.piecePriced) return refuse(`a unit-manager may correct piece-priced items only, and ${item.code} is not piece-priced: the billing team corrects it`);
  return Object.freeze({ allowed: true });
}

function refuse(reason: string): CorrectionPermission {
  return Object.freeze({ allowed: false, reason });
}
