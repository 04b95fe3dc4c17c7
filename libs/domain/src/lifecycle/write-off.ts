import { BILLING_SUPERVISOR, RESULT_AREA_DIRECTOR } from './roles';

/**
 * Why a receivable is written off (luottotappio / avskrivning): a fixed list, so the finance
 * centre's reports can group them. The decision also carries a free-text note.
 */
export const WRITE_OFF_GROUNDS = [
  'uncollectable', // perintä tuloksetonta / indrivning utsiktslös
  'estate-without-assets', // varaton kuolinpesä / dödsbo utan tillgångar
  'statute-barred', // vanhentunut / preskriberad
  'returned-by-agency', // the agency returned the case as uncollectable
  'below-collection-threshold', // too small to collect economically
  'debt-restructuring', // velkajärjestely / skuldsanering: the rest, five years after the decision took effect (seed 004)
] as const;

export type WriteOffGround = (typeof WRITE_OFF_GROUNDS)[number];

export function isWriteOffGround(value: unknown): value is WriteOffGround {
  return typeof value === 'string' && (WRITE_OFF_GROUNDS as readonly string[]).includes(value);
}

/** The billing supervisor and the result-area director decide write-offs; nobody else. */
export const WRITE_OFF_ROLES = [BILLING_SUPERVISOR, RESULT_AREA_DIRECTOR] as const;

export function mayWriteOff(role: string): boolean {
  return (WRITE_OFF_ROLES as readonly string[]).includes(role);
}

/**
 * The states from which an unpaid invoice may be written off: overdue (also a broken payment
 * plan, which is overdue again), reminded (the agency's reminder service is told to stop),
 * returned by the agency, recalled from it.
 */
export const WRITE_OFF_STATES = ['overdue', 'reminded', 'returned', 'recalled'] as const;

export interface WriteOffRequest {
  /** The invoice's state as the lifecycle knows it (contracts' InvoiceState). */
  readonly state: string;
  readonly role: string;
  readonly grounds: string;
  readonly note: string;
  /** Cents still open; nothing open means nothing to write off. */
  readonly openCents: number;
  /** The payment plan in force is the agency's (the invoice is at the agency). */
  readonly agencyPlan?: boolean;
}

/**
 * Why a write-off cannot be made, or undefined when it can. `kind` tells a broken rule (the role,
 * the grounds) from the invoice's state: the REST API answers the first with 400, the second with 409.
 */
export function writeOffRefusal(request: WriteOffRequest): { readonly kind: 'rule' | 'state'; readonly reason: string } | undefined {
  if (!mayWriteOff(request.role)) {
    return { kind: 'rule', reason: `only the billing supervisor or the result-area director may write an invoice off, not ${request.role || 'someone without a role'}` };
  }
  if (!isWriteOffGround(request.grounds)) {
    return { kind: 'rule', reason: `a write-off needs its grounds, one of ${WRITE_OFF_GROUNDS.join(', ')}` };
  }
  if (!request.note?.trim()) return { kind: 'rule', reason: 'a write-off needs a note explaining the decision' };
  const { state } = request;
  if (state === 'at-agency' || (state === 'in-payment-plan' && request.agencyPlan)) {
    return { kind: 'state', reason: 'the invoice is at the collection agency: recall it from the agency first, then write it off' };
  }
  if (state === 'in-payment-plan') {
    return { kind: 'state', reason: 'the client is paying by a payment plan that is being kept: a plan is written off only once it is broken' };
  }
  if (!(WRITE_OFF_STATES as readonly string[]).includes(state)) {
    return { kind: 'state', reason: `an invoice that is ${state} cannot be written off: only an overdue, reminded, returned or recalled one` };
  }
  if (request.openCents <= 0) return { kind: 'state', reason: 'nothing is open on the invoice to write off' };
  return undefined;
}
