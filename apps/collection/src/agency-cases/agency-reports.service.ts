import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Logger } from 'pino';
import { parseLocalDate } from '@clientfees/domain';
import { Database, SERVICE_LOGGER, SignalOutbox } from '@clientfees/platform';
import { applyReport, insertReportOnce, lockCase } from './agency-case.queries';
import type { AgencyReportDto, AgencyReportReceipt } from './agency-cases.dto';
import { agencyReportDelivery, agencyReportDeliveryKey, signalOutcomeOf } from './agency-report-delivery';

@Injectable()
export class AgencyReportsService {
  constructor(
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Stores the report once (by reportId), moves the case and writes the `agencyStatus` signal
   * to the outbox in the same transaction, then tells the invoice's lifecycle. If Temporal is
   * unreachable the signal is sent later by the outbox; the agency gets 200 either way and never
   * has to deliver a report again. The lifecycle ignores a repeated reportId.
   */
  async receive(dto: AgencyReportDto, receivedBy: string): Promise<AgencyReportReceipt> {
    const reportedOn = parseLocalDate(dto.reportedOn, 'reportedOn');
    const duplicate = await this.db.transaction(async (tx) => {
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
      if (!inserted) return true;
      await this.outbox.enqueue(tx, agencyReportDelivery(stored));
      // A recall is the creditor's own decision that the case should never have existed: a
      // late report is kept and passed on, but it does not reopen the case.
      if (agencyCase.status !== 'recalled') await applyReport(tx, agencyCase.invoiceId, stored);
      return false;
    });

    const key = agencyReportDeliveryKey(dto.reportId);
    await this.outbox.deliverSoon([key]);
    const delivery = (await this.db.read((tx) => this.outbox.deliveries(tx, [key]))).get(key);
    const signal = signalOutcomeOf(delivery) ?? 'pending';
    this.logger.info({ reportId: dto.reportId, caseId: dto.caseId, invoiceId: dto.invoiceId, status: dto.status, duplicate, signal }, 'agency report received');
    return { reportId: dto.reportId, duplicate, signal };
  }
}
