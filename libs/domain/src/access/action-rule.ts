import type { Role } from './roles';

/**
 * One thing a person or system does in clientfees, and who may do it. The routes take their
 * roles from here (`@MayDo(action)` in the platform), the workflow validators ask `mayDo`, and
 * docs/security.md shows the same table, so the three cannot drift apart.
 */
export interface ActionRule {
  /** Any one of these roles may take the action, subject to `condition`. */
  readonly roles: readonly Role[];
  /** What the action is, in a user's words (one line in docs/security.md). */
  readonly what: string;
  /** A rule beyond the role that the domain checks: a limit, a second person, a fixed list of grounds. */
  readonly condition?: string;
}

export type ActionTable = Readonly<Record<string, ActionRule>>;
