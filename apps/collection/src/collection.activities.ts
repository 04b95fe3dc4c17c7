import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  addDays,
  checkLifecycleFee,
  compareLocalDates,
  currencyOfCountry,
  DomainValidationError,
  FI_EARLIEST_REMINDER_DAYS_AFTER_DUE,
  isDomainValidationError,
  lateInterest,
  Money,
  parseCountry,
  parseLocalDate,
  ReferenceRateTable,
  UnconfirmedReferenceRateError,
} from '@clientfees/domain';
import type {
  AgencyPaymentPlanRequest,
  AgencyRecallRequest,
  AgencyTransferRequest,
  CollectionActivities as Contract,
  ReminderRequest,
  ReminderSent,
} from '@clientfees/contracts';
import { Database, SERVICE_LOGGER } from '@clientfees/platform';
import { AgencyClient, AgencyRejectedError } from './agency/agency-client';
import { AgencyCase } from './agency-cases/agency-case.entity';
import { Reminder } from './reminders/reminder.entity';
import { holdReminder, releaseReminderHold } from './reminders/reminder-hold.queries';
import { REFERENCE_RATE_SOURCE, ReferenceRateSource } from './reference-rates/reference-rate-source';

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
 * The collection service's Temporal activities. Each is idempotent per invoice, because Temporal
 * runs an activity at least once: a retry after a lost answer, or a second workflow attempt,
 * must find the first result rather than send a second letter to the client.
 */
@Injectable()
export class CollectionActivities implements Contract {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly agency: AgencyClient,
    @Inject(REFERENCE_RATE_SOURCE) private readonly referenceRates: ReferenceRateSource,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async sendReminder(request: ReminderRequest): Promise<ReminderSent> {
    const invoiceId = guard(() => invoiceIdOf(request.invoice?.invoiceId, 'invoice.invoiceId'));
    // Already sent: answer the stored reminder whatever this request says, since the client
    // has the first letter in hand and a second one would be a second demand.
    const stored = await reminderOf(this.dataSource, invoiceId);
    if (stored) return reminderSent(stored);

    const country = guard(() => parseCountry(request.invoice?.country, 'invoice.country'));
    // Not guarded: an unreachable invoicing service is a passing fault that Temporal retries.
    const rates = await this.referenceRates.ratesFor(country);
    const planned = await planOrHold(this.db, this.logger, request, rates);
    const { invoice } = request;
    // The agency is idempotent by invoiceId, so a crash after this call and before the insert
    // below is healed by the retry: the agency answers the case it opened the first time.
    const agencyCase = await guardAgency(() =>
      this.agency.submitReminder({
        invoiceId: invoice.invoiceId,
        creditorId: invoice.organisationId,
        invoiceNumber: invoice.invoiceNumber,
        clientNumber: invoice.clientNumber,
        recipient: { ...invoice.recipient },
        reference: invoice.paymentReference,
        currency: invoice.currency,
        invoiceDate: invoice.invoiceDate,
        invoiceDueDate: invoice.dueDate,
        principalCents: request.openCents,
        reminderFeeCents: planned.feeCents,
        interestCents: planned.interestCents,
        reminderDate: request.reminderDate,
        reminderDueDate: request.reminderDueDate,
      }),
    );
    // Store what the agency holds, not what was just computed: if the agency answered a case
    // opened by an earlier attempt with other figures, those are what the letter said.
    const sent = agencyCase.reminder;
    if (sent.interestCents !== planned.interestCents || sent.reminderFeeCents !== planned.feeCents || sent.reminderDate !== request.reminderDate) {
      this.logger.warn({ invoiceId, caseId: agencyCase.caseId }, 'the agency already held a reminder with other figures; keeping the agency’s');
    }
    const now = new Date();
    await this.dataSource.transaction(async (db) => {
      // ON CONFLICT DO NOTHING on both: a concurrent attempt that got here first has stored the
      // same agency case, and its rows are as good as ours.
      await db
        .createQueryBuilder()
        .insert()
        .into(AgencyCase)
        .values({
          invoiceId: invoice.invoiceId,
          caseId: agencyCase.caseId,
          organisationId: invoice.organisationId,
          currency: invoice.currency,
          status: 'transferred-to-reminder',
          collectionCostsWaived: false,
          transferredAt: now,
          updatedAt: now,
        })
        .orIgnore()
        .execute();
      await db
        .createQueryBuilder()
        .insert()
        .into(Reminder)
        .values({
          id: randomUUID(),
          invoiceId: invoice.invoiceId,
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
        })
        .orIgnore()
        .execute();
    });
    const reminder = await reminderOf(this.dataSource, invoice.invoiceId);
    if (!reminder) throw new Error(`the reminder of invoice ${invoice.invoiceId} was not stored`);
    await this.db.transaction((tx) => releaseReminderHold(tx, invoice.invoiceId));
    this.logger.info({ invoiceId, caseId: reminder.agencyCaseId }, 'reminder sent through the agency');
    return reminderSent(reminder);
  }

