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
import { DomainValidationError } from '@clientfees/domain';

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
 * Turns a broken domain rule into 400 with its field and reason, passes HTTP errors through,
 * and answers anything unexpected with 500 without leaking internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainValidationError) {
      const field = exception.field ?? 'request';
      response.status(400).json({
        statusCode: 400,
        error: 'Bad Request',
        message: `${field}: ${exception.reason}`,
        problems: [{ field, reason: exception.reason }],
      });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response
        .status(exception.getStatus())
        .json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    this.logger.error({ err: exception }, 'unhandled error');
    response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
  }
}
