import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { addDays, DomainValidationError, parseCountry, parseLocalDate, planReminder, ReminderPlan, UnconfirmedReferenceRateError } from '@clientfees/domain';
import type { AgencyPaymentPlanRequest, AgencyRecallRequest, AgencyTransferRequest, ReminderRequest, ReminderSent } from '@clientfees/contracts';
import { Database, SERVICE_LOGGER } from '@clientfees/platform';
import { AgencyClient } from '../agency/agency-client';
import { INVOICE_RECIPIENTS, InvoiceRecipients } from '../agency/invoice-recipients';
import { REFERENCE_RATE_SOURCE, ReferenceRateSource } from '../reference-rates/reference-rate-source';
import { holdReminder, releaseReminderHold } from '../reminders/reminder-hold.queries';
import { insertReminderOnce, Reminder, reminderOfInvoice } from '../reminders/reminder.queries';
import { AgencyCase, caseOfInvoice, markInCollection, markPaymentPlan, markRecalled, openAgencyCaseOnce } from './agency-case.queries';

/** Failure types with which the collection activities give up for good (no Temporal retry). */
export const CollectionFailures = {
  invalidRequest: 'InvalidCollectionRequest',
  agencyRejected: 'AgencyRejected',
  noAgencyCase: 'AgencyCaseMissing',
  caseClosed: 'AgencyCaseClosed',
  /** Retryable: the reminder waits until an administrator enters the reference rate. */
  referenceRateUnconfirmed: 'ReferenceRateUnconfirmed',
} as const;

/**
 * The steps of an invoice's case at the agency, as the lifecycle's activities take them. Each is
 * idempotent per invoice, because Temporal runs an activity at least once: a retry after a lost
 * answer, or a second workflow attempt, must find the first result rather than send a second
 * letter to the client. A broken rule throws DomainValidationError and an agency refusal
 * AgencyRejectedError; the activities make both final.
 */
