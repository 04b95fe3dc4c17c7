import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { ApplicationFailure } from '@temporalio/activity';
import { firstValueFrom, timeout } from 'rxjs';
import { InvoicingMessages, RegisterAddressApplied, RegisterAddressChange } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, serviceMessage } from '@clientfees/platform';

/** Where a client's address from the population register goes: invoicing's billing settings. */
export interface InvoicingAddresses {
  send(change: RegisterAddressChange): Promise<RegisterAddressApplied>;
}

export const INVOICING_ADDRESSES = Symbol('InvoicingAddresses');
export const INVOICING_MESSAGES_ADDRESS = Symbol('InvoicingMessagesAddress');

/** A refusal as it comes back over the message transport (ADR 0013). */
const refusalStatus = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/**
 * Sends the address as a signed message to invoicing's TCP listener (ADR 0013). Invoicing down or
 * slow is an error the activity retries; a refusal (400: a body invoicing cannot take, 401/403: a
 * key or sender it does not accept) will not mend itself and fails at once, for someone to look at.
 */
@Injectable()
export class TcpInvoicingAddresses implements InvoicingAddresses, OnApplicationShutdown {
  private readonly client: ClientProxy;

  constructor(
    @Inject(INVOICING_MESSAGES_ADDRESS) address: { host: string; port: number },
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.client = ClientProxyFactory.create({ transport: Transport.TCP, options: address });
  }

  async send(change: RegisterAddressChange): Promise<RegisterAddressApplied> {
    try {
      return await firstValueFrom(
        this.client.send<RegisterAddressApplied>(InvoicingMessages.registerAddress, serviceMessage(change, 'income-verification', this.config.AUTH_SIGNING_KEY)).pipe(timeout(15_000)),
      );
    } catch (error) {
      const status = refusalStatus(error);
      if (status !== undefined && status >= 400 && status < 500) {
        throw ApplicationFailure.nonRetryable(`invoicing refused the address change ${change.changeId} (${status}): ${(error as { message?: string }).message ?? ''}`, 'InvoicingRefused');
      }
      throw new Error(`invoicing did not answer the address change ${change.changeId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
