import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './roles.guard';
import { ACTION_KEY } from './may-do';
import { RouteScope, SCOPE_KEY, ScopeResolvers } from './scope';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

/** One HTTP route of a service, with what it declares about who may call it. */
export interface DeclaredRoute {
  controller: string;
  handler: string;
  method: string;
  path: string;
  public: boolean;
  roles: string[];
  /** The matrix action the route declares with `@MayDo`, when it does. */
  action?: string;
  scope?: RouteScope;
}

/** Every HTTP route of the application, read from the controllers Nest registered. */
export function listDeclaredRoutes(app: INestApplication): DeclaredRoute[] {
  const discovery = app.get(DiscoveryService);
  const reflector = app.get(Reflector);
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type?.prototype) continue;
    const base = normalise(Reflect.getMetadata(PATH_METADATA, type));
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (path === undefined || method === undefined) continue;
      const targets = [handler, type];
      routes.push({
        controller: type.name,
        handler: name,
        method: HTTP_METHODS[method] ?? String(method),
        path: `/${[base, normalise(path)].filter(Boolean).join('/')}`,
        public: reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        roles: reflector.getAllAndOverride<string[]>(ROLES_KEY, targets) ?? [],
        action: reflector.getAllAndOverride<string>(ACTION_KEY, targets),
        scope: reflector.getAllAndOverride<RouteScope>(SCOPE_KEY, targets),
      });
    }
  }
  return routes;
}

function normalise(path: string | string[] | undefined): string {
  const first = Array.isArray(path) ? path[0] : path;
  return (first ?? '').replace(/^\/+|\/+$/g, '');
}

/**
 * Refuses to start a service with a route that is neither public nor declares its roles and its
 * scope, or that names a resource no resolver owns: a new route cannot forget tenancy.
 */
export function assertEveryRouteDeclaresAccess(app: INestApplication): void {
  const resolvers = app.get(ScopeResolvers);
  const problems = listDeclaredRoutes(app).flatMap((route) => {
    if (route.public) return [];
    const where = `${route.method} ${route.path} (${route.controller}.${route.handler})`;
    const found: string[] = [];
    if (route.roles.length === 0) found.push(`${where} declares no roles`);
    if (!route.scope) found.push(`${where} declares no scope`);
    else if (route.scope.kind === 'resource' && !resolvers.has(route.scope.resource)) {
      found.push(`${where} names resource "${route.scope.resource}", which has no scope resolver`);
    }
    return found;
  });
  if (problems.length > 0) throw new Error(`routes without access declarations:\n- ${problems.join('\n- ')}`);
}
