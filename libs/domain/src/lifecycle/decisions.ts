import { BILLING_SUPERVISOR, CLIENT_FEE_OFFICER, FINANCE_CENTRE, LifecycleRole, RESULT_AREA_DIRECTOR } from './roles';

/**
 * Who may make each decision on an invoice (seed 000, the Finnish city's invoice flow: deferrals
 * by the client-fee team up to 3 months and by the billing supervisor beyond; waivers only by the
 * result-area director; credit notes and recalls by the finance centre; seed 004 for write-offs,
 * avskrivning, by the supervisor or the director).
 */
export const LIFECYCLE_DECISIONS = {
  'invoice.defer': [CLIENT_FEE_OFFICER, BILLING_SUPERVISOR],
  'deferral.request-approval': [CLIENT_FEE_OFFICER],
  'deferral.decide': [BILLING_SUPERVISOR],
  'invoice.payment-plan': [CLIENT_FEE_OFFICER, FINANCE_CENTRE],
  'invoice.credit': [FINANCE_CENTRE, CLIENT_FEE_OFFICER],
  'invoice.recall': [FINANCE_CENTRE],
  'invoice.waive': [RESULT_AREA_DIRECTOR],
  'invoice.write-off': [BILLING_SUPERVISOR, RESULT_AREA_DIRECTOR],
} as const satisfies Record<string, readonly LifecycleRole[]>;

export type LifecycleDecision = keyof typeof LIFECYCLE_DECISIONS;

/**
 * Someone who holds several roles acts in the first of these that may make the decision: the one
 * with the wider authority, so a supervisor who is also an officer defers with the supervisor's
 * limit and a director who is also a supervisor writes off as the director.
 */
export const ROLE_PRECEDENCE: readonly LifecycleRole[] = [RESULT_AREA_DIRECTOR, BILLING_SUPERVISOR, FINANCE_CENTRE, CLIENT_FEE_OFFICER];

export function mayDecide(decision: LifecycleDecision, role: string): boolean {
  return (LIFECYCLE_DECISIONS[decision] as readonly string[]).includes(role);
}

/** The roles that may make the decision, widest authority first (for a route's role list). */
export function whoMayDecide(decision: LifecycleDecision): LifecycleRole[] {
  return ROLE_PRECEDENCE.filter((role) => mayDecide(decision, role));
}

/** The role in which the holder of `roles` makes the decision, or undefined if none of them may. */
export function actingRole(decision: LifecycleDecision, roles: readonly string[]): LifecycleRole | undefined {
  return whoMayDecide(decision).find((role) => roles.includes(role));
}
