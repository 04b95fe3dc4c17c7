import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addBankingDays, addDays, dueDate, localDateInZone, Money, startOfDayInZone } from '@clientfees/domain';
import type { InvoiceDueDate, InvoiceStateChange, InvoiceTerms, InvoicingActivities as Contract, TransferRunPage } from '@clientfees/contracts';
import { Organisation } from '../organisations/organisation.entity';
import { termsOf } from '../organisations/organisation-terms';
import { DeferralApproval } from '../deferrals/deferral-approval.entity';
import { Invoice } from './invoice.entity';
import { InvoiceEvent } from './invoice-event.entity';
import { takeInvoiceNumber } from './invoices.service';

/** The invoicing service's Temporal activities: each is safe to retry. */
@Injectable()
export class InvoicingActivities implements Contract {
  constructor(private readonly dataSource: DataSource) {}

  async setInvoiceDueDate(invoiceId: string): Promise<InvoiceTerms> {
    const { invoice, organisation } = await this.load(invoiceId);
    const due =
      invoice.dueDate ??
      dueDate(organisation.country, invoice.invoiceDate, {
        paymentTermDays: organisation.paymentTermDays,
        bankingDays: organisation.dueDateBankingDays,
      });
    const terms = termsOf(organisation);
    const eligible = addDays(due, terms.transferAfterDaysOverdue);
    if (invoice.dueDate === null) {
      await this.dataSource
        .createQueryBuilder()
        .update(Invoice)
        .set({ dueDate: due, transferEligibleDate: eligible })
        .where('id = :invoiceId AND due_date IS NULL', { invoiceId })
        .execute();
    }
    const [pause] = (await this.dataSource.query(
      `SELECT max(valid_to) AS until FROM fee_reduction_decision
        WHERE organisation_id = $1 AND client_number = $2 AND valid_from <= $3 AND valid_to >= $3`,
      [invoice.organisationId, invoice.clientNumber, invoice.invoiceDate],
    )) as Array<{ until: string | null }>;
    return {
      ...dueDateOf(due, organisation),
      ...(pause?.until ? { collectionPausedUntil: pause.until } : {}),
      isEstate: invoice.recipient.kind === 'estate',
      deferralLimits: terms.deferralLimits,
      timeZone: organisation.timeZone,
      transferEligibleDate: eligible,
      reminderDueDays: terms.reminderDueDays,
      reminderFeeCents: terms.fees.reminder.minorUnits,
      snapshot: {
        invoiceId: invoice.id,
        organisationId: invoice.organisationId,
        country: organisation.country,
        currency: invoice.currency,
        invoiceNumber: invoice.invoiceNumber,
        clientNumber: invoice.clientNumber,
        paymentReference: invoice.paymentReference,
        recipient: invoice.recipient,
        invoiceDate: invoice.invoiceDate,
        dueDate: due,
      },
    };
  }

  async recordInvoiceState(change: InvoiceStateChange): Promise<void> {
    await this.dataSource.transaction((db) => recordEvent(db, change));
  }

  async applyDeferral(input: { invoiceId: string; dueDate: string; actor: string; reason: string }): Promise<InvoiceDueDate> {
    const { organisation } = await this.load(input.invoiceId);
    const eligible = addDays(input.dueDate, termsOf(organisation).transferAfterDaysOverdue);
    await this.dataSource.transaction(async (db) => {
      await db.getRepository(Invoice).update({ id: input.invoiceId }, { dueDate: input.dueDate, transferEligibleDate: eligible });
      await recordEvent(db, {
        invoiceId: input.invoiceId,
        state: 'deferred',
        actor: input.actor,
        reason: `due date moved to ${input.dueDate}: ${input.reason}`,
      });
    });
    return dueDateOf(input.dueDate, organisation);
  }

  async openDeferralApproval(input: { invoiceId: string; requestedDueDate: string; requestedBy: string; reason: string }) {
    const { invoice, organisation } = await this.load(input.invoiceId);
    const key = activityIdempotencyKey();
    const repository = this.dataSource.getRepository(DeferralApproval);
    const existing = key ? await repository.findOneBy({ idempotencyKey: key }) : null;
    const approval =
      existing ??
      (await repository.save(
        repository.create({
          id: randomUUID(),
          invoiceId: invoice.id,
          organisationId: invoice.organisationId,
          requestedDueDate: input.requestedDueDate,
          requestedBy: input.requestedBy,
          reason: input.reason,
          status: 'pending',
          decidedBy: null,
          decisionNote: null,
          remindedAt: null,
          decidedAt: null,
          idempotencyKey: key,
        }),
      ));
    // Counted from the day the request was made, in the organisation's calendar.
    const requestedOn = localDateInZone(approval.requestedAt.getTime(), organisation.timeZone);
    const remindOn = addBankingDays(organisation.country, requestedOn, organisation.deferralApprovalReminderBankingDays);
    return { approvalId: approval.id, remindAtMs: startOfDayInZone(remindOn, organisation.timeZone) };
  }

