import { Injectable } from '@nestjs/common';
import { addDays, dueDate } from '@clientfees/domain';
import type { InvoiceTerms } from '@clientfees/contracts';
import { Database } from '@clientfees/platform';
import { collectionPausedUntil } from '../fee-reductions/fee-reduction.queries';
import { findInvoice, setFirstDueDate } from '../invoices/invoice.queries';
import { findOrganisation } from '../organisations/organisation.queries';
import { dueDateIn, termsOf } from '../organisations/organisation-terms';

/** What an invoice's lifecycle needs to know once the invoice is issued: its due date and terms. */
@Injectable()
export class InvoiceTermsService {
  constructor(private readonly db: Database) {}

  /**
   * The due date from the organisation's payment terms (set on the invoice once; a retry finds
   * it), the first transfer run that may take it, the organisation's lifecycle settings, any § 11
   * decision in force for the client on the invoice date, and what collection needs of the invoice.
   */
  settle(invoiceId: string): Promise<InvoiceTerms> {
    return this.db.transaction(async (tx) => {
      const invoice = await findInvoice(tx, invoiceId);
      if (!invoice) throw new Error(`no invoice ${invoiceId}`);
      const organisation = await findOrganisation(tx, invoice.organisationId);
      if (!organisation) throw new Error(`no organisation ${invoice.organisationId}`);
      const terms = termsOf(organisation);
      const due =
        invoice.dueDate ??
        dueDate(organisation.country, invoice.invoiceDate, { paymentTermDays: organisation.paymentTermDays, bankingDays: organisation.dueDateBankingDays });
      const eligible = addDays(due, terms.transferAfterDaysOverdue);
      if (invoice.dueDate === null) await setFirstDueDate(tx, invoice.id, due, eligible);
      const pausedUntil = await collectionPausedUntil(tx, invoice, invoice.invoiceDate);
      return {
        ...dueDateIn(organisation, due),
        ...(pausedUntil ? { collectionPausedUntil: pausedUntil } : {}),
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
    });
  }
}
