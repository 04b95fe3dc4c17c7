import { ApplicationFailure } from '@temporalio/workflow';
import { REFUSAL_FAILURE_TYPES, RefusalKind } from '@clientfees/contracts';

/**
 * Refuses a person's decision from an update validator: the update is rejected without a trace in
 * the history, and the caller gets the reason with its kind (422 a rule, 403 the role, 409 the state).
 */
export function refuse(kind: RefusalKind, reason: string): never {
  throw ApplicationFailure.nonRetryable(reason, REFUSAL_FAILURE_TYPES[kind]);
}

/** Refuses with a domain rule's refusal, if it has one. */
export function refuseIf(refusal: { readonly kind: RefusalKind; readonly reason: string } | undefined): void {
  if (refusal) refuse(refusal.kind, refusal.reason);
}
