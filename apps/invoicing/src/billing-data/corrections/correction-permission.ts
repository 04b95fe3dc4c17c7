import type { Role } from '@clientfees/contracts';

/** The roles that may enter a fee correction; `correctionPermission` (@clientfees/domain) decides what each may correct. */
export type CorrectionRole = 'unit-manager' | 'client-fee-officer' | 'billing-supervisor';

/** The role a user corrects as: the billing team's when they have it, else unit staff's. */
export function correctionRoleOf(roles: readonly Role[]): CorrectionRole | null {
  if (roles.includes('billing-supervisor')) return 'billing-supervisor';
  if (roles.includes('client-fee-officer')) return 'client-fee-officer';
  if (roles.includes('unit-manager')) return 'unit-manager';
  return null;
}
