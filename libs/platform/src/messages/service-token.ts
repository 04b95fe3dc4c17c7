import jwt from 'jsonwebtoken';
import { SERVICE_NAMES, ServiceName } from '@clientfees/contracts';

const AUDIENCE = 'clientfees:messages';

export class InvalidServiceTokenError extends Error {}

/**
 * A short-lived token that a clientfees service puts on each message it sends another service
 * (ADR 0013): HS256 with the shared AUTH_SIGNING_KEY, for the messages audience only, so a
 * user's access token is never accepted on the TCP transport and a message token never on HTTP.
 */
export function mintServiceToken(service: ServiceName, signingKey: string, expiresInSeconds = 60): string {
  return jwt.sign({ svc: service }, signingKey, { algorithm: 'HS256', audience: AUDIENCE, subject: `service:${service}`, expiresIn: expiresInSeconds });
}

/** The calling service named by a valid message token. */
export function verifyServiceToken(token: unknown, signingKey: string): ServiceName {
  if (typeof token !== 'string' || token === '') throw new InvalidServiceTokenError('the message carries no service token (auth)');
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(token, signingKey, { algorithms: ['HS256'], audience: AUDIENCE });
  } catch (error) {
    throw new InvalidServiceTokenError(`invalid service token: ${error instanceof Error ? error.message : String(error)}`);
  }
  const service = typeof payload === 'string' ? undefined : payload.svc;
  if (!(SERVICE_NAMES as readonly unknown[]).includes(service)) throw new InvalidServiceTokenError('the service token names no clientfees service');
  return service as ServiceName;
}
