import { Inject, Injectable, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { DebtInvoicingMessages, DebtListPage, DebtListRequest, InvoiceCopy } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, serviceMessage } from '@clientfees/platform';

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
  private readonly client: ClientProxy;

  constructor(
    @Inject('INVOICING_MESSAGES_ADDRESS') address: { host: string; port: number },
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.client = ClientProxyFactory.create({ transport: Transport.TCP, options: address });
  }

  copies(organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]> {
    return this.send<InvoiceCopy[]>(DebtInvoicingMessages.invoiceCopies, { organisationId, invoiceIds }, 15_000, 'the invoice copies cannot be fetched from invoicing right now: try again in a moment');
  }

  debtList(request: DebtListRequest): Promise<DebtListPage> {
    return this.send<DebtListPage>(DebtInvoicingMessages.debtList, request, 60_000, 'the debt list cannot be read from invoicing right now');
  }

  private async send<R>(pattern: string, body: unknown, timeoutMs: number, unavailable: string): Promise<R> {
    try {
      // Signed as debt follow-up's: invoicing answers only the senders a message names (ADR 0013).
      return await firstValueFrom(this.client.send<R>(pattern, serviceMessage(body, 'debt-followup', this.config.AUTH_SIGNING_KEY)).pipe(timeout(timeoutMs)));
    } catch {
      throw new ServiceUnavailableException(unavailable);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
