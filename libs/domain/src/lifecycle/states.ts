import { DomainValidationError } from '../errors';
import { RESULT_AREA_DIRECTOR } from './roles';
import { mayWriteOff } from './write-off';

/**
 * Where an invoice stands (laskun tila / fakturastatus). A superset of the first slice's
 * `issued | overdue | paid` in libs/contracts.
 */
export const INVOICE_LIFECYCLE_STATES = [
  'issued', // sent, nothing paid, not yet due
  'partially-paid', // part paid, not yet due
  'paid', // paid in full
  'overdue', // due date passed with a balance (erääntynyt / förfallen)
  'reminded', // a reminder went out before any transfer (SE: the officer's reminder letter)
  'at-agency', // with the collection agency (Intrum / Visma)
  'in-payment-plan', // paid in instalments (maksusuunnitelma / avbetalningsplan)
  'deferred', // due date moved (eräpäivän siirto / anstånd)
  'credited', // cancelled by a credit note (hyvitys / kreditering)
  'waived', // collection waived by a result-area director (perinnästä luovuttu)
  'written-off', // written off (SE avskrivning, e.g. after skuldsanering)
  'recalled', // taken back from the agency, e.g. transferred by a staff error
] as const;

export type InvoiceLifecycleState = (typeof INVOICE_LIFECYCLE_STATES)[number];

/** No way out: the debt no longer exists or nobody collects it. */
export const TERMINAL_INVOICE_STATES: readonly InvoiceLifecycleState[] = ['credited', 'waived', 'written-off'];

// Why each edge exists is in the comments; an edge that is missing has its reason in
// `forbiddenReason` below.
const TRANSITIONS: Readonly<Record<InvoiceLifecycleState, readonly InvoiceLifecycleState[]>> = {
  issued: ['partially-paid', 'paid', 'overdue', 'deferred', 'in-payment-plan', 'credited'],
  'partially-paid': ['paid', 'overdue', 'deferred', 'in-payment-plan', 'credited'],
  // A wrong invoice is credited even after payment; the overpayment is then settled.
  paid: ['credited'],
  // Seed 000: the transfer and the agency's reminder happen together (overdue → at-agency);
  // seed 004: the officer's reminder letter comes first (overdue → reminded → at-agency).
  overdue: ['paid', 'reminded', 'at-agency', 'deferred', 'in-payment-plan', 'credited', 'waived', 'written-off'],
  reminded: ['paid', 'at-agency', 'deferred', 'in-payment-plan', 'credited', 'waived', 'written-off'],
  // The agency also makes payment plans for collected invoices (seed 000). A credit note or a
  // deferral, or a write-off, needs the invoice back from the agency first: recall it.
  'at-agency': ['paid', 'in-payment-plan', 'recalled', 'waived'],
  // A broken plan is overdue again (and may then be written off), or goes (back) to the agency.
  'in-payment-plan': ['paid', 'overdue', 'at-agency', 'credited', 'waived'],
  deferred: ['partially-paid', 'paid', 'overdue', 'in-payment-plan', 'credited'],
  credited: [],
  waived: [],
  'written-off': [],
  // Back with the organisation, without collection costs for the client.
  recalled: ['paid', 'overdue', 'deferred', 'in-payment-plan', 'credited', 'waived', 'written-off'],
};

export function isInvoiceLifecycleState(value: unknown): value is InvoiceLifecycleState {
  return typeof value === 'string' && (INVOICE_LIFECYCLE_STATES as readonly string[]).includes(value);
}

/** The states reachable in one step from `from`. */
export function allowedTransitions(from: InvoiceLifecycleState): readonly InvoiceLifecycleState[] {
  return TRANSITIONS[from] ?? [];
}

export function canTransition(from: InvoiceLifecycleState, to: InvoiceLifecycleState): boolean {
  return isInvoiceLifecycleState(from) && isInvoiceLifecycleState(to) && TRANSITIONS[from].includes(to);
}

/** Only a result-area director may decide to stop collecting a justified invoice (seed 000). */
export function mayWaiveCollection(role: string): boolean {
  return role === RESULT_AREA_DIRECTOR;
}

const NOT_YET_DUE: readonly InvoiceLifecycleState[] = ['issued', 'partially-paid', 'deferred'];
const NEEDS_OVERDUE: readonly InvoiceLifecycleState[] = ['reminded', 'at-agency', 'waived', 'written-off'];

function forbiddenReason(from: InvoiceLifecycleState, to: InvoiceLifecycleState): string {
  if (from === to) return `the invoice is already ${from}`;
  if (TERMINAL_INVOICE_STATES.includes(from)) return `the invoice is ${from}, which is final: it cannot become ${to}`;
  if (from === 'paid') return 'a paid invoice can only be credited';
  if (from === 'at-agency' && (to === 'credited' || to === 'deferred' || to === 'written-off')) {
    return `an invoice at the collection agency must be recalled before it can become ${to}`;
  }
  if (NOT_YET_DUE.includes(from) && NEEDS_OVERDUE.includes(to)) {
    return `the invoice is ${from} and not past its due date, so it cannot become ${to}`;
  }
  if (to === 'recalled') return 'only an invoice at the collection agency can be recalled';
  if (from === 'in-payment-plan' && to === 'written-off') return 'a payment plan that is being kept cannot be written off: only once it is broken (overdue again)';
  return `an invoice cannot go from ${from} to ${to}`;
}

export interface TransitionContext {
  /** The role of the person making the change; required for a waiver and a write-off. */
  readonly role?: string;
}

/** Throws a DomainValidationError saying why, unless `from → to` is allowed (for `role`, where it matters). */
export function assertTransition(from: InvoiceLifecycleState, to: InvoiceLifecycleState, context: TransitionContext = {}): void {
  if (!isInvoiceLifecycleState(from)) throw new DomainValidationError(`unknown invoice state "${String(from)}"`, 'from');
  if (!isInvoiceLifecycleState(to)) throw new DomainValidationError(`unknown invoice state "${String(to)}"`, 'to');
  if (!canTransition(from, to)) throw new DomainValidationError(forbiddenReason(from, to), 'to');
  if (to === 'waived' && !mayWaiveCollection(context.role ?? '')) {
    const who = context.role ? `role ${context.role} may not` : 'nobody without a role may';
    throw new DomainValidationError(`${who} waive collection: only a result-area director decides that`, 'role');
  }
  if (to === 'written-off' && !mayWriteOff(context.role ?? '')) {
    const who = context.role ? `role ${context.role} may not` : 'nobody without a role may';
    throw new DomainValidationError(`${who} write an invoice off: only the billing supervisor or the result-area director decides that`, 'role');
  }
}
