import jwt from 'jsonwebtoken';
import { mintAccessToken } from '../auth/access-token';
import { InvalidServiceTokenError, mintServiceToken, verifyServiceToken } from './service-token';

const key = 'a-test-signing-key-that-is-long-enough';

describe('service tokens for messages between services', () => {
  it('names the sending service', () => {
    expect(verifyServiceToken(mintServiceToken('collection', key), key)).toBe('collection');
  });

  it('refuses a missing token, another key, an expired token and a user’s access token', () => {
    expect(() => verifyServiceToken(undefined, key)).toThrow(/no service token/);
    expect(() => verifyServiceToken(mintServiceToken('collection', 'another-key-another-key-another-key'), key)).toThrow(InvalidServiceTokenError);
    expect(() => verifyServiceToken(mintServiceToken('collection', key, -5), key)).toThrow(/expired/);
    const user = mintAccessToken({ sub: 'u', roles: ['finance-centre'], organisations: ['fi-demo'] }, key);
    expect(() => verifyServiceToken(user, key)).toThrow(/audience/);
  });

  it('refuses a token that names no clientfees service', () => {
    const odd = jwt.sign({ svc: 'payroll' }, key, { algorithm: 'HS256', audience: 'clientfees:messages', expiresIn: 60 });
    expect(() => verifyServiceToken(odd, key)).toThrow(/names no clientfees service/);
  });
});
