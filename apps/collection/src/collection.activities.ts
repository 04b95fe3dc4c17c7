import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { addDays, DomainValidationError, isDomainValidationError, parseLocalDate, planReminder } from '@clientfees/domain';
import type {
  AgencyPaymentPlanRequest,
  AgencyRecallRequest,
  AgencyTransferRequest,
  CollectionActivities as Contract,
  ReminderRequest,
  ReminderSent,
} from '@clientfees/contracts';
import { SERVICE_LOGGER } from '@clientfees/platform';
import { AgencyClient, AgencyRejectedError } from './agency/agency-client';
import { AgencyCase } from './agency-cases/agency-case.entity';
import { Reminder } from './reminders/reminder.entity';

/** Failure types with which the collection activities give up for good (no Temporal retry). */
export const CollectionFailures = {
  invalidRequest: 'InvalidCollectionRequest',
  agencyRejected: 'AgencyRejected',
  noAgencyCase: 'AgencyCaseMissing',
  caseClosed: 'AgencyCaseClosed',
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
    private readonly agency: AgencyClient,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async sendReminder(request: ReminderRequest): Promise<ReminderSent> {
    const invoiceId = guard(() => invoiceIdOf(request.invoice?.invoiceId, 'invoice.invoiceId'));
    // Already sent: answer the stored reminder whatever this request says, since the client
    // has the first letter in hand and a second one would be a second demand.
    const stored = await reminderOf(this.dataSource, invoiceId);
    if (stored) return reminderSent(stored);

    const planned = guard(() => planReminder(request));
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
