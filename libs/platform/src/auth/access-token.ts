import jwt from 'jsonwebtoken';
import { AccessClaims, isRole, Role } from '@clientfees/contracts';

export class InvalidAccessTokenError extends Error {}

/**
 * Mints a signed access token. In production an identity provider issues them; locally the CLI
 * (`clientfees token`) mints them with the configured key.
 */
export function mintAccessToken(claims: AccessClaims, signingKey: string, expiresInSeconds = 8 * 3600): string {
  assertClaims(claims);
  return jwt.sign(
    { roles: claims.roles, organisations: claims.organisations, debitingAreas: claims.debitingAreas, providerId: claims.providerId },
    signingKey,
    { algorithm: 'HS256', subject: claims.sub, expiresIn: expiresInSeconds },
  );
}

export function verifyAccessToken(token: string, signingKey: string): AccessClaims {
  let payload: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, signingKey, { algorithms: ['HS256'] });
    if (typeof decoded === 'string') throw new InvalidAccessTokenError('token payload is not an object');
    payload = decoded;
  } catch (error) {
    throw new InvalidAccessTokenError(error instanceof Error ? error.message : 'invalid token');
  }
  if (payload.organisations === undefined) {
    // A token that names no organisations may see nothing: refusing it says why at once.
    throw new InvalidAccessTokenError('the token names no organisations (claim "organisations")');
  }
  const claims: AccessClaims = {
    sub: String(payload.sub ?? ''),
    roles: Array.isArray(payload.roles) ? (payload.roles as Role[]) : [],
    organisations: stringList(payload.organisations, 'organisations')!,
    debitingAreas: stringList(payload.debitingAreas, 'debitingAreas'),
    providerId: typeof payload.providerId === 'string' ? payload.providerId : undefined,
  };
  assertClaims(claims);
  return claims;
}

function stringList(value: unknown, claim: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new InvalidAccessTokenError(`${claim} must be a list of non-empty strings`);
  }
  return value as string[];
}

function assertClaims(claims: AccessClaims): void {
  if (!claims.sub) throw new InvalidAccessTokenError('token has no subject');
  const unknown = claims.roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new InvalidAccessTokenError(`unknown roles: ${unknown.join(', ')}`);
  if (claims.roles.length === 0) throw new InvalidAccessTokenError('token has no roles');
  if (!Array.isArray(claims.organisations)) throw new InvalidAccessTokenError('the token names no organisations (claim "organisations")');
  stringList(claims.organisations, 'organisations');
  stringList(claims.debitingAreas, 'debitingAreas');
  if (claims.roles.includes('service-provider') && !claims.providerId) {
    throw new InvalidAccessTokenError('a service-provider token must name its providerId');
  }
}
