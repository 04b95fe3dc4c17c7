import { CanActivate, ExecutionContext, Injectable, PayloadTooLargeException, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FieldProblem } from './errors';

/**
 * What a request may carry before any controller sees it. Checked at the edge because a value
 * the database or the validator cannot take (a NUL byte, a body nested ten thousand deep) must
 * be a 400 that names the field, never a 500 from deep inside.
 */

/** The parser's hard cap: no route legitimately carries more JSON than this. */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;
/** A route's limit unless it declares its own with `@BodyLimit`. */
export const DEFAULT_JSON_BODY_BYTES = 256 * 1024;
/** Deeper than any DTO of ours nests (an invoice's rows are depth 3). */
export const MAX_BODY_DEPTH = 32;
/** Keys that would reach an object's prototype if a library ever merged the body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BODY_LIMIT = 'clientfees:body-limit';

/** Declares how many bytes of JSON a route can legitimately carry, from what it accepts. */
export const BodyLimit = (bytes: number): MethodDecorator & ClassDecorator => SetMetadata(BODY_LIMIT, bytes);

interface MeasuredRequest extends Request {
  bodyBytes?: number;
}

const problem = (response: Response, status: number, problems: FieldProblem[]): void => {
  response.status(status).json({
    statusCode: status,
    error: status === 413 ? 'Payload Too Large' : 'Bad Request',
    message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
    problems,
  });
};

const formatBytes = (bytes: number): string => `${bytes.toLocaleString('en-US')} bytes`;

/** The JSON parser with the hard cap; remembers how many bytes the body had. */
export function jsonBodyParser(): RequestHandler {
  return json({
    limit: MAX_JSON_BODY_BYTES,
    verify: (request, _response, buffer) => {
      (request as MeasuredRequest).bodyBytes = buffer.length;
    },
  });
}

/** body-parser's refusals as the platform's problem answers (it would otherwise become a 500). */
export function jsonBodyErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return next(error);
  if (type === 'entity.too.large') {
    return problem(response, 413, [{ field: 'body', reason: `must not exceed ${formatBytes(MAX_JSON_BODY_BYTES)}` }]);
  }
  const reason = type === 'entity.parse.failed' ? 'is not valid JSON' : (error as Error).message;
  problem(response, status === 413 ? 413 : 400, [{ field: 'body', reason }]);
}

/**
 * The first problem in a parsed value: a NUL in a string or key, a forbidden key, or nesting
 * beyond MAX_BODY_DEPTH. Iterative, so that the check itself cannot overflow the stack.
 */
export function findInputProblem(value: unknown, root: string): FieldProblem | undefined {
  const pending: Array<{ value: unknown; field: string; depth: number }> = [{ value, field: root, depth: 0 }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return { field: item.field, reason: 'must not contain a NUL character' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_BODY_DEPTH) return { field: item.field, reason: `must not be nested deeper than ${MAX_BODY_DEPTH} levels` };
    for (const [key, child] of Object.entries(item.value)) {
      const field = item.field ? `${item.field}.${key}` : key;
      if (key.includes('\u0000')) return { field: item.field || 'body', reason: 'a field name must not contain a NUL character' };
      if (FORBIDDEN_KEYS.has(key)) return { field, reason: 'is not an allowed field name' };
      pending.push({ value: child, field, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** Refuses NUL characters in the path, the query and the body, forbidden keys and deep bodies. */
export function inputShapeCheck(request: Request, response: Response, next: NextFunction): void {
  const path = request.originalUrl.split('?')[0];
  if (/%00/i.test(path)) return problem(response, 400, [{ field: 'path', reason: 'must not contain a NUL character' }]);
  const found = findInputProblem(request.query, '') ?? findInputProblem(request.body, '');
  if (found) return problem(response, 400, [{ ...found, field: found.field || 'body' }]);
  next();
}

/** Holds each route to its declared body limit (`@BodyLimit`) or the default. */
@Injectable()
export class BodyLimitGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<MeasuredRequest>();
    const limit =
      this.reflector.getAllAndOverride<number | undefined>(BODY_LIMIT, [context.getHandler(), context.getClass()]) ?? DEFAULT_JSON_BODY_BYTES;
    const bytes = request.bodyBytes ?? 0;
    if (bytes > limit) {
      const reason = `is ${formatBytes(bytes)}; this route accepts at most ${formatBytes(limit)}`;
      throw new PayloadTooLargeException({ statusCode: 413, error: 'Payload Too Large', message: `body: ${reason}`, problems: [{ field: 'body', reason }] });
    }
    return true;
  }
}
