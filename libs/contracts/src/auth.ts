import type { Role } from '@clientfees/domain/workflow';

/**
 * Roles of the people and systems that use clientfees (docs/domain.md §1). The list and the role ×
 * action matrix live in the pure domain (`libs/domain/src/access`), so the rules, the workflow
 * validators and the routes decide on the same names; re-exported here for the token claims.
 */
// The workflow entry point: contracts are in every workflow bundle, which must stay light.
export { ROLES, isRole } from '@clientfees/domain/workflow';
export type { Role } from '@clientfees/domain/workflow';

/** The claims clientfees reads from a bearer token. */
export interface AccessClaims {
  /** The user's or system's id; never a personal identity code. */
  sub: string;
  roles: Role[];
  /**
   * The organisations (wellbeing services counties / municipalities) the user acts for; required.
   * Every scoped route answers 404 for what belongs to any other, and an empty list sees nothing.
   */
  organisations: string[];
  /** A unit manager's debiting areas (laskutusalue / debiteringsområde); absent = not limited. */
  debitingAreas?: string[];
  /** Required when `roles` holds `service-provider`: the only provider this user may act for. */
  providerId?: string;
}
