import { Injectable } from '@nestjs/common';
import type { InvoiceDueDate, InvoiceStateChange, InvoiceTerms, InvoicingActivities as Contract, TransferRunPage } from '@clientfees/contracts';
import { activityIdempotencyKey, activityScheduledAt } from '@clientfees/platform';
import { DeferralsService } from '../deferrals/deferrals.service';
import { InvoicesService } from '../invoices/invoices.service';
import { InvoiceTermsService } from './invoice-terms.service';

/**
 * What the invoiceLifecycle workflow asks of invoicing, on its task queue. Each activity is safe
 * to retry: a write is keyed by the activity execution (`activityIdempotencyKey`) and happens once.
 */
@Injectable()
export class InvoicingActivities implements Contract {
  constructor(
    private readonly terms: InvoiceTermsService,
    private readonly invoices: InvoicesService,
    private readonly deferrals: DeferralsService,
  ) {}

  setInvoiceDueDate(invoiceId: string): Promise<InvoiceTerms> {
    return this.terms.settle(invoiceId);
  }

  recordInvoiceState(change: InvoiceStateChange): Promise<void> {
    return this.invoices.recordState(change, activityIdempotencyKey());
  }

  applyDeferral(input: { invoiceId: string; dueDate: string; actor: string; reason: string }): Promise<InvoiceDueDate> {
    return this.deferrals.apply(input, activityIdempotencyKey());
  }

  openDeferralApproval(input: { invoiceId: string; requestedDueDate: string; requestedBy: string; reason: string }): Promise<{ approvalId: string; remindAtMs: number }> {
    return this.deferrals.openApproval(input, activityIdempotencyKey());
  }

  remindDeferralApprover(input: { approvalId: string }): Promise<void> {
    return this.deferrals.remindApprover(input.approvalId, activityIdempotencyKey());
  }

  closeDeferralApproval(input: { approvalId: string; outcome: 'approved' | 'denied' | 'withdrawn'; decidedBy: string; note: string }): Promise<void> {
    return this.deferrals.closeApproval(input, activityIdempotencyKey());
  }

  recordCreditNote(input: { invoiceId: string; amountCents: number; reason: string; actor: string }): Promise<{ creditNoteId: string; creditNoteNumber: number }> {
    return this.invoices.recordCreditNote(input, activityIdempotencyKey());
  }

  listInvoicesForTransferRun(input: { organisationId: string; runDate?: string; after?: string; limit: number }): Promise<TransferRunPage> {
    return this.invoices.transferRunPage(input, activityScheduledAt());
  }
}
