import { mayDo } from '../access/matrix';
import { InvoiceState, transitionRefusal } from './states';

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

export interface WriteOffRequest {
  readonly state: InvoiceState;
  readonly role: string;
  readonly grounds: string;
  readonly note: string;
  /** Cents still open; nothing open means nothing to write off. */
  readonly openCents: number;
  /** The payment plan in force is the agency's (the invoice is at the agency). */
  readonly agencyPlan?: boolean;
}

/**
 * Why a write-off cannot be made, or undefined when it can (seed 004, Söderköping's debt routine:
 * write-offs are decided by the responsible manager; here the billing supervisor or the
 * result-area director). Only an unpaid invoice that is overdue (also a broken payment plan),
 * reminded (the agency's reminder service is told to stop), returned by the agency or recalled
 * from it. `kind` tells a broken rule (the role, the grounds) from the invoice's state: the REST
 * API answers the first with 400, the second with 409.
 */
export function writeOffRefusal(request: WriteOffRequest): { readonly kind: 'rule' | 'state'; readonly reason: string } | undefined {
  if (!mayDo(request.role, 'invoice.write-off')) {
    return { kind: 'rule', reason: `only the billing supervisor or the result-area director may write an invoice off, not ${request.role || 'someone without a role'}` };
  }
  if (!isWriteOffGround(request.grounds)) {
    return { kind: 'rule', reason: `a write-off needs its grounds, one of ${WRITE_OFF_GROUNDS.join(', ')}` };
  }
  if (!request.note?.trim()) return { kind: 'rule', reason: 'a write-off needs a note explaining the decision' };
  const refusal = transitionRefusal(request.state, 'written-off', { agencyPlan: request.agencyPlan });
  if (refusal) return refusal;
  if (request.openCents <= 0) return { kind: 'state', reason: 'nothing is open on the invoice to write off' };
  return undefined;
}
