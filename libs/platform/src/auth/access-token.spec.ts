import jwt from 'jsonwebtoken';
import { InvalidAccessTokenError, mintAccessToken, verifyAccessToken } from './access-token';

const key = 'a-test-signing-key-that-is-long-enough';

describe('access tokens', () => {
  it('round-trips the subject, roles, organisations, debiting areas and provider', () => {
    const claims = { sub: 'provider-user-1', roles: ['service-provider' as const], organisations: ['fi-kouvola'], providerId: 'p-42' };
    expect(verifyAccessToken(mintAccessToken(claims, key), key)).toEqual({ ...claims, debitingAreas: undefined });
    const manager = { sub: 'm', roles: ['unit-manager' as const], organisations: ['fi-vantaa'], debitingAreas: ['home-care-east'] };
    expect(verifyAccessToken(mintAccessToken(manager, key), key)).toEqual({ ...manager, providerId: undefined });
  });

  it('rejects a token signed with another key', () => {
    const token = mintAccessToken({ sub: 'u', roles: ['finance-centre'], organisations: ['fi-demo'] }, 'another-key-another-key-another-key');
    expect(() => verifyAccessToken(token, key)).toThrow(InvalidAccessTokenError);
  });

  it('rejects an expired token', () => {
    const token = mintAccessToken({ sub: 'u', roles: ['finance-centre'], organisations: ['fi-demo'] }, key, -10);
    expect(() => verifyAccessToken(token, key)).toThrow(/expired/);
  });

  it('rejects a token that names no organisations, which may see nothing', () => {
    const legacy = jwt.sign({ roles: ['finance-centre'] }, key, { algorithm: 'HS256', subject: 'u', expiresIn: 60 });
    expect(() => verifyAccessToken(legacy, key)).toThrow(/names no organisations/);
    expect(() => mintAccessToken({ sub: 'u', roles: ['finance-centre'] } as never, key)).toThrow(/names no organisations/);
  });

  it('rejects organisations that are not a list of names', () => {
    const odd = jwt.sign({ roles: ['finance-centre'], organisations: 'fi-demo' }, key, { algorithm: 'HS256', subject: 'u', expiresIn: 60 });
    expect(() => verifyAccessToken(odd, key)).toThrow(/organisations must be a list/);
    expect(() => mintAccessToken({ sub: 'u', roles: ['unit-manager'], organisations: ['fi-demo'], debitingAreas: [''] }, key)).toThrow(/debitingAreas/);
  });

  it('refuses a service-provider token without a provider', () => {
    expect(() => mintAccessToken({ sub: 'u', roles: ['service-provider'], organisations: ['fi-kouvola'] }, key)).toThrow(/providerId/);
  });

  it('refuses unknown roles', () => {
    expect(() => mintAccessToken({ sub: 'u', roles: ['king' as never], organisations: ['fi-demo'] }, key)).toThrow(/unknown roles: king/);
  });
});