  async transferToAgency(request: AgencyTransferRequest): Promise<{ agencyCaseId: string }> {
    const invoiceId = request.invoice?.invoiceId;
    const agencyCase = await caseOf(this.dataSource, invoiceId);
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
    const transferDate = guard(() => parseLocalDate(request.transferDate, 'transferDate'));
    // The agency answers a case already in collection as it is, so a crash between its answer
    // and the update below costs nothing on the retry.
    await guardAgency(() => this.agency.startCollection(agencyCase.caseId, { transferDate }));
    await this.dataSource
      .createQueryBuilder()
      .update(AgencyCase)
      .set({ status: 'in-collection', collectionTransferDate: transferDate, collectionStartedAt: () => 'now()', updatedAt: () => 'now()' })
      .where('invoice_id = :invoiceId AND status = :from', { invoiceId, from: 'transferred-to-reminder' })
      .execute();
    this.logger.info({ invoiceId, caseId: agencyCase.caseId }, 'invoice transferred to collection');
    return { agencyCaseId: agencyCase.caseId };
  }

  async tellAgencyOfPaymentPlan(request: AgencyPaymentPlanRequest): Promise<void> {
    const agencyCase = await caseOf(this.dataSource, request.invoiceId);
    // Told before: the agency already follows the plan.
    if (agencyCase.status === 'payment-plan') return;
    const actor = guard(() => required(request.actor, 'actor'));
    await guardAgency(() => this.agency.paymentPlan(agencyCase.caseId, { instalments: request.instalments, requestedBy: actor }));
    await this.dataSource
      .createQueryBuilder()
      .update(AgencyCase)
      .set({ status: 'payment-plan', updatedAt: () => 'now()' })
      .where('invoice_id = :invoiceId', { invoiceId: request.invoiceId })
      .execute();
    this.logger.info({ invoiceId: request.invoiceId, caseId: agencyCase.caseId }, 'agency told of the payment plan');
  }

  async recallFromAgency(request: AgencyRecallRequest): Promise<void> {
    const agencyCase = await caseOf(this.dataSource, request.invoiceId);
    // Recalled before: nothing to tell the agency again, and the first reason and actor stay.
    if (agencyCase.status === 'recalled') return;
    const reason = guard(() => required(request.reason, 'reason'));
    const actor = guard(() => required(request.actor, 'actor'));
    const answered = await guardAgency(() => this.agency.recall(agencyCase.caseId, { reason, requestedBy: actor }));
    if (!answered.collectionCostsWaived) {
      // The whole point of a recall is that the client pays no collection costs; retrying gives
      // the agency the chance to get it right, and the case stays as it was until then.
      throw ApplicationFailure.retryable(`the agency recalled case ${agencyCase.caseId} without waiving the collection costs`, CollectionFailures.agencyRejected);
    }
    await this.dataSource
      .createQueryBuilder()
      .update(AgencyCase)
      .set({ status: 'recalled', collectionCostsWaived: true, recalledAt: () => 'now()', recallReason: reason, recalledBy: actor, updatedAt: () => 'now()' })
      .where("invoice_id = :invoiceId AND status <> 'recalled'", { invoiceId: request.invoiceId })
      .execute();
    this.logger.info({ invoiceId: request.invoiceId, caseId: agencyCase.caseId }, 'agency case recalled; collection costs waived');
  }

}

// Helpers live outside the class: every method of an activities provider becomes a Temporal
// activity (libs/platform collectActivities), and these must not be callable from workflows.

function reminderOf(db: DataSource, invoiceId: string): Promise<Reminder | null> {
  return db.getRepository(Reminder).findOneBy({ invoiceId });
}

async function caseOf(db: DataSource, invoiceId: string | undefined): Promise<AgencyCase> {
  const agencyCase = await db.getRepository(AgencyCase).findOneBy({ invoiceId: guard(() => invoiceIdOf(invoiceId, 'invoiceId')) });
  if (!agencyCase) {
    throw ApplicationFailure.nonRetryable(`invoice ${invoiceId} has no case at the agency: send the reminder first`, CollectionFailures.noAgencyCase);
  }
  return agencyCase;
}

