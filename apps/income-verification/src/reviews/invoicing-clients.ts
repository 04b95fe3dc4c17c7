import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientIdentity, DecidedServicesAnswer, InvoicingMessages } from '@clientfees/contracts';
import { SERVICE_CONFIG, ServiceConfig, ServiceMessenger } from '@clientfees/platform';
import { INVOICING_MESSAGES_ADDRESS } from '../population/invoicing-addresses';

/** Who a review's client is: invoicing holds every client's identity code, by invoicing's client id. */
export interface InvoicingClients {
  /** `purpose` goes to invoicing's access log: the review and the officer who started it. */
  identityOf(organisationId: string, clientId: string, purpose: string): Promise<ClientIdentity>;
  /** The client's decided services, for the service a fee decision is for. */
  decidedServicesOf(organisationId: string, clientId: string): Promise<DecidedServicesAnswer>;
}

export const INVOICING_CLIENTS = Symbol('InvoicingClients');

/** Invoicing could not be asked (down, slow, or refusing the message). */
export class InvoicingUnavailable extends Error {}

/**
 * Asks invoicing's TCP listener with a signed message (ADR 0013; invoicing answers income
 * verification alone). Any failure is an error the review's activity retries. The answer is never
 * logged: it holds the identity code in full.
 */
@Injectable()
export class TcpInvoicingClients implements InvoicingClients, OnApplicationShutdown {
  private readonly invoicing: ServiceMessenger;

  constructor(@Inject(INVOICING_MESSAGES_ADDRESS) address: { host: string; port: number }, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.invoicing = new ServiceMessenger(address, 'income-verification', config.AUTH_SIGNING_KEY);
  }

  identityOf(organisationId: string, clientId: string, purpose: string): Promise<ClientIdentity> {
    return this.ask<ClientIdentity>(InvoicingMessages.clientIdentity, { organisationId, clientId, purpose }, `who client ${clientId} is`);
  }

  decidedServicesOf(organisationId: string, clientId: string): Promise<DecidedServicesAnswer> {
    return this.ask<DecidedServicesAnswer>(InvoicingMessages.decidedServices, { organisationId, clientId }, `the decided services of client ${clientId}`);
  }

  private async ask<R>(pattern: string, body: unknown, what: string): Promise<R> {
    try {
      return await this.invoicing.send<R>(pattern, body, 15_000);
    } catch (error) {
      // Retried by an activity, a refusal (400, 401, 403: a key or sender invoicing does not
      // accept) too: the review waits in checking-consent with the reason in its activity's
      // failure, and is not lost.
      const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
      const how = typeof status === 'number' ? `refused (${status}): ${(error as { message?: string }).message ?? ''}` : `did not answer: ${error instanceof Error ? error.message : String(error)}`;
      throw new InvoicingUnavailable(`invoicing ${how}, asked ${what}`);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.invoicing.close();
  }
}
