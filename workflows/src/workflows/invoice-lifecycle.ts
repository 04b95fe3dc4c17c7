import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  addDays,
  approvalDecisionRefusal,
  CLIENT_FEE_OFFICER,
  creditRefusal,
  decideDeferral,
  decidePaymentPlanLimit,
  isDomainValidationError,
  isAfter,
  isOnOrAfter,
  isOnOrBefore,
  localDateInZone,
  makePaymentPlan,
  mayWaiveCollection,
  Money,
  RESULT_AREA_DIRECTOR,
  startOfDayInZone,
  writeOffRefusal,
} from '@clientfees/domain/workflow';
import {
  AgencyStatusSignal,
  CollectionActivities,
  CreditCommand,
  DeferralApprovalDecision,
  DeferralCommand,
  DeferralFailures,
  DeferralResult,
  FeeReductionSignal,
  InvoiceLifecycleInput,
  InvoiceLifecycleStatus,
  InvoiceLifecycleUpdates,
  InvoiceState,
  InvoiceTerms,
  InvoicingActivities,
  PaymentSignal,
  PaymentPlanCommand,
  PendingDeferral,
  PlannedInstalment,
  RecallCommand,
  SearchAttributes,
  TaskQueues,
  TransferRunSignal,
  WaiverCommand,
  WriteOffCommand,
} from '@clientfees/contracts';

export const paymentSignal = defineSignal<[PaymentSignal]>('payment');
export const transferRunSignal = defineSignal<[TransferRunSignal]>('transferRun');
export const feeReductionSignal = defineSignal<[FeeReductionSignal]>('feeReductionDecision');
export const agencyStatusSignal = defineSignal<[AgencyStatusSignal]>('agencyStatus');
export const recallUpdate = defineUpdate<InvoiceLifecycleStatus, [RecallCommand]>(InvoiceLifecycleUpdates.recall);
export const waiveCollectionUpdate = defineUpdate<InvoiceLifecycleStatus, [WaiverCommand]>(InvoiceLifecycleUpdates.waiveCollection);
export const writeOffUpdate = defineUpdate<InvoiceLifecycleStatus, [WriteOffCommand]>(InvoiceLifecycleUpdates.writeOff);
export const paymentPlanUpdate = defineUpdate<InvoiceLifecycleStatus, [PaymentPlanCommand]>(InvoiceLifecycleUpdates.paymentPlan);
export const creditInvoiceUpdate = defineUpdate<InvoiceLifecycleStatus, [CreditCommand]>(InvoiceLifecycleUpdates.credit);
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

