import type { Role } from '@clientfees/contracts';

/**
 * Who may make a fee correction (domain.md §3): unit staff correct piece-priced items only (food
 * basket, rent, lost alarm button); anything that can affect a maximum fee is corrected by the
 * billing team.
 *
 * Written here because `correctionPermission` in libs/domain/src/billing/corrections.ts did not
 * exist yet when this API was built; swap to it once it does (same shape: a role and the item).
 */
export type CorrectionRole = 'unit-manager' | 'client-fee-officer' | 'billing-supervisor';

export interface CorrectionItem {
  readonly code: string;
  readonly piecePriced: boolean;
  readonly affectsMaximumFee: boolean;
}

export type CorrectionPermission = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export function correctionPermission(role: CorrectionRole, item: CorrectionItem | null): CorrectionPermission {
  if (role === 'client-fee-officer' || role === 'billing-supervisor') return { allowed: true };
  if (item === null) return { allowed: false, reason: 'unit staff may correct piece-priced price-list items only: name the item (itemCode)' };
  if (!item.piecePriced) return { allowed: false, reason: `${item.code} is not piece-priced: only the billing team may correct it` };
  if (item.affectsMaximumFee) return { allowed: false, reason: `${item.code} can affect a maximum fee: only the billing team may correct it` };
  return { allowed: true };
}

/** The role a user corrects as: the billing team's when they have it, else unit staff's. */
export function correctionRoleOf(roles: readonly Role[]): CorrectionRole | null {
  if (roles.includes('billing-supervisor')) return 'billing-supervisor';
  if (roles.includes('client-fee-officer')) return 'client-fee-officer';
  if (roles.includes('unit-manager')) return 'unit-manager';
  return null;
}
