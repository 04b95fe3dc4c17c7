import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Logger } from 'pino';
import { parseLocalDate } from '@clientfees/domain';
import { AccessClaims, AGENCY_ESTATE_STEPS, type AgencyEstateStep, type AgencyReportStatus, type AgencyStatus } from '@clientfees/contracts';
import { Database, SERVICE_LOGGER, SignalOutbox } from '@clientfees/platform';
import { applyReport, insertReportOnce, lockCase } from './agency-case.queries';
import type { AgencyReportDto, AgencyReportReceipt } from './agency-cases.dto';
import { agencyReportDelivery, agencyReportDeliveryKey, signalOutcomeOf } from './agency-report-delivery';
import { reminderOfInvoice } from '../reminders/reminder.queries';
import { estateStepForward, insertEstateStepForward } from './estate-step-forward.queries';
import { EstateStepForwarder } from './estate-step-forwarder';

const isEstateStep = (status: AgencyReportStatus): status is AgencyEstateStep => (AGENCY_ESTATE_STEPS as readonly string[]).includes(status);

@Injectable()
export class AgencyReportsService {
  constructor(
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
    private readonly estateSteps: EstateStepForwarder,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Stores the report once (by reportId), moves the case and writes the `agencyStatus` signal
   * to the outbox in the same transaction, then tells the invoice's lifecycle. If Temporal is
   * unreachable the signal is sent later by the outbox; the agency gets 200 either way and never
   * has to deliver a report again. The lifecycle ignores a repeated reportId.
   *
   * An estate step (a demand to the shareholders, a second demand warning of personal liability,
   * an application for a payment order) is stored the same way, but goes to debt follow-up's
   * estate case instead (found by the organisation and the client number of the reminder): it is
   * written to `estate_step_forward` in the same transaction and sent until debt follow-up answers.
   * It does not move the agency case, and the lifecycle is not told.
   */
  async receive(dto: AgencyReportDto, agency: AccessClaims): Promise<AgencyReportReceipt> {
    const receivedBy = agency.sub;
    const reportedOn = parseLocalDate(dto.reportedOn, 'reportedOn');
    const duplicate = await this.db.transaction(async (tx) => {
      const agencyCase = await lockCase(tx, dto.caseId);
      // A case of an organisation the agency's token does not name is not found, as an unknown one (ADR 0004).
      if (!agencyCase || !agency.organisations.includes(agencyCase.organisationId)) throw new NotFoundException({ statusCode: 404, message: `no agency case ${dto.caseId}`, problems: [{ field: 'caseId', reason: 'no such case was handed to the agency' }] });
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
      if (isEstateStep(stored.status)) {
        const reminder = await reminderOfInvoice(tx, agencyCase.invoiceId);
        if (!reminder) throw new Error(`agency case ${dto.caseId} has no reminder to take the client number from`);
        await insertEstateStepForward(tx, { reportId: dto.reportId, organisationId: agencyCase.organisationId, clientNumber: reminder.clientNumber });
        return false;
      }
      const status: AgencyStatus = stored.status;
      await this.outbox.enqueue(tx, agencyReportDelivery({ ...stored, status }));
      // A recall is the creditor's own decision that the case should never have existed: a
      // late report is kept and passed on, but it does not reopen the case.
      if (agencyCase.status !== 'recalled') await applyReport(tx, agencyCase.invoiceId, { ...stored, status });
      return false;
    });

    if (isEstateStep(dto.status)) return this.forwardEstateStep(dto, duplicate);
    const key = agencyReportDeliveryKey(dto.reportId);
    await this.outbox.deliverSoon([key]);
    const delivery = (await this.db.read((tx) => this.outbox.deliveries(tx, [key]))).get(key);
    const signal = signalOutcomeOf(delivery) ?? 'pending';
    this.logger.info({ reportId: dto.reportId, caseId: dto.caseId, invoiceId: dto.invoiceId, status: dto.status, duplicate, signal }, 'agency report received');
    return { reportId: dto.reportId, duplicate, signal };
  }

  private async forwardEstateStep(dto: AgencyReportDto, duplicate: boolean): Promise<AgencyReportReceipt> {
    await this.estateSteps.forward([dto.reportId]);
    const forward = await this.db.read((tx) => estateStepForward(tx, dto.reportId));
    const estateCase = forward?.outcome ?? 'pending';
    this.logger.info({ reportId: dto.reportId, caseId: dto.caseId, invoiceId: dto.invoiceId, status: dto.status, duplicate, estateCase }, 'agency estate step received');
    return { reportId: dto.reportId, duplicate, signal: 'workflow-not-running', estateCase };
  }
}
