import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
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

/** `INVOICING_TCP_HOST` / `INVOICING_TCP_PORT`: invoicing's message listener (127.0.0.1:4001 by default); a bad port stops the service naming it. */
export function invoicingMessagesAddress(env: Record<string, string | undefined>): { host: string; port: number } {
  const port = Number(env.INVOICING_TCP_PORT ?? DEFAULT_PORTS.invoicing.tcp);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`INVOICING_TCP_PORT: must be a port number, not "${env.INVOICING_TCP_PORT}"`);
  return { host: env.INVOICING_TCP_HOST ?? '127.0.0.1', port };
}
