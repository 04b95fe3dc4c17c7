import { BadRequestException, NotFoundException } from '@nestjs/common';
import { conflict as conflictException, isExclusionViolation, isUniqueViolation } from '@clientfees/platform';

/** A domain refusal as HTTP: a broken rule is 400, the state of the thing 409; both name a field. */
export function refuse(refusal: { kind: 'rule' | 'state'; reason: string }, field = 'request'): never {
  if (refusal.kind === 'state') throw conflictException(`${field}: ${refusal.reason}`, field, refusal.reason);
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${refusal.reason}`, problems: [{ field, reason: refusal.reason }] });
}

export function badRequest(field: string, reason: string): never {
  refuse({ kind: 'rule', reason }, field);
}

export function conflict(field: string, reason: string): never {
  refuse({ kind: 'state', reason }, field);
}

export function notFound(what: string): never {
  throw new NotFoundException({ statusCode: 404, message: `no ${what}` });
}

/** Runs a write and answers a unique or exclusion violation as 409 with the given reason. */
export async function orConflict<T>(work: () => Promise<T>, field: string, reason: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error) || isExclusionViolation(error)) conflict(field, reason);
    throw error;
  }
}
