import { BadRequestException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { parseLocalDate } from '@clientfees/domain';
import { AgencyStatusSignal, InvoiceLifecycleSignals, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import { Database, SERVICE_LOGGER, TEMPORAL_CLIENT } from '@clientfees/platform';
import { AgencyReport, applyReport, findReport, insertReportOnce, lockCase, markReportSignalled, SignalOutcome } from './agency-case.queries';
import type { AgencyReportDto, AgencyReportReceipt } from './agency-cases.dto';

@Injectable()
export class AgencyReportsService {
  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Stores the report once (by reportId), moves the case, then tells the invoice's lifecycle.
   * The report is committed before the signal is sent: if Temporal is unreachable the agency
   * gets 503 and redelivers, and the redelivery finds the report stored but not yet signalled
   * and signals then. Two deliveries racing may both signal; the lifecycle ignores a repeated
   * reportId, so the effect is once either way.
   */
  async receive(dto: AgencyReportDto, receivedBy: string): Promise<AgencyReportReceipt> {
    const reportedOn = parseLocalDate(dto.reportedOn, 'reportedOn');
    const { duplicate, report } = await this.db.transaction(async (tx) => {
      const agencyCase = await lockCase(tx, dto.caseId);
      if (!agencyCase) throw new NotFoundException({ statusCode: 404, message: `no agency case ${dto.caseId}`, problems: [{ field: 'caseId', reason: 'no such case was handed to the agency' }] });
      if (agencyCase.invoiceId !== dto.invoiceId) {
        throw new BadRequestException({
          statusCode: 400,
          message: `invoiceId: case ${dto.caseId} belongs to another invoice`,
          problems: [{ field: 'invoiceId', reason: `case ${dto.caseId} belongs to another invoice` }],
        });
      }
      const stored = { reportId: dto.reportId, caseId: dto.caseId, invoiceId: dto.invoiceId, status: dto.status, amountCents: dto.amountCents ?? null, reportedOn, receivedBy };
      const inserted = await insertReportOnce(tx, stored);
      // A recall is the creditor's own decision that the case should never have existed: a
      // late report is kept and passed on, but it does not reopen the case.
      if (inserted && agencyCase.status !== 'recalled') await applyReport(tx, agencyCase.invoiceId, stored);
      return { duplicate: !inserted, report: (await findReport(tx, dto.reportId))! };
    });

    const signal = report.signalOutcome ?? (await this.signal(report));
    this.logger.info({ reportId: report.reportId, caseId: report.caseId, invoiceId: report.invoiceId, status: report.status, duplicate, signal }, 'agency report received');
    return { reportId: report.reportId, duplicate, signal };
  }

  private async signal(report: AgencyReport): Promise<SignalOutcome> {
    const payload: AgencyStatusSignal = {
      reportId: report.reportId,
      status: report.status,
      ...(report.amountCents === null ? {} : { amountCents: report.amountCents }),
      reportedOn: report.reportedOn,
    };
    let outcome: SignalOutcome;
    try {
      await this.temporal.workflow.getHandle(invoiceLifecycleWorkflowId(report.invoiceId)).signal<[AgencyStatusSignal]>(InvoiceLifecycleSignals.agencyStatus, payload);
      outcome = 'signalled';
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        this.logger.warn({ err: error, reportId: report.reportId }, 'the invoice lifecycle could not be signalled; the agency will redeliver');
        throw new ServiceUnavailableException('the report is stored, but the invoice’s lifecycle could not be told yet; deliver it again later');
      }
      // The lifecycle has ended (or never ran here). Nothing will ever receive the signal, so
      // this is recorded for the finance centre and answered 200: a 5xx would only make the
      // agency retry for ever.
      outcome = 'workflow-not-running';
      this.logger.warn({ reportId: report.reportId, invoiceId: report.invoiceId }, 'agency report for an invoice whose lifecycle is not running');
    }
    await this.db.transaction((tx) => markReportSignalled(tx, report.reportId, outcome));
    return outcome;
  }
}
