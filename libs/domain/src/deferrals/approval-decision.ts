import { mayDo, whoMay } from '../access/matrix';
import { secondPersonRefusal } from '../access/four-eyes';

/** A request waiting for the billing supervisor: a deferral or a payment plan beyond the officer's limit. */
export interface PendingApproval {
  readonly approvalId: string;
  readonly requestedBy: string;
}

export interface ApprovalDecisionRequest {
  /** What is waiting on the invoice now, if anything. */
  readonly pending: PendingApproval | undefined;
  /** The request the decision says it decides: a decision always names it. */
  readonly approvalId: string;
  readonly decider: string;
  readonly roles: readonly string[];
}

/**
 * Why a supervisor's decision on a waiting request cannot be taken, or undefined (seed 000: the
 * billing supervisor decides deferrals beyond the officer's limit). The decision names the
 * request it decides, so a decision sent for a request since decided or withdrawn never lands on
 * a newer one; and the person who asked does not decide their own request (four eyes).
 * `kind`: 'rule' → 422, 'state' → 409.
 */
export function approvalDecisionRefusal(request: ApprovalDecisionRequest): { readonly kind: 'rule' | 'state'; readonly reason: string } | undefined {
  if (!mayDo(request.roles, 'deferral.decide')) {
    return { kind: 'rule', reason: `only ${whoMay('deferral.decide').join(' or ')} decides a request beyond the officer's limit` };
  }
  if (!request.approvalId) return { kind: 'rule', reason: 'a decision names the request it decides (approvalId)' };
  const { pending } = request;
  if (!pending) return { kind: 'state', reason: `request ${request.approvalId} is not waiting for a decision: it was decided or withdrawn` };
  if (pending.approvalId !== request.approvalId) {
    return { kind: 'state', reason: `request ${request.approvalId} is not the one waiting for a decision (${pending.approvalId} is): it was decided or withdrawn` };
  }
  const own = secondPersonRefusal(request.decider, 'decide it', [{ actor: pending.requestedBy, act: 'asked for it' }]);
  return own ? { kind: 'rule', reason: own } : undefined;
}
