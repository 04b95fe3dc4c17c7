import { Inject, Injectable, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { DebtInvoicingMessages, DEFAULT_PORTS, InvoiceCopy } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, serviceMessage } from '@clientfees/platform';

/** Where the letters' invoice copies come from: invoicing, over its TCP messages. */
export interface InvoiceCopySource {
  copies(organisationId: string, invoiceIds: readonly string[]): Promise<InvoiceCopy[]>;
}

export const INVOICE_COPY_SOURCE = Symbol('InvoiceCopySource');

/** `INVOICING_TCP_HOST` / `INVOICING_TCP_PORT`: invoicing's message listener (127.0.0.1:4001 by default). */
export function invoicingMessagesAddress(env: Record<string, string | undefined>): { host: string; port: number } {
  const port = Number(env.INVOICING_TCP_PORT ?? DEFAULT_PORTS.invoicing.tcp);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`INVOICING_TCP_PORT: must be a port number, not "${env.INVOICING_TCP_PORT}"`);
  return { host: env.INVOICING_TCP_HOST ?? '127.0.0.1', port };
}

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