interface PlannedReminder {
  country: ReturnType<typeof parseCountry>;
  feeCents: number;
  interestCents: number;
}

/** Checks the request and computes the fee and the interest the reminder carries. */
function planReminder(request: ReminderRequest, rates: ReferenceRateTable): PlannedReminder {
  const { invoice } = request;
  if (!invoice) throw new DomainValidationError('is required', 'invoice');
  const country = parseCountry(invoice.country, 'invoice.country');
  const currency = currencyOfCountry(country);
  if (invoice.currency !== currency) throw new DomainValidationError(`must be ${currency} for ${country}`, 'invoice.currency');
  const dueDate = parseLocalDate(invoice.dueDate, 'invoice.dueDate');
  const reminderDate = parseLocalDate(request.reminderDate, 'reminderDate');
  const reminderDueDate = parseLocalDate(request.reminderDueDate, 'reminderDueDate');
  if (!Number.isSafeInteger(request.openCents) || request.openCents <= 0) throw new DomainValidationError('must be a positive whole number of cents', 'openCents');
  if (!Number.isSafeInteger(request.reminderFeeCents)) throw new DomainValidationError('must be a whole number of cents', 'reminderFeeCents');
  // The workflow checked the fee against the legal cap; checked again here because this is the
  // last point before the amount reaches the client.
  const fee = checkLifecycleFee(country, 'reminder', Money.ofMinor(request.reminderFeeCents, currency));
  if (compareLocalDates(reminderDate, dueDate) <= 0) throw new DomainValidationError(`must be after the invoice's due date ${dueDate}`, 'reminderDate');
  if (country === 'FI' && compareLocalDates(reminderDate, addDays(dueDate, FI_EARLIEST_REMINDER_DAYS_AFTER_DUE)) < 0) {
    throw new DomainValidationError(`a Finnish reminder may go out at the earliest ${FI_EARLIEST_REMINDER_DAYS_AFTER_DUE} days after the due date ${dueDate}`, 'reminderDate');
  }
  if (compareLocalDates(reminderDueDate, reminderDate) <= 0) throw new DomainValidationError('must be after the reminder date', 'reminderDueDate');
  // Interest runs from the day after the due date up to the reminder date, both counted.
  const interest = lateInterest(country, Money.ofMinor(request.openCents, currency), addDays(dueDate, 1), reminderDate, rates);
  return { country, feeCents: fee.minorUnits, interestCents: interest.interest.minorUnits };
}

/**
 * Plans the reminder, or holds it when some of its interest days have a reference rate nobody has
 * confirmed: the hold is recorded for the finance centre and the activity fails retryably, so the
 * reminder goes out on the first retry after an administrator enters the rate. A guessed rate
 * would put a figure on the client's letter that may be wrong.
 */
async function planOrHold(db: Database, logger: Logger, request: ReminderRequest, rates: ReferenceRateTable): Promise<PlannedReminder> {
  let planned: PlannedReminder | undefined;
  let unconfirmed: UnconfirmedReferenceRateError | undefined;
  guard(() => {
    try {
      planned = planReminder(request, rates);
    } catch (error) {
      if (!(error instanceof UnconfirmedReferenceRateError)) throw error;
      unconfirmed = error;
    }
  });
  if (planned) return planned;
  const { invoice } = request;
  const { country, period, reason, message } = unconfirmed!;
  await db.transaction((tx) =>
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
  logger.warn({ invoiceId: invoice.invoiceId, country, rateFrom: period.validFrom }, 'reminder held: the reference rate is not confirmed');
  throw ApplicationFailure.retryable(message, CollectionFailures.referenceRateUnconfirmed);
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

/** A request that breaks a rule stays broken however often it is retried: fail for good. */
function guard<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (isDomainValidationError(error)) {
      throw ApplicationFailure.create({ message: error.message, type: CollectionFailures.invalidRequest, nonRetryable: true, details: [{ field: error.field, reason: error.reason }] });
    }
    throw error;
  }
}

/** An agency refusal (4xx) ends the activity; an unreachable agency is left to Temporal's retries. */
async function guardAgency<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AgencyRejectedError) {
      throw ApplicationFailure.create({
        message: error.message,
        type: CollectionFailures.agencyRejected,
        nonRetryable: true,
        details: [{ status: error.status, field: error.field, reason: error.reason }],
      });
    }
    throw error;
  }
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
