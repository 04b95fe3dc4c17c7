/**
 * Where an invoice stands (laskun tila / fakturastatus): the one state model of clientfees. The
 * lifecycle workflow moves an invoice only along TRANSITIONS and its decision validators ask
 * `transitionRefusal` before they accept; the REST API lists these states, and SQL that needs the
 * closed ones gets CLOSED_INVOICE_STATES as a parameter. The flow is seed 000's (the Finnish
 * city's invoice flow, 2017): due date → overdue → the transfer run's reminder → collection.
 */
export const INVOICE_STATES = [
  'issued', // sent, nothing paid, not yet due
  'partially-paid', // part paid, not yet due (osittain maksettu / delvis betald)
  'overdue', // the due date passed with a balance (erääntynyt / förfallen)
  'deferred', // the due date was moved (eräpäivän siirto / anstånd)
  'reminded', // a transfer run handed it to the agency's reminder service (maksumuistutus / betalningspåminnelse)
  'at-agency', // unpaid by the reminder's due date: collection by the agency (perintä / inkasso)
  'in-payment-plan', // paid in instalments (maksusuunnitelma / avbetalningsplan), the organisation's or the agency's
  'recalled', // taken back from the agency, without collection costs for the client (e.g. a staff error)
  'returned', // the agency gave the case back to the billing team
  'paid', // paid in full
  'credited', // cancelled by a credit note (hyvityslasku / kreditfaktura)
  'waived', // collection waived by the result-area director (perinnästä luovuttu)
  'written-off', // written off as a credit loss (luottotappio / avskrivning)
] as const;

export type InvoiceState = (typeof INVOICE_STATES)[number];

/** Nothing more to wait for: the lifecycle has ended and counts no more money. */
export const CLOSED_INVOICE_STATES = ['paid', 'credited', 'waived', 'written-off'] as const satisfies readonly InvoiceState[];

export const OPEN_INVOICE_STATES: readonly InvoiceState[] = INVOICE_STATES.filter((state) => !isClosedInvoiceState(state));

export function isInvoiceState(value: unknown): value is InvoiceState {
  return typeof value === 'string' && (INVOICE_STATES as readonly string[]).includes(value);
}

export function isClosedInvoiceState(state: string): boolean {
  return (CLOSED_INVOICE_STATES as readonly string[]).includes(state);
}

/**
 * Every move the lifecycle makes, from each state. Paying in full, a full credit note and a
 * waiver end any open invoice; the rest is the chart of seed 000 (see docs/domain.md §4).
 */
const TRANSITIONS: Readonly<Record<InvoiceState, readonly InvoiceState[]>> = {
  issued: ['partially-paid', 'overdue', 'deferred', 'in-payment-plan', 'paid', 'credited', 'waived'],
  'partially-paid': ['overdue', 'deferred', 'in-payment-plan', 'paid', 'credited', 'waived'],
  // Seed 000: the first transfer run ≥ 17 days after the due date hands it to the agency's
  // reminder service; until then the billing team may still defer, plan or write it off.
  overdue: ['reminded', 'deferred', 'in-payment-plan', 'paid', 'credited', 'waived', 'written-off'],
  // A deferred invoice may be deferred again (within the limits counted from the original due date).
  deferred: ['overdue', 'deferred', 'in-payment-plan', 'paid', 'credited', 'waived'],
  // The reminder service may be stopped (recall, write-off) but makes no plans: the agency does, once collecting.
  reminded: ['at-agency', 'recalled', 'paid', 'credited', 'waived', 'written-off'],
  // At the agency a write-off needs the case back first (recall), seed 004.
  'at-agency': ['in-payment-plan', 'returned', 'recalled', 'paid', 'credited', 'waived'],
  // A broken plan of the organisation is overdue again (the next transfer run); the agency's plan
  // stays the agency's: it reports it returned, or the organisation recalls it.
  'in-payment-plan': ['overdue', 'recalled', 'returned', 'paid', 'credited', 'waived'],
  // Back with the organisation without collection costs: payable until paid, planned or written off.
  recalled: ['in-payment-plan', 'paid', 'credited', 'waived', 'written-off'],
  returned: ['in-payment-plan', 'paid', 'credited', 'waived', 'written-off'],
  paid: [],
  credited: [],
  waived: [],
  'written-off': [],
};

/** The states reachable in one step from `from`. */
export function allowedTransitions(from: InvoiceState): readonly InvoiceState[] {
  return TRANSITIONS[from] ?? [];
}

export interface TransitionContext {
  /** The payment plan in force is the agency's (made at the agency, or reported by it). */
  readonly agencyPlan?: boolean;
}

/** The edges out of `in-payment-plan` that depend on whose plan it is. */
const AGENCY_PLAN_ONLY: readonly InvoiceState[] = ['recalled', 'returned'];
const OWN_PLAN_ONLY: readonly InvoiceState[] = ['overdue'];

export function canTransition(from: InvoiceState, to: InvoiceState, context: TransitionContext = {}): boolean {
  if (!isInvoiceState(from) || !isInvoiceState(to) || !TRANSITIONS[from].includes(to)) return false;
  if (from !== 'in-payment-plan') return true;
  return context.agencyPlan ? !OWN_PLAN_ONLY.includes(to) : !AGENCY_PLAN_ONLY.includes(to);
}

/** A decision the invoice's state does not allow, said the way the decision is asked for. */
const REFUSALS: Partial<Record<InvoiceState, (from: InvoiceState) => string>> = {
  deferred: (from) => `an invoice that is ${from} cannot be deferred`,
  'in-payment-plan': (from) => `an invoice that is ${from} cannot get a payment plan here`,
  recalled: (from) => `an invoice that is ${from} is not at the agency`,
  credited: (from) => `an invoice that is ${from} cannot be credited`,
  waived: (from) => `an invoice that is ${from} has nothing to waive`,
  'written-off': (from) => {
    if (from === 'at-agency') return AT_AGENCY_WRITE_OFF;
    if (from === 'in-payment-plan') return 'the client is paying by a payment plan that is being kept: a plan is written off only once it is broken';
    return `an invoice that is ${from} cannot be written off: only an overdue, reminded, returned or recalled one`;
  },
};
const AT_AGENCY_WRITE_OFF = 'the invoice is at the collection agency: recall it from the agency first, then write it off';

/**
 * Why the invoice cannot go from `from` to `to` now, or undefined when it can. Always a refusal
 * of kind `state`: the REST API answers it with 409.
 */
export function transitionRefusal(from: InvoiceState, to: InvoiceState, context: TransitionContext = {}): { readonly kind: 'state'; readonly reason: string } | undefined {
  if (canTransition(from, to, context)) return undefined;
  if (from === 'in-payment-plan' && to === 'written-off' && context.agencyPlan) return { kind: 'state', reason: AT_AGENCY_WRITE_OFF };
  const reason = REFUSALS[to]?.(from) ?? `an invoice cannot go from ${from} to ${to}`;
  return { kind: 'state', reason };
}
