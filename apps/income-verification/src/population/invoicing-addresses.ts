import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { InvoicingMessages, RegisterAddressApplied, RegisterAddressChange } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, ServiceMessenger } from '@clientfees/platform';

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
  private readonly invoicing: ServiceMessenger;

  constructor(@Inject(INVOICING_MESSAGES_ADDRESS) address: { host: string; port: number }, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.invoicing = new ServiceMessenger(address, 'income-verification', config.AUTH_SIGNING_KEY);
  }

  async send(change: RegisterAddressChange): Promise<RegisterAddressApplied> {
    try {
      return await this.invoicing.send<RegisterAddressApplied>(InvoicingMessages.registerAddress, change, 15_000);
    } catch (error) {
      const status = refusalStatus(error);
      if (status !== undefined && status >= 400 && status < 500) {
        throw ApplicationFailure.nonRetryable(`invoicing refused the address change ${change.changeId} (${status}): ${(error as { message?: string }).message ?? ''}`, 'InvoicingRefused');
      }
      throw new Error(`invoicing did not answer the address change ${change.changeId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.invoicing.close();
  }
}
