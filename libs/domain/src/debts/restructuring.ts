import { LocalDate, addMonths, isBefore, parseLocalDate } from '../dates/local-date';

/**
 * Debt restructuring (skuldsanering / velkajärjestely): the municipality's claims that the
 * decision covers are no longer collected, and what is left of them is written off five
 * calendar years after the decision takes effect — seed 004 (Söderköping, "Information
 * Ekonomiavdelningen"): "Avskrivning sker efter 5 år från att beslutet börjar gälla".
 * A 29 February start ends on 28 February of a common year.
 */
export const RESTRUCTURING_WRITE_OFF_YEARS = 5;

export function restructuringWriteOffDate(effectiveOn: LocalDate): LocalDate {
  return addMonths(parseLocalDate(effectiveOn, 'effectiveOn'), RESTRUCTURING_WRITE_OFF_YEARS * 12);
}

export interface RestructuringDecision {
  readonly decidedOn: string;
  readonly effectiveOn: string;
  readonly decisionReference: string;
  readonly invoiceIds: readonly string[];
}

/** The first problem with a restructuring decision as `{ field, reason }`, or undefined. */
export function restructuringProblem(decision: RestructuringDecision): { field: string; reason: string } | undefined {
  parseLocalDate(decision.decidedOn, 'decidedOn');
  parseLocalDate(decision.effectiveOn, 'effectiveOn');
  if (isBefore(decision.effectiveOn, decision.decidedOn)) {
    return { field: 'effectiveOn', reason: 'a decision takes effect on or after the day it is made' };
  }
  if (!decision.decisionReference?.trim()) return { field: 'decisionReference', reason: 'is required: the court’s or the enforcement authority’s decision' };
  if (decision.invoiceIds.length === 0) return { field: 'invoiceIds', reason: 'name the invoices the decision covers' };
  if (new Set(decision.invoiceIds).size !== decision.invoiceIds.length) return { field: 'invoiceIds', reason: 'an invoice is named twice' };
  return undefined;
}
