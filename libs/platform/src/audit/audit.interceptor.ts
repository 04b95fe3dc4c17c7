import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AccessClaims } from '@clientfees/contracts';
import { DomainValidationError } from '@clientfees/domain';
import { Database } from '../database/database';
import { SERVICE_LOGGER } from '../tokens';
import { ACTION_KEY } from '../auth/may-do';
import type { ResolvedScope } from '../auth/roles.guard';
import { AUDIT_READ_KEY, PersonalDataKind } from './audit-read';
import { AuditEntry, AuditOutcome, insertAuditEntry } from './audit-log.queries';
import { runInRequest } from './request-context';

type AuditedRequest = Request & { user?: AccessClaims; accessScope?: ResolvedScope };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const GROUNDS_FIELDS = ['grounds', 'reason', 'note'] as const;

/**
 * Writes the audit log (ADR 0012) for every authenticated request that changes something and
 * for every read a route marks with `@AuditRead`: a platform interceptor on every route, so a
 * new route cannot forget it. It also runs the handler in a request context, from which every
 * transaction takes the actor for the history triggers. A read's data leaves only once its
 * entry is stored; a change that was made is answered even if its entry could not be stored,
 * and that failure is logged as an error.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: Database,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const user = request.user;
    if (!user) return next.handle(); // a public route: nobody to attribute
    const targets = [context.getHandler(), context.getClass()];
    const personalData = this.reflector.getAllAndOverride<PersonalDataKind | undefined>(AUDIT_READ_KEY, targets) ?? null;
    const audited = !READS.has(request.method) || personalData !== null;
    const requestId = randomUUID();
    const handled = runInRequest({ requestId, actor: user.sub, roles: user.roles }, () => next.handle());
    if (!audited) return handled;

    const entry = (status: number, outcome: AuditOutcome, records: number | null, refusal: string | null): AuditEntry => ({
      requestId,
      actor: user.sub,
      roles: user.roles,
      organisationId: request.accessScope?.organisationId ?? null,
      action: this.reflector.getAllAndOverride<string | undefined>(ACTION_KEY, targets) ?? routeOf(request),
      route: routeOf(request),
      resourceKind: request.accessScope?.resourceKind ?? null,
      resourceId: request.accessScope?.resourceId ?? pathId(request),
      personalData,
      records,
      status,
      outcome,
      grounds: groundsOf(request.body),
      refusal,
    });
    const response = context.switchToHttp().getResponse<Response>();
    return from(
      (async () => {
        let value: unknown;
        try {
          value = await lastValueFrom(handled, { defaultValue: undefined });
        } catch (error) {
          const status = statusOf(error);
          await this.store(entry(status, status < 500 ? 'refused' : 'failed', null, messageOf(error)), false);
          throw error;
        }
        const records = personalData === null ? null : Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
        await this.store(entry(response.statusCode, 'done', records, null), personalData !== null);
        return value;
      })(),
    );
  }

  private async store(entry: AuditEntry, required: boolean): Promise<void> {
    try {
      await this.db.transaction((tx) => insertAuditEntry(tx, entry));
    } catch (error) {
      this.logger.error({ err: error, requestId: entry.requestId, action: entry.action }, 'audit entry not stored');
      if (required) throw new ServiceUnavailableException('the access could not be recorded in the audit log, so the data is not shown; try again');
    }
  }
}

/** The route's pattern (`POST /invoices/:id/credit-notes`): never the ids themselves. */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: string } | undefined)?.path;
  return `${request.method} ${pattern ? `${request.baseUrl}${pattern}` : request.path}`;
}

function pathId(request: Request): string | null {
  const params = request.params as Record<string, string | undefined>;
  return params.id ?? Object.values(params).find((value): value is string => typeof value === 'string') ?? null;
}

/** What the person gave as the reason for the decision, as they gave it. */
function groundsOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const given = GROUNDS_FIELDS.map((field) => (body as Record<string, unknown>)[field]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return given.length > 0 ? given.join(' — ').slice(0, 2000) : null;
}

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof DomainValidationError) return 400;
  return 500;
}

function messageOf(error: unknown): string {
  if (error instanceof DomainValidationError) return `${error.field ?? 'request'}: ${error.reason}`;
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    return (Array.isArray(message) ? message.join('; ') : String(message ?? error.message)).slice(0, 2000);
  }
  return 'internal error';
}
