import { BadRequestException, ExecutionContext, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessClaims } from '@clientfees/contracts';
import type { ServiceConfig } from '../config/service-config';
import { MessageFrom } from '../messages/message-from';
import { mintServiceToken } from '../messages/service-token';
import { mintAccessToken } from './access-token';
import { MalformedResourceIdError } from './owner-lookup';
import { assertMayActForProvider, Roles, RolesGuard } from './roles.guard';
import { Scope, ScopeResolvers } from './scope';

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

describe('RolesGuard', () => {
  const key = 'a-test-signing-key-that-is-long-enough';
  const resolvers = new ScopeResolvers();
  resolvers.register('invoice', async (id) => {
    if (id === 'bad id') throw new MalformedResourceIdError('must be a UUID');
    return id === 'inv-a' ? { organisationId: 'fi-a', debitingArea: 'NORTH' } : undefined;
  });
  const guard = new RolesGuard(new Reflector(), { AUTH_SIGNING_KEY: key } as ServiceConfig, resolvers);

  class Routes {
    @Roles('finance-centre', 'unit-manager')
    @Scope.organisationFromQuery()
    list() {}

    @Roles('finance-centre', 'unit-manager')
    @Scope.resource('invoice')
    one() {}

    @MessageFrom('collection')
    message() {}
  }
  const http = (handler: keyof Routes, request: Record<string, unknown>) =>
    ({
      getType: () => 'http',
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => ({ headers: {}, query: {}, params: {}, body: {}, ...request }) }),
    }) as unknown as ExecutionContext;
  const rpc = (data: unknown) =>
    ({ getType: () => 'rpc', getHandler: () => Routes.prototype.message, getClass: () => Routes, switchToRpc: () => ({ getData: () => data }) }) as unknown as ExecutionContext;
  const bearer = (claims: Partial<AccessClaims> = {}) => ({
    authorization: `Bearer ${mintAccessToken({ sub: 'u', roles: ['finance-centre'], organisations: ['fi-a'], ...claims }, key)}`,
  });

  it('lets a caller of the organisation through, and answers another organisation with 404', async () => {
    await expect(guard.canActivate(http('list', { headers: bearer(), query: { organisationId: 'fi-a' } }))).resolves.toBe(true);
    await expect(guard.canActivate(http('list', { headers: bearer({ organisations: ['fi-b'] }), query: { organisationId: 'fi-a' } }))).rejects.toThrow(NotFoundException);
    await expect(guard.canActivate(http('list', { headers: bearer(), query: {} }))).rejects.toThrow(BadRequestException);
  });

  it('finds a resource’s owner and answers 404 alike for another organisation’s, another area’s and a missing one', async () => {
    await expect(guard.canActivate(http('one', { headers: bearer(), params: { id: 'inv-a' } }))).resolves.toBe(true);
    const cases: Array<[Partial<AccessClaims>, string]> = [
      [{ organisations: ['fi-b'] }, 'inv-a'],
      [{ roles: ['unit-manager'], debitingAreas: ['SOUTH'] }, 'inv-a'],
      [{}, 'inv-missing'],
    ];
    for (const [claims, id] of cases) {
      await expect(guard.canActivate(http('one', { headers: bearer(claims), params: { id } }))).rejects.toThrow(NotFoundException);
    }
    // An id that no resource could have is the caller's mistake, named as such.
    await expect(guard.canActivate(http('one', { headers: bearer(), params: { id: 'bad id' } }))).rejects.toMatchObject({
      response: { problems: [{ field: 'id', reason: 'must be a UUID' }] },
    });
  });

  it('refuses a route to a role it does not name (403) and a request without a token (401)', async () => {
    await expect(guard.canActivate(http('list', { headers: bearer({ roles: ['caseworker'] }), query: { organisationId: 'fi-a' } }))).rejects.toThrow(ForbiddenException);
    await expect(guard.canActivate(http('list', { query: { organisationId: 'fi-a' } }))).rejects.toThrow(UnauthorizedException);
  });

  it('accepts a message only in its envelope, with a service token, from a sender the pattern names', async () => {
    await expect(guard.canActivate(rpc({ auth: mintServiceToken('collection', key), body: {} }))).resolves.toBe(true);
    await expect(guard.canActivate(rpc({ id: 'x' }))).rejects.toThrow(BadRequestException);
    await expect(guard.canActivate(rpc({ body: {} }))).rejects.toThrow(UnauthorizedException);
    await expect(guard.canActivate(rpc({ auth: mintServiceToken('debt-followup', key), body: {} }))).rejects.toThrow(ForbiddenException);
  });

  it('refuses any other transport', async () => {
    await expect(guard.canActivate({ getType: () => 'ws' } as unknown as ExecutionContext)).resolves.toBe(false);
  });
});
