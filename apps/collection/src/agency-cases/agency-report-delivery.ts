import { type AgencyStatus, agencyStatusSignal, type AgencyStatusSignal, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import type { OutboxDelivery, OutboxMessage } from '@clientfees/platform';
import type { AgencyReport } from './agency-case.queries';

/** Whether the invoice's lifecycle was told of a report; null while the outbox still tries. */
export type SignalOutcome = 'signalled' | 'workflow-not-running';

export const agencyReportDeliveryKey = (reportId: string): string => `agency-report:${reportId}`;

/**
 * The `agencyStatus` signal of a stored report, written to the collection service's outbox in the
 * report's own transaction (ADR 0008): a Temporal outage delays it and nothing more, so the
 * agency never has to deliver a report twice. The lifecycle counts a report id once.
 */
export function agencyReportDelivery(report: Pick<AgencyReport, 'reportId' | 'invoiceId' | 'amountCents' | 'reportedOn'> & { status: AgencyStatus }): OutboxMessage<[AgencyStatusSignal]> {
  return {
    key: agencyReportDeliveryKey(report.reportId),
    workflowId: invoiceLifecycleWorkflowId(report.invoiceId),
    signal: agencyStatusSignal,
    args: [{ reportId: report.reportId, status: report.status, ...(report.amountCents === null ? {} : { amountCents: report.amountCents }), reportedOn: report.reportedOn }],
  };
}

export function signalOutcomeOf(delivery: OutboxDelivery | undefined): SignalOutcome | null {
  if (!delivery?.outcome) return null;
  return delivery.outcome === 'signalled' ? 'signalled' : 'workflow-not-running';
}
