import { Inject, Injectable, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { DebtInvoicingMessages, InvoiceCopy } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, serviceMessage } from '@clientfees/platform';

/** Where the letters' invoice copies come from: invoicing, over its TCP messages. */
export interface InvoiceCopySource {
  copies(organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]>;
}

export const INVOICE_COPY_SOURCE = Symbol('InvoiceCopySource');

/** Asks invoicing for the copies over @nestjs/microservices (a synchronous query between services). */
@Injectable()
export class TcpInvoiceCopySource implements InvoiceCopySource, OnApplicationShutdown {
  private readonly client: ClientProxy;

  constructor(
    @Inject('INVOICING_MESSAGES_ADDRESS') address: { host: string; port: number },
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.client = ClientProxyFactory.create({ transport: Transport.TCP, options: address });
  }

  async copies(organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]> {
    try {
      return await firstValueFrom(this.client.send<InvoiceCopy[]>(
            DebtInvoicingMessages.invoiceCopies,
            // Signed as debt follow-up's: invoicing answers only the senders a message names (ADR 0013).
            serviceMessage({ organisationId, invoiceIds }, 'debt-followup', this.config.AUTH_SIGNING_KEY),
          ).pipe(timeout(15_000)));
    } catch {
      throw new ServiceUnavailableException('the invoice copies cannot be fetched from invoicing right now: try again in a moment');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
