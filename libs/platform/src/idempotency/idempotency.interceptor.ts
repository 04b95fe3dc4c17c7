import { BadRequestException, CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AccessClaims } from '@clientfees/contracts';
import { DomainValidationError } from '@clientfees/domain';
import { Database } from '../database/database';
import { SERVICE_CONFIG } from '../tokens';
import type { ServiceConfig } from '../config/service-config';
import { conflict } from '../http/problems';
import { rawBodyOf } from '../http/raw-body';
import { claimKey, findRequest, IdempotentRequestKey, releaseKey, storeAnswer, StoredRequest, takeOver } from './idempotency.queries';
import { runWithIdempotencyKey } from './idempotent-request';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Makes every write safe to resend (ADR 0028). A write sent with an `Idempotency-Key` header is
 * carried out once per caller and key: a resend with the same request gets the first answer
 * (`Idempotent-Replayed: true`), a different request under the same key is a 409, and a resend
 * while the first is still running is a 409 with `Retry-After`. If the first attempt's process
 * died before any of its transactions committed, a resend after IDEMPOTENCY_ABANDON_AFTER_MS takes
 * it over; if it died after committing, the resend is told so instead of doing it twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: Database,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: AccessClaims }>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !WRITES.has(request.method)) return next.handle();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new BadRequestException({
        statusCode: 400,
        message: 'Idempotency-Key: must be 1 to 255 printable ASCII characters, sent once',
        problems: [{ field: 'Idempotency-Key', reason: 'must be 1 to 255 printable ASCII characters, sent once' }],
      });
    }
    const key: IdempotentRequestKey = { caller: request.user?.sub ?? 'anonymous', key: header };
    const hash = requestHash(request);
    const response = context.switchToHttp().getResponse<Response>();
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return from(this.handle(key, hash, response, successStatus, next));
  }

  private async handle(key: IdempotentRequestKey, hash: string, response: Response, successStatus: number, next: CallHandler): Promise<unknown> {
    if (!(await this.db.transaction((tx) => claimKey(tx, key, hash)))) {
      const stored = await this.db.read((tx) => findRequest(tx, key));
      if (!stored) return this.handle(key, hash, response, successStatus, next); // released meanwhile
      const decision = this.resend(stored, hash, response);
      if (decision !== 'take-over') {
        response.setHeader('Idempotent-Replayed', 'true');
        return decision.answer;
      }
      if (!(await this.db.transaction((tx) => takeOver(tx, key, stored.startedAt)))) throw inProgress(response);
    }
    let value: unknown;
    try {
      value = await runWithIdempotencyKey(key, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (error) {
      const status = statusOf(error);
      if (status < 500) await this.db.transaction((tx) => storeAnswer(tx, key, status, bodyOf(error)));
      else await this.db.transaction((tx) => releaseKey(tx, key)); // nothing of it committed: a resend may try afresh
      throw error;
    }
    await this.db.transaction((tx) => storeAnswer(tx, key, successStatus, value));
    return value;
  }

  /** What a resend gets: the first answer, a refusal, or the go-ahead to take an abandoned request over. */
  private resend(stored: StoredRequest, hash: string, response: Response): { answer: unknown } | 'take-over' {
    if (stored.requestHash !== hash) {
      throw conflict('Idempotency-Key was already used for a different request', 'Idempotency-Key', 'was already used for a different request; use a new key');
    }
    if (stored.status !== null) {
      if (stored.status >= 400) throw new HttpException(stored.response as object, stored.status);
      return { answer: stored.response };
    }
    if (stored.committed) {
      throw conflict(
        'the request with this Idempotency-Key was carried out, but its answer was lost when the service stopped; look the result up instead of resending',
        'Idempotency-Key',
        'was carried out; its answer was lost',
      );
    }
    if (stored.ageMs < this.config.IDEMPOTENCY_ABANDON_AFTER_MS) throw inProgress(response);
    return 'take-over';
  }
}

function inProgress(response: Response): HttpException {
  response.setHeader('Retry-After', '1');
  return conflict('a request with this Idempotency-Key is still being carried out; resend it in a moment', 'Idempotency-Key', 'is in progress');
}

/**
 * What was asked: method, path with query, content type and length, and the body — every byte of
 * a file read by `@RawBody` (read before this interceptor runs), else the parsed JSON.
 */
function requestHash(request: Request): string {
  const hash = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${request.headers['content-type'] ?? ''}\n${request.headers['content-length'] ?? ''}\n`);
  const bytes = rawBodyOf(request);
  return (bytes ? hash.update('raw\n').update(bytes) : hash.update(JSON.stringify(request.body ?? null))).digest('hex');
}

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof DomainValidationError) return 400;
  return 500;
}

function bodyOf(error: unknown): object {
  if (error instanceof DomainValidationError) {
    const field = error.field ?? 'request';
    return { statusCode: 400, error: 'Bad Request', message: `${field}: ${error.reason}`, problems: [{ field, reason: error.reason }] };
  }
  const body = (error as HttpException).getResponse();
  return typeof body === 'string' ? { statusCode: (error as HttpException).getStatus(), message: body } : body;
}
