import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { addBankingDays, addDays, localDateInZone, startOfDayInZone } from '@clientfees/domain';
import type { InvoiceDueDate } from '@clientfees/contracts';
import { Database, Tx } from '@clientfees/platform';
import { findInvoice, Invoice, moveDueDate, recordInvoiceEvent } from '../invoices/invoice.queries';
import { findOrganisation, Organisation } from '../organisations/organisation.queries';
import { dueDateIn, termsOf } from '../organisations/organisation-terms';
import {
  decideDeferralApproval,
  DeferralApproval,
  deferralApprovalInbox,
  DeferralApprovalStatus,
  findDeferralApproval,
  markApproverReminded,
  openDeferralApproval,
} from './deferral-approval.queries';

/**
 * Deferrals (eräpäivän siirto / anstånd) as the invoice's lifecycle carries them out: the new due
 * date, and the billing supervisor's inbox for a deferral beyond the officer's limit. Each change
 * is recorded on the invoice's timeline once per lifecycle activity (its idempotency key).
 */
@Injectable()
export class DeferralsService {
  constructor(private readonly db: Database) {}

  /** Moves the due date (and the first transfer run that may take the invoice) and records who and why. */
  async apply(input: { invoiceId: string; dueDate: string; actor: string; reason: string }, idempotencyKey: string | null): Promise<InvoiceDueDate> {
    return this.db.transaction(async (tx) => {
      const { organisation } = await invoiceAndOrganisation(tx, input.invoiceId);
      await moveDueDate(tx, input.invoiceId, input.dueDate, addDays(input.dueDate, termsOf(organisation).transferAfterDaysOverdue));
      const reason = `due date moved to ${input.dueDate}: ${input.reason}`;
      await recordInvoiceEvent(tx, { invoiceId: input.invoiceId, state: 'deferred', actor: input.actor, reason }, idempotencyKey);
      return dueDateIn(organisation, input.dueDate);
    });
  }

  /**
   * Puts a long deferral into the billing supervisor's inbox and says when to remind them: a
   * number of banking days from the day it was asked, in the organisation's calendar.
   */
  async openApproval(
    input: { invoiceId: string; requestedDueDate: string; requestedBy: string; reason: string },
    idempotencyKey: string | null,
  ): Promise<{ approvalId: string; remindAtMs: number }> {
    return this.db.transaction(async (tx) => {
      const { invoice, organisation } = await invoiceAndOrganisation(tx, input.invoiceId);
      const approval = await openDeferralApproval(tx, { id: randomUUID(), ...input, organisationId: invoice.organisationId, idempotencyKey });
      const requestedOn = localDateInZone(approval.requestedAt.getTime(), organisation.timeZone);
      const remindOn = addBankingDays(organisation.country, requestedOn, organisation.deferralApprovalReminderBankingDays);
      return { approvalId: approval.id, remindAtMs: startOfDayInZone(remindOn, organisation.timeZone) };
    });
  }

  /** Reminds the supervisor once of an approval still waiting; the reminder goes on the timeline. */
  async remindApprover(approvalId: string, idempotencyKey: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      const approval = await approvalOf(tx, approvalId);
      if (approval.remindedAt !== null || approval.status !== 'pending') return;
      await markApproverReminded(tx, approval.id);
      const since = approval.requestedAt.toISOString().slice(0, 10);
      const reason = `the billing supervisor was reminded of the deferral to ${approval.requestedDueDate} waiting since ${since}`;
      await recordOnTimeline(tx, approval, 'system:invoiceLifecycle', reason, idempotencyKey);
    });
  }

  /** Closes a waiting approval as the lifecycle decided it; a closed one stays as it was. */
  async closeApproval(
    input: { approvalId: string; outcome: Exclude<DeferralApprovalStatus, 'pending'>; decidedBy: string; note: string },
    idempotencyKey: string | null,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const approval = await approvalOf(tx, input.approvalId);
      if (approval.status !== 'pending') return;
      await decideDeferralApproval(tx, approval.id, { status: input.outcome, decidedBy: input.decidedBy, note: input.note });
      const reason = `deferral to ${approval.requestedDueDate} ${input.outcome}${input.note ? `: ${input.note}` : ''}`;
      await recordOnTimeline(tx, approval, input.decidedBy, reason, idempotencyKey);
    });
  }

  inbox(organisationId: string, status: DeferralApprovalStatus): Promise<DeferralApproval[]> {
    return this.db.read((tx) => deferralApprovalInbox(tx, organisationId, status));
  }

  /** The invoice a waiting approval belongs to; an unknown approval is a 404. */
  async invoiceOfApproval(approvalId: string): Promise<string> {
    const approval = await this.db.read((tx) => findDeferralApproval(tx, approvalId));
    if (!approval) throw new NotFoundException(`no deferral approval ${approvalId}`);
    return approval.invoiceId;
  }
}

async function invoiceAndOrganisation(tx: Tx, invoiceId: string): Promise<{ invoice: Invoice; organisation: Organisation }> {
  const invoice = await findInvoice(tx, invoiceId);
  if (!invoice) throw new Error(`no invoice ${invoiceId}`);
  const organisation = await findOrganisation(tx, invoice.organisationId);
  if (!organisation) throw new Error(`no organisation ${invoice.organisationId}`);
  return { invoice, organisation };
}

async function approvalOf(tx: Tx, approvalId: string): Promise<DeferralApproval> {
  const approval = await findDeferralApproval(tx, approvalId);
  if (!approval) throw new Error(`no deferral approval ${approvalId}`);
  return approval;
}

/** An approval's step on the invoice's timeline: the invoice keeps its state. */
async function recordOnTimeline(tx: Tx, approval: DeferralApproval, actor: string, reason: string, idempotencyKey: string | null): Promise<void> {
  const invoice = await findInvoice(tx, approval.invoiceId);
  if (!invoice) throw new Error(`no invoice ${approval.invoiceId}`);
  await recordInvoiceEvent(tx, { invoiceId: invoice.id, state: invoice.state, actor, reason }, idempotencyKey);
}
