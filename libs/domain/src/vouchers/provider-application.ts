import { LocalDate, parseLocalDate } from '../dates/local-date';

/**
 * A provider's application to provide a service (palveluhakemus, seed 003 §1.3 and §2): drafted,
 * signed and sent; the municipality approves it, rejects it, or returns it for more information
 * ("palauttaa sen palveluntuottajalle pyydettyjen lisätietojen täyttämiseksi"), after which the
 * provider completes and sends it again. While it is being decided its data is locked.
 */
export const APPLICATION_STATES = ['draft', 'submitted', 'changes-requested', 'approved', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_DECISIONS = ['approve', 'request-changes', 'reject'] as const;
export type ApplicationDecisionKind = (typeof APPLICATION_DECISIONS)[number];

export interface ApplicationDecision {
  readonly decision: ApplicationDecisionKind;
  /** Why: shown to the provider and kept with the decision. */
  readonly grounds: string;
  /** For an approval: the first day the provider provides the service. */
  readonly approvedFrom?: LocalDate;
}

export interface Refusal {
  readonly kind: 'rule' | 'state';
  readonly reason: string;
}

/** Days the municipality may leave a sent application undecided before it is reminded. */
export const APPLICATION_REMINDER_DAYS = 7;

/** Why the decision cannot be made, or undefined when it can. */
export function applicationDecisionRefusal(state: ApplicationState, decision: ApplicationDecision): Refusal | undefined {
  if (state !== 'submitted') return { kind: 'state', reason: `the application is ${state}; only a submitted application is decided` };
  if (!(APPLICATION_DECISIONS as readonly string[]).includes(decision.decision)) {
    return { kind: 'rule', reason: `the decision must be one of ${APPLICATION_DECISIONS.join(', ')}` };
  }
  if (!decision.grounds?.trim()) return { kind: 'rule', reason: 'a decision on an application states its grounds' };
  if (decision.decision === 'approve') {
    if (!decision.approvedFrom) return { kind: 'rule', reason: 'an approval names the day the provider starts (approvedFrom)' };
    try {
      parseLocalDate(decision.approvedFrom, 'approvedFrom');
    } catch {
      return { kind: 'rule', reason: 'approvedFrom must be a date YYYY-MM-DD' };
    }
  }
  return undefined;
}

/** An attachment a service requires (seed 003 §1.2.1 for the company, §1.2.3 for each unit). */
export interface RequiredAttachment {
  readonly kind: string;
  readonly level: 'company' | 'unit';
}

/**
 * The mandatory attachments still missing: each company-level kind once, each unit-level kind
 * for every unit the application names ("hyväksyntä edellyttää pakollisten liitteiden
 * liittämistä", §1.2.1).
 */
export function missingAttachments(required: readonly RequiredAttachment[], provided: ReadonlyArray<{ kind: string; unitId: string | null }>, unitIds: readonly string[]): string[] {
  const missing: string[] = [];
  for (const requirement of required) {
    if (requirement.level === 'company') {
      if (!provided.some((attachment) => attachment.kind === requirement.kind && attachment.unitId === null)) missing.push(requirement.kind);
    } else {
      for (const unitId of unitIds) {
        if (!provided.some((attachment) => attachment.kind === requirement.kind && attachment.unitId === unitId)) missing.push(`${requirement.kind} (unit ${unitId})`);
      }
    }
  }
  return missing;
}

/** Why the application cannot be sent, or undefined when it can. */
export function submissionRefusal(state: ApplicationState, missing: readonly string[], unitIds: readonly string[]): Refusal | undefined {
  if (state !== 'draft' && state !== 'changes-requested') return { kind: 'state', reason: `the application is ${state}; it is sent from a draft or after changes were requested` };
  if (unitIds.length === 0) return { kind: 'rule', reason: 'the application names at least one unit that provides the service' };
  if (missing.length > 0) return { kind: 'rule', reason: `mandatory attachments are missing: ${missing.join(', ')}` };
  return undefined;
}
