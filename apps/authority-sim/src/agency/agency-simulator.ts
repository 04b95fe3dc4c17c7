import { randomBytes, randomUUID } from 'node:crypto';
import type { AgencyApiCaseStatus, AgencyApiReminderFigures } from '@clientfees/contracts';
import { conflict, notFound } from '../http-json';
import { isEstateStepReport, type CollectionStart, type PaymentPlanRequest, type RecallRequest, type ReminderRecipient, type ReminderSubmission, type ReportCommand, type ReportStatus } from './agency-payloads';
import { CallbackSettings, deliverReport, DeliveryAttempt } from './callback-delivery';

export type CaseStatus = AgencyApiCaseStatus;

/** Statuses after which the agency does nothing more on the case. */
const CLOSED: readonly CaseStatus[] = ['paid', 'returned', 'recalled'];

/**
 * What the simulated agency charges the client when collection starts. Simulated figures, not
 * legal advice: the Swedish one is the statutory cap for a collection demand (180 kr); Finland
 * leaves collection costs to the agency, so any plausible figure will do.
 */
const SIMULATED_COLLECTION_COSTS_CENTS: Record<'EUR' | 'SEK', number> = { EUR: 1400, SEK: 18000 };

export interface CaseEvent {
  at: string;
  event: 'reminder-sent' | 'collection-started' | 'payment-plan' | 'recalled' | 'reported';
  status: CaseStatus;
  note?: string;
}

export interface AgencyCase {
  caseId: string;
  invoiceId: string;
  creditorId: string;
  invoiceNumber?: number;
  clientNumber: string;
  recipient: ReminderRecipient;
  reference: string;
  currency: 'EUR' | 'SEK';
  invoiceDate?: string;
  invoiceDueDate: string;
  status: CaseStatus;
  reminder: AgencyApiReminderFigures;
  collectionCostsCents: number;
  collectionCostsWaived: boolean;
  transferDate?: string;
  recallReason?: string;
  collectedCents?: number;
  history: CaseEvent[];
  createdAt: string;
  updatedAt: string;
}

/** The body the agency POSTs to the creditor's callback URL. */
export interface AgencyReport {
  reportId: string;
  caseId: string;
  invoiceId: string;
  status: ReportStatus;
  amountCents?: number;
  reportedOn: string;
}

export interface ReportRecord {
  report: AgencyReport;
  /** Whether any delivery so far was accepted by the creditor. */
  delivered: boolean;
  deliveries: DeliveryAttempt[];
}

export interface ReportDelivery {
  record: ReportRecord;
  /** Whether this delivery (with its retries) was accepted. */
  delivered: boolean;
}

/**
 * An in-memory collection agency (Intrum / Visma stand-in). State is lost on restart, which is
 * fine for a simulator; case ids are random rather than counted so that a restarted simulator
 * never hands out an id that a creditor already holds for another invoice.
 */
export class AgencySimulator {
  private readonly cases = new Map<string, AgencyCase>();
  private readonly caseByInvoice = new Map<string, string>();
  private readonly reports = new Map<string, ReportRecord>();

