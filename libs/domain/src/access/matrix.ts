import type { ActionRule } from './action-rule';
import { COLLECTION_ACTIONS } from './collection-actions';
import { DEBT_FOLLOWUP_ACTIONS } from './debt-followup-actions';
import { INCOME_VERIFICATION_ACTIONS } from './income-verification-actions';
import { INVOICING_ACTIONS } from './invoicing-actions';
import { PROVIDER_SETTLEMENT_ACTIONS } from './provider-settlement-actions';
import { isRole, Role, ROLE_SENIORITY } from './roles';

/**
 * The role × action matrix (docs/domain.md §1), per service. One place: the routes, the workflow
 * validators and docs/security.md all read it.
 */
export const ACCESS_MATRIX = {
  invoicing: INVOICING_ACTIONS,
  collection: COLLECTION_ACTIONS,
  'income-verification': INCOME_VERIFICATION_ACTIONS,
  'provider-settlement': PROVIDER_SETTLEMENT_ACTIONS,
  'debt-followup': DEBT_FOLLOWUP_ACTIONS,
} as const;

type Tables = typeof ACCESS_MATRIX;
export type AccessService = keyof Tables;
/** Every action name, e.g. `'invoice.credit'`. */
export type Action = { [S in AccessService]: keyof Tables[S] }[AccessService] & string;

const RULES: ReadonlyMap<string, ActionRule & { service: AccessService }> = (() => {
  const rules = new Map<string, ActionRule & { service: AccessService }>();
  for (const [service, table] of Object.entries(ACCESS_MATRIX) as Array<[AccessService, Record<string, ActionRule>]>) {
    for (const [action, rule] of Object.entries(table)) {
      if (rules.has(action)) throw new Error(`action ${action} is defined by both ${rules.get(action)!.service} and ${service}`);
      if (rule.roles.length === 0 || !rule.roles.every(isRole)) throw new Error(`action ${action} must name known roles`);
      rules.set(action, Object.freeze({ ...rule, roles: Object.freeze([...rule.roles]), service }));
    }
  }
  return rules;
})();

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && RULES.has(value);
}

/** The rule of one action; an unknown name is a programming error, so it throws. */
export function actionRule(action: Action): ActionRule & { readonly service: AccessService } {
  const rule = RULES.get(action);
  if (!rule) throw new Error(`unknown action ${String(action)}`);
  return rule;
}

/** The roles that may take an action (any one suffices). */
export function whoMay(action: Action): readonly Role[] {
  return actionRule(action).roles;
}

/** Whether someone acting in `role` (or in any of `roles`) may take the action. */
export function mayDo(roles: string | readonly string[], action: Action): boolean {
  const allowed = whoMay(action) as readonly string[];
  return (typeof roles === 'string' ? [roles] : roles).some((role) => allowed.includes(role));
}

/**
 * The role a person holding `roles` acts in for `action`: the most senior of their roles that may
 * take it (a supervisor who is also an officer decides with the supervisor's limits), or
 * undefined when none may.
 */
export function actingRole(roles: readonly string[], action: Action): Role | undefined {
  const allowed = whoMay(action);
  return ROLE_SENIORITY.find((role) => allowed.includes(role) && roles.includes(role));
}

/** Every action with its rule, in the matrix's order (for docs and the route check). */
export function listActions(): ReadonlyArray<{ readonly action: Action } & ActionRule & { readonly service: AccessService }> {
  return [...RULES.entries()].map(([action, rule]) => ({ action: action as Action, ...rule }));
}
