import { ApiProperty } from '@nestjs/swagger';
import { Money } from '@clientfees/domain';
import { invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import type { OutboxDelivery } from '@clientfees/platform';
import { AGENCY_CASE_STATUSES, type AgencyCase, type AgencyCaseStatus, type AgencyReport } from './agency-case.queries';
import { AGENCY_REPORT_STATUSES } from './agency-cases.dto';
import { agencyReportDeliveryKey, signalOutcomeOf } from './agency-report-delivery';

class AgencyReportView {
  @ApiProperty() reportId!: string;
  @ApiProperty({ enum: AGENCY_REPORT_STATUSES }) status!: string;
  @ApiProperty({ example: '100.00', nullable: true }) amount!: string | null;
  @ApiProperty({ example: '2024-05-02' }) reportedOn!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ enum: ['signalled', 'workflow-not-running'], nullable: true, description: 'Null while the lifecycle has not been told yet (the outbox keeps trying), and for an estate step, which goes to debt follow-up instead.' })
  signalOutcome!: string | null;
}

export class AgencyCaseView {
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ example: 'AG-3F2A9C1B7D40', description: 'The agency’s case id.' }) caseId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: AGENCY_CASE_STATUSES }) status!: AgencyCaseStatus;
  @ApiProperty({ description: 'True after a recall: the client pays no collection costs.' }) collectionCostsWaived!: boolean;
  @ApiProperty({ description: 'When the invoice went to the agency’s reminder service.' }) transferredAt!: string;
  @ApiProperty({ nullable: true, example: '2024-05-07' }) collectionTransferDate!: string | null;
  @ApiProperty({ nullable: true }) collectionStartedAt!: string | null;
  @ApiProperty({ nullable: true }) recalledAt!: string | null;
  @ApiProperty({ nullable: true }) recallReason!: string | null;
  @ApiProperty({ nullable: true }) recalledBy!: string | null;
  @ApiProperty({ nullable: true, example: '100.00' }) collected!: string | null;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ type: [AgencyReportView], description: 'The agency’s reports, oldest first.' }) reports!: AgencyReportView[];

  static of(agencyCase: AgencyCase, reports: AgencyReport[], deliveries: Map<string, OutboxDelivery>): AgencyCaseView {
    const money = (cents: number | null) => (cents === null ? null : Money.ofMinor(cents, agencyCase.currency).toDecimalString());
    const iso = (date: Date | null) => (date === null ? null : date.toISOString());
    return {
      invoiceId: agencyCase.invoiceId,
      caseId: agencyCase.caseId,
      organisationId: agencyCase.organisationId,
      status: agencyCase.status,
      collectionCostsWaived: agencyCase.collectionCostsWaived,
      transferredAt: agencyCase.transferredAt.toISOString(),
      collectionTransferDate: agencyCase.collectionTransferDate,
      collectionStartedAt: iso(agencyCase.collectionStartedAt),
      recalledAt: iso(agencyCase.recalledAt),
      recallReason: agencyCase.recallReason,
      recalledBy: agencyCase.recalledBy,
      collected: money(agencyCase.collectedCents),
      updatedAt: agencyCase.updatedAt.toISOString(),
      workflowId: invoiceLifecycleWorkflowId(agencyCase.invoiceId),
      reports: reports.map((r) => ({
        reportId: r.reportId,
        status: r.status,
        amount: money(r.amountCents),
        reportedOn: r.reportedOn,
        receivedAt: r.receivedAt.toISOString(),
        signalOutcome: signalOutcomeOf(deliveries.get(agencyReportDeliveryKey(r.reportId))),
      })),
    };
  }
}
