import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { DEFAULT_PORTS, ServiceMessage, ServiceName } from '@clientfees/contracts';
import { mintServiceToken } from './service-token';

/** What a service sends another over @nestjs/microservices: its token and the validated body. */
export function serviceMessage<T>(body: T, from: ServiceName, signingKey: string): ServiceMessage<T> {
  return { auth: mintServiceToken(from, signingKey), body };
}

/**
 * Sends one message and waits for the answer. A refusal comes back as the error it is
 * (`{ status, message, problems? }`: 400 bad body, 401 no or bad token, 403 a sender the
 * pattern does not accept, 404 nothing there).
 */
export function sendServiceMessage<R, T = unknown>(client: ClientProxy, pattern: string, body: T, from: ServiceName, signingKey: string): Promise<R> {
  return firstValueFrom(client.send<R, ServiceMessage<T>>(pattern, serviceMessage(body, from, signingKey)));
}

/**
 * One service's signed messages to another's TCP listener (ADR 0013): the connection is made on
 * first use, every message is signed as `from`, and an answer is awaited at most `timeoutMs`. A
 * refusal comes back as the error it is (see `sendServiceMessage`); what the caller makes of an
 * error (retry, 503, a failure for a person) is its own decision.
 */
export class ServiceMessenger {
  private client?: ClientProxy;

  constructor(
    private readonly address: { host: string; port: number },
    private readonly from: ServiceName,
    private readonly signingKey: string,
  ) {}

  send<R>(pattern: string, body: unknown, timeoutMs: number): Promise<R> {
    this.client ??= ClientProxyFactory.create({ transport: Transport.TCP, options: this.address });
    return firstValueFrom(this.client.send<R>(pattern, serviceMessage(body, this.from, this.signingKey)).pipe(timeout(timeoutMs)));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }
}

/** `INVOICING_TCP_HOST` / `INVOICING_TCP_PORT`: invoicing's message listener (127.0.0.1:4001 by default); a bad port stops the service naming it. */
export function invoicingMessagesAddress(env: Record<string, string | undefined>): { host: string; port: number } {
  const port = Number(env.INVOICING_TCP_PORT ?? DEFAULT_PORTS.invoicing.tcp);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`INVOICING_TCP_PORT: must be a port number, not "${env.INVOICING_TCP_PORT}"`);
  return { host: env.INVOICING_TCP_HOST ?? '127.0.0.1', port };
}
