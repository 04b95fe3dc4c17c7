import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { Observable, throwError } from 'rxjs';
import { DomainValidationError, isRuleRefusal } from '@clientfees/domain';
import { outageOf } from './outages';
import { ruleRefusalBody } from './problems';

export interface FieldProblem {
  field: string;
  reason: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** DTO validation: unknown fields are refused and every problem names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
        problems,
      });
    },
  });
}

/**
 * The answer for an error, by its meaning (docs/conventions.md): a malformed or implausible value
 * 400, a rule of the domain refusing a well-formed request 422, HTTP errors as they are, an outage
 * 503, anything else 500.
 */
function answerFor(exception: unknown, logger: Logger): { status: number; body: Record<string, unknown> } {
  if (isRuleRefusal(exception)) return { status: 422, body: ruleRefusalBody(exception) };
  if (exception instanceof DomainValidationError) {
    const field = exception.field ?? 'request';
    return {
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: `${field}: ${exception.reason}`, problems: [{ field, reason: exception.reason }] },
    };
  }
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    return { status: exception.getStatus(), body: typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : (body as Record<string, unknown>) };
  }
  const outage = outageOf(exception);
  if (outage) {
    logger.warn({ dependency: outage.dependency }, 'dependency unavailable');
    return {
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message: outage.message, retryAfterSeconds: outage.retryAfterSeconds },
    };
  }
  logger.error({ err: exception }, 'unhandled error');
  return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'internal error' } };
}

/**
 * Turns an invalid value into 400 with its field and reason, a rule's refusal into 422 naming the
 * rule (ADR 0033), passes HTTP errors through,
 * and answers anything unexpected with 500 without leaking internals. On the TCP transport the
 * same body goes back to the sending service as the message's error.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    const { status, body } = answerFor(exception, this.logger);
    if (host.getType() === 'rpc') return throwError(() => ({ status, ...body }));
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (status === 503) response.setHeader('Retry-After', String(body.retryAfterSeconds ?? 5));
    response.status(status).json(body);
  }
}
