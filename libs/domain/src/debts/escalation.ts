/**
 * Escalation of a growing debt (seed 004, Söderköping): the finance office "informerar
 * Biträdande Socialchef om skulder ökar (tre månaders skuldfordringar)" — the deputy head of
 * social services is told when a client's unpaid claims cover three months.
 */
export const ESCALATION_MONTHS = 3;

/** A claim's billing month (YYYY-MM): a monthly invoice's period, or the month it was issued. */
export interface MonthlyClaim {
  readonly period: string;
}

/** The distinct months the unpaid claims cover. */
export function claimMonths(claims: readonly MonthlyClaim[]): number {
  return new Set(claims.map((claim) => claim.period)).size;
}

export function coversEscalationMonths(claims: readonly MonthlyClaim[]): boolean {
  return claimMonths(claims) >= ESCALATION_MONTHS;
}
