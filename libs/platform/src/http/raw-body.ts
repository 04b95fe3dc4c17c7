import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor, SetMetadata, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { raw } from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';

/**
 * Routes whose body is a file, not JSON (a camt.054 notification, a provider's attachment). The
 * application-wide parser reads only JSON; such a route declares what it takes with `@RawBody`,
 * and `RawBodyInterceptor` reads the bytes once the guards have let the caller in (an
 * unauthenticated caller never gets megabytes buffered) and before the idempotency interceptor
 * hashes the request, so that the hash covers every byte of the file (ADR 0028).
 */
export interface RawBodySpec {
  /** The media types the route takes (`application/*+xml` matches any `+xml` subtype); another is a 415. */
  mediaTypes: readonly string[];
  /** The largest body the route can legitimately carry; a larger one is a 413, refused unread when its length is declared. */
  limitBytes: number;
}

const RAW_BODY = 'clientfees:raw-body';
/** Where the bytes are kept on the request: apart from `body`, which stays what the JSON parser left. */
const RAW_BYTES = Symbol('clientfees:raw-bytes');

interface RequestWithRawBody extends Request {
  [RAW_BYTES]?: Buffer;
}

/** Declares that the route's body is read as bytes, of these media types and at most this size. */
export const RawBody = (spec: RawBodySpec): MethodDecorator => SetMetadata(RAW_BODY, spec);

/** The bytes of a `@RawBody` route's body (empty when none was sent); undefined on any other route. */
export function rawBodyOf(request: Request): Buffer | undefined {
  return (request as RequestWithRawBody)[RAW_BYTES];
}

/** The media type of the request without its parameters, lower case ('' when there is none). */
export function mediaTypeOf(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Whether `type` is one of `patterns`; a `*` in a pattern stands for any characters but `/`. */
export function mediaTypeMatches(type: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const expression = pattern
      .toLowerCase()
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    return new RegExp(`^${expression}$`).test(type);
  });
}

const formatBytes = (bytes: number): string => `${bytes.toLocaleString('en-US')} bytes`;

/** Reads the body of every `@RawBody` route as bytes, after the guards and before the idempotency hash. */
@Injectable()
export class RawBodyInterceptor implements NestInterceptor {
  private readonly readers = new Map<number, RequestHandler>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const spec = this.reflector.get<RawBodySpec | undefined>(RAW_BODY, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithRawBody>();
    return from(this.read(request, context.switchToHttp().getResponse<Response>(), spec)).pipe(switchMap(() => next.handle()));
  }

  private async read(request: RequestWithRawBody, response: Response, spec: RawBodySpec): Promise<void> {
    const type = mediaTypeOf(request);
    if (!mediaTypeMatches(type, spec.mediaTypes)) {
      const reason = `must be one of ${spec.mediaTypes.join(', ')}`;
      throw new UnsupportedMediaTypeException({ statusCode: 415, error: 'Unsupported Media Type', message: `content-type: ${reason}`, problems: [{ field: 'content-type', reason }] });
    }
    const read = this.readerFor(spec.limitBytes);
    const before = request.body;
    try {
      await new Promise<void>((resolve, reject) => read(request, response, (error?: unknown) => (error ? reject(error) : resolve())));
    } catch (error) {
      throw asProblem(error, spec);
    }
    request[RAW_BYTES] = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    request.body = before;
  }

  private readerFor(limitBytes: number): RequestHandler {
    let reader = this.readers.get(limitBytes);
    if (!reader) {
      // The media type is checked above; the reader takes whatever it is.
      reader = raw({ type: () => true, limit: limitBytes });
      this.readers.set(limitBytes, reader);
    }
    return reader;
  }
}

/** The reader's refusals (413 too large, 400 aborted or a wrong length) as the platform's problem answers. */
function asProblem(error: unknown, spec: RawBodySpec): unknown {
  const status = (error as { status?: unknown })?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return error;
  const reason = status === HttpStatus.PAYLOAD_TOO_LARGE ? `this route accepts at most ${formatBytes(spec.limitBytes)}` : (error as Error).message;
  const title = status === HttpStatus.PAYLOAD_TOO_LARGE ? 'Payload Too Large' : 'Bad Request';
  return new HttpException({ statusCode: status, error: title, message: `body: ${reason}`, problems: [{ field: 'body', reason }] }, status);
}
