import { condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { decideDeferral, deferralLimits, mayDo, transitionRefusal } from '@clientfees/domain/workflow';
import {
  decideDeferralApprovalUpdate,
  deferDueDateUpdate,
  DeferralCommand,
  DeferralResult,
  PendingDeferral,
  requestDeferralApprovalUpdate,
  SearchAttributes,
} from '@clientfees/contracts';
import { refuse, refuseIf } from '../refuse';
import { invoicing } from './activities';
import { Lifecycle, SYSTEM_ACTOR } from './state';

/**
 * Deferrals of the due date (eräpäivän siirto / anstånd, seed 000): a client-fee officer up to
 * 3 months past the original due date, the billing supervisor up to 12; an officer's longer
 * request waits in the supervisor's inbox, and the supervisor is reminded after a few banking days.
 */
export function handleDeferrals(lifecycle: Lifecycle): void {
  const { status } = lifecycle;

  /** The original due date, once the invoice may be deferred at all; refuses otherwise. */
  const deferrable = (): string => {
    if (!lifecycle.termsKnown || !status.originalDueDate) refuse('state', 'the due date is not set yet');
    refuseIf(transitionRefusal(status.state, 'deferred'));
    return status.originalDueDate;
  };
  const decide = (command: DeferralCommand) =>
    decideDeferral({
      originalDueDate: deferrable(),
      requestedDueDate: command.requestedDueDate,
      role: command.role,
      limits: lifecycle.terms.deferralLimits,
      isEstate: lifecycle.terms.isEstate,
    });

  const grant = async (dueDate: string, actor: string, reason: string): Promise<DeferralResult> => {
    // The invoicing service records the deferral with its actor and reason.
    const moved = await invoicing.applyDeferral({ invoiceId: lifecycle.input.invoiceId, dueDate, actor, reason });
    status.state = 'deferred';
    status.dueDate = moved.dueDate;
    lifecycle.terms = { ...lifecycle.terms, dueDateEndsAtMs: moved.dueDateEndsAtMs };
    lifecycle.dueMoved = true;
    upsertSearchAttributes([{ key: SearchAttributes.invoiceState, value: 'deferred' }]);
    lifecycle.showDueDate(moved.dueDate);
    return { outcome: 'granted', dueDate: moved.dueDate };
  };

  setHandler(deferDueDateUpdate, (command) => grant(command.requestedDueDate, command.actor, command.reason), {
    validator: (command) => {
      const decision = decide(command);
      if (decision.outcome === 'refused') refuse('rule', decision.reason);
      if (decision.outcome === 'needs-supervisor-approval') {
        refuse(
          'rule',
          `${command.requestedDueDate} is beyond the client-fee officer's limit of ${deferralLimits(lifecycle.terms.deferralLimits).officerMonths} months: ` +
            `a longer deferral needs the billing supervisor's approval (request it for approval)`,
        );
      }
    },
  });

  setHandler(
    requestDeferralApprovalUpdate,
    async (command) => {
      const opened = await invoicing.openDeferralApproval({
        invoiceId: lifecycle.input.invoiceId,
        requestedDueDate: command.requestedDueDate,
        requestedBy: command.actor,
        reason: command.reason,
      });
      const pending: PendingDeferral = { approvalId: opened.approvalId, requestedDueDate: command.requestedDueDate, requestedBy: command.actor };
      status.pendingDeferral = pending;
      void remindUnlessDecided(pending, opened.remindAtMs);
      return pending;
    },
    {
      validator: (command) => {
        deferrable();
        if (status.pendingDeferral) refuse('rule', 'a deferral of this invoice is already waiting for the billing supervisor');
        if (!mayDo(command.role, 'deferral.request')) refuse('rule', 'approval is requested by a client-fee officer; the billing supervisor defers directly');
        const decision = decide(command);
        if (decision.outcome === 'refused') refuse('rule', decision.reason);
        if (decision.outcome === 'granted') refuse('rule', 'within the client-fee officer’s own limit: defer it directly');
      },
    },
  );

  /** Reminds the billing supervisor once when the request is still waiting on the day the service named. */
  const remindUnlessDecided = async (pending: PendingDeferral, remindAtMs: number) => {
    const decided = await condition(() => status.pendingDeferral !== pending, Lifecycle.until(remindAtMs));
    if (!decided) await invoicing.remindDeferralApprover({ approvalId: pending.approvalId });
  };

  setHandler(
    decideDeferralApprovalUpdate,
    async (decision) => {
      const pending = status.pendingDeferral;
      if (!pending) return { outcome: 'denied', dueDate: status.dueDate ?? lifecycle.terms.dueDate };
      status.pendingDeferral = undefined;
      await invoicing.closeDeferralApproval({
        approvalId: pending.approvalId,
        outcome: decision.approve ? 'approved' : 'denied',
        decidedBy: decision.actor,
        note: decision.note,
      });
      if (!decision.approve) return { outcome: 'denied', dueDate: status.dueDate ?? lifecycle.terms.dueDate };
      return grant(pending.requestedDueDate, decision.actor, `approved by the billing supervisor: ${decision.note}`);
    },
    {
      validator: (decision) => {
        if (!mayDo(decision.role, 'deferral.decide')) refuse('rule', 'only the billing supervisor decides a deferral longer than the officer’s limit');
        if (!status.pendingDeferral) refuse('state', 'no deferral of this invoice is waiting for a decision');
        deferrable();
      },
    },
  );
}

/** A request still waiting when the invoice is settled is withdrawn from the supervisor's inbox. */
export async function withdrawPendingDeferral(lifecycle: Lifecycle): Promise<void> {
  const pending = lifecycle.status.pendingDeferral;
  if (!pending) return;
  lifecycle.status.pendingDeferral = undefined;
  const note = lifecycle.closedBy ? `invoice ${lifecycle.closedBy}` : 'invoice paid';
  await invoicing.closeDeferralApproval({ approvalId: pending.approvalId, outcome: 'withdrawn', decidedBy: SYSTEM_ACTOR, note });
}
