import { actingRole, mayDo, whoMay } from '../access/matrix';

/**
 * Why a credit that takes a whole past-due invoice (or more than the organisation's threshold)
 * is made: a fixed list, so that such credits can be reported and told apart from the write-offs
 * (luottotappio) and waivers they would otherwise hide. The decision also carries a note.
 */
export const LARGE_CREDIT_GROUNDS = [
  'billing-error', // laskutusvirhe / felaktig debitering: wrong price, quantity, period or recipient
  'decision-rectified', // maksupäätös oikaistu / avgiftsbeslut ändrat: the fee decision was corrected or appealed
  'service-not-provided', // palvelua ei annettu / insatsen utfördes inte
  'duplicate-invoice', // kahdesti laskutettu / dubbeldebitering
  'fee-reduction', // § 11 maksun alentaminen tai perimättä jättäminen (Act 734/1992)
] as const;

export type LargeCreditGround = (typeof LARGE_CREDIT_GROUNDS)[number];

export function isLargeCreditGround(value: unknown): value is LargeCreditGround {
  return typeof value === 'string' && (LARGE_CREDIT_GROUNDS as readonly string[]).includes(value);
}

/**
 * The states of an invoice that is past its due date and unpaid, whose whole open amount a
 * credit would take off the books as a write-off or a waiver would: those decisions belong to
 * the billing supervisor and the result-area director (seed 000, domain.md §1).
 */
export const PAST_DUE_STATES = ['overdue', 'reminded', 'at-agency', 'in-payment-plan', 'returned', 'recalled'] as const;
const CLOSED_STATES = ['paid', 'credited', 'waived', 'written-off'];

export interface CreditRequest {
  /** The invoice's state as its lifecycle knows it. */
  readonly state: string;
  /** The roles the person holds; they act in the most senior one that may credit. */
  readonly roles: readonly string[];
  readonly amountCents: number;
  /** What is still open on the invoice. */
  readonly openCents: number;
  /** The organisation's threshold above which any credit is a large one; null: none. */
  readonly largeCreditThresholdCents: number | null;
  /** From `LARGE_CREDIT_GROUNDS`; required for a large credit. */
  readonly grounds?: string;
  /** Why, in words: always required. */
  readonly reason: string;
}

/** Whether a credit of this amount is a large one: the whole open amount of a past-due invoice, or above the threshold. */
export function isLargeCredit(request: Pick<CreditRequest, 'state' | 'amountCents' | 'openCents' | 'largeCreditThresholdCents'>): boolean {
  const wholePastDue = (PAST_DUE_STATES as readonly string[]).includes(request.state) && request.amountCents >= request.openCents;
  const aboveThreshold = request.largeCreditThresholdCents !== null && request.amountCents > request.largeCreditThresholdCents;
  return wholePastDue || aboveThreshold;
}

/**
 * Why a credit note (hyvityslasku / kreditfaktura) cannot be made, or undefined when it can.
 * Anyone the matrix lets credit (`invoice.credit`) may credit part of an invoice with a reason;
 * a large credit needs a role that may make one (`invoice.credit-large`: the billing supervisor
 * or the result-area director) and grounds from the fixed list, so that an officer cannot write
 * an overdue invoice off under another name. `kind` tells a broken rule (400) from the
 * invoice's state (409).
 */
export function creditRefusal(request: CreditRequest): { readonly kind: 'rule' | 'state'; readonly reason: string } | undefined {
  const role = actingRole(request.roles, 'invoice.credit');
  if (!role) return { kind: 'rule', reason: `roles ${request.roles.join(', ') || 'none'} may not credit invoices: ${whoMay('invoice.credit').join(', ')} may` };
  if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0) return { kind: 'rule', reason: 'a credit is a positive amount' };
  if (!request.reason?.trim()) return { kind: 'rule', reason: 'a credit needs its reason' };
  if (CLOSED_STATES.includes(request.state)) return { kind: 'state', reason: `an invoice that is ${request.state} cannot be credited` };
  if (request.amountCents > request.openCents) return { kind: 'rule', reason: `the credit is more than the ${request.openCents} cents still open` };
  if (!isLargeCredit(request)) return undefined;
  const what =
    request.amountCents >= request.openCents && (PAST_DUE_STATES as readonly string[]).includes(request.state)
      ? `crediting the whole open amount of an invoice that is ${request.state}`
      : `a credit above the organisation's threshold of ${request.largeCreditThresholdCents} cents`;
  if (!mayDo(request.roles, 'invoice.credit-large')) {
    return { kind: 'rule', reason: `${what} is decided by ${whoMay('invoice.credit-large').join(' or ')}, not by ${role}` };
  }
  if (!isLargeCreditGround(request.grounds)) return { kind: 'rule', reason: `${what} needs its grounds, one of ${LARGE_CREDIT_GROUNDS.join(', ')}` };
  return undefined;
}
