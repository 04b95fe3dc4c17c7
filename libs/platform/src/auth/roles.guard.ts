import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AccessClaims, Role } from '@clientfees/contracts';
import { SERVICE_CONFIG } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import { InvalidAccessTokenError, verifyAccessToken } from './access-token';

const ROLES_KEY = 'clientfees:roles';
const PUBLIC_KEY = 'clientfees:public';

/** The roles allowed to call a route (any one of them suffices). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A route anyone may call without a token (health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

type AuthenticatedRequest = Request & { user?: AccessClaims };

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessClaims => {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new UnauthorizedException('not authenticated');
    return user;
  },
);

/**
 * The guard on every HTTP route. A route that declares neither roles nor @Public() is refused,
 * so forgetting the declaration fails closed.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
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
    return true;
  }
}

/** A service-provider user may act only for the provider its token is bound to. */
export function assertMayActForProvider(user: AccessClaims, providerId: string): void {
  const onlyProvider = user.roles.every((role) => role === 'service-provider');
  if (onlyProvider && user.providerId !== providerId) {
    throw new ForbiddenException('a service-provider user may act only for its own provider');
  }
}