  async remindDeferralApprover(input: { approvalId: string }): Promise<void> {
    const approval = await this.dataSource.getRepository(DeferralApproval).findOneByOrFail({ id: input.approvalId });
    if (approval.remindedAt !== null || approval.status !== 'pending') return;
    await this.dataSource.transaction(async (db) => {
      await db.getRepository(DeferralApproval).update({ id: approval.id }, { remindedAt: new Date() });
      const invoice = await db.getRepository(Invoice).findOneByOrFail({ id: approval.invoiceId });
      await recordEvent(db, {
        invoiceId: approval.invoiceId,
        state: invoice.state,
        actor: 'system:invoiceLifecycle',
        reason: `the billing supervisor was reminded of the deferral to ${approval.requestedDueDate} waiting since ${approval.requestedAt.toISOString().slice(0, 10)}`,
      });
    });
  }

  async closeDeferralApproval(input: { approvalId: string; outcome: 'approved' | 'denied' | 'withdrawn'; decidedBy: string; note: string }): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const approval = await db.getRepository(DeferralApproval).findOneByOrFail({ id: input.approvalId });
      if (approval.status !== 'pending') return;
      await db
        .getRepository(DeferralApproval)
        .update({ id: approval.id }, { status: input.outcome, decidedBy: input.decidedBy, decisionNote: input.note, decidedAt: new Date() });
      const invoice = await db.getRepository(Invoice).findOneByOrFail({ id: approval.invoiceId });
      await recordEvent(db, {
        invoiceId: approval.invoiceId,
        state: invoice.state,
        actor: input.decidedBy,
        reason: `deferral to ${approval.requestedDueDate} ${input.outcome}${input.note ? `: ${input.note}` : ''}`,
      });
    });
  }

  async recordCreditNote(input: { invoiceId: string; amountCents: number; reason: string; actor: string }) {
    const key = activityIdempotencyKey();
    return this.dataSource.transaction(async (db) => {
      const existing: Array<{ id: string; credit_note_number: number }> = key
        ? await db.query('SELECT id, credit_note_number FROM credit_note WHERE idempotency_key = $1', [key])
        : [];
      if (existing.length > 0) return { creditNoteId: existing[0].id, creditNoteNumber: existing[0].credit_note_number };
      const invoice = await db.getRepository(Invoice).findOneByOrFail({ id: input.invoiceId });
      const creditNoteNumber = await takeInvoiceNumber(db, invoice.organisationId);
      const creditNoteId = randomUUID();
      await db.query(
        `INSERT INTO credit_note (id, invoice_id, organisation_id, credit_note_number, amount_cents, reason, created_by, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [creditNoteId, invoice.id, invoice.organisationId, creditNoteNumber, input.amountCents, input.reason, input.actor, key],
      );
      await recordEvent(db, {
        invoiceId: invoice.id,
        state: invoice.state,
        actor: input.actor,
        reason: `credit note ${creditNoteNumber} of ${Money.ofMinor(input.amountCents, invoice.currency).toDecimalString()}: ${input.reason}`,
      });
      return { creditNoteId, creditNoteNumber };
    });
  }

  async listInvoicesForTransferRun(input: { organisationId: string; runDate?: string; after?: string; limit: number }): Promise<TransferRunPage> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: input.organisationId });
    // A scheduled run takes the day it was started on, in the organisation's calendar.
    const runDate = input.runDate ?? localDateInZone(activityScheduledAt(), organisation.timeZone);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM invoice
        WHERE organisation_id = $1 AND state = 'overdue' AND transfer_eligible_date <= $2 AND id > $3
        ORDER BY id LIMIT $4`,
      [input.organisationId, runDate, input.after ?? '00000000-0000-0000-0000-000000000000', input.limit],
    );
    const invoiceIds = rows.map((row) => row.id);
    return { runDate, invoiceIds, ...(invoiceIds.length === input.limit ? { nextAfter: invoiceIds[invoiceIds.length - 1] } : {}) };
  }

  private async load(invoiceId: string): Promise<{ invoice: Invoice; organisation: Organisation }> {
    const invoice = await this.dataSource.getRepository(Invoice).findOneByOrFail({ id: invoiceId });
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: invoice.organisationId });
    return { invoice, organisation };
  }
}

function dueDateOf(due: string, organisation: Organisation): InvoiceDueDate {
  return { dueDate: due, dueDateEndsAtMs: startOfDayInZone(addDays(due, 1), organisation.timeZone) };
}

/** Records a timeline event once per activity execution, and moves the invoice to its state. */
async function recordEvent(db: EntityManager, change: InvoiceStateChange): Promise<void> {
  const key = activityIdempotencyKey();
  const inserted = await db
    .createQueryBuilder()
    .insert()
    .into(InvoiceEvent)
    .values({ invoiceId: change.invoiceId, state: change.state, actor: change.actor, reason: change.reason, idempotencyKey: key })
    .orIgnore()
    .execute();
  if ((inserted.raw as unknown[]).length > 0 || key === null) {
    await db
      .getRepository(Invoice)
      .update({ id: change.invoiceId }, { state: change.state, ...(change.transferEligibleDate ? { transferEligibleDate: change.transferEligibleDate } : {}) });
  }
}

/** The Temporal server's time for this attempt: the same clock the workflows run on. */
function activityScheduledAt(): number {
  try {
    return Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    return Date.now();
  }
}

function activityIdempotencyKey(): string | null {
  try {
    const info = Context.current().info;
    const execution = info.workflowExecution;
    return execution ? `${execution.workflowId}/${execution.runId}/${info.activityId}` : null;
  } catch {
    return null;
  }
}
