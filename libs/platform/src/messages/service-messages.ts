import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import type { ServiceMessage, ServiceName } from '@clientfees/contracts';
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
