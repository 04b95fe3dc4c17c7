import {
  BadRequestException,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AccessClaims, Role } from '@clientfees/contracts';
import { SERVICE_CONFIG } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import { InvalidAccessTokenError, verifyAccessToken } from './access-token';
import { mayAccess, ResourceOwner, RouteScope, SCOPE_KEY, ScopeResolvers, scopeOf } from './scope';

export const ROLES_KEY = 'clientfees:roles';
export const PUBLIC_KEY = 'clientfees:public';

/** The roles allowed to call a route (any one of them suffices). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A route anyone may call without a token (health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** What the guard found the request acts on: for the audit log and the handler. */
export interface ResolvedScope {
  organisationId: string | null;
  resourceKind: string | null;
  resourceId: string | null;
}

type AuthenticatedRequest = Request & { user?: AccessClaims; resourceOwner?: ResourceOwner; accessScope?: ResolvedScope };

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessClaims => {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new UnauthorizedException('not authenticated');
    return user;
  },
);

/** The owner of the resource a `Scope.resource` route acts on, as the guard resolved it. */
export const ResourceOwnerOf = createParamDecorator((_data: unknown, context: ExecutionContext): ResourceOwner => {
  const owner = context.switchToHttp().getRequest<AuthenticatedRequest>().resourceOwner;
  if (!owner) throw new Error('ResourceOwnerOf used on a route without Scope.resource');
  return owner;
});

/**
 * The guard on every HTTP route: token, roles, then scope. A route that declares neither roles
 * nor @Public() is refused, so forgetting the declaration fails closed; a route without a scope
 * stops the service from starting (`assertEveryRouteDeclaresAccess`).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly resolvers: ScopeResolvers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('a bearer token is required');
    try {
      request.user = verifyAccessToken(match[1], this.config.AUTH_SIGNING_KEY);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw new UnauthorizedException(`invalid token: ${error.message}`);
      throw error;
    }

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed || allowed.length === 0) throw new ForbiddenException('this route declares no roles');
    if (!request.user.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(`requires one of the roles: ${allowed.join(', ')}`);
    }

    const scope = this.reflector.getAllAndOverride<RouteScope | undefined>(SCOPE_KEY, targets);
    if (scope) await this.enforceScope(scope, request);
    return true;
  }

  private async enforceScope(scope: RouteScope, request: AuthenticatedRequest): Promise<void> {
    const caller = scopeOf(request.user!);
    if (scope.kind === 'caller') {
      request.accessScope = { organisationId: caller.organisations.length === 1 ? caller.organisations[0] : null, resourceKind: null, resourceId: null };
      return;
    }
    if (scope.kind === 'organisation') {
      const source = scope.source === 'query' ? request.query : scope.source === 'body' ? request.body : request.params;
      const value = (source as Record<string, unknown> | undefined)?.[scope.field];
      if (typeof value !== 'string' || value.length === 0) {
        throw new BadRequestException({ statusCode: 400, message: `${scope.field}: is required`, problems: [{ field: scope.field, reason: 'is required' }] });
      }
      if (!caller.organisations.includes(value)) throw new NotFoundException(`no organisation ${value}`);
      request.accessScope = { organisationId: value, resourceKind: null, resourceId: null };
      return;
    }
    const id = request.params[scope.param];
    if (typeof id !== 'string') throw new NotFoundException(`no ${scope.resource}`);
    const owner = await this.resolvers.ownerOf(scope.resource, id);
    if (!owner || !mayAccess(caller, owner)) throw new NotFoundException(`no ${scope.resource} ${id}`);
    request.resourceOwner = owner;
    request.accessScope = { organisationId: owner.organisationId, resourceKind: scope.resource, resourceId: id };
  }
}

/** A service-provider user may act only for the provider its token is bound to. */
export function assertMayActForProvider(user: AccessClaims, providerId: string): void {
  const onlyProvider = user.roles.every((role) => role === 'service-provider');
  if (onlyProvider && user.providerId !== providerId) {
    throw new ForbiddenException('a service-provider user may act only for its own provider');
  }
}
