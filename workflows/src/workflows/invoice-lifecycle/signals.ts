import { setHandler } from '@temporalio/workflow';
import { isAfter, isOnOrAfter } from '@clientfees/domain/workflow';
import { agencyStatusSignal, feeReductionSignal, lifecycleStatusQuery, paymentSignal, transferRunSignal } from '@clientfees/contracts';
import type { Lifecycle } from './state';

/**
 * The facts the lifecycle is told, and the status it answers. Each fact counts once however
 * often it arrives (payment ids, report ids; a transfer run is taken once, a pause only grows):
 * the outboxes that send them may send one twice.
 */
export function handleFacts(lifecycle: Lifecycle): void {
  const { status } = lifecycle;
  setHandler(paymentSignal, (payment) => {
    if (lifecycle.seenPayments.has(payment.paymentId)) return;
    lifecycle.seenPayments.add(payment.paymentId);
    status.paidCents += payment.amountCents;
  });
  setHandler(lifecycleStatusQuery, () => ({ ...status }));
  setHandler(transferRunSignal, (run) => {
    // Only an overdue invoice whose waiting time is over, and not held back by a decision, goes (ADR 0002).
    const eligible = status.state === 'overdue' && lifecycle.termsKnown && lifecycle.terms.transferEligibleDate;
    if (eligible && isOnOrAfter(run.runDate, eligible) && !lifecycle.pausedOn(run.runDate)) lifecycle.transferRun ??= run;
  });
  setHandler(feeReductionSignal, (decision) => {
    if (!status.collectionPausedUntil || isAfter(decision.validTo, status.collectionPausedUntil)) status.collectionPausedUntil = decision.validTo;
  });
  setHandler(agencyStatusSignal, (report) => {
    if (lifecycle.seenReports.has(report.reportId)) return;
    lifecycle.seenReports.add(report.reportId);
    lifecycle.agencyReports.push(report);
  });
}
