import { InvalidAccessTokenError, mintAccessToken, verifyAccessToken } from './access-token';

const key = 'a-test-signing-key-that-is-long-enough';

describe('access tokens', () => {
  it('round-trips the subject, roles and provider', () => {
    const token = mintAccessToken({ sub: 'provider-user-1', roles: ['service-provider'], providerId: 'p-42' }, key);
    expect(verifyAccessToken(token, key)).toEqual({ sub: 'provider-user-1', roles: ['service-provider'], providerId: 'p-42' });
  });

  it('rejects a token signed with another key', () => {
    const token = mintAccessToken({ sub: 'u', roles: ['finance-centre'] }, 'another-key-another-key-another-key');
    expect(() => verifyAccessToken(token, key)).toThrow(InvalidAccessTokenError);
  });

  it('rejects an expired token', () => {
    const token = mintAccessToken({ sub: 'u', roles: ['finance-centre'] }, key, -10);
    expect(() => verifyAccessToken(token, key)).toThrow(/expired/);
  });

  it('refuses a service-provider token without a provider', () => {
    expect(() => mintAccessToken({ sub: 'u', roles: ['service-provider'] }, key)).toThrow(/providerId/);
  });

  it('refuses unknown roles', () => {
    expect(() => mintAccessToken({ sub: 'u', roles: ['king' as never] }, key)).toThrow(/unknown roles: king/);
  });
});
