import type { AccessClaims } from '@clientfees/contracts';

/**
 * Debt cases are seen by the finance office, the fee officers, the client's caseworker and the
 * unit manager of the client's unit (issue 13). The platform's scope keeps a unit manager to their
 * debiting areas; a user who is only a caseworker sees only the cases they are the caseworker of.
 */
export function caseworkerOnly(user: AccessClaims): boolean {
  return user.roles.length > 0 && user.roles.every((role) => role === 'caseworker');
}

/** A unit manager limited to their debiting areas: the areas; otherwise undefined (not limited). */
export function areasOf(user: AccessClaims): readonly string[] | undefined {
  return user.roles.length > 0 && user.roles.every((role) => role === 'unit-manager') ? user.debitingAreas : undefined;
}
