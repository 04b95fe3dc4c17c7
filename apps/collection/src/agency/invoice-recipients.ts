import { AgencyApiRecipient, GetInvoiceRequest, InvoiceSnapshot, InvoicingMessages } from '@clientfees/contracts';
import { ServiceMessenger } from '@clientfees/platform';
import type { InvoicingTcpSettings } from '../reference-rates/reference-rate-source';

/**
 * Whom the agency is told the debtor is: the invoice's recipient as invoicing holds it when the
 * invoice goes to the agency, not as the lifecycle's snapshot had it when the invoice was issued.
 * A deceased client's invoices are readdressed to the estate (kuolinpesä / dödsbo) with the
 * contact the estate investigator entered; the agency must demand payment from the estate, so that
 * the debts enter the estate inventory (seed 004), never from the deceased.
 */
export interface InvoiceRecipients {
  recipientOf(invoice: InvoiceSnapshot): Promise<AgencyApiRecipient>;
}

export const INVOICE_RECIPIENTS = Symbol('INVOICE_RECIPIENTS');

/** The invoicing service could not be asked: the step waits and Temporal retries it. */
export class InvoiceRecipientUnavailableError extends Error {
  override readonly name = 'InvoiceRecipientUnavailableError';
}

/** Asks invoicing's `invoicing.invoice.get` (collection is one of its two senders, ADR 0013). */
export class InvoicingInvoiceRecipients implements InvoiceRecipients {
  private readonly invoicing: ServiceMessenger;

  constructor(private readonly settings: InvoicingTcpSettings) {
    this.invoicing = new ServiceMessenger({ host: settings.host, port: settings.port }, 'collection', settings.signingKey);
  }

  async recipientOf(invoice: InvoiceSnapshot): Promise<AgencyApiRecipient> {
    const request: GetInvoiceRequest = { organisationId: invoice.organisationId, id: invoice.invoiceId };
    let view: { recipient?: AgencyApiRecipient & { addressProtected?: boolean } };
    try {
      view = await this.invoicing.send<{ recipient?: AgencyApiRecipient & { addressProtected?: boolean } }>(InvoicingMessages.getInvoice, request, this.settings.timeoutMs);
    } catch (error) {
      throw new InvoiceRecipientUnavailableError(`the invoicing service did not answer for invoice ${invoice.invoiceId}: ${(error as Error).message ?? error}`);
    }
    if (!view?.recipient) throw new InvoiceRecipientUnavailableError(`the invoicing service answered invoice ${invoice.invoiceId} without a recipient`);
    // Under a security ban invoicing shows no address. The agency cannot deliver to a masked one
    // and must not learn the protected one, so it keeps what it was given when the invoice was
    // issued (docs/income-verification.md, "Not done yet": delivery under a ban).
    const { kind, name, streetAddress, postalCode, city, country } = view.recipient.addressProtected ? invoice.recipient : view.recipient;
    return { kind, name, streetAddress, postalCode, city, country };
  }

  close(): Promise<void> {
    return this.invoicing.close();
  }
}