@Injectable()
export class AgencySteps {
  constructor(
    private readonly db: Database,
    private readonly agency: AgencyClient,
    @Inject(REFERENCE_RATE_SOURCE) private readonly referenceRates: ReferenceRateSource,
    @Inject(INVOICE_RECIPIENTS) private readonly recipients: InvoiceRecipients,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async sendReminder(request: ReminderRequest): Promise<ReminderSent> {
    const invoiceId = invoiceIdOf(request.invoice?.invoiceId, 'invoice.invoiceId');
    // Already sent: answer the stored reminder whatever this request says, since the client
    // has the first letter in hand and a second one would be a second demand.
    const stored = await this.db.read((tx) => reminderOfInvoice(tx, invoiceId));
    if (stored) return reminderSent(stored);

    const country = parseCountry(request.invoice?.country, 'invoice.country');
    // An unreachable invoicing service is a passing fault that Temporal retries.
    const rates = await this.referenceRates.ratesFor(country);
    const planned = await this.planOrHold(request, rates);
    const { invoice } = request;
    // The debtor is the invoice's recipient as invoicing holds it now: a deceased client's
    // invoices name the estate and its contact (readdressed after the lifecycle's snapshot).
    const recipient = await this.recipients.recipientOf(invoice);
    // The agency is idempotent by invoiceId, so a crash after this call and before the insert
    // below is healed by the retry: the agency answers the case it opened the first time.
    const agencyCase = await this.agency.submitReminder({
      invoiceId: invoice.invoiceId,
      creditorId: invoice.organisationId,
      invoiceNumber: invoice.invoiceNumber,
      clientNumber: invoice.clientNumber,
      recipient,
      reference: invoice.paymentReference,
      currency: invoice.currency,
      invoiceDate: invoice.invoiceDate,
      invoiceDueDate: invoice.dueDate,
      principalCents: request.openCents,
      reminderFeeCents: planned.feeCents,
      interestCents: planned.interestCents,
      reminderDate: request.reminderDate,
      reminderDueDate: request.reminderDueDate,
    });
    // Store what the agency holds, not what was just computed: if the agency answered a case
    // opened by an earlier attempt with other figures, those are what the letter said.
    const sent = agencyCase.reminder;
    if (sent.interestCents !== planned.interestCents || sent.reminderFeeCents !== planned.feeCents || sent.reminderDate !== request.reminderDate) {
      this.logger.warn({ invoiceId, caseId: agencyCase.caseId }, 'the agency already held a reminder with other figures; keeping the agency’s');
    }
    const reminder = await this.db.transaction(async (tx) => {
      await openAgencyCaseOnce(tx, { invoiceId, caseId: agencyCase.caseId, organisationId: invoice.organisationId, currency: invoice.currency });
      await insertReminderOnce(tx, {
        id: randomUUID(),
        invoiceId,
        organisationId: invoice.organisationId,
        country: planned.country,
        currency: invoice.currency,
        invoiceNumber: invoice.invoiceNumber,
        clientNumber: invoice.clientNumber,
        paymentReference: invoice.paymentReference,
        invoiceDueDate: agencyCase.invoiceDueDate,
        openCents: sent.principalCents,
        reminderDate: sent.reminderDate,
        dueDate: sent.reminderDueDate,
        interestFrom: addDays(agencyCase.invoiceDueDate, 1),
        interestTo: sent.reminderDate,
        feeCents: sent.reminderFeeCents,
        interestCents: sent.interestCents,
        totalCents: sent.principalCents + sent.reminderFeeCents + sent.interestCents,
        agencyCaseId: agencyCase.caseId,
      });
      return reminderOfInvoice(tx, invoiceId);
    });
    if (!reminder) throw new Error(`the reminder of invoice ${invoiceId} was not stored`);
    await this.db.transaction((tx) => releaseReminderHold(tx, invoiceId));
    this.logger.info({ invoiceId, caseId: reminder.agencyCaseId }, 'reminder sent through the agency');
    return reminderSent(reminder);
  }

  /**
   * The reminder's fee and interest, or — when a day of the interest needs a reference rate nobody
   * has confirmed — a hold recorded for the finance centre (GET /reminders/held) and a retryable
   * failure: Temporal tries again until an administrator enters the rate (docs/rules.md).
   */
  private async planOrHold(request: ReminderRequest, rates: Awaited<ReturnType<ReferenceRateSource['ratesFor']>>): Promise<ReminderPlan> {
    try {
      return planReminder(request, rates);
    } catch (error) {
      if (!(error instanceof UnconfirmedReferenceRateError)) throw error;
      const { invoice } = request;
      const { country, period, reason, message } = error;
      await this.db.transaction((tx) =>
        holdReminder(tx, {
          invoice_id: invoice.invoiceId,
          organisation_id: invoice.organisationId,
          country,
          invoice_number: invoice.invoiceNumber,
          client_number: invoice.clientNumber,
          reminder_date: request.reminderDate,
          rate_from: period.validFrom,
          rate_to: period.validTo,
          reason,
        }),
      );
      this.logger.warn({ invoiceId: invoice.invoiceId, country, rateFrom: period.validFrom }, 'reminder held: the reference rate is not confirmed');
      throw ApplicationFailure.retryable(message, CollectionFailures.referenceRateUnconfirmed);
    }
  }

  async transferToAgency(request: AgencyTransferRequest): Promise<{ agencyCaseId: string }> {
    const agencyCase = await this.caseOf(request.invoice?.invoiceId);
    const { invoiceId } = agencyCase;
    // Already in collection: a retry must not ask the agency for a second collection demand.
    if (agencyCase.status === 'in-collection') return { agencyCaseId: agencyCase.caseId };
    if (agencyCase.status === 'paid' || agencyCase.status === 'payment-plan' || agencyCase.status === 'returned') {
      // The agency settled the case at the reminder stage and its report has already gone to
      // the lifecycle as a signal: there is nothing to collect, and failing here would fail the
      // workflow for a case that is in order.
      this.logger.warn({ invoiceId, caseId: agencyCase.caseId, status: agencyCase.status }, 'not transferred to collection: the agency already reported the case');
      return { agencyCaseId: agencyCase.caseId };
    }
    if (agencyCase.status !== 'transferred-to-reminder') {
      throw ApplicationFailure.nonRetryable(`the agency case of invoice ${invoiceId} is ${agencyCase.status}: it cannot go to collection`, CollectionFailures.caseClosed);
    }
    const transferDate = parseLocalDate(request.transferDate, 'transferDate');
    // The demand goes to the invoice's recipient as invoicing holds it now: an invoice reminded
    // before the client died has been readdressed to the estate since.
    const recipient = await this.recipients.recipientOf(request.invoice);
    // The agency answers a case already in collection as it is, so a crash between its answer
    // and the update below costs nothing on the retry.
    await this.agency.startCollection(agencyCase.caseId, { transferDate, recipient });
    await this.db.transaction((tx) => markInCollection(tx, invoiceId, transferDate));
    this.logger.info({ invoiceId, caseId: agencyCase.caseId }, 'invoice transferred to collection');
    return { agencyCaseId: agencyCase.caseId };
  }

  async tellAgencyOfPaymentPlan(request: AgencyPaymentPlanRequest): Promise<void> {
    const agencyCase = await this.caseOf(request.invoiceId);
    // Told before: the agency already follows the plan.
    if (agencyCase.status === 'payment-plan') return;
    const actor = required(request.actor, 'actor');
    await this.agency.paymentPlan(agencyCase.caseId, { instalments: request.instalments, requestedBy: actor });
    await this.db.transaction((tx) => markPaymentPlan(tx, agencyCase.invoiceId));
    this.logger.info({ invoiceId: agencyCase.invoiceId, caseId: agencyCase.caseId }, 'agency told of the payment plan');
  }

  async recallFromAgency(request: AgencyRecallRequest): Promise<void> {
    const agencyCase = await this.caseOf(request.invoiceId);
    // Recalled before: nothing to tell the agency again, and the first reason and actor stay.
    if (agencyCase.status === 'recalled') return;
    const reason = required(request.reason, 'reason');
    const actor = required(request.actor, 'actor');
    const answered = await this.agency.recall(agencyCase.caseId, { reason, requestedBy: actor });
    if (!answered.collectionCostsWaived) {
      // The whole point of a recall is that the client pays no collection costs; retrying gives
      // the agency the chance to get it right, and the case stays as it was until then.
      throw ApplicationFailure.retryable(`the agency recalled case ${agencyCase.caseId} without waiving the collection costs`, CollectionFailures.agencyRejected);
    }
    await this.db.transaction((tx) => markRecalled(tx, agencyCase.invoiceId, { reason, actor }));
    this.logger.info({ invoiceId: agencyCase.invoiceId, caseId: agencyCase.caseId }, 'agency case recalled; collection costs waived');
  }

  private async caseOf(invoiceId: string | undefined): Promise<AgencyCase> {
    const id = invoiceIdOf(invoiceId, 'invoiceId');
    const agencyCase = await this.db.read((tx) => caseOfInvoice(tx, id));
    if (!agencyCase) {
      throw ApplicationFailure.nonRetryable(`invoice ${invoiceId} has no case at the agency: send the reminder first`, CollectionFailures.noAgencyCase);
    }
    return agencyCase;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Invoice ids are invoicing's UUIDs; anything else would fail in the database on every retry. */
function invoiceIdOf(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new DomainValidationError('must be the invoice’s UUID', field);
  return value;
}

function required(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainValidationError('is required', field);
  return value;
}

function reminderSent(reminder: Reminder): ReminderSent {
  return {
    reminderId: reminder.id,
    reminderFeeCents: reminder.feeCents,
    interestCents: reminder.interestCents,
    totalCents: reminder.totalCents,
    reminderDueDate: reminder.dueDate,
    agencyCaseId: reminder.agencyCaseId,
  };
}