const collection = proxyActivities<CollectionActivities>({
  taskQueue: TaskQueues.collection,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

const DEFERRABLE: readonly InvoiceState[] = ['issued', 'partially-paid', 'overdue', 'deferred'];
const AT_AGENCY: readonly InvoiceState[] = ['reminded', 'at-agency', 'in-payment-plan'];
const CLOSED: readonly InvoiceState[] = ['paid', 'credited', 'waived', 'written-off'];
/** Before the reminder the organisation follows the plan; at the agency the agency does, once told. */
const PLANNABLE: readonly InvoiceState[] = ['issued', 'partially-paid', 'overdue', 'deferred', 'recalled', 'returned', 'at-agency'];

/**
 * The life of one invoice (laskun elinkaari), seed 000:
 *
 *   issued ─ due date (invoice date + 14 days + 3 banking days) ─► overdue
 *   overdue ─ the first weekly transfer run ≥ 17 days after the due date ─► reminded
 *            (the agency's reminder service sends the reminder with fee and interest)
 *   reminded ─ unpaid by the reminder's due date (+14 days) ─► at-agency (collection)
 *   at-agency ─ agency reports: paid │ payment plan │ returned
 *   reminded / at-agency ─ transferred in error ─► recalled (no collection costs)
 *   overdue / reminded / returned / recalled ─ written off (supervisor or director) ─► written-off
 *   any step ─ paid in full ─► paid
 *
 * Deferrals move the due date: a client-fee officer up to 3 months, the billing supervisor up to
 * 12; an officer's longer request waits for the supervisor's decision (reminded after a few
 * banking days).
 */
export async function invoiceLifecycle(input: InvoiceLifecycleInput): Promise<InvoiceLifecycleStatus> {
  const status: InvoiceLifecycleStatus = { state: 'issued', paidCents: 0, totalCents: input.totalCents };
  const seenPayments = new Set<string>();
  const paidInFull = () => status.paidCents >= status.totalCents;
  /** Paid, or closed by a credit note, a waiver or a write-off: nothing more to wait for. */
  let closedBy: 'credited' | 'waived' | 'written-off' | undefined;
  const settled = () => paidInFull() || closedBy !== undefined;
  let terms: InvoiceTerms | undefined;
  let dueMoved = false;
  let transferRun: TransferRunSignal | undefined;
  let recallRequest: RecallCommand | undefined;
  const agencyReports: AgencyStatusSignal[] = [];
  const seenReports = new Set<string>();
  const openCents = () => Math.max(0, status.totalCents - status.paidCents);
  let planMade = false;
  let paidBeforePlan = 0;
  /** The plan in force is the agency's (made at the agency or reported by it). */
  let agencyPlan = false;

  setHandler(paymentSignal, (payment) => {
    if (seenPayments.has(payment.paymentId)) return;
    seenPayments.add(payment.paymentId);
    status.paidCents += payment.amountCents;
  });
  setHandler(statusQuery, () => ({ ...status }));
  /** Whether a § 11 decision holds reminders and collection back on this day. */
  const pausedOn = (date: string) => status.collectionPausedUntil !== undefined && isOnOrBefore(date, status.collectionPausedUntil);
  setHandler(transferRunSignal, (run) => {
    // Only an overdue invoice whose waiting time is over, and not held back by a decision, goes.
    if (status.state === 'overdue' && terms?.transferEligibleDate && isOnOrAfter(run.runDate, terms.transferEligibleDate) && !pausedOn(run.runDate)) {
      transferRun ??= run;
    }
  });
  setHandler(feeReductionSignal, (decision) => {
    if (!status.collectionPausedUntil || isAfter(decision.validTo, status.collectionPausedUntil)) status.collectionPausedUntil = decision.validTo;
  });
  setHandler(agencyStatusSignal, (report) => {
    if (seenReports.has(report.reportId)) return;
    seenReports.add(report.reportId);
    agencyReports.push(report);
  });
  setHandler(
    recallUpdate,
    async (command) => {
      recallRequest = command;
      await collection.recallFromAgency({ invoiceId: input.invoiceId, reason: command.reason, actor: command.actor });
      await moveTo('recalled', `recalled from the agency without collection costs: ${command.reason}`, command.actor);
      return { ...status };
    },
    {
      validator: (_command) => {
        if (closedBy) refuse(`the invoice is being ${closedBy}`, DeferralFailures.wrongState);
        if (!AT_AGENCY.includes(status.state)) {
          throw ApplicationFailure.nonRetryable(`an invoice that is ${status.state} is not at the agency`, DeferralFailures.wrongState);
        }
      },
    },
  );

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
        // The decision names the request it decides, and its requester does not decide it (four eyes).
        const refusal = approvalDecisionRefusal({
          pending: status.pendingDeferral,
          approvalId: decision.approvalId,
          decider: decision.actor,
          roles: [decision.role],
        });
        if (refusal) refuse(refusal.reason, refusal.kind === 'state' ? DeferralFailures.wrongState : DeferralFailures.refused);
        validateCommon();
      },
    },
  );

  /** Leaves the agency first when the invoice is there, so the client pays no collection costs. */
  const leaveAgency = async (reason: string, actor: string) => {
    if (AT_AGENCY.includes(status.state)) await collection.recallFromAgency({ invoiceId: input.invoiceId, reason, actor });
  };

  setHandler(
    waiveCollectionUpdate,
    async (command) => {
      await leaveAgency(`collection waived: ${command.grounds}`, command.actor);
      closedBy = 'waived';
      await moveTo('waived', `collection waived by the result-area director: ${command.grounds}`, command.actor);
      return { ...status };
    },
    {
      validator: (command) => {
        if (!mayWaiveCollection(command.role)) refuse(`only the result-area director may waive collection, not ${command.role}`);
        if (!command.grounds?.trim()) refuse('a waiver needs its grounds');
        if (CLOSED.includes(status.state)) refuse(`an invoice that is ${status.state} has nothing to waive`, DeferralFailures.wrongState);
      },
    },
  );

  setHandler(
    writeOffUpdate,
    async (command) => {
      // Histories with a write-off carry this marker; lifecycles that never get one replay as
      // before (the handler adds commands only when a write-off is decided).
      patched('written-off-state');
      const amountCents = openCents();
      // At once, so that no timer moves the invoice on (e.g. to the agency) while the activities run.
      closedBy = 'written-off';
      status.writtenOff = { amountCents, grounds: command.grounds, note: command.note, decidedBy: command.actor };
      // Reminded: the agency's reminder service is told to stop, without costs for the client.
      await leaveAgency(`written off (${command.grounds}): ${command.note}`, command.actor);
      const who = command.role === RESULT_AREA_DIRECTOR ? 'the result-area director' : 'the billing supervisor';
      const amount = Money.ofMinor(amountCents, input.currency).toString();
      await moveTo('written-off', `${amount} written off by ${who} (${command.grounds}): ${command.note}`, command.actor);
      return { ...status };
    },
    {
      validator: (command) => {
        if (closedBy) refuse(`the invoice is already ${closedBy}`, DeferralFailures.wrongState);
        const refusal = writeOffRefusal({
          state: status.state,
          role: command.role,
          grounds: command.grounds,
          note: command.note,
          openCents: openCents(),
          agencyPlan: status.state === 'in-payment-plan' && agencyPlan,
        });
        if (refusal) refuse(refusal.reason, refusal.kind === 'state' ? DeferralFailures.wrongState : DeferralFailures.refused);
      },
    },
  );

  setHandler(
    creditInvoiceUpdate,
    async (command) => {
      const full = command.amountCents >= openCents();
      if (full) await leaveAgency(`credited: ${command.reason}`, command.actor);
      await invoicing.recordCreditNote({ invoiceId: input.invoiceId, amountCents: command.amountCents, reason: command.reason, actor: command.actor });
      status.totalCents -= command.amountCents;
      if (status.totalCents <= 0 || (full && status.paidCents === 0)) {
        closedBy = 'credited';
        await moveTo('credited', `credited in full: ${command.reason}`, command.actor);
      }
      return { ...status };
    },
    {
      validator: (command) => {
        // The whole open amount of a past-due invoice is a write-off or a waiver by another name:
        // the billing supervisor's or the director's, on grounds from a fixed list.
        const refusal = creditRefusal({
          state: status.state,
          roles: command.roles ?? [command.role],
          amountCents: command.amountCents,
          openCents: openCents(),
          largeCreditThresholdCents: null,
          grounds: command.grounds,
          reason: command.reason,
        });
        if (refusal) refuse(refusal.reason, refusal.kind === 'state' ? DeferralFailures.wrongState : DeferralFailures.refused);
      },
    },
  );

  const planFor = (command: PaymentPlanCommand): PlannedInstalment[] =>
    makePaymentPlan(Money.ofMinor(openCents(), input.currency), { count: command.instalments, firstDueDate: command.firstDueDate }).instalments.map(
      (instalment) => ({ number: instalment.number, dueDate: instalment.dueDate, amountCents: instalment.amount.minorUnits }),
    );

  setHandler(
    paymentPlanUpdate,
    async (command) => {
      const atAgency = status.state === 'at-agency';
      status.paymentPlan = { instalments: planFor(command) };
      paidBeforePlan = status.paidCents;
      agencyPlan = atAgency;
      if (atAgency) {
        await collection.tellAgencyOfPaymentPlan({ invoiceId: input.invoiceId, instalments: status.paymentPlan.instalments, actor: command.actor });
      } else {
        planMade = true;
      }
      const { instalments } = status.paymentPlan;
      await moveTo('in-payment-plan', `payment plan: ${instalments.length} instalments from ${instalments[0].dueDate} to ${instalments[instalments.length - 1].dueDate}`, command.actor);
      return { ...status };
    },
    {
      validator: (command) => {
        if (!PLANNABLE.includes(status.state)) refuse(`an invoice that is ${status.state} cannot get a payment plan here`, DeferralFailures.wrongState);
        if (status.paymentPlan) refuse('the invoice already has a payment plan', DeferralFailures.wrongState);
        let instalments: PlannedInstalment[] = [];
        try {
          instalments = planFor(command);
        } catch (error) {
          if (isDomainValidationError(error)) refuse(error.message);
          throw error;
        }
        // A plan defers all but its first part: bounded by the role's deferral limit from the original due date.
        const limit = decidePaymentPlanLimit({
          originalDueDate: status.originalDueDate ?? status.dueDate!,
          instalmentDueDates: instalments.map((instalment) => instalment.dueDate),
          role: command.role,
          limits: terms?.deferralLimits,
        });
        if (limit.outcome !== 'granted') refuse(limit.reason);
      },
    },
  );

  /**
   * Follows the plan instalment by instalment. True when the invoice is settled; false when an
   * instalment was missed, which breaks the plan and sends the rest to the next transfer run.
   */
  const followPlan = async (): Promise<boolean> => {
    let dueSoFar = 0;
    for (const instalment of status.paymentPlan!.instalments) {
      dueSoFar += instalment.amountCents;
      await condition(settled, Math.max(1, endOf(instalment.dueDate) - Date.now()));
      if (settled()) return true;
      if (status.paidCents - paidBeforePlan < dueSoFar) {
        const today = localDateInZone(Date.now(), terms?.timeZone ?? 'Europe/Helsinki');
        terms = { ...terms!, transferEligibleDate: today };
        status.paymentPlan = undefined;
        status.state = 'overdue';
        upsertSearchAttributes([{ key: SearchAttributes.invoiceState, value: 'overdue' }]);
        await invoicing.recordInvoiceState({
          invoiceId: input.invoiceId,
          state: 'overdue',
          reason: `payment plan broken: instalment ${instalment.number} due ${instalment.dueDate} not paid; to the next transfer run`,
          actor: 'system:invoiceLifecycle',
          transferEligibleDate: today,
        });
        return false;
      }
    }
    await condition(settled);
    return true;
  };

  const endOf = (date: string) => startOfDayInZone(addDays(date, 1), terms?.timeZone ?? 'Europe/Helsinki');
  const nextReport = async (): Promise<AgencyStatusSignal | undefined> => {
    await condition(() => settled() || recallRequest !== undefined || agencyReports.length > 0);
    return agencyReports.shift();
  };

  /** The agency's part: reminder, then collection, until paid, recalled or returned. */
  const collect = async (run: TransferRunSignal) => {
    const reminderDueDate = addDays(run.runDate, terms!.reminderDueDays ?? 14);
    const reminder = await collection.sendReminder({
      invoice: { ...terms!.snapshot!, dueDate: status.dueDate! },
      openCents: openCents(),
      reminderDate: run.runDate,
      reminderDueDate,
      reminderFeeCents: terms!.reminderFeeCents ?? 0,
    });
    status.reminder = { reminderId: reminder.reminderId, reminderDueDate, feeCents: reminder.reminderFeeCents, interestCents: reminder.interestCents };
    status.agencyCaseId = reminder.agencyCaseId;
    await moveTo('reminded', `transfer run ${run.runDate}: reminder with fee ${reminder.reminderFeeCents} and interest ${reminder.interestCents} cents, due ${reminderDueDate}`);

    await condition(() => settled() || recallRequest !== undefined, Math.max(1, endOf(reminderDueDate) - Date.now()));
    // A § 11 decision made after the reminder holds collection back until it ends.
    while (!settled() && !recallRequest && status.collectionPausedUntil && pausedOn(localDateInZone(Date.now(), terms!.timeZone ?? 'Europe/Helsinki'))) {
      await condition(() => settled() || recallRequest !== undefined, Math.max(1, endOf(status.collectionPausedUntil) - Date.now()));
    }
    if (settled() || recallRequest) return;
    await collection.transferToAgency({ invoice: terms!.snapshot!, openCents: openCents(), reminderId: reminder.reminderId, transferDate: addDays(reminderDueDate, 1) });
    await moveTo('at-agency', `not paid by the reminder's due date ${reminderDueDate}: collection by the agency`);

    for (;;) {
      const report = await nextReport();
      if (!report) return;
      if (report.status === 'paid') {
        status.paidCents += report.amountCents ?? openCents();
        return;
      }
      if (report.status === 'payment-plan') {
        agencyPlan = true;
        await moveTo('in-payment-plan', `the agency agreed a payment plan (${report.reportedOn})`, 'collection-agency');
        continue;
      }
      await moveTo('returned', `the agency returned the case (${report.reportedOn}): back to the billing team`, 'collection-agency');
      return;
    }
  };

  terms = await invoicing.setInvoiceDueDate(input.invoiceId);
  status.dueDate = terms.dueDate;
  status.originalDueDate = terms.dueDate;
  status.collectionPausedUntil ??= terms.collectionPausedUntil;
  showDueDate(terms.dueDate);

  // Lifecycles started before this step existed replay without it.
  if (patched('partially-paid-state')) {
    void (async () => {
      await condition(() => settled() || (status.paidCents > 0 && status.state === 'issued'));
      if (!settled() && status.state === 'issued') await moveTo('partially-paid', `partly paid: ${status.paidCents} of ${status.totalCents} cents`);
    })();
  }

  // Until the due date (or a deferred one) passes unpaid, or a transfer run takes the invoice.
  for (;;) {
    dueMoved = false;
    await condition(() => settled() || dueMoved || planMade, Math.max(1, terms.dueDateEndsAtMs - Date.now()));
    if (settled()) break;
    if (!planMade) {
      if (dueMoved) continue;
      await moveTo('overdue', `not paid in full by the due date ${status.dueDate}`);
      await condition(() => settled() || dueMoved || planMade || transferRun !== undefined);
      if (settled() || transferRun) break;
      if (!planMade) continue;
    }
    planMade = false;
    if (await followPlan()) break;
    await condition(() => settled() || transferRun !== undefined);
    break;
  }

  if (!settled() && transferRun) await collect(transferRun);
  if (status.pendingDeferral) {
    const pending = status.pendingDeferral;
    status.pendingDeferral = undefined;
    await invoicing.closeDeferralApproval({ approvalId: pending.approvalId, outcome: 'withdrawn', decidedBy: 'system:invoiceLifecycle', note: closedBy ? `invoice ${closedBy}` : 'invoice paid' });
  }
  // Recalled or returned: the invoice stays payable, without collection costs, until paid.
  await condition(settled);
  if (!closedBy) await moveTo('paid', 'paid in full');
  await condition(allHandlersFinished);
  return { ...status };
}