  constructor(
    private readonly callback: CallbackSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Lets a test point the callbacks at a creditor that was started after the simulator. */
  configureCallback(settings: Partial<CallbackSettings>): void {
    Object.assign(this.callback, settings);
  }

  /**
   * Idempotent by the creditor's invoiceId: the first submission opens the case, any later one
   * (a retry whose answer was lost, a second workflow attempt) gets that same case back
   * unchanged, so a client never receives two reminders for one invoice. The original figures
   * win because they are what the reminder letter already said.
   */
  submitReminder(submission: ReminderSubmission): { case: AgencyCase; created: boolean } {
    const existing = this.caseByInvoice.get(submission.invoiceId);
    if (existing) return { case: this.cases.get(existing)!, created: false };
    const now = this.clock().toISOString();
    const { principalCents, reminderFeeCents, interestCents, reminderDate, reminderDueDate } = submission;
    const agencyCase: AgencyCase = {
      caseId: `AG-${randomBytes(6).toString('hex').toUpperCase()}`,
      invoiceId: submission.invoiceId,
      creditorId: submission.creditorId,
      ...(submission.invoiceNumber === undefined ? {} : { invoiceNumber: submission.invoiceNumber }),
      clientNumber: submission.clientNumber,
      recipient: submission.recipient,
      reference: submission.reference,
      currency: submission.currency,
      ...(submission.invoiceDate === undefined ? {} : { invoiceDate: submission.invoiceDate }),
      invoiceDueDate: submission.invoiceDueDate,
      status: 'reminder-sent',
      reminder: {
        principalCents,
        reminderFeeCents,
        interestCents,
        totalCents: principalCents + reminderFeeCents + interestCents,
        reminderDate,
        reminderDueDate,
      },
      collectionCostsCents: 0,
      collectionCostsWaived: false,
      history: [{ at: now, event: 'reminder-sent', status: 'reminder-sent', note: `reminder dated ${reminderDate}, due ${reminderDueDate}` }],
      createdAt: now,
      updatedAt: now,
    };
    this.cases.set(agencyCase.caseId, agencyCase);
    this.caseByInvoice.set(agencyCase.invoiceId, agencyCase.caseId);
    return { case: agencyCase, created: true };
  }

  /** Idempotent: a case already in collection is answered as it is, with no second demand. */
  startCollection(caseId: string, command: CollectionStart): AgencyCase {
    const agencyCase = this.get(caseId);
    if (agencyCase.status === 'in-collection') return agencyCase;
    if (agencyCase.status !== 'reminder-sent') throw conflict('caseId', `case ${caseId} is ${agencyCase.status}: collection starts only after a reminder`);
    agencyCase.status = 'in-collection';
    agencyCase.collectionCostsCents = SIMULATED_COLLECTION_COSTS_CENTS[agencyCase.currency];
    if (command.transferDate) agencyCase.transferDate = command.transferDate;
    // The demand goes to the debtor the creditor names now (an estate after the client's death).
    const readdressed = command.recipient !== undefined && JSON.stringify(command.recipient) !== JSON.stringify(agencyCase.recipient);
    if (command.recipient) agencyCase.recipient = command.recipient;
    const note = [command.transferDate ? `transferred ${command.transferDate}` : '', readdressed ? `debtor ${command.recipient!.name}` : ''].filter(Boolean).join('; ');
    this.record(agencyCase, 'collection-started', note || undefined);
    return agencyCase;
  }

  /**
   * A transfer made in error: the case closes and the client owes no collection costs.
   * Idempotent: recalling a recalled case changes nothing and answers the case as it is.
   */
  recall(caseId: string, request: RecallRequest): AgencyCase {
    const agencyCase = this.get(caseId);
    if (agencyCase.status === 'recalled') return agencyCase;
    if (agencyCase.status === 'paid' || agencyCase.status === 'returned') {
      throw conflict('caseId', `case ${caseId} is already ${agencyCase.status}: there is nothing left to recall`);
    }
    agencyCase.status = 'recalled';
    agencyCase.collectionCostsWaived = true;
    agencyCase.recallReason = request.reason;
    this.record(agencyCase, 'recalled', `${request.reason}${request.requestedBy ? ` (${request.requestedBy})` : ''}; collection costs waived`);
    return agencyCase;
  }

  /** A payment plan for a collected case: the agency follows it from now on. Idempotent. */
  paymentPlan(caseId: string, request: PaymentPlanRequest): AgencyCase {
    const agencyCase = this.get(caseId);
    if (agencyCase.status === 'payment-plan') return agencyCase;
    if (CLOSED.includes(agencyCase.status)) throw conflict('caseId', `case ${caseId} is ${agencyCase.status}: no payment plan can be made`);
    agencyCase.status = 'payment-plan';
    const total = request.instalments.reduce((sum, i) => sum + i.amountCents, 0);
    this.record(agencyCase, 'payment-plan', `${request.instalments.length} instalments, ${total} cents, last due ${request.instalments[request.instalments.length - 1].dueDate}`);
    return agencyCase;
  }

  get(caseId: string): AgencyCase {
    const agencyCase = this.cases.get(caseId);
    if (!agencyCase) throw notFound('caseId', `no case ${caseId}`);
    return agencyCase;
  }

  list(filter: { invoiceId?: string } = {}): AgencyCase[] {
    return [...this.cases.values()].filter((c) => filter.invoiceId === undefined || c.invoiceId === filter.invoiceId);
  }

  /** Changes the case as the agency's own work would, then reports it to the creditor. */
  async report(caseId: string, command: ReportCommand): Promise<ReportDelivery> {
    const agencyCase = this.get(caseId);
    if (CLOSED.includes(agencyCase.status)) throw conflict('caseId', `case ${caseId} is ${agencyCase.status}: the agency no longer reports on it`);
    const amountCents = command.amountCents ?? (command.status === 'paid' ? agencyCase.reminder.principalCents : undefined);
    const report: AgencyReport = {
      reportId: randomUUID(),
      caseId,
      invoiceId: agencyCase.invoiceId,
      status: command.status,
      ...(amountCents === undefined ? {} : { amountCents }),
      reportedOn: command.reportedOn ?? this.clock().toISOString().slice(0, 10),
    };
    // An estate step is the agency's work on the case, not a new status of it.
    if (!isEstateStepReport(command.status)) agencyCase.status = command.status;
    if (command.status === 'paid') agencyCase.collectedCents = amountCents;
    this.record(agencyCase, 'reported', `report ${report.reportId}`);
    const record: ReportRecord = { report, delivered: false, deliveries: [] };
    this.reports.set(report.reportId, record);
    return this.deliver(report.reportId);
  }

  /** Sends a report again with the same reportId, as an agency does after losing an answer. */
  async deliver(reportId: string): Promise<ReportDelivery> {
    const record = this.reports.get(reportId);
    if (!record) throw notFound('reportId', `no report ${reportId}`);
    const outcome = await deliverReport(this.callback, record.report);
    record.deliveries.push(...outcome.attempts);
    record.delivered = record.delivered || outcome.delivered;
    return { record, delivered: outcome.delivered };
  }

  listReports(filter: { caseId?: string } = {}): ReportRecord[] {
    return [...this.reports.values()].filter((r) => filter.caseId === undefined || r.report.caseId === filter.caseId);
  }

  private record(agencyCase: AgencyCase, event: CaseEvent['event'], note?: string): void {
    const at = this.clock().toISOString();
    agencyCase.history.push({ at, event, status: agencyCase.status, ...(note ? { note } : {}) });
    agencyCase.updatedAt = at;
  }
}
