import { ConflictException } from '@nestjs/common';
import type { FieldProblem } from './errors';

/**
 * 409: the request is well formed but the thing it acts on is in a state that refuses it (already
 * closed, already billed, overlapping a period). Every conflict answer is built here, so the body
 * is the same everywhere: `{ statusCode, message, problems: [{ field, reason }] }`.
 */
export function conflict(message: string, field: string, reason: string = message): ConflictException {
  const problems: FieldProblem[] = [{ field, reason }];
  return new ConflictException({ statusCode: 409, message, problems });
}
