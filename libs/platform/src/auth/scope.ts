import { Injectable, SetMetadata } from '@nestjs/common';
import type { AccessClaims } from '@clientfees/contracts';

/**
 * Which organisation (wellbeing services county / municipality) a route acts on, declared on
 * every route beside its roles. The guard enforces it before the handler runs; a caller outside
 * the scope gets 404, never a 403 that would confirm the resource exists.
 *
 * - `organisation`: the request names the organisation (query, body or path field).
 * - `resource`: the path names a resource; its owner comes from the resolver registered for
 *   `resource` (`ScopeResolvers.register`).
 * - `caller`: the handler itself narrows what it reads to `scopeOf(user)` (e.g. the caller's
 *   own inbox across its organisations). Use sparingly; prefer the two above.
 */
export type RouteScope =
  | { kind: 'organisation'; source: 'query' | 'body' | 'param'; field: string }
  | { kind: 'resource'; resource: string; param: string }
  | { kind: 'caller' };

export const SCOPE_KEY = 'clientfees:scope';

export const Scope = {
  organisationFromQuery: (field = 'organisationId') => SetMetadata(SCOPE_KEY, { kind: 'organisation', source: 'query', field } satisfies RouteScope),
  organisationFromBody: (field = 'organisationId') => SetMetadata(SCOPE_KEY, { kind: 'organisation', source: 'body', field } satisfies RouteScope),
  organisationFromParam: (field = 'organisationId') => SetMetadata(SCOPE_KEY, { kind: 'organisation', source: 'param', field } satisfies RouteScope),
  resource: (resource: string, param = 'id') => SetMetadata(SCOPE_KEY, { kind: 'resource', resource, param } satisfies RouteScope),
  caller: () => SetMetadata(SCOPE_KEY, { kind: 'caller' } satisfies RouteScope),
};

/** Who owns a resource: its organisation and, where they apply, its debiting area and provider. */
export interface ResourceOwner {
  organisationId: string;
  /** laskutusalue / debiteringsområde: a unit manager is limited to their own. */
  debitingArea?: string | null;
  /** A service provider's resource: only that provider's users see it. */
  providerId?: string | null;
}

export type ResourceOwnerLookup = (id: string) => Promise<ResourceOwner | undefined>;

/**
 * The owner lookups of one service, by resource name. A service registers one per resource its
 * routes name (in an `onModuleInit`); the platform refuses to start when a route names a
 * resource nobody registered.
 */
@Injectable()
export class ScopeResolvers {
  private readonly lookups = new Map<string, ResourceOwnerLookup>();

  register(resource: string, lookup: ResourceOwnerLookup): void {
    if (this.lookups.has(resource)) throw new Error(`a scope resolver for "${resource}" is already registered`);
    this.lookups.set(resource, lookup);
  }

  has(resource: string): boolean {
    return this.lookups.has(resource);
  }

  ownerOf(resource: string, id: string): Promise<ResourceOwner | undefined> {
    const lookup = this.lookups.get(resource);
    if (!lookup) throw new Error(`no scope resolver for "${resource}"`);
    return lookup(id);
  }
}

/** The part of the caller's claims that scope decides on. */
export interface CallerScope {
  organisations: readonly string[];
  debitingAreas?: readonly string[];
  providerId?: string;
  /** True when every role the caller holds is bound to a provider (a service-provider user). */
  providerBound: boolean;
  /** True when every role the caller holds is limited to debiting areas (a unit manager). */
  areaBound: boolean;
}

export function scopeOf(user: AccessClaims): CallerScope {
  return {
    // A token without the claim never gets this far (verifyAccessToken); an empty list sees nothing.
    organisations: user.organisations ?? [],
    debitingAreas: user.debitingAreas,
    providerId: user.providerId,
    providerBound: user.roles.length > 0 && user.roles.every((role) => role === 'service-provider'),
    areaBound: user.roles.length > 0 && user.roles.every((role) => role === 'unit-manager') && user.debitingAreas !== undefined,
  };
}

/** Whether the caller may see a resource with this owner. */
export function mayAccess(scope: CallerScope, owner: ResourceOwner): boolean {
  if (!scope.organisations.includes(owner.organisationId)) return false;
  if (scope.providerBound && owner.providerId !== undefined && owner.providerId !== scope.providerId) return false;
  if (scope.areaBound && owner.debitingArea != null && !scope.debitingAreas!.includes(owner.debitingArea)) return false;
  return true;
}
