import { ForbiddenException } from '@nestjs/common';
import { assertMayActForProvider } from './roles.guard';

describe('a service-provider user', () => {
  const provider = { sub: 'u1', roles: ['service-provider' as const], organisations: ['fi-kouvola'], providerId: 'p-1' };

  it('may act for its own provider', () => {
    expect(() => assertMayActForProvider(provider, 'p-1')).not.toThrow();
  });

  it('may not act for another provider', () => {
    expect(() => assertMayActForProvider(provider, 'p-2')).toThrow(ForbiddenException);
  });

  it('does not bind the municipality’s own staff to a provider', () => {
    expect(() => assertMayActForProvider({ sub: 'u2', roles: ['finance-centre'], organisations: ['fi-kouvola'] }, 'p-2')).not.toThrow();
  });
});
