import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { BILLING_SUPERVISOR, CLIENT_FEE_OFFICER, decideDeferral } from '@clientfees/domain';
import {
  DeferralApprovalDecision,
  DeferralCommand,
  DeferralFailures,
  DeferralResult,
  InvoiceLifecycleInput,
  InvoiceLifecycleStatus,
  InvoiceLifecycleUpdates,
  InvoiceState,
  InvoiceTerms,
  InvoicingActivities,
  PaymentSignal,
  PendingDeferral,
  SearchAttributes,
  TaskQueues,
} from '@clientfees/contracts';

export const paymentSignal = defineSignal<[PaymentSignal]>('payment');
export const statusQuery = defineQuery<InvoiceLifecycleStatus>('status');
export const deferDueDateUpdate = defineUpdate<DeferralResult, [DeferralCommand]>(InvoiceLifecycleUpdates.deferDueDate);
export const requestDeferralApprovalUpdate = defineUpdate<PendingDeferral, [DeferralCommand]>(InvoiceLifecycleUpdates.requestDeferralApproval);
export const decideDeferralApprovalUpdate = defineUpdate<DeferralResult, [DeferralApprovalDecision]>(
  InvoiceLifecycleUpdates.decideDeferralApproval,
);

const invoicing = proxyActivities<InvoicingActivities>({
  taskQueue: TaskQueues.invoicing,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const DEFERRABLE: readonly InvoiceState[] = ['issued', 'overdue', 'deferred'];

/**
 * The life of one invoice (laskun elinkaari), seed 000:
 * issued → (due date: invoice date + 14 days + 3 banking days) → paid, or overdue → paid.
 * Deferrals move the due date: a client-fee officer up to 3 months, the billing supervisor up to
 * 12; an officer's longer request waits for the supervisor's decision (reminded after a few
 * banking days). Reminders, transfer to collection and payment plans extend this chart.
 */
export async function invoiceLifecycle(input: InvoiceLifecycleInput): Promise<InvoiceLifecycleStatus> {
  const status: InvoiceLifecycleStatus = { state: 'issued', paidCents: 0, totalCents: input.totalCents };
  const seenPayments = new Set<string>();
  const paidInFull = () => status.paidCents >= input.totalCents;
  let terms: InvoiceTerms | undefined;
  let dueMoved = false;

  setHandler(paymentSignal, (payment) => {
    if (seenPayments.has(payment.paymentId)) return;
    seenPayments.add(payment.paymentId);
    status.paidCents += payment.amountCents;
  });
  setHandler(statusQuery, () => ({ ...status }));

  const moveTo = async (next: InvoiceState, reason: string, actor = 'system:invoiceLifecycle') => {
    status.state = next;
    upsertSearchAttributes([{ key: SearchAttributes.invoiceState, value: next }]);
    await invoicing.recordInvoiceState({ invoiceId: input.invoiceId, state: next, reason, actor });
  };
  const showDueDate = (date: string) =>
    // The calendar due date as midnight UTC: the Temporal UI then shows the date itself.
    upsertSearchAttributes([{ key: SearchAttributes.dueDate, value: new Date(`${date}T00:00:00Z`) }]);

  /** Why a deferral cannot be considered at all now, or undefined. */
  const deferralBlocked = (): string | undefined => {
    if (!terms || !status.originalDueDate) return 'the due date is not set yet';
    if (!DEFERRABLE.includes(status.state)) return `an invoice that is ${status.state} cannot be deferred`;
    return undefined;
  };
  const decide = (command: DeferralCommand) =>
    decideDeferral({
      originalDueDate: status.originalDueDate!,
      requestedDueDate: command.requestedDueDate,
      role: command.role,
      limits: terms?.deferralLimits,
      isEstate: terms?.isEstate ?? false,
    });
  const refuse = (message: string, type: string = DeferralFailures.refused): never => {
    throw ApplicationFailure.nonRetryable(message, type);
  };
  const validateCommon = () => {
    const blocked = deferralBlocked();
    if (blocked) refuse(blocked, DeferralFailures.wrongState);
  };

  const grant = async (dueDate: string, actor: string, reason: string): Promise<DeferralResult> => {
    const moved = await invoicing.applyDeferral({ invoiceId: input.invoiceId, dueDate, actor, reason });
    status.state = 'deferred';
    status.dueDate = moved.dueDate;
    terms = { ...terms!, dueDateEndsAtMs: moved.dueDateEndsAtMs };
    dueMoved = true;
    upsertSearchAttributes([{ key: SearchAttributes.invoiceState, value: 'deferred' }]);
    showDueDate(moved.dueDate);
    return { outcome: 'granted', dueDate: moved.dueDate };
  };

  setHandler(deferDueDateUpdate, (command) => grant(command.requestedDueDate, command.actor, command.reason), {
    validator: (command) => {
      validateCommon();
      const decision = decide(command);
      if (decision.outcome === 'refused') refuse(decision.reason);
      if (decision.outcome === 'needs-supervisor-approval') {
        refuse(
          `${command.requestedDueDate} is beyond the client-fee officer's limit of ${terms?.deferralLimits?.officerMonths ?? 3} months: ` +
            `a longer deferral needs the billing supervisor's approval (request it for approval)`,
        );
      }
    },
  });

  setHandler(
    requestDeferralApprovalUpdate,
    async (command) => {
      const opened = await invoicing.openDeferralApproval({
        invoiceId: input.invoiceId,
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
        validateCommon();
        if (status.pendingDeferral) refuse('a deferral of this invoice is already waiting for the billing supervisor');
        if (command.role !== CLIENT_FEE_OFFICER) refuse('approval is requested by a client-fee officer; the billing supervisor defers directly');
        const decision = decide(command);
        if (decision.outcome === 'refused') refuse(decision.reason);
        if (decision.outcome === 'granted') refuse('within the client-fee officer’s own limit: defer it directly');
      },
    },
  );

  const remindUnlessDecided = async (pending: PendingDeferral, remindAtMs: number) => {
    const decided = await condition(() => status.pendingDeferral !== pending, Math.max(1, remindAtMs - Date.now()));
    if (!decided) await invoicing.remindDeferralApprover({ approvalId: pending.approvalId });
  };

  setHandler(
    decideDeferralApprovalUpdate,
    async (decision) => {
      const pending = status.pendingDeferral!;
      status.pendingDeferral = undefined;
      await invoicing.closeDeferralApproval({
        approvalId: pending.approvalId,
        outcome: decision.approve ? 'approved' : 'denied',
        decidedBy: decision.actor,
        note: decision.note,
      });
      if (!decision.approve) return { outcome: 'denied', dueDate: status.dueDate! };
      return grant(pending.requestedDueDate, decision.actor, `approved by the billing supervisor: ${decision.note}`);
    },
    {
      validator: (decision) => {
        if (decision.role !== BILLING_SUPERVISOR) refuse('only the billing supervisor decides a deferral longer than the officer’s limit');
        if (!status.pendingDeferral) refuse('no deferral of this invoice is waiting for a decision', DeferralFailures.wrongState);
        validateCommon();
      },
    },
  );

  terms = await invoicing.setInvoiceDueDate(input.invoiceId);
  status.dueDate = terms.dueDate;
  status.originalDueDate = terms.dueDate;
  showDueDate(terms.dueDate);

  for (;;) {
    dueMoved = false;
    await condition(() => paidInFull() || dueMoved, Math.max(1, terms.dueDateEndsAtMs - Date.now()));
    if (paidInFull()) break;
    if (dueMoved) continue;
    await moveTo('overdue', `not paid in full by the due date ${status.dueDate}`);
    await condition(() => paidInFull() || dueMoved);
    if (paidInFull()) break;
  }

  if (status.pendingDeferral) {
    const pending = status.pendingDeferral;
    status.pendingDeferral = undefined;
    await invoicing.closeDeferralApproval({ approvalId: pending.approvalId, outcome: 'withdrawn', decidedBy: 'system:invoiceLifecycle', note: 'invoice paid' });
  }
  await moveTo('paid', 'paid in full');
  await condition(allHandlersFinished);
  return { ...status };
}
