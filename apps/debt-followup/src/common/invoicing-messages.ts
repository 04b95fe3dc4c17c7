import { Inject, Injectable, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { DebtInvoicingMessages, DebtListPage, DebtListRequest, InvoiceCopy } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, ServiceMessenger } from '@clientfees/platform';

/**
 * What debt follow-up asks invoicing synchronously, over its TCP messages: the letters' invoice
 * copies, and the month end's debt list page by page (read by the review's activity, so the
 * pages never pass through a workflow's history).
 */
export interface InvoicingMessages {
  copies(organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]>;
  debtList(request: DebtListRequest): Promise<DebtListPage>;
}

export const INVOICING_MESSAGES = Symbol('InvoicingMessages');

/** Invoicing's answers over @nestjs/microservices, each message signed as debt follow-up's (ADR 0013). */
@Injectable()
export class TcpInvoicingMessages implements InvoicingMessages, OnApplicationShutdown {
  // Signed as debt follow-up's: invoicing answers only the senders a message names (ADR 0013).
  private readonly invoicing: ServiceMessenger;

  constructor(@Inject('INVOICING_MESSAGES_ADDRESS') address: { host: string; port: number }, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.invoicing = new ServiceMessenger(address, 'debt-followup', config.AUTH_SIGNING_KEY);
  }

  copies(organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]> {
    return this.send<InvoiceCopy[]>(DebtInvoicingMessages.invoiceCopies, { organisationId, invoiceIds }, 15_000, 'the invoice copies cannot be fetched from invoicing right now: try again in a moment');
  }

  debtList(request: DebtListRequest): Promise<DebtListPage> {
    return this.send<DebtListPage>(DebtInvoicingMessages.debtList, request, 60_000, 'the debt list cannot be read from invoicing right now');
  }

  private async send<R>(pattern: string, body: unknown, timeoutMs: number, unavailable: string): Promise<R> {
    try {
      return await this.invoicing.send<R>(pattern, body, timeoutMs);
    } catch {
      throw new ServiceUnavailableException(unavailable);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.invoicing.close();
  }
}
