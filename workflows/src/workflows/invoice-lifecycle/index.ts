import { allHandlersFinished, condition, patched } from '@temporalio/workflow';
import { InvoiceLifecycleInput, InvoiceLifecycleStatus, InvoiceLifecycleWorkflow, TransferRunSignal, WorkflowFunctionOf } from '@clientfees/contracts';
import { invoicing } from './activities';
import { awaitReminderDue, collectAtAgency, followAgency, remind } from './collection';
import { handleClosingDecisions, handleRecall } from './decisions';
import { handleDeferrals, withdrawPendingDeferral } from './deferrals';
import { followPlan, handlePaymentPlans } from './payment-plans';
import { handleFacts } from './signals';
import { knownTerms, Lifecycle } from './state';

/**
 * The life of one invoice (laskun elinkaari), seed 000 (docs/domain.md §4, ADR 0005):
 *
 *   issued ─ due date (invoice date + 14 days + 3 banking days) ─► overdue
 *   overdue ─ the first transfer run ≥ 17 days after the due date ─► reminded
 *            (the agency's reminder service sends the reminder with fee and interest)
 *   reminded ─ unpaid by the reminder's due date (+14 days) ─► at-agency (collection)
 *   at-agency ─ agency reports: paid │ payment plan │ returned
 *   reminded / at-agency ─ transferred in error ─► recalled (no collection costs)
 *   overdue / reminded / returned / recalled ─ written off (supervisor or director) ─► written-off
 *   any step ─ paid in full ─► paid
 *   paid ─ the bank takes the payment back ─► a new run, resumed as issued / partially-paid / overdue
 *
 * People's decisions (deferrals, payment plans, credit notes, waivers, write-offs, recalls) are
 * updates whose validators ask the domain's rules (ADR 0006); the states and the moves between
 * them are the domain's (libs/domain/src/lifecycle/states.ts).
 */
export async function invoiceLifecycle(input: InvoiceLifecycleInput): Promise<InvoiceLifecycleStatus> {
  const lifecycle = new Lifecycle(input);
  // Every handler is set before the first activity, so no signal or decision finds one missing.
  handleFacts(lifecycle);
  handleRecall(lifecycle);
  handleDeferrals(lifecycle);
  handleClosingDecisions(lifecycle);
  handlePaymentPlans(lifecycle);

  await learnTerms(lifecycle);
  // Lifecycles started before this step existed replay without it.
  if (patched('partially-paid-state')) void watchPartPayment(lifecycle);

  const run = await awaitTransferRun(lifecycle);
  if (run) {
    const reminder = await remind(lifecycle, run);
    if (await awaitReminderDue(lifecycle, reminder)) {
      await collectAtAgency(lifecycle, reminder);
      await followAgency(lifecycle);
    }
  }
  await withdrawPendingDeferral(lifecycle);
  // Recalled or returned: the invoice stays payable, without collection costs, until paid.
  await awaitSettled(lifecycle);
  return { ...lifecycle.status };
}

invoiceLifecycle satisfies WorkflowFunctionOf<typeof InvoiceLifecycleWorkflow>;

/** The invoicing service computes the due date with the banking calendar and says what else the lifecycle needs. */
async function learnTerms(lifecycle: Lifecycle): Promise<void> {
  const terms = knownTerms(await invoicing.setInvoiceDueDate(lifecycle.input.invoiceId));
  const { status } = lifecycle;
  lifecycle.terms = terms;
  status.dueDate = terms.dueDate;
  status.originalDueDate = terms.dueDate;
  status.collectionPausedUntil ??= terms.collectionPausedUntil;
  lifecycle.showDueDate(terms.dueDate);
}

/** A payment that leaves something open before the due date: partially paid. */
async function watchPartPayment(lifecycle: Lifecycle): Promise<void> {
  const { status } = lifecycle;
  await condition(() => lifecycle.settled() || (status.paidCents > 0 && status.state === 'issued'));
  if (!lifecycle.settled() && status.state === 'issued') await lifecycle.moveTo('partially-paid', `partly paid: ${status.paidCents} of ${status.totalCents} cents`);
}

/**
 * Until the due date (or a deferred one) passes unpaid and a transfer run takes the invoice, or
 * it is settled first: the run that took it, or undefined. A payment plan made meanwhile is
 * followed; a broken one leaves the invoice overdue for the next run.
 */
async function awaitTransferRun(lifecycle: Lifecycle): Promise<TransferRunSignal | undefined> {
  const taken = () => (lifecycle.settled() ? undefined : lifecycle.transferRun);
  for (;;) {
    const due = await awaitDueDate(lifecycle);
    if (due === 'settled') return taken();
    if (due === 'moved') continue;
    if (due === 'passed') {
      const overdue = await awaitOverdue(lifecycle);
      if (overdue === 'settled-or-taken') return taken();
      if (overdue === 'moved') continue;
    }
    lifecycle.planMade = false;
    if (!(await followPlan(lifecycle))) await condition(() => lifecycle.settled() || lifecycle.transferRun !== undefined);
    return taken();
  }
}

/** The due date's end in the organisation's zone, unless a payment, a deferral or a plan comes first. */
async function awaitDueDate(lifecycle: Lifecycle): Promise<'settled' | 'planned' | 'moved' | 'passed'> {
  lifecycle.dueMoved = false;
  await condition(() => lifecycle.settled() || lifecycle.dueMoved || lifecycle.planMade, Lifecycle.until(lifecycle.terms.dueDateEndsAtMs));
  if (lifecycle.settled()) return 'settled';
  if (lifecycle.planMade) return 'planned';
  return lifecycle.dueMoved ? 'moved' : 'passed';
}

/** Overdue (erääntynyt / förfallen): waits for a transfer run to take it, or a payment, deferral or plan. */
async function awaitOverdue(lifecycle: Lifecycle): Promise<'settled-or-taken' | 'planned' | 'moved'> {
  // A reopened invoice resumed as overdue is overdue already (the reopening recorded it).
  if (!lifecycle.resumedIn('overdue')) await lifecycle.moveTo('overdue', `not paid in full by the due date ${lifecycle.status.dueDate}`);
  await condition(() => lifecycle.settled() || lifecycle.dueMoved || lifecycle.planMade || lifecycle.transferRun !== undefined);
  if (lifecycle.settled() || lifecycle.transferRun) return 'settled-or-taken';
  return lifecycle.planMade ? 'planned' : 'moved';
}

/** Paid in full, or closed by a decision; then every decision still running finishes first. */
async function awaitSettled(lifecycle: Lifecycle): Promise<void> {
  await condition(() => lifecycle.settled());
  if (!lifecycle.closedBy) await lifecycle.moveTo('paid', 'paid in full');
  await condition(allHandlersFinished);
}
